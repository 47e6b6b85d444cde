// encode then decode must give back exactly what went in, for any type and payload.
// Input: type (2 bytes big-endian), then the payload.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "protocol/trezor/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const auto type = static_cast<std::uint16_t>((data[0] << 8) | data[1]);
  const std::span<const std::uint8_t> payload(data + 2, size - 2);

  const std::vector<cc::trezor::Packet> packets = cc::trezor::encode(type, payload);
  if (packets.size() != cc::trezor::packet_count(payload.size())) __builtin_trap();

  // encode_into into a larger buffer must write the same bytes and nothing after.
  std::vector<std::uint8_t> flat(packets.size() * cc::trezor::kPacketSize + 7, 0xA5);
  cc::trezor::encode_into(type, payload, flat);
  for (std::size_t i = 0; i < packets.size(); ++i) {
    if (std::memcmp(flat.data() + i * cc::trezor::kPacketSize, packets[i].data(), cc::trezor::kPacketSize) != 0) {
      __builtin_trap();
    }
  }
  for (std::size_t i = packets.size() * cc::trezor::kPacketSize; i < flat.size(); ++i) {
    if (flat[i] != 0xA5) __builtin_trap();
  }

  cc::trezor::Decoder decoder(payload.size());  // the tightest cap that must still pass
  for (std::size_t i = 0; i < packets.size(); ++i) {
    const auto step = decoder.feed(packets[i]);
    const auto want =
        i + 1 == packets.size() ? cc::trezor::Decoder::Step::kComplete : cc::trezor::Decoder::Step::kNeedMore;
    if (step != want) __builtin_trap();
  }
  const cc::trezor::Message m = decoder.take();
  if (m.type != type || m.payload.size() != payload.size()) __builtin_trap();
  if (!payload.empty() && std::memcmp(m.payload.data(), payload.data(), payload.size()) != 0) __builtin_trap();
  if (decoder.skipped_packets() != 0) __builtin_trap();
  return 0;
}
