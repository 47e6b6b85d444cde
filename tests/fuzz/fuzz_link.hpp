#pragma once
// A device made of fuzz bytes at the Link boundary: each read hands out the next
// report (its length from one byte, so short and long reads both occur); when the
// input ends the device is silent once (kTimeout at once, never a real wait), then
// unplugged (kDisconnected). Targets give
// long timeouts: nothing waits, and a short one expired between two reports of one
// message on a loaded machine, so the fuzzer never got past the framing.
#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "fuzz_input.hpp"
#include "transport/link.hpp"

namespace cc::fuzz {

class FuzzLink final : public transport::Link {
 public:
  explicit FuzzLink(Input& input) : input_(input) {}
  std::string path() const override { return "udp:127.0.0.1:1"; }
  void write(std::span<const std::uint8_t> report) override { written_ += report.size(); }
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds) override {
    // Silence once; after that the device is gone, so a reader that polls in slices
    // (the Ctrl-C check) does not spin until its deadline.
    if (input_.empty()) {
      if (silent_++ == 0) throw Error(ErrorCode::kTimeout, "fuzz input ended");
      throw Error(ErrorCode::kDisconnected, "fuzz input ended");
    }
    const std::uint8_t selector = input_.byte();
    if (selector == 0xFF) throw Error(ErrorCode::kDisconnected, "fuzz unplug");
    const std::size_t n = std::min<std::size_t>(out.size(), selector < 0x80 ? transport::kReportSize : selector & 0x7F);
    const auto bytes = input_.bytes(n);
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return bytes.size();
  }
  std::size_t written() const noexcept { return written_; }

 private:
  Input& input_;
  std::size_t written_ = 0;
  unsigned silent_ = 0;
};

}  // namespace cc::fuzz
