#include "sim/hardware.hpp"

#include <span>

#include "core/embedded_file.hpp"
#include "core/error.hpp"

namespace cc::sim {

namespace detail {
// cc_embed_files in src/sim/CMakeLists.txt.
std::span<const EmbeddedFile> embedded_firmware_images() noexcept;
std::span<const EmbeddedFile> embedded_attestation_files() noexcept;
}  // namespace detail

namespace {

std::optional<std::string_view> find(std::span<const EmbeddedFile> files, std::string_view name) {
  for (const auto& f : files) {
    if (f.name == name) return f.bytes;
  }
  return std::nullopt;
}

std::string require(std::optional<std::string_view> bytes, std::string_view what, std::string_view name) {
  if (!bytes) {
    throw Error(ErrorCode::kInvalidArgument,
                std::string(what) + " \"" + std::string(name) + "\" is not embedded in the simulator");
  }
  return std::string(*bytes);
}

}  // namespace

std::optional<std::string_view> embedded_firmware_image(std::string_view file_name) {
  return find(detail::embedded_firmware_images(), file_name);
}

std::optional<std::string_view> embedded_attestation_file(std::string_view file_name) {
  return find(detail::embedded_attestation_files(), file_name);
}

std::vector<std::string> embedded_firmware_image_names() {
  std::vector<std::string> names;
  for (const auto& f : detail::embedded_firmware_images()) names.emplace_back(f.name);
  return names;
}

Hardware hardware_for(const ::coldcheck::sim::Scenario& scenario) {
  Hardware hw;
  if (!scenario.firmware_image().empty()) {
    hw.flash = require(embedded_firmware_image(scenario.firmware_image()), "firmware_image", scenario.firmware_image());
  }
  if (scenario.has_attestation()) {
    const auto& a = scenario.attestation();
    SecureElement se;
    for (const auto& name : a.certificates()) {
      se.certificates.push_back(require(embedded_attestation_file(name), "attestation certificate", name));
    }
    se.signing_key_pem =
        require(embedded_attestation_file(a.signing_key()), "attestation signing_key", a.signing_key());
    se.fault = a.fault();
    hw.secure_element = std::move(se);
  }
  return hw;
}

}  // namespace cc::sim
