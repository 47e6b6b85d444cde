#pragma once
// The simulated device's behaviour: one request in, at most one reply out. No I/O,
// so it is tested directly; the server only moves packets.
// Adding a message means adding a handler to the table in device.cpp.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "coldcheck/keepkey.pb.h"
#include "coldcheck/scenario.pb.h"
#include "coldcheck/trezor.pb.h"
#include "protocol/trezor/codec.hpp"
#include "protocol/trezor/registry.hpp"
#include "sim/hardware.hpp"
#include "sim/random.hpp"
#include "sim/word_matrix.hpp"

namespace cc::sim {

namespace wire = ::coldcheck::wire::trezor;

// nullptr: the device stays silent.
using Reply = std::unique_ptr<google::protobuf::Message>;

Reply make_failure(wire::FailureType code, std::string message);

// What a debug link message caused: a reply on the debug link, and a message the
// device now sends to the host on its main channel (the person acted on the screen).
struct DebugOutcome {
  Reply debug_reply;
  Reply device_reply;
};

class Device {
 public:
  static constexpr std::size_t kSessionIdSize = 32;
  static constexpr std::size_t kMaxSessions = 10;  // core firmware caches about as many

  explicit Device(const ::coldcheck::sim::Scenario& scenario);
  // With hardware other than the scenario names (tests: a changed image or certificate).
  Device(const ::coldcheck::sim::Scenario& scenario, Hardware hardware);

  // A reassembled wire message: unknown ids get Failure UnexpectedMessage, bytes that
  // do not parse get Failure DataError, as the firmware answers them.
  Reply handle_wire(const cc::trezor::Message& message);
  Reply handle(const google::protobuf::Message& request);

  // The debug link (tests only): DebugLinkDecision / DebugLinkGetState.
  DebugOutcome handle_debug_wire(const cc::trezor::Message& message);
  DebugOutcome handle_debug(const google::protobuf::Message& request);

  // Current state, as GetFeatures would report it.
  const wire::Features& features() const noexcept { return features_; }
  // The id table the device speaks (the scenario's).
  cc::trezor::Table table() const noexcept { return table_; }

 private:
  using Handler = Reply (Device::*)(const google::protobuf::Message&);
  static Handler handler_for(const google::protobuf::Descriptor* descriptor);

  Reply on_initialize(const google::protobuf::Message& request);
  Reply on_get_features(const google::protobuf::Message& request);
  Reply features_reply() const;
  Reply on_ping(const google::protobuf::Message& request);
  Reply on_button_ack(const google::protobuf::Message& request);
  Reply on_cancel(const google::protobuf::Message& request);
  Reply on_lock_device(const google::protobuf::Message& request);
  Reply on_end_session(const google::protobuf::Message& request);
  Reply on_get_firmware_hash(const google::protobuf::Message& request);
  Reply on_authenticate_device(const google::protobuf::Message& request);

  Reply on_recovery_device(const google::protobuf::Message& request);

  // A workflow spanning several messages: PIN entry, then the backup check.
  enum class Flow { kIdle, kPin, kConfirmDryRun, kWordCount, kWords, kMatrix, kResult };
  // Engaged when the running flow consumed the message (the Reply may be nullptr:
  // the device waits for the person).
  std::optional<Reply> handle_in_flow(const google::protobuf::Message& request);
  Reply request_pin(std::function<Reply()> then);
  Reply check_pin(const wire::PinMatrixAck& ack);
  Reply start_dry_run(const wire::RecoveryDevice& request);
  Reply next_word_request();
  Reply on_word_ack(const wire::WordAck& ack);
  Reply show_result();
  Reply finish_dry_run();
  // After the confirm screen's press: the word count (core) or the first grid (legacy).
  Reply begin_word_entry();
  Reply on_screen_ack();  // kConfirmDryRun / kResult
  Reply leave_screen();
  // What the device's screen shows now, as text (DebugLinkState.screen).
  std::string screen() const;
  void end_flow();
  bool legacy() const;

  bool allowed_while_busy(const google::protobuf::Descriptor* descriptor) const;
  std::string resume_or_new_session(const wire::Initialize& request);

  wire::Features features_;
  cc::trezor::Table table_ = cc::trezor::Table::kTrezor;
  ::coldcheck::wire::keepkey::Features keepkey_features_;  // the reply when table_ is kKeepKey
  Hardware hardware_;
  bool busy_ = false;
  Random random_;
  // Sessions the device remembers, most recent last; current_session_ is one of them.
  std::deque<std::string> sessions_;
  std::optional<std::string> current_session_;
  // A workflow waiting for the person to press the button; runs on ButtonAck.
  std::function<Reply()> after_button_;

  std::optional<std::string> pin_;
  unsigned pin_failures_ = 0;
  std::vector<std::string> seed_;  // the scenario's public test mnemonic, word by word
  Flow flow_ = Flow::kIdle;
  std::function<Reply()> after_pin_;
  std::string pin_matrix_;  // digit at grid position k+1 is pin_matrix_[k]
  std::uint32_t word_count_ = 0;
  std::vector<std::string> typed_;  // words entered on the device in this check
  WordMatrix word_matrix_;
  bool require_press_ = false;   // see Scenario.require_press
  bool awaiting_press_ = false;  // the host acked; the person has not pressed yet
  bool pressed_early_ = false;   // the person pressed before the host's ack arrived
  std::string result_text_;      // the verdict on screen (Flow::kResult)
};

}  // namespace cc::sim
