#include "app/transcript_file.hpp"

#include "core/error.hpp"
#include "guard/secret_guard.hpp"
#include "report/write_atomic.hpp"
#include "transport/transcript_redact.hpp"

namespace cc::app {

void write_transcript(transport::Transcript transcript, const std::filesystem::path& file) {
  transport::redact_transcript(transcript);
  const std::string text = transport::format_transcript(transcript);
  const auto hit = guard::scan(text);
  if (hit.kind != guard::SecretKind::kNone) {
    throw Error(ErrorCode::kInternal, "the transcript tripped the secret guard (" +
                                          std::string(guard::category_name(hit.kind)) + "); not written");
  }
  report::write_file_atomic(file, text);
}

}  // namespace cc::app
