#pragma once
// A data file compiled into the binary by cc_embed_files() (cmake/Coldcheck.cmake).
#include <string_view>

namespace cc {

struct EmbeddedFile {
  std::string_view name;   // file name without directory, e.g. "trezor-safe-3.textproto"
  std::string_view bytes;  // the whole file; bytes.data()[bytes.size()] is '\0'
};

}  // namespace cc
