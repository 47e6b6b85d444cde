#pragma once
// Writing a --record transcript: identifiers replaced, the secret guard passed, then
// written atomically like a report. Nothing is written when the guard fires.
#include <filesystem>

#include "transport/transcript.hpp"

namespace cc::app {

// Throws cc::Error{kInternal} when the redacted transcript still trips the guard (a
// bug: it is not written), or the write's own errors.
void write_transcript(transport::Transcript transcript, const std::filesystem::path& file);

}  // namespace cc::app
