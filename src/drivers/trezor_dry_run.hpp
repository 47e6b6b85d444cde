#pragma once
// The backup check on a Trezor-family device: RecoveryDevice as a dry run. Words are
// entered on the device itself (Model T / Safe) or picked on the device's scrambled
// grids (Trezor One "Matrix"); the host only ever carries grid positions and button
// acknowledgements. Host-typed words (ScrambledWords) are refused, never sent.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "drivers/trezor_session.hpp"

namespace cc::drivers {

// The person's side of the check; the driver calls it for each thing the device asks.
class DryRunPerson {
 public:
  virtual ~DryRunPerson() = default;
  // The device shows something and waits for a press on the device.
  virtual void on_button(const ButtonPrompt& prompt) = 0;
  // PinMatrixRequest: grid positions 1-9 as read off the device's screen; nullopt cancels.
  virtual std::optional<std::string> pin_positions(std::uint32_t request_type) = 0;
  // WordRequest Matrix9 / Matrix6: one grid position 1-9, or "\b" to go back; nullopt cancels.
  virtual std::optional<std::string> word_position(bool six_cells) = 0;
  // PassphraseRequest: the device will take the passphrase on its own screen.
  virtual void on_passphrase_on_device() = 0;
};

enum class DryRunResult {
  kMatches,
  kMismatch,   // the words are not this wallet's backup (or not a valid phrase)
  kCancelled,  // on the device, by Ctrl-C, or by the person at a prompt
  kPinInvalid,
  kRefused,  // the device wanted something coldcheck never sends (host-typed words)
};

struct DryRunOutcome {
  DryRunResult result = DryRunResult::kCancelled;
  std::string device_message;  // the device's own words (Success / Failure text)
};

struct DryRunRequest {
  bool matrix = false;  // Trezor One: Matrix input with this word count
  std::uint32_t word_count = 0;
  // Longest wait for the person at the device (words take minutes).
  std::chrono::milliseconds person_timeout{std::chrono::minutes(10)};
};

// Runs the check to its end. Transport errors (unplug: kDisconnected) and protocol
// errors throw cc::Error; a person who takes longer than person_timeout gets a
// kTimeout error naming what the device was waiting for, after a Cancel was sent.
DryRunOutcome run_dry_run(TrezorSession& session, const DryRunRequest& request, DryRunPerson& person);

// Cancels whatever the device is doing and waits briefly for its answer, so it goes
// back to its home screen. Never throws.
void cancel_on_device(TrezorSession& session) noexcept;

}  // namespace cc::drivers
