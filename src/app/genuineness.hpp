#pragma once
// "Is my device genuine, and is it running genuine firmware?": sequences the device
// I/O for the checks in checks/genuineness.hpp.
#include <filesystem>
#include <optional>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "drivers/trezor_driver.hpp"
#include "findings/findings.hpp"

namespace cc::app {

struct GenuinenessOptions {
  std::optional<std::filesystem::path> firmware_dir;  // release images to predict the hash from
  findings::Language language = findings::Language::kEnglish;
};

// fw.revision, fw.hash, auth.device (or auth.unlocked_bootloader); each check that
// cannot run on this model or firmware says so instead of being left out.
std::vector<::coldcheck::report::CheckResult> genuineness_checks(drivers::TrezorDriver& driver,
                                                                 const ::coldcheck::DeviceFacts& facts,
                                                                 const catalog::Catalog& catalog,
                                                                 const GenuinenessOptions& options);

// The release image in `dir` whose header names this model and version, if any.
struct FoundImage {
  std::filesystem::path path;
  std::vector<std::uint8_t> bytes;
};
std::optional<FoundImage> find_release_image(const std::filesystem::path& dir, std::string_view internal_model,
                                             std::string_view version);

}  // namespace cc::app
