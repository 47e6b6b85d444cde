#pragma once
// replay:FILE: a transcript played back to the real driver code. Strict about what the
// host sends (any other byte is an error naming the record), tolerant of timing. Each
// Link or APDU pipe opened on the path takes the next recorded connection whose first
// host bytes it sends, so the probe socket, the session socket and other clients'
// connections of the recording fall into place.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "transport/apdu_stream.hpp"
#include "transport/device_path.hpp"
#include "transport/link.hpp"
#include "transport/transcript.hpp"

namespace cc::transport {

// Honour the recorded gaps before each device record (--replay-delays); off by default.
void set_replay_delays(bool honour) noexcept;

// The transcript's header; loads FILE on first use (cc::Error kNotFound, kMalformed).
const TranscriptHeader& replay_header(const DevicePath& path);
// The scheme the transcript was recorded over (kUdp for the emulator, kTcp for Speculos).
Scheme replay_recorded_scheme(const DevicePath& path);
// True when the first host record of the transcript is a Ledger HID frame.
bool replay_opens_with_ledger_frame(const DevicePath& path);

std::unique_ptr<Link> open_replay_link(const DevicePath& path);
std::unique_ptr<ApduStream> open_replay_pipe(const DevicePath& path);

// The next challenge the recorded host sent in a message of `message_type` (88
// GetFirmwareHash, 97 AuthenticateDevice), so a replay can ask the same question; nothing
// when the transcript has no further one. The answer is still only a recording.
std::optional<std::vector<std::uint8_t>> replay_take_challenge(const DevicePath& path, std::uint16_t message_type);

struct ReplayProgress {
  std::vector<std::uint32_t> unplayed_conns;  // recorded connections no one opened
  std::size_t unplayed_host_records = 0;      // host records of played conns never sent
  bool challenge_replaced = false;            // the host sent another random challenge
};
ReplayProgress replay_progress(const DevicePath& path);

// Forgets every loaded transcript, so the next open starts from the top (tests, and a
// second command in one process).
void reset_replays() noexcept;

}  // namespace cc::transport
