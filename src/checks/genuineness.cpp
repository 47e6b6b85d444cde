#include "checks/genuineness.hpp"
#include "findings/check_ids.hpp"

#include <algorithm>

#include "catalog/capabilities.hpp"
#include "checks/check_result.hpp"
#include "core/hex.hpp"
#include "findings/translations.hpp"

namespace cc::checks {

namespace rp = ::coldcheck::report;
using findings::tr;

namespace {

const ::coldcheck::catalog::Release* find_release(const catalog::Catalog& catalog, const ::coldcheck::DeviceFacts& f) {
  const auto* model = catalog.find(f.catalog_id());
  if (model == nullptr) return nullptr;
  for (const auto& r : model->releases()) {
    if (r.version() == f.firmware_version()) return &r;
  }
  return nullptr;
}

}  // namespace

rp::CheckResult revision_check(const ::coldcheck::DeviceFacts& f, const catalog::Catalog& catalog,
                               findings::Language lang) {
  const std::string title = tr(N_("firmware revision against the release catalog"), lang);
  if (f.mode() != ::coldcheck::DEVICE_MODE_FIRMWARE || f.firmware_version().empty()) {
    return make_check(findings::kFwRevision, title, rp::CHECK_SKIPPED, tr(N_("no firmware is running"), lang));
  }
  if (f.firmware_revision().empty()) {
    return make_check(findings::kFwRevision, title, rp::CHECK_UNSUPPORTED,
                      tr(N_("the device does not report a revision"), lang));
  }
  const auto* release = find_release(catalog, f);
  if (release == nullptr || release->firmware_revision().empty()) {
    auto c = make_check(findings::kFwRevision, title, rp::CHECK_SKIPPED,
                        tr(N_("the catalog has no revision for this version; it cannot be compared"), lang));
    add_evidence(c, tr(N_("firmware revision"), lang), f.firmware_revision());
    return c;
  }
  const std::string& device = f.firmware_revision();
  const std::string& published = release->firmware_revision();
  // Older firmware reports a shortened revision: a prefix of 4+ bytes is a match.
  const std::size_t shorter = std::min(device.size(), published.size());
  const bool match = shorter >= 8 && device.compare(0, shorter, published, 0, shorter) == 0;
  auto c = make_check(findings::kFwRevision, title, match ? rp::CHECK_PASS : rp::CHECK_FAIL);
  add_evidence(c, tr(N_("firmware revision"), lang), device, published + " (" + f.firmware_version() + ")");
  return c;
}

rp::CheckResult firmware_hash_check(const FirmwareHashEvidence& e, findings::Language lang) {
  const std::string title = tr(N_("firmware hash against the release image"), lang);
  const std::string device_hex = to_hex(e.device_hash);
  if (!e.predicted) {
    auto c = make_check(findings::kFwHash, title, rp::CHECK_SKIPPED, e.no_image_reason);
    add_evidence(c, tr(N_("device hash"), lang), device_hex);
    add_evidence(c, tr(N_("challenge"), lang), to_hex(e.challenge));
    return c;
  }
  const bool match = e.device_hash == *e.predicted;
  const bool slow = e.latency > kSlowFirmwareHash;
  auto status = !match ? rp::CHECK_FAIL : (slow ? rp::CHECK_WARN : rp::CHECK_PASS);
  auto c = make_check(findings::kFwHash, title, status,
                      slow ? tr(N_("the answer took unusually long; a device faking the hash may be slow"), lang) : "");
  add_evidence(c, tr(N_("device hash"), lang), device_hex, to_hex(*e.predicted));
  add_evidence(c, tr(N_("release image"), lang), e.image_name);
  add_evidence(c, tr(N_("answer time"), lang), std::to_string(e.latency.count()) + " ms",
               "< " + std::to_string(kSlowFirmwareHash.count()) + " ms");
  return c;
}

rp::CheckResult attestation_check(const attest::Result& r, bool test_mode, findings::Language lang) {
  const std::string title = tr(N_("secure-element attestation"), lang);
  rp::CheckStatus status = rp::CHECK_FAIL;
  if (r.verdict == attest::Verdict::kGenuine) status = rp::CHECK_PASS;
  if (r.verdict == attest::Verdict::kGenuineTestRoot && test_mode) status = rp::CHECK_PASS;
  std::string detail(attest::to_string(r.verdict));
  if (r.verdict == attest::Verdict::kGenuineTestRoot) {
    detail = tr(N_("signed under a TEST root: an emulator or development device, not a retail one"), lang);
  }
  auto c = make_check(findings::kAuthDevice, title, status, detail);
  for (const auto& step : r.steps) {
    add_evidence(
        c, step.what,
        step.ok ? tr(N_("ok"), lang) : tr(N_("failed"), lang) + (step.detail.empty() ? "" : ": " + step.detail));
  }
  return c;
}

rp::CheckResult unlocked_bootloader_check(const std::string& device_message, findings::Language lang) {
  auto c = make_check(findings::kAuthUnlockedBootloader, tr(N_("bootloader locked"), lang), rp::CHECK_FAIL,
                      tr(N_("the device declined to authenticate and reports an unlocked bootloader"), lang));
  add_evidence(c, tr(N_("bootloader locked"), lang), tr(N_("no"), lang), tr(N_("yes"), lang));
  add_evidence(c, tr(N_("device answer"), lang), device_message);
  return c;
}

rp::CheckResult bootloader_check(const ::coldcheck::DeviceFacts& f, const catalog::Catalog& catalog,
                                 findings::Language lang) {
  const std::string title = tr(N_("bootloader hash against the catalog"), lang);
  const auto* model = catalog.find(f.catalog_id());
  if (model == nullptr || model->bootloaders().empty()) {
    return make_check(findings::kFwBootloader, title, rp::CHECK_SKIPPED,
                      tr(N_("the catalog lists no bootloaders for this model"), lang));
  }
  if (f.bootloader_hash().empty()) {
    return make_check(findings::kFwBootloader, title, rp::CHECK_UNSUPPORTED,
                      tr(N_("the device does not report a bootloader hash"), lang));
  }
  for (const auto& b : model->bootloaders()) {
    if (b.hash() != f.bootloader_hash()) continue;
    auto c = make_check(findings::kFwBootloader, title, rp::CHECK_PASS);
    add_evidence(c, tr(N_("bootloader hash"), lang), f.bootloader_hash(), b.hash() + " (" + b.version() + ")");
    return c;
  }
  auto c = make_check(findings::kFwBootloader, title, rp::CHECK_WARN,
                      tr(N_("unknown bootloader hash: not in the catalog, so it cannot be vouched for"), lang));
  add_evidence(c, tr(N_("bootloader hash"), lang), f.bootloader_hash(),
               tr(N_("a bootloader listed in the catalog"), lang));
  return c;
}

std::optional<rp::CheckResult> hash_not_askable(const ::coldcheck::DeviceFacts& f, const catalog::Model* model,
                                                const std::string& internal_model, findings::Language lang) {
  const std::string title = tr(N_("firmware hash against the release image"), lang);
  if (f.message_table() == "keepkey") {
    // KeepKey's id 89 is SoftReset: never ask it for a hash. Its Features carry an
    // unkeyed SHA-256 that no published value matches (releases hash the signed file).
    return not_run(findings::kFwHash, title, rp::CHECK_UNSUPPORTED,
                   tr(N_("KeepKey has no challenge-keyed firmware hash; the hash it reports is recorded but "
                         "no published value can be compared with it"),
                      lang));
  }
  if (f.mode() != ::coldcheck::DEVICE_MODE_FIRMWARE) {
    return not_run(findings::kFwHash, title, rp::CHECK_SKIPPED, tr(N_("no firmware is running"), lang));
  }
  if (model == nullptr || !catalog::firmware_allows(*model, ::coldcheck::catalog::CAPABILITY_FIRMWARE_HASH,
                                                    internal_model, f.firmware_version())) {
    return not_run(findings::kFwHash, title, rp::CHECK_UNSUPPORTED,
                   tr(N_("this model or firmware version cannot report its firmware hash"), lang));
  }
  return std::nullopt;
}

std::optional<rp::CheckResult> attestation_not_askable(const ::coldcheck::DeviceFacts& f, const catalog::Model* model,
                                                       const std::string& internal_model, findings::Language lang) {
  const std::string title = tr(N_("secure-element attestation"), lang);
  constexpr auto kCap = ::coldcheck::catalog::CAPABILITY_AUTHENTICATE_DEVICE;
  if (model == nullptr || !catalog::has_capability(*model, kCap)) {
    return not_run(findings::kAuthDevice, title, rp::CHECK_UNSUPPORTED,
                   tr(N_("this model has no secure element that can prove it is genuine"), lang));
  }
  if (f.mode() != ::coldcheck::DEVICE_MODE_FIRMWARE) {
    return not_run(findings::kAuthDevice, title, rp::CHECK_SKIPPED, tr(N_("no firmware is running"), lang));
  }
  if (!catalog::firmware_allows(*model, kCap, internal_model, f.firmware_version())) {
    return not_run(findings::kAuthDevice, title, rp::CHECK_UNSUPPORTED,
                   tr(N_("this firmware version cannot prove the device is genuine; update it first"), lang));
  }
  return std::nullopt;
}

std::vector<rp::CheckResult> attestation_refused(const ::coldcheck::DeviceFacts& f, const std::string& device_message,
                                                 findings::Language lang) {
  const std::string title = tr(N_("secure-element attestation"), lang);
  if (f.has_bootloader_locked() && !f.bootloader_locked()) {
    return {not_run(findings::kAuthDevice, title, rp::CHECK_SKIPPED,
                    tr(N_("declined because the bootloader is unlocked"), lang)),
            unlocked_bootloader_check(device_message, lang)};
  }
  return {not_run(findings::kAuthDevice, title, rp::CHECK_FAIL,
                  tr(N_("the device refused to prove it is genuine although its bootloader is locked"), lang) + ": " +
                      device_message)};
}

rp::CheckResult asked_and_failed(std::string id, std::string title, const Error& error, findings::Language lang) {
  // Only a device whose catalog entry says its firmware can is asked at all, so "unknown
  // message" is not the model's limit: the check was tried and did not finish.
  std::string detail = error.what();
  if (error.code() == ErrorCode::kUnsupported) {
    detail = tr(N_("the device did not take the request, although the catalog says its firmware version can"), lang) +
             ": " + detail;
  }
  return make_check(std::move(id), std::move(title), rp::CHECK_ERROR, std::move(detail));
}

rp::CheckResult not_run(std::string id, std::string title, rp::CheckStatus status, std::string reason) {
  return make_check(std::move(id), std::move(title), status, std::move(reason));
}

}  // namespace cc::checks
