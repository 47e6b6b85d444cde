// Arbitrary bytes as the install key files on disk (pseudonym key, signing key): a
// key of the wrong size, mode or kind must be refused with cc::Error, never used,
// never crash. Input: one byte of mode bits and kind, then the file contents.
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "fuzz_input.hpp"
#include "fuzz_scratch.hpp"
#include "report/install_key.hpp"
#include "report/install_signing.hpp"

namespace {

std::filesystem::path scratch() {
  static const cc::fuzz::ScratchDir dir("key");
  return dir.path();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  const std::uint8_t selector = in.byte();
  const auto contents = in.remaining();
  const auto path = scratch() / "install.key";
  std::filesystem::remove_all(path);
  switch (selector & 3) {
    case 0:
    case 1: {
      std::ofstream(path, std::ios::binary)
          .write(reinterpret_cast<const char*>(contents.data()), static_cast<std::streamsize>(contents.size()));
      ::chmod(path.c_str(), (selector & 1) ? 0640 : 0600);
      break;
    }
    case 2: ::mkfifo(path.c_str(), 0600); break;
    default: std::filesystem::create_symlink("/dev/zero", path); break;
  }
  try {
    const auto key = cc::report::load_or_create_install_key(path);
    if (key.size() != cc::report::kInstallKeySize) __builtin_trap();
  } catch (const cc::Error&) {
  }
  try {
    const auto signer = cc::report::InstallSigner::load_or_create(path);
    if (signer.public_key().size() != 32) __builtin_trap();
  } catch (const cc::Error&) {
  }
  return 0;
}
