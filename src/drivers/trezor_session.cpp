#include "drivers/trezor_session.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "drivers/device_string.hpp"

namespace cc::drivers {

namespace tw = ::coldcheck::wire::trezor;
using Clock = std::chrono::steady_clock;
constexpr unsigned kPollsPerKeepAlive = 10;  // about once a second of silence

TrezorSession::TrezorSession(transport::Link& link, trezor::Table table, SessionOptions options)
    : link_(link), table_(table), options_(options) {}

void TrezorSession::send(const google::protobuf::Message& message) {
  for (const trezor::Packet& packet : trezor::encode_message(table_, message)) link_.write(packet);
}

trezor::Message TrezorSession::receive_raw(std::chrono::milliseconds timeout) {
  trezor::Decoder decoder(options_.max_payload);
  std::array<std::uint8_t, transport::kReportSize> report{};
  const auto deadline = Clock::now() + timeout;
  unsigned silent_polls = 0;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    std::size_t n = 0;
    try {
      if (left.count() <= 0) {
        throw Error(ErrorCode::kTimeout, "no reply from the device within " + std::to_string(timeout.count()) + " ms");
      }
      if (options_.interrupted && options_.interrupted()) throw Error(ErrorCode::kCancelled, "interrupted");
      // Sliced reads keep a partly received message in `decoder` across polls.
      const bool sliced = static_cast<bool>(options_.interrupted) && left > kInterruptPoll;
      try {
        n = link_.read(report, sliced ? kInterruptPoll : left);
      } catch (const Error& e) {
        if (!sliced || e.code() != ErrorCode::kTimeout) throw;
        if (++silent_polls % kPollsPerKeepAlive == 0) link_.keep_alive();
        continue;
      }
    } catch (const Error& e) {
      // Garbage followed by silence says more about the device than the silence does.
      if (e.code() == ErrorCode::kTimeout && decoder.skipped_packets() > 0) {
        throw Error(ErrorCode::kMalformed, "the device answered with " + std::to_string(decoder.skipped_packets()) +
                                               " report(s) that are not the Trezor protocol, then went silent");
      }
      throw;
    }
    if (decoder.feed(std::span(report.data(), n)) == trezor::Decoder::Step::kComplete) return decoder.take();
    if (decoder.skipped_packets() > options_.max_skipped_reports) {
      throw Error(ErrorCode::kMalformed, "the device sent " + std::to_string(decoder.skipped_packets()) +
                                             " reports without a message header (not the Trezor protocol?)");
    }
  }
}

std::unique_ptr<google::protobuf::Message> TrezorSession::receive(std::chrono::milliseconds timeout) {
  return trezor::decode_message(table_, receive_raw(timeout));
}

std::unique_ptr<google::protobuf::Message> TrezorSession::call(const google::protobuf::Message& message) {
  send(message);
  const auto deadline = Clock::now() + options_.call_deadline;
  auto timeout = options_.reply_timeout;
  std::size_t button_requests = 0;
  while (true) {
    const auto late = [&] {
      return Error(ErrorCode::kTimeout, "the device did not finish " + message.GetDescriptor()->name() + " within " +
                                            std::to_string(options_.call_deadline.count() / 1000) + " s; stopped");
    };
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) throw late();
    std::unique_ptr<google::protobuf::Message> reply;
    try {
      reply = receive(std::min(timeout, left));
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kTimeout && left < timeout) throw late();  // the call's deadline ran out
      throw;
    }
    const auto* d = reply->GetDescriptor();
    if (d == tw::ButtonRequest::descriptor()) {
      if (++button_requests > options_.max_button_requests) {
        throw Error(ErrorCode::kMalformed, "the device asked for a button press " + std::to_string(button_requests) +
                                               " times in answer to " + message.GetDescriptor()->name() +
                                               " without finishing; stopped");
      }
      const auto& req = static_cast<const tw::ButtonRequest&>(*reply);
      if (on_button_) on_button_(ButtonPrompt{req.code(), device_string(req.name())});
      send(tw::ButtonAck());
      timeout = options_.button_timeout;
      continue;
    }
    if (d == tw::Failure::descriptor()) {
      const auto& f = static_cast<const tw::Failure&>(*reply);
      throw_failure(static_cast<std::uint32_t>(f.code()), f.message());
    }
    return reply;
  }
}

void TrezorSession::cancel(std::chrono::milliseconds grace) noexcept {
  auto interrupted = std::exchange(options_.interrupted, nullptr);
  try {
    send(tw::Cancel());
    const auto deadline = Clock::now() + grace;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) break;
      auto reply = receive(left);
      if (reply->GetDescriptor() == tw::Failure::descriptor()) break;
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): best effort by design
  }
  options_.interrupted = std::move(interrupted);
}

void TrezorSession::throw_unexpected(const google::protobuf::Message& got, const std::string& wanted) {
  throw Error(ErrorCode::kMalformed, "expected " + wanted + " from the device, got " + got.GetDescriptor()->name());
}

void throw_failure(std::uint32_t failure_code, const std::string& failure_message) {
  const auto type = static_cast<tw::FailureType>(failure_code);
  ErrorCode code = ErrorCode::kDeviceRefused;
  switch (type) {
    case tw::FAILURE_ACTION_CANCELLED:
    case tw::FAILURE_PIN_CANCELLED: code = ErrorCode::kCancelled; break;
    case tw::FAILURE_BUSY: code = ErrorCode::kBusy; break;
    case tw::FAILURE_UNEXPECTED_MESSAGE: code = ErrorCode::kUnsupported; break;
    default: break;
  }
  std::string name = tw::FailureType_IsValid(static_cast<int>(failure_code))
                         ? tw::FailureType_Name(type)
                         : "failure code " + std::to_string(failure_code);
  std::string text =
      failure_message.empty() ? std::string("no message") : device_string(failure_message, kDeviceMessageMax);
  throw Error(code, "device answered Failure: " + text + " (" + name + ")");
}

}  // namespace cc::drivers
