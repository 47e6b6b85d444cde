#include "drivers/trezor_driver.hpp"

#include "coldcheck/keepkey.pb.h"
#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "drivers/device_string.hpp"
#include "drivers/features_facts.hpp"

namespace cc::drivers {

namespace tw = ::coldcheck::wire::trezor;
namespace kw = ::coldcheck::wire::keepkey;

namespace {
constexpr std::uint16_t kFeaturesId = 17;
constexpr std::uint16_t kFailureId = 3;
}  // namespace

TrezorDriver::TrezorDriver(std::unique_ptr<transport::Link> link, const catalog::Catalog& catalog, trezor::Table table,
                           SessionOptions options)
    : link_(std::move(link)), catalog_(catalog), session_(*link_, table, options) {}

::coldcheck::DeviceFacts TrezorDriver::facts_from_reply(const trezor::Message& raw) {
  if (raw.type == kFailureId) {
    tw::Failure failure;
    failure.ParseFromArray(raw.payload.data(), static_cast<int>(raw.payload.size()));
    throw_failure(static_cast<std::uint32_t>(failure.code()), failure.message());
  }
  if (raw.type != kFeaturesId) {
    throw Error(ErrorCode::kMalformed,
                "expected Features from the device, got message type " + std::to_string(raw.type));
  }
  // Both tables agree on id 17 and on field 1 (vendor), so the vendor picks the layout.
  tw::Features trezor_features;
  const bool parsed = trezor_features.ParseFromArray(raw.payload.data(), static_cast<int>(raw.payload.size()));
  if (parsed && catalog_.table_for_features_vendor(trezor_features.vendor()) == ::coldcheck::catalog::TABLE_KEEPKEY) {
    session_.set_table(trezor::Table::kKeepKey);
  }
  ::coldcheck::DeviceFacts facts;
  if (session_.table() == trezor::Table::kKeepKey) {
    kw::Features kk;
    if (!kk.ParseFromArray(raw.payload.data(), static_cast<int>(raw.payload.size()))) {
      throw Error(ErrorCode::kMalformed, "KeepKey Features do not parse");
    }
    facts = facts_from_features(kk, catalog_);
  } else {
    if (!parsed) throw Error(ErrorCode::kMalformed, "Features do not parse");
    if (!trezor_features.has_major_version() || !trezor_features.has_minor_version() ||
        !trezor_features.has_patch_version()) {
      throw Error(ErrorCode::kMalformed, "Features lack the required version fields");
    }
    facts = facts_from_features(trezor_features, catalog_);
  }
  facts.set_path(link_->path());
  facts.set_emulator(link_->path().rfind("udp:", 0) == 0);
  return facts;
}

::coldcheck::DeviceFacts TrezorDriver::identify(bool fresh_session) {
  const auto timeout = session_.options().reply_timeout;
  if (!fresh_session) {
    session_.send(tw::GetFeatures());
    trezor::Message raw = session_.receive_raw(timeout);
    // Firmware before GetFeatures existed answers UnexpectedMessage.
    if (raw.type != kFailureId) return facts_from_reply(raw);
  }
  session_.send(tw::Initialize());
  return facts_from_reply(session_.receive_raw(timeout));
}

std::string TrezorDriver::ping(const std::string& message, bool button_protection) {
  tw::Ping ping;
  ping.set_message(message);
  ping.set_button_protection(button_protection);
  return device_string(session_.call_expect<tw::Success>(ping).message(), kDeviceMessageMax);
}

TrezorDriver::FirmwareHashReply TrezorDriver::firmware_hash(std::span<const std::uint8_t> challenge) {
  if (session_.table() != trezor::Table::kTrezor) {
    throw Error(ErrorCode::kUnsupported, "this device family has no firmware hash message");
  }
  tw::GetFirmwareHash request;
  request.set_challenge(std::string(challenge.begin(), challenge.end()));
  const auto start = std::chrono::steady_clock::now();
  const auto reply = session_.call_expect<tw::FirmwareHash>(request);
  FirmwareHashReply out;
  out.latency = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  out.hash.assign(reply.hash().begin(), reply.hash().end());
  return out;
}

tw::AuthenticityProof TrezorDriver::authenticate(std::span<const std::uint8_t> challenge) {
  if (session_.table() != trezor::Table::kTrezor) {
    throw Error(ErrorCode::kUnsupported, "this device family has no authenticity proof");
  }
  tw::AuthenticateDevice request;
  request.set_challenge(std::string(challenge.begin(), challenge.end()));
  return session_.call_expect<tw::AuthenticityProof>(request);
}

}  // namespace cc::drivers
