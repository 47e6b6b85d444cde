#include "sim/device.hpp"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "sim/simulator.hpp"

namespace cc::sim {
namespace {

using google::protobuf::util::MessageDifferencer;

template <typename T>
const T& expect_type(const Reply& reply) {
  EXPECT_NE(reply, nullptr);
  EXPECT_EQ(reply->GetDescriptor(), T::descriptor()) << reply->ShortDebugString();
  return static_cast<const T&>(*reply);
}

void expect_failure(const Reply& reply, wire::FailureType code, const std::string& message) {
  const auto& f = expect_type<wire::Failure>(reply);
  EXPECT_EQ(f.code(), code);
  EXPECT_EQ(f.message(), message);
}

TEST(Device, InitializeAnswersTheScenarioFeaturesWithANewSession) {
  const Scenario s = builtin_scenario("healthy-safe3");
  Device device(s);
  const auto reply = device.handle(wire::Initialize());
  auto f = expect_type<wire::Features>(reply);
  EXPECT_EQ(f.session_id().size(), Device::kSessionIdSize);
  f.clear_session_id();
  EXPECT_TRUE(MessageDifferencer::Equals(f, s.features()));
}

TEST(Device, InitializeResumesAKnownSessionAndReplacesAnUnknownOne) {
  Device device(builtin_scenario("healthy-model-t"));
  const std::string first = expect_type<wire::Features>(device.handle(wire::Initialize())).session_id();
  const std::string second = expect_type<wire::Features>(device.handle(wire::Initialize())).session_id();
  EXPECT_NE(first, second);
  wire::Initialize resume;
  resume.set_session_id(first);
  EXPECT_EQ(expect_type<wire::Features>(device.handle(resume)).session_id(), first);
  resume.set_session_id(std::string(32, 'x'));
  EXPECT_NE(expect_type<wire::Features>(device.handle(resume)).session_id(), std::string(32, 'x'));
}

TEST(Device, EndSessionForgetsTheSession) {
  Device device(builtin_scenario("healthy-model-t"));
  wire::Initialize resume;
  resume.set_session_id(expect_type<wire::Features>(device.handle(wire::Initialize())).session_id());
  expect_type<wire::Success>(device.handle(wire::EndSession()));
  EXPECT_NE(expect_type<wire::Features>(device.handle(resume)).session_id(), resume.session_id());
}

TEST(Device, BootloaderHasNoSession) {
  Device device(builtin_scenario("bootloader-mode"));
  EXPECT_FALSE(expect_type<wire::Features>(device.handle(wire::Initialize())).has_session_id());
}

TEST(Device, GetFeaturesCarriesNoSessionId) {
  Device device(builtin_scenario("healthy-model-t"));
  device.handle(wire::Initialize());
  EXPECT_FALSE(expect_type<wire::Features>(device.handle(wire::GetFeatures())).has_session_id());
}

TEST(Device, PingWithoutButtonProtectionEchoes) {
  Device device(builtin_scenario("healthy-model-t"));
  wire::Ping ping;
  ping.set_message("hello");
  EXPECT_EQ(expect_type<wire::Success>(device.handle(ping)).message(), "hello");
}

TEST(Device, PingWithButtonProtectionWaitsForButtonAck) {
  Device device(builtin_scenario("healthy-model-t"));
  wire::Ping ping;
  ping.set_message("hello");
  ping.set_button_protection(true);
  EXPECT_EQ(expect_type<wire::ButtonRequest>(device.handle(ping)).code(), 1u);
  EXPECT_EQ(expect_type<wire::Success>(device.handle(wire::ButtonAck())).message(), "hello");
  // The workflow is over: another ack is unexpected.
  expect_failure(device.handle(wire::ButtonAck()), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

TEST(Device, CancelAbandonsAWaitingWorkflow) {
  Device device(builtin_scenario("healthy-model-t"));
  wire::Ping ping;
  ping.set_button_protection(true);
  expect_type<wire::ButtonRequest>(device.handle(ping));
  expect_failure(device.handle(wire::Cancel()), wire::FAILURE_ACTION_CANCELLED, "Cancelled");
  expect_failure(device.handle(wire::ButtonAck()), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

TEST(Device, LockDeviceLocksOnlyWithAPin) {
  Device with_pin(builtin_scenario("healthy-model-t"));
  expect_type<wire::Success>(with_pin.handle(wire::LockDevice()));
  EXPECT_FALSE(with_pin.features().unlocked());
  EXPECT_FALSE(expect_type<wire::Features>(with_pin.handle(wire::GetFeatures())).unlocked());

  Device without_pin(builtin_scenario("uninitialized"));
  expect_type<wire::Success>(without_pin.handle(wire::LockDevice()));
  EXPECT_TRUE(without_pin.features().unlocked());
}

TEST(Device, UnhandledKnownMessageIsUnexpected) {
  Device device(builtin_scenario("healthy-model-t"));
  expect_failure(device.handle(wire::GetFirmwareHash()), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

TEST(Device, UnknownWireIdIsUnexpected) {
  Device device(builtin_scenario("healthy-model-t"));
  expect_failure(device.handle_wire({999, {}}), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

TEST(Device, UndecodablePayloadIsADataError) {
  Device device(builtin_scenario("healthy-model-t"));
  // Ping with a truncated length-delimited field.
  expect_failure(device.handle_wire({1, {0x0a, 0x05, 'h'}}), wire::FAILURE_DATA_ERROR, "Failed to decode message");
}

TEST(Device, BusyDeviceRefusesAllButInitializeGetFeaturesAndCancel) {
  Device device(builtin_scenario("fault-busy"));
  EXPECT_TRUE(expect_type<wire::Features>(device.handle(wire::Initialize())).busy());
  EXPECT_TRUE(expect_type<wire::Features>(device.handle(wire::GetFeatures())).busy());
  expect_failure(device.handle(wire::Cancel()), wire::FAILURE_ACTION_CANCELLED, "Cancelled");
  expect_failure(device.handle(wire::Ping()), wire::FAILURE_BUSY, "Device is busy");
  expect_failure(device.handle(wire::LockDevice()), wire::FAILURE_BUSY, "Device is busy");
  expect_failure(device.handle(wire::EndSession()), wire::FAILURE_BUSY, "Device is busy");
}

}  // namespace
}  // namespace cc::sim

namespace cc::sim {
namespace {

namespace kw = ::coldcheck::wire::keepkey;

cc::trezor::Message wire_message(cc::trezor::Table table, const google::protobuf::Message& m) {
  cc::trezor::Decoder decoder;
  for (const auto& p : cc::trezor::encode_message(table, m)) {
    if (decoder.feed(p) == cc::trezor::Decoder::Step::kComplete) break;
  }
  return decoder.take();
}

TEST(KeepKeyDevice, AnswersInKeepKeyLayout) {
  const Scenario s = builtin_scenario("keepkey-healthy");
  Device device(s);
  EXPECT_EQ(device.table(), cc::trezor::Table::kKeepKey);
  const auto reply = device.handle(wire::Initialize());
  ASSERT_NE(reply, nullptr);
  ASSERT_EQ(reply->GetDescriptor(), kw::Features::descriptor()) << reply->ShortDebugString();
  const auto& f = static_cast<const kw::Features&>(*reply);
  EXPECT_TRUE(MessageDifferencer::Equals(f, s.keepkey_features()));
  EXPECT_EQ(f.firmware_variant(), "KeepKey");
  EXPECT_EQ(f.firmware_hash().size(), 32u);
  // The bytes carry firmware_hash as field 23, where Trezor has fw_minor.
  const std::string bytes = f.SerializeAsString();
  EXPECT_NE(bytes.find(std::string("\xba\x01\x20", 3)), std::string::npos);
}

TEST(KeepKeyDevice, TrezorOnlyIdsAreUnexpected) {
  Device device(builtin_scenario("keepkey-healthy"));
  // 88 GetFirmwareHash does not exist on KeepKey; a Trezor-table encoding of it must
  // get UnexpectedMessage, never a hash.
  wire::GetFirmwareHash get;
  get.set_challenge("abc");
  expect_failure(device.handle_wire(wire_message(cc::trezor::Table::kTrezor, get)), wire::FAILURE_UNEXPECTED_MESSAGE,
                 "Unexpected message");
  // 24 is ClearSession on KeepKey.
  expect_type<wire::Success>(device.handle_wire(wire_message(cc::trezor::Table::kKeepKey, kw::ClearSession())));
}

}  // namespace
}  // namespace cc::sim
