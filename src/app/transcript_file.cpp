#include "app/transcript_file.hpp"

#include "core/error.hpp"
#include "guard/secret_guard.hpp"
#include "core/write_atomic.hpp"
#include "transcript/transcript_redact.hpp"

namespace cc::app {

void write_transcript(transport::Transcript transcript, const std::filesystem::path& file) {
  transport::redact_transcript(transcript);
  const std::string text = transport::format_transcript(transcript);
  // The guard reads text: the file itself, and the bytes as characters (a device that
  // ever put words in a message would show them there, not in hex).
  std::string bytes_as_text;
  for (const auto& r : transcript.records) {
    for (std::uint8_t b : r.bytes) bytes_as_text += (b >= 0x20 && b < 0x7f) ? static_cast<char>(b) : ' ';
    bytes_as_text += '\n';
  }
  auto hit = guard::scan(text);
  if (hit.kind == guard::SecretKind::kNone) hit = guard::scan(bytes_as_text);
  if (hit.kind != guard::SecretKind::kNone) {
    throw Error(ErrorCode::kInternal, "the transcript tripped the secret guard (" +
                                          std::string(guard::category_name(hit.kind)) + "); not written");
  }
  cc::write_file_atomic(file, text);
}

}  // namespace cc::app
