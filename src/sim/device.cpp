#include "sim/device.hpp"

#include <algorithm>
#include <utility>

#include "attest/attest.hpp"
#include "core/error.hpp"
#include "firmware/hash.hpp"
#include "protocol/trezor/registry.hpp"

namespace cc::sim {

namespace {

using google::protobuf::Descriptor;
using google::protobuf::Message;

template <typename T>
const T& as(const Message& m) {
  return static_cast<const T&>(m);
}

Reply success(std::string message = {}) {
  auto s = std::make_unique<wire::Success>();
  if (!message.empty()) s->set_message(std::move(message));
  return s;
}

// ButtonRequest code Other (1): what core firmware shows for a confirmed Ping and
// for confirm_action() before AuthenticateDevice.
constexpr std::uint32_t kButtonRequestOther = 1;

// GetFirmwareHash keys BLAKE2s with the challenge: at most 32 bytes.
constexpr std::size_t kMaxFirmwareHashChallenge = 32;

// core/src/apps/management/authenticate_device.py
constexpr std::string_view kUnlockedBootloaderMessage = "Cannot authenticate since bootloader is unlocked.";

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace

Reply make_failure(wire::FailureType code, std::string message) {
  auto f = std::make_unique<wire::Failure>();
  f->set_code(code);
  f->set_message(std::move(message));
  return f;
}

Device::Device(const ::coldcheck::sim::Scenario& scenario) : Device(scenario, hardware_for(scenario)) {}

Device::Device(const ::coldcheck::sim::Scenario& scenario, Hardware hardware)
    : features_(scenario.features()),
      hardware_(std::move(hardware)),
      busy_(scenario.fault().kind() == ::coldcheck::sim::Fault::KIND_BUSY) {
  features_.clear_session_id();
  if (busy_) features_.set_busy(true);
}

Device::Handler Device::handler_for(const Descriptor* d) {
  if (d == wire::Initialize::descriptor()) return &Device::on_initialize;
  if (d == wire::GetFeatures::descriptor()) return &Device::on_get_features;
  if (d == wire::Ping::descriptor()) return &Device::on_ping;
  if (d == wire::ButtonAck::descriptor()) return &Device::on_button_ack;
  if (d == wire::Cancel::descriptor()) return &Device::on_cancel;
  if (d == wire::LockDevice::descriptor()) return &Device::on_lock_device;
  if (d == wire::EndSession::descriptor()) return &Device::on_end_session;
  if (d == wire::GetFirmwareHash::descriptor()) return &Device::on_get_firmware_hash;
  if (d == wire::AuthenticateDevice::descriptor()) return &Device::on_authenticate_device;
  return nullptr;
}

Reply Device::handle_wire(const cc::trezor::Message& message) {
  if (cc::trezor::descriptor_for(cc::trezor::Table::kTrezor, message.type) == nullptr) {
    after_button_ = nullptr;
    return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  }
  std::unique_ptr<Message> request;
  try {
    request = cc::trezor::decode_message(cc::trezor::Table::kTrezor, message);
  } catch (const Error&) {
    after_button_ = nullptr;
    return make_failure(wire::FAILURE_DATA_ERROR, "Failed to decode message");
  }
  return handle(*request);
}

bool Device::allowed_while_busy(const Descriptor* d) const {
  return d == wire::Initialize::descriptor() || d == wire::GetFeatures::descriptor() ||
         d == wire::Cancel::descriptor();
}

Reply Device::handle(const Message& request) {
  const Descriptor* d = request.GetDescriptor();
  // Any message but ButtonAck abandons a workflow waiting for the button, as a new
  // message does on the real device.
  std::function<Reply()> pending = std::exchange(after_button_, nullptr);
  if (busy_ && !allowed_while_busy(d)) {
    return make_failure(wire::FAILURE_BUSY, "Device is busy");
  }
  if (d == wire::ButtonAck::descriptor() && pending) return pending();
  const Handler h = handler_for(d);
  if (h == nullptr) return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  return (this->*h)(request);
}

std::string Device::resume_or_new_session(const wire::Initialize& request) {
  if (request.has_session_id()) {
    auto it = std::find(sessions_.begin(), sessions_.end(), request.session_id());
    if (it != sessions_.end()) {
      std::string id = *it;
      sessions_.erase(it);
      sessions_.push_back(id);
      return id;
    }
  }
  std::string id(kSessionIdSize, '\0');
  random_.fill(std::span(reinterpret_cast<std::uint8_t*>(id.data()), id.size()));
  sessions_.push_back(id);
  if (sessions_.size() > kMaxSessions) sessions_.pop_front();
  return id;
}

Reply Device::on_initialize(const Message& request) {
  auto f = std::make_unique<wire::Features>(features_);
  // The bootloader has no sessions.
  if (!features_.bootloader_mode()) {
    current_session_ = resume_or_new_session(as<wire::Initialize>(request));
    f->set_session_id(*current_session_);
  }
  return f;
}

Reply Device::on_get_features(const Message&) { return std::make_unique<wire::Features>(features_); }

Reply Device::on_ping(const Message& request) {
  const auto& ping = as<wire::Ping>(request);
  if (!ping.button_protection()) return success(ping.message());
  auto button = std::make_unique<wire::ButtonRequest>();
  button->set_code(kButtonRequestOther);
  // The simulated person confirms as soon as the host acknowledges; a debug link
  // will decide this later.
  after_button_ = [message = ping.message()] { return success(message); };
  return button;
}

Reply Device::on_button_ack(const Message&) {
  return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

Reply Device::on_cancel(const Message&) { return make_failure(wire::FAILURE_ACTION_CANCELLED, "Cancelled"); }

Reply Device::on_lock_device(const Message&) {
  if (features_.pin_protection()) features_.set_unlocked(false);
  return success();
}

Reply Device::on_end_session(const Message&) {
  if (current_session_) {
    std::erase(sessions_, *current_session_);
    current_session_.reset();
  }
  return success();
}

// The firmware hashes its whole flash area keyed with the challenge
// (core/src/apps/misc/get_firmware_hash.py); the bootloader and firmware without the
// message answer UnexpectedMessage.
Reply Device::on_get_firmware_hash(const Message& request) {
  if (!hardware_.flash || features_.bootloader_mode()) {
    return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  }
  const std::string& challenge = as<wire::GetFirmwareHash>(request).challenge();
  if (challenge.empty() || challenge.size() > kMaxFirmwareHashChallenge) {
    return make_failure(wire::FAILURE_DATA_ERROR, "Invalid challenge length");
  }
  try {
    const auto hash =
        firmware::predict_firmware_hash(bytes_of(*hardware_.flash), features_.internal_model(), bytes_of(challenge));
    auto reply = std::make_unique<wire::FirmwareHash>();
    reply->set_hash(std::string(hash.begin(), hash.end()));
    return reply;
  } catch (const Error&) {
    return make_failure(wire::FAILURE_FIRMWARE_ERROR, "Failed to calculate firmware hash.");
  }
}

// core/src/apps/management/authenticate_device.py: refuse when the bootloader is
// unlocked, else ask the person to allow it, then sign
// SHA-256(cs(19) "AuthenticateDevice:" cs(len) challenge) with the secure element's key.
Reply Device::on_authenticate_device(const Message& request) {
  if (!hardware_.secure_element || features_.bootloader_mode()) {
    return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  }
  const SecureElement& se = *hardware_.secure_element;
  if (se.fault == ::coldcheck::sim::Attestation::FAULT_REFUSE_UNLOCKED) {
    return make_failure(wire::FAILURE_PROCESS_ERROR, std::string(kUnlockedBootloaderMessage));
  }
  auto button = std::make_unique<wire::ButtonRequest>();
  button->set_code(kButtonRequestOther);
  after_button_ = [se, challenge = as<wire::AuthenticateDevice>(request).challenge()]() -> Reply {
    std::vector<std::uint8_t> signature;
    try {
      signature = attest::sign_for_test(se.signing_key_pem, bytes_of(challenge));
    } catch (const Error&) {
      return make_failure(wire::FAILURE_PROCESS_ERROR, "Signing inaccessible.");
    }
    if (se.fault == ::coldcheck::sim::Attestation::FAULT_BAD_SIGNATURE && !signature.empty()) {
      signature.back() ^= 0xFF;
    }
    auto proof = std::make_unique<wire::AuthenticityProof>();
    for (const auto& der : se.certificates) proof->add_optiga_certificates(der);
    proof->set_optiga_signature(std::string(signature.begin(), signature.end()));
    return proof;
  };
  return button;
}

}  // namespace cc::sim
