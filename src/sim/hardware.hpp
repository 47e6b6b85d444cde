#pragma once
// What a simulated device holds besides its Features: the firmware flash and the
// secure element. Scenarios name embedded files (firmware_fixtures/images*,
// firmware_fixtures/attestation); tests may build a Hardware by hand, e.g. with one
// byte changed, to see a genuineness check fail.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coldcheck/scenario.pb.h"

namespace cc::sim {

struct SecureElement {
  std::vector<std::string> certificates;  // DER, leaf first
  std::string signing_key_pem;            // TEST key only
  ::coldcheck::sim::Attestation::Fault fault = ::coldcheck::sim::Attestation::FAULT_NONE;
};

struct Hardware {
  std::optional<std::string> flash;  // firmware image as installed
  std::optional<SecureElement> secure_element;
};

// Embedded files by name; nullopt when no such file was compiled in.
std::optional<std::string_view> embedded_firmware_image(std::string_view file_name);
std::optional<std::string_view> embedded_attestation_file(std::string_view file_name);
std::vector<std::string> embedded_firmware_image_names();

// The scenario's firmware_image and attestation resolved against the embedded files.
// Throws cc::Error{kInvalidArgument} naming the missing file.
Hardware hardware_for(const ::coldcheck::sim::Scenario& scenario);

}  // namespace cc::sim
