#include "firmware/byte_reader.hpp"

#include "core/error.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware::detail {

void ByteReader::require(std::size_t offset, std::size_t length, std::string_view field) const {
  // Written so that no addition can overflow on a hostile length.
  if (offset > bytes_.size() || length > bytes_.size() - offset) {
    fail(field, "at offset " + std::to_string(offset) + " (" + std::to_string(length) +
                    " bytes) runs past the end of the " + std::to_string(bytes_.size()) + "-byte buffer");
  }
}

std::uint8_t ByteReader::u8(std::size_t offset, std::string_view field) const {
  require(offset, 1, field);
  return bytes_[offset];
}

std::uint16_t ByteReader::u16(std::size_t offset, std::string_view field) const {
  require(offset, 2, field);
  return static_cast<std::uint16_t>(bytes_[offset] | (bytes_[offset + 1] << 8));
}

std::uint32_t ByteReader::u32(std::size_t offset, std::string_view field) const {
  require(offset, 4, field);
  return static_cast<std::uint32_t>(bytes_[offset]) | (static_cast<std::uint32_t>(bytes_[offset + 1]) << 8) |
         (static_cast<std::uint32_t>(bytes_[offset + 2]) << 16) |
         (static_cast<std::uint32_t>(bytes_[offset + 3]) << 24);
}

std::span<const std::uint8_t> ByteReader::bytes(std::size_t offset, std::size_t length, std::string_view field) const {
  require(offset, length, field);
  return bytes_.subspan(offset, length);
}

bool ByteReader::has_magic(std::size_t offset, std::string_view magic) const noexcept {
  return detail::has_magic(bytes_, offset, magic);
}

void ByteReader::fail(std::string_view field, std::string_view detail) const {
  std::string message = what_;
  message += ": ";
  message += field;
  message += ' ';
  message += detail;
  throw Error(ErrorCode::kInvalidArgument, message);
}

}  // namespace cc::firmware::detail
