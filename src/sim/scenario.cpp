// Scenario loading: TextFormat with positions in errors, then the checks that keep
// a scenario honest about what the simulated device puts on the wire.
#include <algorithm>
#include <span>
#include <sstream>
#include <string>

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include "attest/attest.hpp"
#include "core/bounded_file.hpp"
#include "core/error.hpp"
#include "core/embedded_file.hpp"
#include "firmware/image.hpp"
#include "firmware/models.hpp"
#include "guard/wordlist.hpp"
#include "sim/hardware.hpp"
#include "sim/simulator.hpp"

namespace cc::sim {

namespace detail {
// firmware_fixtures/scenarios/*.textproto (cc_embed_files in src/sim/CMakeLists.txt).
std::span<const EmbeddedFile> embedded_scenarios() noexcept;
}  // namespace detail

namespace {

// A builtin scenario's name is its file stem.
std::string_view scenario_name(const EmbeddedFile& file) {
  std::string_view name = file.name;
  name.remove_suffix(std::string_view(".textproto").size());
  return name;
}

constexpr std::size_t kMaxPinLength = 50;  // trezorlib's MAX_PIN_LENGTH
constexpr std::uint32_t kMaxDelayMs = 60'000;

// Collects the first parse error as "<file>:<line>:<col>: reason" (1-based).
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  explicit FirstErrorCollector(std::string_view file) : file_(file) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    if (!error_.empty()) return;
    error_ = file_ + ":" + std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
  }

  const std::string& error() const { return error_; }

 private:
  std::string file_;
  std::string error_;
};

[[noreturn]] void invalid(std::string_view file, const std::string& reason) {
  throw Error(ErrorCode::kInvalidArgument, std::string(file) + ": " + reason);
}

void validate_pin(const Scenario& s, std::string_view file) {
  const auto& f = s.features();
  if (s.has_pin()) {
    const std::string& pin = s.pin();
    if (pin.empty() || pin.size() > kMaxPinLength) {
      invalid(file, "pin must have 1 to " + std::to_string(kMaxPinLength) + " digits");
    }
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '1' && c <= '9'; })) {
      invalid(file, "pin may only hold the digits 1-9");
    }
  }
  if (s.has_pin() != (f.has_pin_protection() && f.pin_protection())) {
    invalid(file, "pin must be set exactly when features.pin_protection is true");
  }
  if (f.has_unlocked() && !f.unlocked() && !s.has_pin()) {
    invalid(file, "features.unlocked=false needs a pin");
  }
}

// The seed is a public test mnemonic: 12, 18 or 24 BIP39 English words, lower case.
void validate_mnemonic(const Scenario& s, std::string_view file) {
  if (s.mnemonic().empty()) return;
  std::istringstream in(s.mnemonic());
  std::size_t count = 0;
  const auto list = cc::guard::bip39_english();
  for (std::string w; in >> w; ++count) {
    if (!std::binary_search(list.begin(), list.end(), std::string_view(w))) {
      invalid(file, "mnemonic word " + std::to_string(count + 1) + " is not a BIP39 English word");
    }
  }
  if (count != 12 && count != 18 && count != 24) invalid(file, "mnemonic must have 12, 18 or 24 words");
}

void validate_fault(const Scenario& s, std::string_view file) {
  const auto& fault = s.fault();
  if (fault.kind() == coldcheck::sim::Fault::KIND_SLOW) {
    if (fault.delay_ms() == 0 || fault.delay_ms() > kMaxDelayMs) {
      invalid(file, "fault KIND_SLOW needs delay_ms in 1.." + std::to_string(kMaxDelayMs));
    }
  } else if (fault.delay_ms() != 0) {
    invalid(file, "fault.delay_ms is only meaningful with KIND_SLOW");
  }
}

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// The flash image must exist, parse, and be hashable for the device's internal model.
void validate_firmware_image(const Scenario& s, std::string_view file) {
  if (s.firmware_image().empty()) return;
  const auto image = embedded_firmware_image(s.firmware_image());
  if (!image) {
    std::string known;
    for (const auto& n : embedded_firmware_image_names()) known += (known.empty() ? "" : ", ") + n;
    invalid(file, "firmware_image \"" + s.firmware_image() + "\" is not embedded; known: " + known);
  }
  const std::string& model = s.features().internal_model();
  if (model.empty()) invalid(file, "firmware_image needs features.internal_model (it sets the hashed area)");
  firmware::ImageInfo info;
  try {
    info = firmware::parse_image(bytes_of(*image));
    (void)firmware::firmware_area_size(model);
  } catch (const Error& e) {
    invalid(file, "firmware_image \"" + s.firmware_image() + "\": " + e.what());
  }
  if (!info.internal_model.empty() && info.internal_model != model) {
    invalid(file, "firmware_image \"" + s.firmware_image() + "\" is for " + info.internal_model +
                      ", features.internal_model is " + model);
  }
}

void validate_attestation(const Scenario& s, std::string_view file) {
  const bool unlocked = s.features().has_bootloader_locked() && !s.features().bootloader_locked();
  if (!s.has_attestation()) return;
  const auto& a = s.attestation();
  if (a.certificates_size() == 0) invalid(file, "attestation.certificates is empty (leaf first)");
  for (const auto& name : a.certificates()) {
    if (!embedded_attestation_file(name)) invalid(file, "attestation certificate \"" + name + "\" is not embedded");
  }
  const auto key = embedded_attestation_file(a.signing_key());
  if (!key) invalid(file, "attestation.signing_key \"" + a.signing_key() + "\" is not embedded");
  try {
    const std::uint8_t probe[] = {0};
    (void)attest::sign_for_test(*key, probe);
  } catch (const Error& e) {
    invalid(file, "attestation.signing_key \"" + a.signing_key() + "\": " + e.what());
  }
  const bool refuses = a.fault() == coldcheck::sim::Attestation::FAULT_REFUSE_UNLOCKED;
  if (refuses != unlocked) {
    invalid(file,
            "attestation fault FAULT_REFUSE_UNLOCKED goes with features.bootloader_locked = false, "
            "and only with it (the firmware refuses exactly when the bootloader is unlocked)");
  }
}

// The fields KeepKey's Features lay out as Trezor's do (1..15); the device keeps its
// state in them, and replies with keepkey_features.
coldcheck::wire::trezor::Features keepkey_common(const coldcheck::wire::keepkey::Features& k) {
  coldcheck::wire::trezor::Features f;
  if (k.has_vendor()) f.set_vendor(k.vendor());
  if (k.has_major_version()) f.set_major_version(k.major_version());
  if (k.has_minor_version()) f.set_minor_version(k.minor_version());
  if (k.has_patch_version()) f.set_patch_version(k.patch_version());
  if (k.has_bootloader_mode()) f.set_bootloader_mode(k.bootloader_mode());
  if (k.has_device_id()) f.set_device_id(k.device_id());
  if (k.has_pin_protection()) f.set_pin_protection(k.pin_protection());
  if (k.has_passphrase_protection()) f.set_passphrase_protection(k.passphrase_protection());
  if (k.has_language()) f.set_language(k.language());
  if (k.has_label()) f.set_label(k.label());
  if (k.has_initialized()) f.set_initialized(k.initialized());
  if (k.has_revision()) f.set_revision(k.revision());
  if (k.has_bootloader_hash()) f.set_bootloader_hash(k.bootloader_hash());
  if (k.has_imported()) f.set_imported(k.imported());
  return f;
}

// A Ledger scenario carries none of the Trezor-family fields.
void validate_ledger(const Scenario& s, std::string_view file) {
  if (s.has_features() || s.has_pin() || s.has_attestation() || !s.mnemonic().empty() || !s.firmware_image().empty() ||
      s.debug_link() || s.fault().kind() != coldcheck::sim::Fault::KIND_NONE ||
      s.table() != coldcheck::sim::TABLE_UNSPECIFIED) {
    invalid(file,
            "a ledger scenario takes none of table, features, pin, fault, firmware_image, attestation, "
            "mnemonic, debug_link");
  }
  const auto& l = s.ledger();
  if (l.target_id() == 0) invalid(file, "ledger.target_id is missing");
  if (l.se_version().size() > 255 || l.mcu_version().size() > 255 || l.app_name().size() > 255 ||
      l.app_version().size() > 255 || l.mcu_bootloader_version().size() > 255) {
    invalid(file, "ledger strings must fit a one-byte length (255 bytes)");
  }
}

void validate(Scenario& s, std::string_view file) {
  if (s.has_ledger()) return validate_ledger(s, file);
  switch (s.table()) {
    case coldcheck::sim::TABLE_UNSPECIFIED: s.set_table(coldcheck::sim::TABLE_TREZOR); [[fallthrough]];
    case coldcheck::sim::TABLE_TREZOR:
      if (s.has_keepkey_features()) invalid(file, "keepkey_features goes with table: TABLE_KEEPKEY only");
      break;
    case coldcheck::sim::TABLE_KEEPKEY:
      if (s.has_features()) invalid(file, "a TABLE_KEEPKEY scenario sets keepkey_features, not features");
      if (!s.has_keepkey_features()) invalid(file, "keepkey_features is missing");
      if (!s.firmware_image().empty() || s.has_attestation() || !s.mnemonic().empty()) {
        invalid(file, "KeepKey scenarios have no firmware_image, attestation or mnemonic (no such messages)");
      }
      *s.mutable_features() = keepkey_common(s.keepkey_features());
      break;
    default:
      throw Error(ErrorCode::kUnsupported,
                  std::string(file) + ": table " + coldcheck::sim::Table_Name(s.table()) + " is not supported");
  }
  if (!s.has_features()) invalid(file, "features is missing");
  const auto& f = s.features();
  if (!f.has_vendor()) invalid(file, "features.vendor is missing");
  if (!f.has_major_version() || !f.has_minor_version() || !f.has_patch_version()) {
    invalid(file, "features.major_version, minor_version and patch_version are required on the wire");
  }
  if (f.has_session_id()) invalid(file, "features.session_id is allocated by the simulator; remove it");
  validate_pin(s, file);
  validate_fault(s, file);
  validate_mnemonic(s, file);
  validate_firmware_image(s, file);
  validate_attestation(s, file);
}

Scenario parse(std::string_view text, std::string_view file, std::string_view default_name) {
  Scenario scenario;
  FirstErrorCollector errors(file);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  const bool ok = parser.ParseFromString(std::string(text), &scenario);
  if (!ok || !errors.error().empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                errors.error().empty() ? std::string(file) + ": does not parse" : errors.error());
  }
  if (scenario.name().empty()) scenario.set_name(std::string(default_name));
  validate(scenario, file);
  return scenario;
}

std::string builtin_list() {
  std::string out;
  for (const auto& e : detail::embedded_scenarios()) {
    if (!out.empty()) out += ", ";
    out += scenario_name(e);
  }
  return out;
}

}  // namespace

Scenario parse_scenario(std::string_view text, std::string_view name) { return parse(text, name, name); }

Scenario load_scenario_file(const std::filesystem::path& file) {
  constexpr std::size_t kMaxScenarioBytes = 1u << 20;
  return parse(read_bounded_file(file, kMaxScenarioBytes, "scenario file"), file.string(), file.stem().string());
}

std::vector<std::string> builtin_scenario_names() {
  std::vector<std::string> names;
  for (const auto& e : detail::embedded_scenarios()) names.emplace_back(scenario_name(e));
  return names;
}

Scenario builtin_scenario(std::string_view name) {
  for (const auto& e : detail::embedded_scenarios()) {
    if (scenario_name(e) == name) return parse(e.bytes, "firmware_fixtures/scenarios/" + std::string(e.name), name);
  }
  throw Error(ErrorCode::kNotFound, "no builtin scenario \"" + std::string(name) + "\"; known: " + builtin_list());
}

}  // namespace cc::sim
