#include "app/genuineness.hpp"
#include "findings/check_ids.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <fstream>
#include <cstdio>

#include "attest/attest.hpp"
#include "catalog/capabilities.hpp"
#include "checks/genuineness.hpp"
#include "core/bounded_file.hpp"
#include "core/error.hpp"
#include "findings/translations.hpp"
#include "firmware/hash.hpp"
#include "firmware/image.hpp"
#include "transport/device_path.hpp"
#include "transport/replay_link.hpp"

namespace cc::app {

namespace rp = ::coldcheck::report;
namespace cat = ::coldcheck::catalog;
using findings::tr;

namespace {

std::vector<std::uint8_t> random_challenge() {
  std::vector<std::uint8_t> c(32);
  if (RAND_bytes(c.data(), static_cast<int>(c.size())) != 1) throw Error(ErrorCode::kInternal, "RAND_bytes failed");
  return c;
}

constexpr std::uint16_t kGetFirmwareHash = 88;
constexpr std::uint16_t kAuthenticateDevice = 97;

bool is_replay(const ::coldcheck::DeviceFacts& f) { return f.path().rfind("replay:", 0) == 0; }

// A replay asks the recorded question, so the transcript plays on and the evidence shows
// the challenge the recorded answer belongs to.
std::vector<std::uint8_t> challenge_for(const ::coldcheck::DeviceFacts& f, std::uint16_t message_type) {
  if (is_replay(f)) {
    if (auto recorded = transport::replay_take_challenge(transport::parse_device_path(f.path()), message_type)) {
      return *recorded;
    }
  }
  return random_challenge();
}

std::string not_comparable_on_replay(findings::Language lang) {
  return tr(N_("not comparable on replay: the answer comes from a recording, which anyone could have made; "
               "only the device itself, asked a fresh challenge, can show this"),
            lang);
}

std::string internal_model_of(const ::coldcheck::DeviceFacts& f, const cat::Model* model) {
  if (!f.internal_model().empty()) return f.internal_model();
  return model != nullptr ? catalog::default_internal_model(*model) : std::string();
}

// The flash area the device hashes, from the catalog's firmware_areas.
std::size_t area_of(const cat::Model* model, const std::string& internal_model) {
  const auto area = model != nullptr ? catalog::firmware_area_bytes(*model, internal_model) : std::nullopt;
  if (!area) {
    throw Error(ErrorCode::kUnsupported,
                "firmware hash: no known firmware area size for model '" + internal_model + "'");
  }
  return *area;
}

rp::CheckResult hash_check(drivers::TrezorDriver& driver, const ::coldcheck::DeviceFacts& f, const cat::Model* model,
                           const std::string& internal_model, const GenuinenessOptions& options) {
  const auto lang = options.language;
  checks::FirmwareHashEvidence ev;
  ev.challenge = challenge_for(f, kGetFirmwareHash);
  const auto reply = driver.firmware_hash(ev.challenge);
  ev.device_hash = reply.hash;
  ev.latency = reply.latency;
  if (!options.firmware_dir) {
    ev.no_image_reason = tr(N_("no release image given (--firmware-dir); the device's hash is recorded"), lang);
  } else if (is_replay(f)) {
    ev.no_image_reason = not_comparable_on_replay(lang);
  } else if (auto image = find_release_image(*options.firmware_dir, internal_model, f.firmware_version())) {
    const auto predicted =
        firmware::predict_firmware_hash_for_area(image->bytes, area_of(model, internal_model), ev.challenge);
    ev.predicted = std::vector<std::uint8_t>(predicted.begin(), predicted.end());
    ev.image_name = image->path.filename().string();
  } else {
    ev.no_image_reason = tr(N_("no image for this model and version in the firmware directory"), lang);
  }
  return checks::firmware_hash_check(ev, lang);
}

std::vector<rp::CheckResult> attestation_checks(drivers::TrezorDriver& driver, const ::coldcheck::DeviceFacts& f,
                                                const std::string& internal_model, findings::Language lang) {
  const auto challenge = challenge_for(f, kAuthenticateDevice);
  ::coldcheck::wire::trezor::AuthenticityProof proof;
  try {
    proof = driver.authenticate(challenge);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kDeviceRefused) throw;
    return checks::attestation_refused(f, e.what(), lang);
  }
  if (is_replay(f)) {
    return {checks::not_run(findings::kAuthDevice, tr(N_("secure-element attestation"), lang), rp::CHECK_SKIPPED,
                            not_comparable_on_replay(lang))};
  }
  attest::Options options;
  options.allow_test_roots = f.emulator();  // test roots only ever count for emulators
  const auto result = attest::verify(proof, challenge, internal_model, attest::builtin_trust_store(), options);
  return {checks::attestation_check(result, f.emulator(), lang)};
}

}  // namespace

std::optional<FoundImage> find_release_image(const std::filesystem::path& dir, std::string_view internal_model,
                                             std::string_view version) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code entry_ec;
    if (!entry.is_regular_file(entry_ec) || entry_ec) continue;
    try {
      const std::string file = read_bounded_file(entry.path(), 16u << 20, "firmware image");
      const std::vector<std::uint8_t> bytes(file.begin(), file.end());
      const auto info = firmware::parse_image(bytes);
      if (info.version == version && info.internal_model == internal_model) return FoundImage{entry.path(), bytes};
    } catch (const Error&) {
      // Not a firmware image; other files may sit in the same directory.
    }
  }
  if (ec) throw Error(ErrorCode::kNotFound, dir.string() + ": " + ec.message());
  return std::nullopt;
}

std::vector<rp::CheckResult> genuineness_checks(drivers::TrezorDriver& driver, const ::coldcheck::DeviceFacts& f,
                                                const catalog::Catalog& catalog, const GenuinenessOptions& options) {
  const auto lang = options.language;
  std::vector<rp::CheckResult> out;
  out.push_back(checks::revision_check(f, catalog, lang));

  const auto* model = catalog.find(f.catalog_id());
  if (model != nullptr && !model->bootloaders().empty()) out.push_back(checks::bootloader_check(f, catalog, lang));
  const std::string internal_model = internal_model_of(f, model);
  if (auto not_askable = checks::hash_not_askable(f, model, internal_model, lang)) {
    out.push_back(std::move(*not_askable));
  } else {
    try {
      out.push_back(hash_check(driver, f, model, internal_model, options));
    } catch (const Error& e) {
      out.push_back(checks::asked_and_failed(findings::kFwHash, tr(N_("firmware hash against the release image"), lang),
                                             e, lang));
    }
  }

  if (auto not_askable = checks::attestation_not_askable(f, model, internal_model, lang)) {
    out.push_back(std::move(*not_askable));
  } else {
    try {
      for (auto& c : attestation_checks(driver, f, internal_model, lang)) out.push_back(std::move(c));
    } catch (const Error& e) {
      out.push_back(
          checks::asked_and_failed(findings::kAuthDevice, tr(N_("secure-element attestation"), lang), e, lang));
    }
  }
  return out;
}

}  // namespace cc::app
