#pragma once
// Ledger HID APDU framing: pure, no I/O.
// Every 64-byte report: channel u16 BE (0x0101), tag 0x05, sequence u16 BE.
// Report 0 then carries the APDU length u16 BE and 57 data bytes; later reports
// carry 59 data bytes. The last report is zero-padded.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cc::ledger {

inline constexpr std::size_t kReportSize = 64;
inline constexpr std::uint16_t kChannel = 0x0101;
inline constexpr std::uint8_t kTag = 0x05;
inline constexpr std::size_t kHeaderSize = 5;                              // channel, tag, sequence
inline constexpr std::size_t kFirstChunk = kReportSize - kHeaderSize - 2;  // 57
inline constexpr std::size_t kNextChunk = kReportSize - kHeaderSize;       // 59
// The length field is u16, so no APDU or reply is longer than this.
inline constexpr std::size_t kMaxApdu = 0xFFFF;

using Report = std::array<std::uint8_t, kReportSize>;

// Number of reports an APDU of `size` bytes needs (at least one).
std::size_t report_count(std::size_t size) noexcept;

// Throws cc::Error{kInvalidArgument} when the APDU is longer than kMaxApdu.
std::vector<Report> encode(std::span<const std::uint8_t> apdu, std::uint16_t channel = kChannel);

// Reassembles one APDU (or reply) from reports. Reports on another channel or with
// another tag throw kMalformed, as does a sequence number out of order: the HID link
// has no other way to say that bytes were lost.
class Decoder {
 public:
  explicit Decoder(std::size_t max_size = kMaxApdu, std::uint16_t channel = kChannel)
      : max_size_(max_size), channel_(channel) {}

  // True when the message is complete. Reports may be shorter than 64 bytes (a short
  // read) as long as they hold the header; the bytes they hold are used.
  bool feed(std::span<const std::uint8_t> report);

  // After feed() returned true: moves the data out and resets for the next message.
  std::vector<std::uint8_t> take();
  void reset() noexcept;

 private:
  std::size_t max_size_;
  std::uint16_t channel_;
  std::uint16_t next_sequence_ = 0;
  std::size_t expected_ = 0;
  bool complete_ = false;
  std::vector<std::uint8_t> data_;
};

// Whole-message helper for tests and fuzzers: decodes a run of reports.
std::vector<std::uint8_t> decode(std::span<const Report> reports, std::size_t max_size = kMaxApdu);

}  // namespace cc::ledger
