#pragma once
// Request/response exchange with a Trezor-family device over a Link: frames messages,
// reassembles replies, answers ButtonRequest, and turns Failure into cc::Error.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <google/protobuf/message.h>

#include "protocol/trezor/codec.hpp"
#include "protocol/trezor/registry.hpp"
#include "transport/link.hpp"

namespace cc::drivers {

struct ButtonPrompt {
  std::uint32_t code = 0;
  std::string name;
};

struct SessionOptions {
  // Longest wait for a reply the device sends without a person's help.
  std::chrono::milliseconds reply_timeout{5000};
  // Longest wait while the device waits for a button press.
  std::chrono::milliseconds button_timeout{120000};
  // Reports without a message header tolerated before the reply counts as garbage.
  std::size_t max_skipped_reports = 32;
  std::size_t max_payload = trezor::kDefaultMaxPayload;
  // ButtonRequests answered within one call(): a device that answers every ButtonAck
  // with another ButtonRequest would otherwise keep the tool running for ever.
  std::size_t max_button_requests = 32;
  // Longest one call() may take in all, button presses included.
  std::chrono::milliseconds call_deadline{600000};
  // Polled between reads (at least every kInterruptPoll) while waiting for a reply;
  // true ends the wait with Error{kCancelled} so the caller can send Cancel (Ctrl-C).
  std::function<bool()> interrupted;
};

inline constexpr std::chrono::milliseconds kInterruptPoll{100};

class TrezorSession {
 public:
  TrezorSession(transport::Link& link, trezor::Table table, SessionOptions options = {});

  trezor::Table table() const noexcept { return table_; }
  const SessionOptions& options() const noexcept { return options_; }
  void set_table(trezor::Table table) noexcept { table_ = table; }
  void on_button(std::function<void(const ButtonPrompt&)> callback) { on_button_ = std::move(callback); }
  void set_interrupted(std::function<bool()> interrupted) { options_.interrupted = std::move(interrupted); }

  void send(const google::protobuf::Message& message);
  // One raw reply (not decoded), within `timeout`.
  trezor::Message receive_raw(std::chrono::milliseconds timeout);
  std::unique_ptr<google::protobuf::Message> receive(std::chrono::milliseconds timeout);

  // Sends Cancel and drains replies for up to `grace` until the device's Failure, so it
  // returns to its home screen. Ignores `interrupted` (it runs after a Ctrl-C) and
  // never throws: the device may already be gone or idle.
  void cancel(std::chrono::milliseconds grace) noexcept;

  // Sends `message`, acknowledges ButtonRequests, and returns the final reply.
  // Failure replies throw cc::Error with a code from the failure type.
  std::unique_ptr<google::protobuf::Message> call(const google::protobuf::Message& message);

  // Like call(), and requires the reply to be a T; anything else is kMalformed.
  template <typename T>
  T call_expect(const google::protobuf::Message& message) {
    auto reply = call(message);
    return expect<T>(*reply);
  }

  template <typename T>
  static T expect(const google::protobuf::Message& reply) {
    if (reply.GetDescriptor() != T::descriptor()) throw_unexpected(reply, T::descriptor()->name());
    T out;
    out.CopyFrom(reply);
    return out;
  }

 private:
  [[noreturn]] static void throw_unexpected(const google::protobuf::Message& got, const std::string& wanted);

  transport::Link& link_;
  trezor::Table table_;
  SessionOptions options_;
  std::function<void(const ButtonPrompt&)> on_button_;
};

// Maps a device Failure to our error, e.g. "device refused: PIN invalid (pin_invalid)".
[[noreturn]] void throw_failure(std::uint32_t failure_code, const std::string& failure_message);

}  // namespace cc::drivers
