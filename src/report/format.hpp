#pragma once
// The four report renderings and how a user names them.
#include <filesystem>
#include <string_view>

namespace cc::report {

enum class Format { kText, kJson, kHtml, kPb };

// "text"/"txt", "json", "html"/"htm", "pb"/"binary" (any case). Throws Error{kInvalidArgument}.
Format parse_format(std::string_view name);
// From ".txt", ".json", ".html"/".htm", ".pb"/".bin" (any case). Throws Error{kInvalidArgument}.
Format format_from_extension(const std::filesystem::path& path);
// "text", "json", "html", "pb".
std::string_view format_name(Format format);

}  // namespace cc::report
