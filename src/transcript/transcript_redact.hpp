#pragma once
// What must not leave the host is taken out of a transcript before it is written:
// the device id and label a Trezor-family device sends in Features become same-length
// placeholders (so every report keeps its framing and a replay frames alike), and a
// USB port path in the header becomes "<scheme>:redacted".
#include <cstddef>

#include "transport/transcript.hpp"

namespace cc::transport {

struct RedactionSummary {
  std::size_t fields = 0;  // Features fields replaced (also in incomplete, unread tails)
};

RedactionSummary redact_transcript(Transcript& transcript);

}  // namespace cc::transport
