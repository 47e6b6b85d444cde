#include <openssl/sha.h>

#include "attest/attest.hpp"

namespace cc::attest {
namespace {

constexpr std::string_view kHeader = "AuthenticateDevice:";

// Bitcoin compact size, as the firmware's write_compact_size emits it.
void put_compact_size(std::vector<std::uint8_t>& out, std::uint64_t n) {
  auto put_le = [&out](std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  };
  if (n < 0xFD) {
    out.push_back(static_cast<std::uint8_t>(n));
  } else if (n <= 0xFFFF) {
    out.push_back(0xFD);
    put_le(n, 2);
  } else if (n <= 0xFFFFFFFF) {
    out.push_back(0xFE);
    put_le(n, 4);
  } else {
    out.push_back(0xFF);
    put_le(n, 8);
  }
}

}  // namespace

std::vector<std::uint8_t> authenticate_message(std::span<const std::uint8_t> challenge) {
  std::vector<std::uint8_t> m;
  m.reserve(kHeader.size() + challenge.size() + 10);
  put_compact_size(m, kHeader.size());
  m.insert(m.end(), kHeader.begin(), kHeader.end());
  put_compact_size(m, challenge.size());
  m.insert(m.end(), challenge.begin(), challenge.end());
  return m;
}

std::array<std::uint8_t, 32> authenticate_digest(std::span<const std::uint8_t> challenge) {
  const std::vector<std::uint8_t> m = authenticate_message(challenge);
  std::array<std::uint8_t, 32> out{};
  SHA256(m.data(), m.size(), out.data());
  return out;
}

}  // namespace cc::attest
