#include "drivers/trezor_dry_run.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "drivers/device_string.hpp"

namespace cc::drivers {

namespace tw = ::coldcheck::wire::trezor;

namespace {

constexpr std::chrono::milliseconds kCancelGrace{2000};
constexpr std::size_t kMaxPinPositions = 50;  // the firmware's own PIN length limit

// ButtonRequest codes seen in the dry run (messages-common.proto ButtonRequestType).
std::string waiting_for(std::uint32_t button_code) {
  switch (button_code) {
    case 7: return "you to confirm on the device that the backup check may start";
    case 12: return "you to choose the number of words on the device";
    case 13: return "you to enter your words on the device";
    case 1: return "you to confirm the result on the device";
    default: return "you to act on the device";
  }
}

bool contains_nocase(std::string haystack, std::string needle) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  return lower(std::move(haystack)).find(lower(std::move(needle))) != std::string::npos;
}

// Both firmwares answer a wrong backup with a Failure whose text says so: legacy
// "The seed is valid but does not match the one in the device" / "Invalid seed, are
// words in correct order?", core "The seed does not match the one in the device".
bool is_mismatch(const std::string& text) {
  return contains_nocase(text, "does not match") || contains_nocase(text, "invalid seed") ||
         contains_nocase(text, "invalid mnemonic");
}

bool valid_positions(const std::string& positions) {
  return !positions.empty() && positions.size() <= kMaxPinPositions &&
         std::all_of(positions.begin(), positions.end(), [](char c) { return c >= '1' && c <= '9'; });
}

DryRunOutcome cancelled(TrezorSession& session, std::string why) {
  cancel_on_device(session);
  return DryRunOutcome{DryRunResult::kCancelled, std::move(why)};
}

tw::RecoveryDevice start_message(const DryRunRequest& request) {
  tw::RecoveryDevice start;
  start.set_type(tw::RECOVERY_TYPE_DRY_RUN);
  if (request.matrix) {
    start.set_input_method(tw::RECOVERY_INPUT_MATRIX);
    start.set_word_count(request.word_count);
    start.set_enforce_wordlist(true);
  }
  return start;
}

// The next reply, or nullptr when Ctrl-C interrupted the wait. A timeout cancels the
// check on the device and says what the device was waiting for.
std::unique_ptr<google::protobuf::Message> receive_reply(TrezorSession& session, std::chrono::milliseconds timeout,
                                                         const std::string& waiting) {
  try {
    return session.receive(timeout);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kCancelled) return nullptr;
    if (e.code() == ErrorCode::kTimeout) {
      cancel_on_device(session);
      throw Error(ErrorCode::kTimeout, "stopped after waiting " + std::to_string(timeout.count() / 1000) + " s for " +
                                           waiting + "; the check was cancelled on the device");
    }
    throw;
  }
}

// What the check has seen so far: what the device waits for (named when a wait times
// out) and how many button requests came in a row.
struct DryRunState {
  std::string waiting = "the device to start the backup check";
  std::size_t buttons_in_a_row = 0;
};

// A device that only ever asks for presses would keep the check going for ever.
void count_buttons(TrezorSession& session, const google::protobuf::Descriptor* d, DryRunState& state) {
  state.buttons_in_a_row = d == tw::ButtonRequest::descriptor() ? state.buttons_in_a_row + 1 : 0;
  if (state.buttons_in_a_row > session.options().max_button_requests) {
    cancel_on_device(session);
    throw Error(ErrorCode::kMalformed, "the device asked for a button press " + std::to_string(state.buttons_in_a_row) +
                                           " times in a row during the backup check; stopped");
  }
}

std::optional<DryRunOutcome> answer_pin(TrezorSession& session, const tw::PinMatrixRequest& request,
                                        DryRunPerson& person, DryRunState& state) {
  state.waiting = "the device after the PIN";
  const auto positions = person.pin_positions(static_cast<std::uint32_t>(request.type()));
  if (!positions) return cancelled(session, "PIN entry cancelled");
  if (!valid_positions(*positions)) return cancelled(session, "PIN entry was not grid positions 1-9");
  tw::PinMatrixAck ack;
  ack.set_pin(*positions);
  session.send(ack);
  return std::nullopt;
}

bool valid_word_position(const std::string& position) {
  return position == "\b" || (position.size() == 1 && position[0] >= '1' && position[0] <= '9');
}

std::optional<DryRunOutcome> answer_word(TrezorSession& session, const tw::WordRequest& request, DryRunPerson& person,
                                         DryRunState& state) {
  const auto type = request.type();
  if (type != tw::WORD_REQUEST_MATRIX9 && type != tw::WORD_REQUEST_MATRIX6) {
    // Plain WordRequest means "type the next word on the computer": never.
    cancel_on_device(session);
    return DryRunOutcome{DryRunResult::kRefused, "the device asked for words typed on the computer"};
  }
  state.waiting = "the device after your grid choice";
  const auto position = person.word_position(type == tw::WORD_REQUEST_MATRIX6);
  if (!position) return cancelled(session, "word entry cancelled");
  if (!valid_word_position(*position)) return cancelled(session, "word entry was not a grid position 1-9");
  tw::WordAck ack;
  ack.set_word(*position);
  session.send(ack);
  return std::nullopt;
}

// A Failure ends the check: cancelled, wrong PIN, wrong words, or an error thrown.
DryRunOutcome failure_outcome(const tw::Failure& f) {
  switch (f.code()) {
    case tw::FAILURE_ACTION_CANCELLED:
    case tw::FAILURE_PIN_CANCELLED:
      return DryRunOutcome{DryRunResult::kCancelled, device_string(f.message(), kDeviceMessageMax)};
    case tw::FAILURE_PIN_INVALID:
      return DryRunOutcome{DryRunResult::kPinInvalid, device_string(f.message(), kDeviceMessageMax)};
    default: break;
  }
  if (is_mismatch(f.message())) {
    return DryRunOutcome{DryRunResult::kMismatch, device_string(f.message(), kDeviceMessageMax)};
  }
  throw_failure(static_cast<std::uint32_t>(f.code()), f.message());
}

// Answers one reply; an outcome when the reply ends the check.
std::optional<DryRunOutcome> answer(TrezorSession& session, const google::protobuf::Message& reply,
                                    DryRunPerson& person, DryRunState& state) {
  const auto* d = reply.GetDescriptor();
  if (d == tw::ButtonRequest::descriptor()) {
    const auto& b = static_cast<const tw::ButtonRequest&>(reply);
    state.waiting = waiting_for(b.code());
    person.on_button(ButtonPrompt{b.code(), b.name()});
    session.send(tw::ButtonAck());
    return std::nullopt;
  }
  if (d == tw::PinMatrixRequest::descriptor()) {
    return answer_pin(session, static_cast<const tw::PinMatrixRequest&>(reply), person, state);
  }
  if (d == tw::PassphraseRequest::descriptor()) {
    person.on_passphrase_on_device();
    tw::PassphraseAck ack;
    ack.set_on_device(true);
    session.send(ack);
    return std::nullopt;
  }
  if (d == tw::WordRequest::descriptor()) {
    return answer_word(session, static_cast<const tw::WordRequest&>(reply), person, state);
  }
  if (d == tw::Success::descriptor()) {
    return DryRunOutcome{DryRunResult::kMatches,
                         device_string(static_cast<const tw::Success&>(reply).message(), kDeviceMessageMax)};
  }
  if (d == tw::Failure::descriptor()) return failure_outcome(static_cast<const tw::Failure&>(reply));
  cancel_on_device(session);
  throw Error(ErrorCode::kMalformed, "unexpected " + d->name() + " from the device during the backup check");
}

}  // namespace

void cancel_on_device(TrezorSession& session) noexcept { session.cancel(kCancelGrace); }

DryRunOutcome run_dry_run(TrezorSession& session, const DryRunRequest& request, DryRunPerson& person) {
  session.send(start_message(request));
  auto timeout = session.options().reply_timeout;
  DryRunState state;
  // Every step waits for a person at most person_timeout; capping the steps bounds the
  // whole check. 24 words, each two grid picks, with room for many corrections.
  constexpr std::size_t kMaxSteps = 1000;
  std::size_t steps = 0;
  while (true) {
    if (++steps > kMaxSteps) {
      cancel_on_device(session);
      throw Error(ErrorCode::kMalformed, "the backup check took more than " + std::to_string(kMaxSteps) +
                                             " messages; stopped and cancelled on the device");
    }
    const auto reply = receive_reply(session, timeout, state.waiting);
    if (!reply) return cancelled(session, "interrupted (Ctrl-C)");
    timeout = request.person_timeout;
    count_buttons(session, reply->GetDescriptor(), state);
    if (auto outcome = answer(session, *reply, person, state)) return *std::move(outcome);
  }
}

}  // namespace cc::drivers
