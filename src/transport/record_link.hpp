#pragma once
// --record FILE: while a recording is active, every Link and Speculos connection the
// process opens is wrapped so that what crosses it lands in one transcript, one conn per
// opened connection. The raw transcript stays in memory; the caller redacts it
// (transcript_redact.hpp), passes it through the secret guard and writes it.
#include <memory>

#include "transport/apdu_stream.hpp"
#include "transport/device_path.hpp"
#include "transport/link.hpp"
#include "transport/speculos_client.hpp"
#include "transport/transcript.hpp"

namespace cc::transport {

// Starts a recording; `header.transport` and `device_path` are filled at the first open.
// Throws cc::Error{kInvalidArgument} when one is already active.
void start_recording(TranscriptHeader header);
// Ends the recording and returns what it holds (unredacted). Empty records if nothing
// was opened. Throws kInvalidArgument when no recording is active.
Transcript stop_recording();

// Wraps `link` when a recording is active; a replay is recorded as the transport it plays.
std::unique_ptr<Link> record_if_active(std::unique_ptr<Link> link, const DevicePath& path);
// Taps `client` when a recording is active.
void tap_if_active(SpeculosClient& client, const DevicePath& path);

// Wraps a pipe with no socket to tap (a replay): whole requests and replies.
std::unique_ptr<ApduStream> record_pipe_if_active(std::unique_ptr<ApduStream> pipe, const DevicePath& path);

// Records what crosses `inner` as conn `conn` of the active recording.
class RecordLink final : public Link {
 public:
  RecordLink(std::unique_ptr<Link> inner, std::uint32_t conn) : inner_(std::move(inner)), conn_(conn) {}
  std::string path() const override { return inner_->path(); }
  void write(std::span<const std::uint8_t> report) override;
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) override;
  void keep_alive() override { inner_->keep_alive(); }

 private:
  std::unique_ptr<Link> inner_;
  std::uint32_t conn_;
};

}  // namespace cc::transport
