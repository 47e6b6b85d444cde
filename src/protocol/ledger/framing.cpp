#include "protocol/ledger/framing.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace cc::ledger {

namespace {

std::uint16_t be16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}

void put16(std::uint8_t* out, std::size_t value) {
  out[0] = static_cast<std::uint8_t>((value >> 8) & 0xFF);
  out[1] = static_cast<std::uint8_t>(value & 0xFF);
}

std::string hex16(std::uint16_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 12; shift >= 0; shift -= 4) s += kDigits[(v >> shift) & 0xF];
  return s;
}

}  // namespace

std::size_t report_count(std::size_t size) noexcept {
  if (size <= kFirstChunk) return 1;
  return 1 + (size - kFirstChunk + kNextChunk - 1) / kNextChunk;
}

std::vector<Report> encode(std::span<const std::uint8_t> apdu, std::uint16_t channel) {
  if (apdu.size() > kMaxApdu) {
    throw Error(ErrorCode::kInvalidArgument,
                "APDU of " + std::to_string(apdu.size()) + " bytes exceeds the HID framing limit of 65535");
  }
  std::vector<Report> out(report_count(apdu.size()), Report{});
  std::size_t offset = 0;
  for (std::size_t seq = 0; seq < out.size(); ++seq) {
    auto& r = out[seq];
    put16(r.data(), channel);
    r[2] = kTag;
    put16(r.data() + 3, seq);
    std::size_t at = kHeaderSize;
    if (seq == 0) {
      put16(r.data() + at, apdu.size());
      at += 2;
    }
    const std::size_t n = std::min(apdu.size() - offset, kReportSize - at);
    std::copy_n(apdu.begin() + static_cast<std::ptrdiff_t>(offset), n, r.begin() + static_cast<std::ptrdiff_t>(at));
    offset += n;
  }
  return out;
}

bool Decoder::feed(std::span<const std::uint8_t> report) {
  if (complete_) throw Error(ErrorCode::kInternal, "Ledger decoder fed after a complete message; call take()");
  if (report.size() < kHeaderSize) {
    throw Error(ErrorCode::kMalformed,
                "Ledger HID report of " + std::to_string(report.size()) + " bytes is shorter than its 5-byte header");
  }
  const std::uint16_t channel = be16(report, 0);
  if (channel != channel_) {
    throw Error(ErrorCode::kMalformed,
                "Ledger HID report on channel " + hex16(channel) + ", expected " + hex16(channel_));
  }
  if (report[2] != kTag) {
    throw Error(ErrorCode::kMalformed, "Ledger HID report with tag " + hex16(report[2]) + ", expected 0x0005 (APDU)");
  }
  const std::uint16_t sequence = be16(report, 3);
  if (sequence != next_sequence_) {
    throw Error(ErrorCode::kMalformed, "Ledger HID report with sequence " + std::to_string(sequence) + ", expected " +
                                           std::to_string(next_sequence_) + " (a report was lost or repeated)");
  }
  std::size_t at = kHeaderSize;
  if (sequence == 0) {
    if (report.size() < kHeaderSize + 2) throw Error(ErrorCode::kMalformed, "first Ledger HID report lacks the length");
    expected_ = be16(report, at);
    at += 2;
    if (expected_ > max_size_) {
      throw Error(ErrorCode::kMalformed, "Ledger reply declares " + std::to_string(expected_) +
                                             " bytes, above the cap of " + std::to_string(max_size_));
    }
    data_.clear();
    data_.reserve(expected_);
  }
  const std::size_t n = std::min(expected_ - data_.size(), report.size() - at);
  data_.insert(data_.end(), report.begin() + static_cast<std::ptrdiff_t>(at),
               report.begin() + static_cast<std::ptrdiff_t>(at + n));
  // The sequence is u16: a message long enough to wrap it would exceed kMaxApdu anyway.
  ++next_sequence_;
  complete_ = data_.size() == expected_;
  return complete_;
}

std::vector<std::uint8_t> Decoder::take() {
  if (!complete_) throw Error(ErrorCode::kInternal, "Ledger decoder: take() before a complete message");
  std::vector<std::uint8_t> out = std::move(data_);
  reset();
  return out;
}

void Decoder::reset() noexcept {
  next_sequence_ = 0;
  expected_ = 0;
  complete_ = false;
  data_.clear();
}

std::vector<std::uint8_t> decode(std::span<const Report> reports, std::size_t max_size) {
  Decoder d(max_size);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (d.feed(reports[i])) {
      if (i + 1 != reports.size()) throw Error(ErrorCode::kMalformed, "reports left over after a complete Ledger APDU");
      return d.take();
    }
  }
  throw Error(ErrorCode::kMalformed, "Ledger APDU truncated: the reports end before the declared length");
}

}  // namespace cc::ledger
