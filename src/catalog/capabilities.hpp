#pragma once
// What the catalog says a model can do: capabilities, the firmware each one needs,
// how a backup is checked, and the flash area a firmware hash covers. Drivers and app
// read these instead of testing maker names or version numbers in code.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/catalog.hpp"

namespace cc::catalog {

using Capability = ::coldcheck::catalog::Capability;
using ProtocolFamily = ::coldcheck::catalog::ProtocolFamily;
using MessageTable = ::coldcheck::catalog::MessageTable;

bool has_capability(const Model& model, Capability capability) noexcept;

// False when the model lacks the capability, or a capability_firmware entry for it (and
// this internal model) asks for a newer firmware than `firmware_version`, or that
// version does not read as "major.minor.patch" while a minimum applies.
bool firmware_allows(const Model& model, Capability capability, std::string_view internal_model,
                     std::string_view firmware_version);

// How coldcheck checks a backup on this model.
enum class DryRun {
  kNone,          // no guided check
  kOnDevice,      // words typed on the device (CAPABILITY_DRY_RUN_ON_DEVICE)
  kMatrix,        // words chosen by grid position (CAPABILITY_DRY_RUN_MATRIX)
  kUserReported,  // the maker's own check on the device, the person reports (Ledger APDU family)
};
DryRun dry_run_method(const Model& model) noexcept;

// Bytes GetFirmwareHash covers for `internal_model`; nullopt when the model lists none.
std::optional<std::size_t> firmware_area_bytes(const Model& model, std::string_view internal_model);

// The internal model a device of `model` is when it does not say (old firmware): the
// first one features_match lists, or "" when it lists none.
std::string default_internal_model(const Model& model);

// "2.8.1" -> comparable triple; nullopt for anything else.
struct FirmwareVersion {
  unsigned major = 0, minor = 0, patch = 0;
  auto operator<=>(const FirmwareVersion&) const = default;
};
std::optional<FirmwareVersion> parse_firmware_version(std::string_view text);

}  // namespace cc::catalog
