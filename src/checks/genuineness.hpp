#pragma once
// Genuineness checks as report check results: pure functions over what the device
// said and what the catalog, the release image and the trust store say.
// Ids: fw.revision, fw.hash, auth.device, auth.unlocked_bootloader.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "attest/attest.hpp"
#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "core/error.hpp"
#include "findings/findings.hpp"

namespace cc::checks {

// Features.revision against the catalog's firmware_revision for that version.
::coldcheck::report::CheckResult revision_check(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog,
                                                findings::Language language);

struct FirmwareHashEvidence {
  std::vector<std::uint8_t> challenge;
  std::vector<std::uint8_t> device_hash;
  std::chrono::milliseconds latency{0};
  std::optional<std::vector<std::uint8_t>> predicted;  // none: no release image at hand
  std::string image_name;                              // which image the prediction used
  std::string no_image_reason;                         // why there is no prediction
};

// Above this the answer is flagged: the firmware hashes its flash in well under it.
inline constexpr std::chrono::milliseconds kSlowFirmwareHash{5000};

::coldcheck::report::CheckResult firmware_hash_check(const FirmwareHashEvidence& evidence, findings::Language language);

// The proof's verdict; test roots count as genuine only when `test_mode`.
::coldcheck::report::CheckResult attestation_check(const attest::Result& result, bool test_mode,
                                                   findings::Language language);

// The device declined AuthenticateDevice while reporting bootloader_locked=false.
::coldcheck::report::CheckResult unlocked_bootloader_check(const std::string& device_message,
                                                           findings::Language language);

// fw.bootloader: Features.bootloader_hash against the bootloaders the catalog lists for
// the model. An unlisted hash is a warning ("unknown hash / not in catalog"), never a
// pass; a model without bootloader data gets CHECK_SKIPPED.
::coldcheck::report::CheckResult bootloader_check(const ::coldcheck::DeviceFacts& facts,
                                                  const catalog::Catalog& catalog, findings::Language language);

// fw.hash when it cannot be asked of this device (KeepKey, no firmware running, a model
// or firmware without the message), with the reason; nullopt: ask the device.
std::optional<::coldcheck::report::CheckResult> hash_not_askable(const ::coldcheck::DeviceFacts& facts,
                                                                 const catalog::Model* model,
                                                                 const std::string& internal_model,
                                                                 findings::Language language);
// auth.device when attestation cannot be asked of this device, with the reason; nullopt: ask.
std::optional<::coldcheck::report::CheckResult> attestation_not_askable(const ::coldcheck::DeviceFacts& facts,
                                                                        const catalog::Model* model,
                                                                        const std::string& internal_model,
                                                                        findings::Language language);
// The device refused AuthenticateDevice (`device_message`): with an unlocked bootloader
// that is auth.device skipped plus auth.unlocked_bootloader failed; with a locked one,
// a genuine device has no reason to refuse, so auth.device fails.
std::vector<::coldcheck::report::CheckResult> attestation_refused(const ::coldcheck::DeviceFacts& facts,
                                                                  const std::string& device_message,
                                                                  findings::Language language);
// A check the device was asked for (its catalog entry says it can) and did not answer:
// CHECK_ERROR, also when it did not know the message.
::coldcheck::report::CheckResult asked_and_failed(std::string id, std::string title, const Error& error,
                                                  findings::Language language);

// A check that could not run, with the reason (unsupported model, old firmware, error).
::coldcheck::report::CheckResult not_run(std::string id, std::string title, ::coldcheck::report::CheckStatus status,
                                         std::string reason);

}  // namespace cc::checks
