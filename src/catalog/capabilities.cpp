#include "catalog/capabilities.hpp"

#include <algorithm>
#include <charconv>

namespace cc::catalog {

namespace pb = ::coldcheck::catalog;

bool has_capability(const Model& model, Capability capability) noexcept {
  return std::find(model.capabilities().begin(), model.capabilities().end(), capability) != model.capabilities().end();
}

std::optional<FirmwareVersion> parse_firmware_version(std::string_view text) {
  FirmwareVersion v;
  unsigned* parts[] = {&v.major, &v.minor, &v.patch};
  const char* p = text.data();
  const char* end = text.data() + text.size();
  for (std::size_t i = 0; i < 3; ++i) {
    if (i > 0) {
      if (p == end || *p != '.') return std::nullopt;
      ++p;
    }
    const auto [next, ec] = std::from_chars(p, end, *parts[i]);
    if (ec != std::errc() || next == p) return std::nullopt;
    p = next;
  }
  if (p != end) return std::nullopt;
  return v;
}

bool firmware_allows(const Model& model, Capability capability, std::string_view internal_model,
                     std::string_view firmware_version) {
  if (!has_capability(model, capability)) return false;
  for (const auto& entry : model.capability_firmware()) {
    if (entry.capability() != capability) continue;
    const auto& models = entry.internal_model();
    if (!models.empty() && std::find(models.begin(), models.end(), internal_model) == models.end()) continue;
    const auto running = parse_firmware_version(firmware_version);
    const auto minimum = parse_firmware_version(entry.min_version());
    if (!running || !minimum || *running < *minimum) return false;
  }
  return true;
}

DryRun dry_run_method(const Model& model) noexcept {
  if (has_capability(model, pb::CAPABILITY_DRY_RUN_MATRIX)) return DryRun::kMatrix;
  if (has_capability(model, pb::CAPABILITY_DRY_RUN_ON_DEVICE)) return DryRun::kOnDevice;
  if (model.protocol() == pb::PROTOCOL_LEDGER_APDU) return DryRun::kUserReported;
  return DryRun::kNone;
}

std::optional<std::size_t> firmware_area_bytes(const Model& model, std::string_view internal_model) {
  for (const auto& area : model.firmware_areas()) {
    if (area.internal_model() == internal_model) return std::size_t{area.size_kib()} * 1024u;
  }
  return std::nullopt;
}

std::string default_internal_model(const Model& model) {
  const auto& listed = model.features_match().internal_model();
  return listed.empty() ? std::string() : listed[0];
}

}  // namespace cc::catalog
