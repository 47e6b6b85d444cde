// Transcripts come from people asking for support: parse must only ever succeed or
// throw cc::Error, a parsed transcript must format and re-parse to the same text, and
// redacting it must not break that.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "transport/transcript.hpp"
#include "transcript/transcript_redact.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cc::transport::TranscriptLimits limits;
  limits.max_bytes = 1 << 20;
  try {
    auto t = cc::transport::parse_transcript(text, "fuzz", limits);
    const std::string once = cc::transport::format_transcript(t);
    if (cc::transport::format_transcript(cc::transport::parse_transcript(once, "again")) != once) __builtin_trap();
    cc::transport::redact_transcript(t);
    const std::string redacted = cc::transport::format_transcript(t);
    if (cc::transport::format_transcript(cc::transport::parse_transcript(redacted, "redacted")) != redacted) {
      __builtin_trap();
    }
  } catch (const cc::Error&) {
  }
  return 0;
}
