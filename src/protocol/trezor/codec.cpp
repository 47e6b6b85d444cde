#include "protocol/trezor/codec.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace cc::trezor {

namespace {
constexpr std::uint8_t kMagic = '?';
constexpr std::uint8_t kHash = '#';
constexpr std::size_t kHeaderSize = 9;  // ?## + type(2) + length(4)
}  // namespace

std::size_t packet_count(std::size_t size) noexcept {
  if (size <= kFirstChunk) return 1;
  return 1 + (size - kFirstChunk + kNextChunk - 1) / kNextChunk;
}

void encode_into(std::uint16_t type, std::span<const std::uint8_t> payload, std::span<std::uint8_t> out) {
  if (payload.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Error(ErrorCode::kInvalidArgument, "payload too large for the wire format");
  }
  const std::size_t packets = packet_count(payload.size());
  if (out.size() < packets * kPacketSize) {
    throw Error(ErrorCode::kInvalidArgument, "output buffer too small for " + std::to_string(packets) + " packets");
  }
  const auto len = static_cast<std::uint32_t>(payload.size());
  std::uint8_t* p = out.data();
  p[0] = kMagic;
  p[1] = kHash;
  p[2] = kHash;
  p[3] = static_cast<std::uint8_t>(type >> 8);
  p[4] = static_cast<std::uint8_t>(type);
  p[5] = static_cast<std::uint8_t>(len >> 24);
  p[6] = static_cast<std::uint8_t>(len >> 16);
  p[7] = static_cast<std::uint8_t>(len >> 8);
  p[8] = static_cast<std::uint8_t>(len);
  std::size_t n = std::min(payload.size(), kFirstChunk);
  if (n) std::memcpy(p + kHeaderSize, payload.data(), n);
  std::memset(p + kHeaderSize + n, 0, kFirstChunk - n);
  std::size_t offset = n;
  for (std::size_t i = 1; i < packets; ++i) {
    p += kPacketSize;
    p[0] = kMagic;
    n = std::min(payload.size() - offset, kNextChunk);
    std::memcpy(p + 1, payload.data() + offset, n);
    std::memset(p + 1 + n, 0, kNextChunk - n);
    offset += n;
  }
}

std::vector<Packet> encode(std::uint16_t type, std::span<const std::uint8_t> payload) {
  std::vector<Packet> packets(packet_count(payload.size()));
  encode_into(type, payload, std::span<std::uint8_t>(packets.front().data(), packets.size() * kPacketSize));
  return packets;
}

Decoder::Step Decoder::feed(std::span<const std::uint8_t> packet) {
  if (complete_) reset();
  if (!in_message_) {
    if (packet.size() < kHeaderSize || packet[0] != kMagic || packet[1] != kHash || packet[2] != kHash) {
      ++skipped_;
      return Step::kSkipped;
    }
    const auto type = static_cast<std::uint16_t>((packet[3] << 8) | packet[4]);
    const std::uint32_t len = (std::uint32_t{packet[5]} << 24) | (std::uint32_t{packet[6]} << 16) |
                              (std::uint32_t{packet[7]} << 8) | std::uint32_t{packet[8]};
    if (len > max_payload_) {
      throw Error(ErrorCode::kMalformed, "message type " + std::to_string(type) + " declares " + std::to_string(len) +
                                             " bytes, above the cap of " + std::to_string(max_payload_));
    }
    current_.type = type;
    current_.payload.clear();
    current_.payload.reserve(len);
    expected_ = len;
    in_message_ = true;
    const std::size_t n = std::min<std::size_t>(len, packet.size() - kHeaderSize);
    current_.payload.insert(current_.payload.end(), packet.begin() + kHeaderSize,
                            packet.begin() + static_cast<std::ptrdiff_t>(kHeaderSize + n));
  } else {
    if (packet.empty() || packet[0] != kMagic) {
      const std::string where = std::to_string(current_.payload.size()) + " of " + std::to_string(expected_);
      reset();
      throw Error(ErrorCode::kMalformed, "continuation packet without '?' after " + where + " bytes");
    }
    const std::size_t n = std::min(expected_ - current_.payload.size(), packet.size() - 1);
    current_.payload.insert(current_.payload.end(), packet.begin() + 1,
                            packet.begin() + static_cast<std::ptrdiff_t>(1 + n));
  }
  if (current_.payload.size() == expected_) {
    complete_ = true;
    return Step::kComplete;
  }
  return Step::kNeedMore;
}

Message Decoder::take() {
  if (!complete_) throw Error(ErrorCode::kInternal, "Decoder::take before a complete message");
  Message out = std::move(current_);
  reset();
  return out;
}

void Decoder::reset() noexcept {
  in_message_ = false;
  complete_ = false;
  expected_ = 0;
  current_ = Message{};
}

}  // namespace cc::trezor
