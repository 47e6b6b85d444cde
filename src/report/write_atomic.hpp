#pragma once
// Replacing a file so that readers see either the old bytes or the new ones, never a
// mix or a short file, even across a crash: temp file in the same directory, write,
// fsync, rename over the target, fsync the directory.
#include <filesystem>
#include <string_view>

namespace cc::report {

// The file ends up with mode 0600 (reports are meant to be shared deliberately, not by
// accident). On failure the temp file is removed and the old target is untouched.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace cc::report
