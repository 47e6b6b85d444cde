#pragma once
// Reading a file that must be a regular file of bounded size: the size is checked
// before anything is allocated, and FIFOs, devices, sockets and directories are
// refused (opening one must not block, and /dev/zero must not fill memory).
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cc {

// Reads all of `path` (symlinks are followed; the file they name must be regular).
// `what` names the file in errors ("scenario file", "firmware image", ...).
// Throws Error: kNotFound (missing), kPermissionDenied, kInvalidArgument (not a regular
// file, or larger than max_bytes, also when it grows while being read), kIo.
std::string read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what);

}  // namespace cc
