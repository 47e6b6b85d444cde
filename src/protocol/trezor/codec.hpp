#pragma once
// Trezor wire protocol v1 framing: pure, no I/O.
// First packet: '?' '#' '#' type(u16 BE) length(u32 BE) payload[55];
// continuation: '?' payload[63]; the last packet is zero-padded.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::trezor {

inline constexpr std::size_t kPacketSize = 64;
inline constexpr std::size_t kFirstChunk = 55;
inline constexpr std::size_t kNextChunk = 63;
// Default cap on a declared payload length: far above any message we exchange, far
// below what a rogue device could make us allocate.
inline constexpr std::size_t kDefaultMaxPayload = 1u << 20;

using Packet = std::array<std::uint8_t, kPacketSize>;

struct Message {
  std::uint16_t type = 0;
  std::vector<std::uint8_t> payload;
};

// Number of packets a payload of `size` bytes needs.
std::size_t packet_count(std::size_t size) noexcept;

// Writes packet_count(payload.size()) * 64 bytes into `out` (must be large enough;
// throws cc::Error{kInvalidArgument} otherwise, or when payload exceeds u32).
void encode_into(std::uint16_t type, std::span<const std::uint8_t> payload, std::span<std::uint8_t> out);
std::vector<Packet> encode(std::uint16_t type, std::span<const std::uint8_t> payload);

// Reassembles one message from packets. Garbage before a '?##' header is skipped and
// counted. The declared length is checked against the cap before any allocation.
class Decoder {
 public:
  enum class Step { kSkipped, kNeedMore, kComplete };

  explicit Decoder(std::size_t max_payload = kDefaultMaxPayload) : max_payload_(max_payload) {}

  // Feeds one received report (normally 64 bytes; shorter ones are accepted for the
  // bytes they hold). Throws cc::Error{kMalformed} for a declared length above the
  // cap or a continuation packet that does not start with '?'.
  Step feed(std::span<const std::uint8_t> packet);

  // After kComplete: moves the message out and resets for the next one.
  Message take();
  void reset() noexcept;
  std::size_t skipped_packets() const noexcept { return skipped_; }

 private:
  std::size_t max_payload_;
  std::size_t expected_ = 0;
  bool in_message_ = false;
  bool complete_ = false;
  std::size_t skipped_ = 0;
  Message current_;
};

}  // namespace cc::trezor
