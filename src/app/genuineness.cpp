#include "app/genuineness.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <cstdio>

#include "attest/attest.hpp"
#include "checks/genuineness.hpp"
#include "core/bounded_file.hpp"
#include "core/error.hpp"
#include "findings/translations.hpp"
#include "firmware/hash.hpp"
#include "firmware/image.hpp"

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

// A device that does not know the message (older firmware) cannot do the check.
rp::CheckStatus status_for(const Error& e) {
  return e.code() == ErrorCode::kUnsupported ? rp::CHECK_UNSUPPORTED : rp::CHECK_ERROR;
}

bool has_capability(const cat::Model* model, cat::Capability cap) {
  return model != nullptr && std::find(model->capabilities().begin(), model->capabilities().end(), cap) !=
                                 model->capabilities().end();
}

// Firmware hash support: Trezor One from 1.11.1, the others from 2.5.1.
bool firmware_supports_hash(const ::coldcheck::DeviceFacts& f) {
  unsigned major = 0, minor = 0, patch = 0;
  if (std::sscanf(f.firmware_version().c_str(), "%u.%u.%u", &major, &minor, &patch) != 3) return false;
  const auto v = std::tuple(major, minor, patch);
  return major == 1 ? v >= std::tuple(1u, 11u, 1u) : v >= std::tuple(2u, 5u, 1u);
}

std::string internal_model_of(const ::coldcheck::DeviceFacts& f, const cat::Model* model) {
  if (!f.internal_model().empty()) return f.internal_model();
  if (model != nullptr && model->features_match().internal_model_size() > 0) {
    return model->features_match().internal_model(0);
  }
  return {};
}

rp::CheckResult hash_check(drivers::TrezorDriver& driver, const ::coldcheck::DeviceFacts& f,
                           const std::string& internal_model, const GenuinenessOptions& options) {
  const auto lang = options.language;
  checks::FirmwareHashEvidence ev;
  ev.challenge = random_challenge();
  const auto reply = driver.firmware_hash(ev.challenge);
  ev.device_hash = reply.hash;
  ev.latency = reply.latency;
  if (!options.firmware_dir) {
    ev.no_image_reason = tr(N_("no release image given (--firmware-dir); the device's hash is recorded"), lang);
  } else if (auto image = find_release_image(*options.firmware_dir, internal_model, f.firmware_version())) {
    const auto predicted = firmware::predict_firmware_hash(image->bytes, internal_model, ev.challenge);
    ev.predicted = std::vector<std::uint8_t>(predicted.begin(), predicted.end());
    ev.image_name = image->path.filename().string();
  } else {
    ev.no_image_reason = tr(N_("no image for this model and version in the firmware directory"), lang);
  }
  return checks::firmware_hash_check(ev, lang);
}

std::vector<rp::CheckResult> attestation_checks(drivers::TrezorDriver& driver, const ::coldcheck::DeviceFacts& f,
                                                const std::string& internal_model, findings::Language lang) {
  const auto challenge = random_challenge();
  ::coldcheck::wire::trezor::AuthenticityProof proof;
  try {
    proof = driver.authenticate(challenge);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kDeviceRefused) throw;
    if (f.has_bootloader_locked() && !f.bootloader_locked()) {
      return {checks::not_run("auth.device", tr(N_("secure-element attestation"), lang), rp::CHECK_SKIPPED,
                              tr(N_("declined because the bootloader is unlocked"), lang)),
              checks::unlocked_bootloader_check(e.what(), lang)};
    }
    // A genuine device with a locked bootloader has no reason to refuse.
    return {checks::not_run("auth.device", tr(N_("secure-element attestation"), lang), rp::CHECK_FAIL,
                            tr(N_("the device refused to prove it is genuine although its bootloader is locked"), lang) +
                                ": " + e.what())};
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
  const std::string hash_title = tr(N_("firmware hash against the release image"), lang);
  if (f.message_table() == "keepkey") {
    // KeepKey's id 89 is SoftReset: never ask it for a hash. Its Features carry an
    // unkeyed SHA-256 that no published value matches (releases hash the signed file).
    auto c = checks::not_run("fw.hash", hash_title, rp::CHECK_UNSUPPORTED,
                             tr(N_("KeepKey has no challenge-keyed firmware hash; the hash it reports is recorded but "
                                   "no published value can be compared with it"), lang));
    out.push_back(std::move(c));
  } else if (f.mode() != ::coldcheck::DEVICE_MODE_FIRMWARE) {
    out.push_back(checks::not_run("fw.hash", hash_title, rp::CHECK_SKIPPED, tr(N_("no firmware is running"), lang)));
  } else if (!has_capability(model, cat::CAPABILITY_FIRMWARE_HASH) || !firmware_supports_hash(f)) {
    out.push_back(checks::not_run("fw.hash", hash_title, rp::CHECK_UNSUPPORTED,
                                  tr(N_("this model or firmware version cannot report its firmware hash"), lang)));
  } else {
    try {
      out.push_back(hash_check(driver, f, internal_model, options));
    } catch (const Error& e) {
      out.push_back(checks::not_run("fw.hash", hash_title, status_for(e), e.what()));
    }
  }

  const std::string auth_title = tr(N_("secure-element attestation"), lang);
  if (!has_capability(model, cat::CAPABILITY_AUTHENTICATE_DEVICE)) {
    out.push_back(checks::not_run("auth.device", auth_title, rp::CHECK_UNSUPPORTED,
                                  tr(N_("this model has no secure element that can prove it is genuine"), lang)));
  } else if (f.mode() != ::coldcheck::DEVICE_MODE_FIRMWARE) {
    out.push_back(checks::not_run("auth.device", auth_title, rp::CHECK_SKIPPED, tr(N_("no firmware is running"), lang)));
  } else {
    try {
      for (auto& c : attestation_checks(driver, f, internal_model, lang)) out.push_back(std::move(c));
    } catch (const Error& e) {
      out.push_back(checks::not_run("auth.device", auth_title, status_for(e), e.what()));
    }
  }
  return out;
}

}  // namespace cc::app
