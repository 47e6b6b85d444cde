#include "sim/device.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <utility>

#include "coldcheck/debuglink.pb.h"
#include "guard/wordlist.hpp"
#include "sim/debuglink.hpp"

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

namespace dbg = ::coldcheck::wire::debug;

// ButtonRequestType (common/protob/messages-common.proto): ProtectCall 7 asks to
// confirm the backup check, MnemonicWordCount 12 and MnemonicInput 13 mark the
// on-device word count and keyboard screens of core firmware.
constexpr std::uint32_t kButtonRequestProtectCall = 7;
constexpr std::uint32_t kButtonRequestMnemonicWordCount = 12;
constexpr std::uint32_t kButtonRequestMnemonicInput = 13;

// core/src/apps/management/recovery_device/homescreen.py (_finish_recovery_dry_run)
// and legacy/firmware/recovery.c (recovery_done).
constexpr std::string_view kSeedMatches = "The seed is valid and matches the one in the device";
constexpr std::string_view kCoreSeedMismatch = "The seed does not match the one in the device";
constexpr std::string_view kLegacySeedMismatch = "The seed is valid but does not match the one in the device";
constexpr std::string_view kPinInvalid = "PIN invalid";
constexpr std::size_t kMaxPinLength = 50;

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) {
    std::transform(w.begin(), w.end(), w.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    out.push_back(std::move(w));
  }
  return out;
}

bool is_bip39_word(std::string_view w) {
  const auto list = cc::guard::bip39_english();
  return std::binary_search(list.begin(), list.end(), w);
}

Reply button_request(std::uint32_t code) {
  auto b = std::make_unique<wire::ButtonRequest>();
  b->set_code(code);
  return b;
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
      table_(scenario.table() == ::coldcheck::sim::TABLE_KEEPKEY ? cc::trezor::Table::kKeepKey
                                                                 : cc::trezor::Table::kTrezor),
      keepkey_features_(scenario.keepkey_features()),
      hardware_(std::move(hardware)),
      busy_(scenario.fault().kind() == ::coldcheck::sim::Fault::KIND_BUSY),
      seed_(split_words(scenario.mnemonic())),
      word_matrix_(cc::guard::bip39_english()) {
  if (scenario.has_pin()) pin_ = scenario.pin();
  require_press_ = scenario.require_press();
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
  if (d == ::coldcheck::wire::keepkey::ClearSession::descriptor()) return &Device::on_lock_device;
  if (d == wire::EndSession::descriptor()) return &Device::on_end_session;
  if (d == wire::GetFirmwareHash::descriptor()) return &Device::on_get_firmware_hash;
  if (d == wire::AuthenticateDevice::descriptor()) return &Device::on_authenticate_device;
  if (d == wire::RecoveryDevice::descriptor()) return &Device::on_recovery_device;
  return nullptr;
}

Reply Device::handle_wire(const cc::trezor::Message& message) {
  if (cc::trezor::descriptor_for(table_, message.type) == nullptr) {
    after_button_ = nullptr;
    return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  }
  std::unique_ptr<Message> request;
  try {
    request = cc::trezor::decode_message(table_, message);
  } catch (const Error&) {
    after_button_ = nullptr;
    return make_failure(wire::FAILURE_DATA_ERROR, "Failed to decode message");
  }
  return handle(*request);
}

bool Device::allowed_while_busy(const Descriptor* d) const {
  return d == wire::Initialize::descriptor() || d == wire::GetFeatures::descriptor() || d == wire::Cancel::descriptor();
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
  if (flow_ != Flow::kIdle) {
    if (auto consumed = handle_in_flow(request)) return std::move(*consumed);
  }
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

// KeepKey replies in its own layout; its Features have no session_id.
Reply Device::features_reply() const {
  if (table_ == cc::trezor::Table::kKeepKey)
    return std::make_unique<::coldcheck::wire::keepkey::Features>(keepkey_features_);
  return std::make_unique<wire::Features>(features_);
}

Reply Device::on_initialize(const Message& request) {
  if (table_ == cc::trezor::Table::kKeepKey) return features_reply();
  auto f = std::make_unique<wire::Features>(features_);
  // The bootloader has no sessions.
  if (!features_.bootloader_mode()) {
    current_session_ = resume_or_new_session(as<wire::Initialize>(request));
    f->set_session_id(*current_session_);
  }
  return f;
}

Reply Device::on_get_features(const Message&) { return features_reply(); }

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

// ---- PIN entry and the backup check (RecoveryDevice dry run) ----

bool Device::legacy() const { return features_.model() == "1" || features_.internal_model() == "T1B1"; }

void Device::end_flow() {
  flow_ = Flow::kIdle;
  after_pin_ = nullptr;
  pin_matrix_.clear();
  typed_.clear();
  word_count_ = 0;
  awaiting_press_ = false;
  pressed_early_ = false;
  result_text_.clear();
}

// A locked device asks for the PIN first (PinMatrixRequest Current) and shows a
// freshly scrambled 3x3 grid; the request continues once the PIN is right.
Reply Device::request_pin(std::function<Reply()> then) {
  pin_matrix_ = "123456789";
  for (std::size_t i = pin_matrix_.size() - 1; i > 0; --i) std::swap(pin_matrix_[i], pin_matrix_[random_.below(i + 1)]);
  after_pin_ = std::move(then);
  flow_ = Flow::kPin;
  auto r = std::make_unique<wire::PinMatrixRequest>();
  r->set_type(wire::PIN_MATRIX_CURRENT);
  return r;
}

// PinMatrixAck carries grid positions; the device maps them through the grid it
// showed. Anything but 1-9 cannot match (legacy pinmatrix_done turns it into 'X').
Reply Device::check_pin(const wire::PinMatrixAck& ack) {
  const std::string& positions = ack.pin();
  std::string digits;
  bool valid = !positions.empty() && positions.size() <= kMaxPinLength;
  for (const char c : positions) {
    if (c < '1' || c > '9') {
      valid = false;
      break;
    }
    digits += pin_matrix_[static_cast<std::size_t>(c - '1')];
  }
  if (!valid || !pin_ || digits != *pin_) {
    ++pin_failures_;
    end_flow();
    return make_failure(wire::FAILURE_PIN_INVALID, std::string(kPinInvalid));
  }
  pin_failures_ = 0;
  features_.set_unlocked(true);
  std::function<Reply()> then = std::exchange(after_pin_, nullptr);
  end_flow();
  return then ? then() : success();
}

Reply Device::on_recovery_device(const Message& request) {
  const auto& r = as<wire::RecoveryDevice>(request);
  if (features_.bootloader_mode()) return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  if (r.type() != wire::RECOVERY_TYPE_DRY_RUN) {
    if (features_.initialized()) return make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Already initialized");
    return make_failure(wire::FAILURE_PROCESS_ERROR, "Simulator: only the RecoveryDevice dry run is simulated");
  }
  if (!features_.initialized()) return make_failure(wire::FAILURE_NOT_INITIALIZED, "Device is not initialized");
  if (seed_.empty()) return make_failure(wire::FAILURE_PROCESS_ERROR, "Simulator: the scenario has no mnemonic");
  if (features_.pin_protection() && !features_.unlocked()) {
    return request_pin([this, copy = r] { return start_dry_run(copy); });
  }
  return start_dry_run(r);
}

Reply Device::start_dry_run(const wire::RecoveryDevice& request) {
  end_flow();
  if (legacy()) {
    if (request.has_word_count() && request.word_count() != 12 && request.word_count() != 18 &&
        request.word_count() != 24) {
      return make_failure(wire::FAILURE_DATA_ERROR, "Invalid word count");
    }
    if (request.input_method() != wire::RECOVERY_INPUT_MATRIX) {
      // TODO(issue 5): ScrambledWords (host-typed words) is not simulated; coldcheck
      // refuses to use it anyway.
      return make_failure(wire::FAILURE_DATA_ERROR, "Simulator: ScrambledWords recovery is not simulated");
    }
    word_count_ = request.has_word_count() ? request.word_count() : 12;
  }
  flow_ = Flow::kConfirmDryRun;
  return button_request(kButtonRequestProtectCall);
}

Reply Device::next_word_request() {
  auto w = std::make_unique<wire::WordRequest>();
  w->set_type(word_matrix_.six_cells() ? wire::WORD_REQUEST_MATRIX6 : wire::WORD_REQUEST_MATRIX9);
  return w;
}

// Trezor One matrix entry: WordAck carries one grid position ("1".."9"), or "\b".
Reply Device::on_word_ack(const wire::WordAck& ack) {
  const std::string& in = ack.word();
  if (in == "\b") {
    if (!word_matrix_.back(random_) && !typed_.empty()) {
      typed_.pop_back();
      word_matrix_.restart(random_);
    }
    return next_word_request();
  }
  if (in.size() != 1 || in[0] < '1' || in[0] > '9') return next_word_request();
  if (auto word = word_matrix_.pick(in[0] - '0', random_)) {
    typed_.emplace_back(*word);
    if (typed_.size() == word_count_) return show_result();
  }
  return next_word_request();
}

// Both firmwares show the verdict and wait for a press (ButtonRequest Other) before
// answering.
Reply Device::show_result() {
  flow_ = Flow::kResult;
  if (typed_ == seed_) {
    result_text_ = std::string(kSeedMatches);
  } else {
    result_text_ = std::string(legacy() ? kLegacySeedMismatch : kCoreSeedMismatch);
  }
  return button_request(kButtonRequestOther);
}

// The confirm and result screens go on after the host's ButtonAck and, with
// require_press, the person's own press, in either order.
Reply Device::on_screen_ack() {
  if (require_press_ && !std::exchange(pressed_early_, false)) {
    awaiting_press_ = true;
    return Reply{};
  }
  return leave_screen();
}

Reply Device::leave_screen() { return flow_ == Flow::kConfirmDryRun ? begin_word_entry() : finish_dry_run(); }

Reply Device::begin_word_entry() {
  if (legacy()) {
    flow_ = Flow::kMatrix;
    word_matrix_.restart(random_);
    return next_word_request();
  }
  flow_ = Flow::kWordCount;
  return button_request(kButtonRequestMnemonicWordCount);
}

namespace {

// Grid position k+1 holds cells[k]; positions are laid out as on a numeric keypad.
std::string keypad(const std::vector<std::string>& cells) {
  std::string out;
  for (int row : {6, 3, 0}) {
    out += "  ";
    for (int col = 0; col < 3; ++col) {
      std::string cell = cells[static_cast<std::size_t>(row + col)];
      cell.resize(std::max<std::size_t>(cell.size(), 9), ' ');
      out += "[" + cell + "] ";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string Device::screen() const {
  const std::string press = require_press_ ? "\n(press y to confirm, n to cancel)" : "";
  switch (flow_) {
    case Flow::kPin: {
      std::vector<std::string> cells;
      for (char c : pin_matrix_) cells.emplace_back(1, c);
      return "Enter your PIN\n" + keypad(cells) + "(on the computer, type the positions of your PIN digits)";
    }
    case Flow::kConfirmDryRun: return "Check your backup?\nYou will enter your recovery words on this device." + press;
    case Flow::kWordCount: return "How many words does your backup have?\n(type 12, 18 or 24 here)";
    case Flow::kWords:
      return "Type word " + std::to_string(typed_.size() + 1) + " of " + std::to_string(word_count_) +
             " here, on the device";
    case Flow::kMatrix: {
      const auto& c = word_matrix_.cells();
      return "Word " + std::to_string(typed_.size() + 1) + " of " + std::to_string(word_count_) + "\n" +
             keypad(std::vector<std::string>(c.begin(), c.end())) +
             "(on the computer, type the position of the cell your word is in)";
    }
    case Flow::kResult: return result_text_ + press;
    case Flow::kIdle: break;
  }
  return features_.label().empty() ? std::string("(home screen)") : features_.label() + "\n(home screen)";
}

Reply Device::finish_dry_run() {
  const bool match = typed_ == seed_;
  const bool old = legacy();
  end_flow();
  if (match) return success(std::string(kSeedMatches));
  if (old) return make_failure(wire::FAILURE_DATA_ERROR, std::string(kLegacySeedMismatch));
  return make_failure(wire::FAILURE_PROCESS_ERROR, std::string(kCoreSeedMismatch));
}

std::optional<Reply> Device::handle_in_flow(const Message& request) {
  const Descriptor* d = request.GetDescriptor();
  if (d == wire::Cancel::descriptor()) {
    end_flow();
    return make_failure(wire::FAILURE_ACTION_CANCELLED, "Cancelled");
  }
  if (d == wire::GetFeatures::descriptor()) return on_get_features(request);
  const bool ack = d == wire::ButtonAck::descriptor();
  switch (flow_) {
    case Flow::kPin:
      if (d == wire::PinMatrixAck::descriptor()) return check_pin(as<wire::PinMatrixAck>(request));
      break;
    case Flow::kConfirmDryRun:
    case Flow::kResult:
      if (ack) return on_screen_ack();
      break;
    case Flow::kWordCount:
    case Flow::kWords:
      if (ack) return Reply{};  // the person is choosing / typing on the device
      break;
    case Flow::kMatrix:
      if (d == wire::WordAck::descriptor()) return on_word_ack(as<wire::WordAck>(request));
      break;
    case Flow::kIdle: break;
  }
  // Any other message abandons the workflow, as a new message does on the device.
  end_flow();
  return std::nullopt;
}

DebugOutcome Device::handle_debug_wire(const cc::trezor::Message& message) {
  std::unique_ptr<Message> request;
  try {
    request = debuglink::decode(message);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kMalformed)
      return {make_failure(wire::FAILURE_DATA_ERROR, "Failed to decode message"), nullptr};
    return {make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message"), nullptr};
  }
  return handle_debug(*request);
}

DebugOutcome Device::handle_debug(const Message& request) {
  const Descriptor* d = request.GetDescriptor();
  if (d == dbg::DebugLinkGetState::descriptor()) {
    auto state = std::make_unique<dbg::DebugLinkState>();
    if (flow_ == Flow::kPin) state->set_matrix(pin_matrix_);
    if (flow_ == Flow::kMatrix) {
      for (const auto& cell : word_matrix_.cells()) state->add_tokens(cell);
    }
    if (flow_ == Flow::kWordCount) state->add_tokens("Select number of words");
    if (flow_ == Flow::kMatrix || flow_ == Flow::kWords) {
      state->set_recovery_word_pos(static_cast<std::uint32_t>(typed_.size() + 1));
    }
    if (flow_ == Flow::kWords)
      state->add_tokens("Type word " + std::to_string(typed_.size() + 1) + " of " + std::to_string(word_count_));
    state->set_screen(screen());
    return {std::move(state), nullptr};
  }
  if (d != dbg::DebugLinkDecision::descriptor()) {
    return {make_failure(wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message"), nullptr};
  }
  const auto& decision = as<dbg::DebugLinkDecision>(request);
  const bool in_check = flow_ == Flow::kConfirmDryRun || flow_ == Flow::kWordCount || flow_ == Flow::kWords ||
                        flow_ == Flow::kMatrix || flow_ == Flow::kResult;
  if (decision.has_button() && decision.button() == dbg::DebugLinkDecision::NO && in_check) {
    end_flow();
    return {nullptr, make_failure(wire::FAILURE_ACTION_CANCELLED, "Cancelled")};
  }
  if (decision.has_button() && decision.button() == dbg::DebugLinkDecision::YES &&
      (flow_ == Flow::kConfirmDryRun || flow_ == Flow::kResult)) {
    // The press and the host's ack may come in either order; both are needed.
    if (!awaiting_press_) {
      pressed_early_ = true;
      return {};
    }
    awaiting_press_ = false;
    return {nullptr, leave_screen()};
  }
  if (!decision.has_input()) return {};
  const auto words = split_words(decision.input());
  if (flow_ == Flow::kWordCount) {
    // The on-screen word count selector (BIP39 counts).
    if (words.size() == 1 && (words[0] == "12" || words[0] == "18" || words[0] == "24")) {
      word_count_ = static_cast<std::uint32_t>(std::stoul(words[0]));
      flow_ = Flow::kWords;
      return {nullptr, button_request(kButtonRequestMnemonicInput)};
    }
    return {};
  }
  if (flow_ == Flow::kWords) {
    // The on-screen keyboard only completes list words; one word per input, or several.
    for (const auto& w : words) {
      if (!is_bip39_word(w)) continue;
      typed_.push_back(w);
      if (typed_.size() == word_count_) return {nullptr, show_result()};
    }
  }
  return {};
}

}  // namespace cc::sim
