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

#include <google/protobuf/message.h>

#include "coldcheck/scenario.pb.h"
#include "coldcheck/trezor.pb.h"
#include "protocol/trezor/codec.hpp"
#include "sim/hardware.hpp"
#include "sim/random.hpp"

namespace cc::sim {

namespace wire = ::coldcheck::wire::trezor;

// nullptr: the device stays silent.
using Reply = std::unique_ptr<google::protobuf::Message>;

Reply make_failure(wire::FailureType code, std::string message);

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

  // Current state, as GetFeatures would report it.
  const wire::Features& features() const noexcept { return features_; }

 private:
  using Handler = Reply (Device::*)(const google::protobuf::Message&);
  static Handler handler_for(const google::protobuf::Descriptor* descriptor);

  Reply on_initialize(const google::protobuf::Message& request);
  Reply on_get_features(const google::protobuf::Message& request);
  Reply on_ping(const google::protobuf::Message& request);
  Reply on_button_ack(const google::protobuf::Message& request);
  Reply on_cancel(const google::protobuf::Message& request);
  Reply on_lock_device(const google::protobuf::Message& request);
  Reply on_end_session(const google::protobuf::Message& request);
  Reply on_get_firmware_hash(const google::protobuf::Message& request);
  Reply on_authenticate_device(const google::protobuf::Message& request);

  bool allowed_while_busy(const google::protobuf::Descriptor* descriptor) const;
  std::string resume_or_new_session(const wire::Initialize& request);

  wire::Features features_;
  Hardware hardware_;
  bool busy_ = false;
  Random random_;
  // Sessions the device remembers, most recent last; current_session_ is one of them.
  std::deque<std::string> sessions_;
  std::optional<std::string> current_session_;
  // A workflow waiting for the person to press the button; runs on ButtonAck.
  std::function<Reply()> after_button_;
};

}  // namespace cc::sim
