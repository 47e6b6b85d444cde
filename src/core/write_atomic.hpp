#pragma once
// Publishing report files so that nobody ever sees a short or mixed file and nothing
// that exists is ever replaced: temp file in the same directory, write, fsync, then
// link() it to the final name (link fails with EEXIST on anything already there: a
// file, a symlink, dangling or not, a device node), fsync the directory.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

// Creates `path` with `bytes`, mode 0600 (reports are meant to be shared deliberately,
// not by accident). Throws Error{kInvalidArgument} when the name is taken (never
// replaces it), Error{kNotFound}/kPermissionDenied/kIo otherwise. On any failure no
// temp file is left behind.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

struct RenderedFile {
  std::string extension;  // ".json"
  std::string bytes;
};

// A set of renderings under one fresh name in `dir`: <prefix><UTC time>-<random>.<ext>.
// All or nothing: when one file cannot be written, the ones already published are
// removed again and the error says that no report was written. A name taken by
// another run (same second) is never reused; a new random part is drawn.
// SIGINT, SIGTERM and SIGHUP wait while the set is written, so an interrupt cannot
// leave temp files or half a set. Returns the paths in the order given.
std::vector<std::filesystem::path> write_report_set(const std::filesystem::path& dir, std::string_view prefix,
                                                    const std::vector<RenderedFile>& files);

}  // namespace cc
