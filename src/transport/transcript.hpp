#pragma once
// Wire transcripts (docs/transcripts.md): JSON Lines, a header object, then one record
// per datagram, report or TCP chunk. The format is data from outside (a person's file),
// so parsing is bounded and every refusal names the line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::transport {

inline constexpr std::string_view kTranscriptFormat = "wire-transcript/1";
inline constexpr std::string_view kTransportUdp = "udp-trezor-emulator";
inline constexpr std::string_view kTransportTcp = "tcp-speculos-apdu";
inline constexpr std::string_view kTransportHid = "hid-reports";
inline constexpr std::string_view kTransportWebUsb = "webusb-reports";

struct TranscriptLimits {
  std::size_t max_bytes = 16u * 1024 * 1024;  // whole file
  std::size_t max_records = 200000;
  std::size_t max_record_bytes = 64 * 1024;  // one datagram or chunk
};

enum class Direction { kHostToDevice, kDeviceToHost };

struct TranscriptRecord {
  double t_ms = 0;
  Direction dir = Direction::kHostToDevice;
  std::vector<std::uint8_t> bytes;
  std::uint32_t conn = 1;
  std::size_t line = 0;  // 1-based line in the file; 0 for records not read from a file
};

struct TranscriptHeader {
  std::string format{kTranscriptFormat};
  std::string transport;    // one of kTransport*
  std::string device_path;  // the path the recording client used, e.g. "udp:127.0.0.1:21324"
  std::string device;
  std::string firmware;
  std::string client;
  std::string scenario;
  std::string notes;
};

struct Transcript {
  TranscriptHeader header;
  std::vector<TranscriptRecord> records;
};

// Throws cc::Error{kMalformed} "<what>: line N: <reason>" for anything outside the
// format: not JSON, a missing or mistyped field, an unknown format or transport, odd
// or non-hex bytes, a conn of 0, times going backwards, or a limit exceeded.
Transcript parse_transcript(std::string_view text, std::string_view what = "transcript",
                            const TranscriptLimits& limits = {});

// The file text: header line, then one line per record, each ending in '\n'.
std::string format_transcript(const Transcript& transcript);

std::string_view direction_name(Direction dir) noexcept;  // "host>dev" / "dev>host"

}  // namespace cc::transport
