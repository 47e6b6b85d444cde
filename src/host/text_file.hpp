#pragma once
// Small reads of /proc and /sys files, which are never large and may vanish at any time.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cc::host {

// The first `max_bytes` of the file, or nullopt when it cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes = 64 * 1024);

// Target of a symbolic link, or nullopt.
std::optional<std::string> read_link(const std::filesystem::path& path);

std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);

}  // namespace cc::host
