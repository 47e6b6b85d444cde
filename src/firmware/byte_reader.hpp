#pragma once
// Bounds-checked little-endian reads over an untrusted buffer. Every failure is a
// cc::Error{kInvalidArgument} that names the field, so a bad image says what is wrong.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace cc::firmware::detail {

class ByteReader {
 public:
  // `what` names the structure ("firmware header") in error messages.
  ByteReader(std::span<const std::uint8_t> bytes, std::string_view what) : bytes_(bytes), what_(what) {}

  std::size_t size() const noexcept { return bytes_.size(); }
  // Throws unless [offset, offset + length) lies inside the buffer.
  void require(std::size_t offset, std::size_t length, std::string_view field) const;
  std::uint8_t u8(std::size_t offset, std::string_view field) const;
  std::uint16_t u16(std::size_t offset, std::string_view field) const;
  std::uint32_t u32(std::size_t offset, std::string_view field) const;
  std::span<const std::uint8_t> bytes(std::size_t offset, std::size_t length, std::string_view field) const;
  bool has_magic(std::size_t offset, std::string_view magic) const noexcept;
  // "firmware header: <field> <detail>" as kInvalidArgument.
  [[noreturn]] void fail(std::string_view field, std::string_view detail) const;

 private:
  std::span<const std::uint8_t> bytes_;
  std::string what_;
};

}  // namespace cc::firmware::detail
