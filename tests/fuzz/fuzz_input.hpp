#pragma once
// Carving one fuzz input into the pieces a target needs: bytes, small numbers and
// lengths, NUL-separated strings. Running out is never an error: everything after the
// end reads as zero or empty, so every input is a valid test case.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::fuzz {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : rest_(data, size) {}

  bool empty() const noexcept { return rest_.empty(); }
  std::size_t left() const noexcept { return rest_.size(); }

  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    const std::uint8_t b = rest_.front();
    rest_ = rest_.subspan(1);
    return b;
  }
  // Big-endian; the reads are sequenced so seeds decode the same everywhere.
  std::uint16_t u16() {
    const unsigned hi = byte();
    const unsigned lo = byte();
    return static_cast<std::uint16_t>((hi << 8) | lo);
  }
  std::uint32_t u32() {
    const std::uint32_t hi = u16();
    const std::uint32_t lo = u16();
    return (hi << 16) | lo;
  }

  std::vector<std::uint8_t> bytes(std::size_t n) {
    n = std::min(n, rest_.size());
    std::vector<std::uint8_t> out(rest_.begin(), rest_.begin() + static_cast<std::ptrdiff_t>(n));
    rest_ = rest_.subspan(n);
    return out;
  }
  // Up to the next NUL (consumed) or the end.
  std::string text() {
    std::string out;
    while (!rest_.empty()) {
      const std::uint8_t b = byte();
      if (b == 0) break;
      out += static_cast<char>(b);
    }
    return out;
  }
  std::vector<std::uint8_t> remaining() { return bytes(rest_.size()); }
  std::string remaining_text() {
    const auto b = remaining();
    return std::string(b.begin(), b.end());
  }

 private:
  std::span<const std::uint8_t> rest_;
};

}  // namespace cc::fuzz
