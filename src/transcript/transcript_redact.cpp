#include "transcript/transcript_redact.hpp"

#include <map>
#include <optional>
#include <string_view>

#include "protocol/trezor/codec.hpp"

namespace cc::transport {
namespace {

constexpr std::uint16_t kFeaturesType = 17;
// Features fields that identify a device or its owner: device_id (6), label (10). Same
// numbers in the Trezor and KeepKey tables (proto/coldcheck/trezor.proto, keepkey.proto).
constexpr std::uint32_t kDeviceIdField = 6;
constexpr std::uint32_t kLabelField = 10;
constexpr std::string_view kPlaceholder = "redacted";
constexpr std::size_t kHeaderBytes = 3 + 2 + 4;  // "?##", type, length

// One byte of a reassembled payload and where it sits in the transcript.
struct Where {
  std::size_t record;
  std::size_t offset;
};

struct Message {
  std::uint16_t type = 0;
  std::size_t declared = 0;
  std::vector<Where> bytes;
};

struct Walker {
  Transcript& t;
  std::size_t replaced = 0;

  std::uint8_t at(const Message& m, std::size_t i) const {
    return t.records[m.bytes[i].record].bytes[m.bytes[i].offset];
  }

  std::optional<std::uint64_t> varint(const Message& m, std::size_t& pos) const {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && pos < m.bytes.size(); shift += 7) {
      const std::uint8_t b = at(m, pos++);
      value |= std::uint64_t{static_cast<std::uint8_t>(b & 0x7f)} << shift;
      if ((b & 0x80) == 0) return value;
    }
    return std::nullopt;
  }

  // Walks the fields present (a tail cut short still gets its visible bytes replaced).
  void redact_features(const Message& m) {
    std::size_t pos = 0;
    while (pos < m.bytes.size()) {
      const auto key = varint(m, pos);
      if (!key) return;
      const auto field = static_cast<std::uint32_t>(*key >> 3);
      switch (*key & 7) {
        case 0:
          if (!varint(m, pos)) return;
          break;
        case 1: pos += 8; break;
        case 5: pos += 4; break;
        case 2: {
          const auto len = varint(m, pos);
          if (!len) return;
          const std::size_t end = *len > m.bytes.size() - pos ? m.bytes.size() : pos + static_cast<std::size_t>(*len);
          if (field == kDeviceIdField || field == kLabelField) {
            for (std::size_t i = pos; i < end; ++i) {
              t.records[m.bytes[i].record].bytes[m.bytes[i].offset] =
                  static_cast<std::uint8_t>(kPlaceholder[(i - pos) % kPlaceholder.size()]);
            }
            ++replaced;
          }
          pos = end;
          break;
        }
        default: return;  // groups or garbage: nothing more can be read safely
      }
    }
  }

  void finish(std::optional<Message>& m) {
    if (m && m->type == kFeaturesType) redact_features(*m);
    m.reset();
  }
};

}  // namespace

RedactionSummary redact_transcript(Transcript& transcript) {
  auto& h = transcript.header;
  if (h.transport == kTransportHid || h.transport == kTransportWebUsb) {
    const auto colon = h.device_path.find(':');
    if (colon != std::string::npos) h.device_path = h.device_path.substr(0, colon) + ":redacted";
  }
  Walker walker{transcript};
  if (h.transport == kTransportTcp) return {};           // Ledger replies carry no device identifier we read
  std::map<std::uint32_t, std::optional<Message>> open;  // per conn, the device message being reassembled
  for (std::size_t i = 0; i < transcript.records.size(); ++i) {
    const auto& r = transcript.records[i];
    if (r.dir != Direction::kDeviceToHost) continue;
    auto& m = open[r.conn];
    const auto& b = r.bytes;
    if (b.size() >= kHeaderBytes && b[0] == '?' && b[1] == '#' && b[2] == '#') {
      walker.finish(m);
      m = Message{static_cast<std::uint16_t>((b[3] << 8) | b[4]),
                  (std::size_t{b[5]} << 24) | (std::size_t{b[6]} << 16) | (std::size_t{b[7]} << 8) | b[8],
                  {}};
      for (std::size_t k = kHeaderBytes; k < b.size() && m->bytes.size() < m->declared; ++k) m->bytes.push_back({i, k});
    } else if (m && !b.empty() && b[0] == '?') {
      for (std::size_t k = 1; k < b.size() && m->bytes.size() < m->declared; ++k) m->bytes.push_back({i, k});
    } else {
      walker.finish(m);  // another framing (a Ledger reply, a probe answer)
      continue;
    }
    static_assert(trezor::kPacketSize == kHeaderBytes + trezor::kFirstChunk);
    if (m && m->bytes.size() >= m->declared) walker.finish(m);
  }
  for (auto& [conn, m] : open) walker.finish(m);
  return {walker.replaced};
}

}  // namespace cc::transport
