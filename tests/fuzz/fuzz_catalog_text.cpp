// A catalog file is data anyone may edit (--catalog DIR): bad text must end in
// cc::Error naming the file, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog/capabilities.hpp"
#include "catalog/catalog.hpp"
#include "core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<cc::catalog::NamedText> files{{"fuzz.textproto", std::string(reinterpret_cast<const char*>(data), size)}};
  try {
    const auto catalog = cc::catalog::Catalog::from_texts(files);
    for (const auto& m : catalog.models()) {
      for (const auto& u : m.usb()) {
        (void)catalog.match_usb(static_cast<std::uint16_t>(u.vendor_id()), static_cast<std::uint16_t>(u.product_id()));
      }
    }
    (void)cc::catalog::render_udev_rules(catalog);
    for (const auto& m : catalog.models()) {
      (void)cc::catalog::dry_run_method(m);
      for (const auto& im : m.features_match().internal_model()) {
        (void)cc::catalog::firmware_area_bytes(m, im);
        for (const auto cap : m.capabilities()) {
          (void)cc::catalog::firmware_allows(m, static_cast<cc::catalog::Capability>(cap), im, "2.8.0");
        }
      }
    }
  } catch (const cc::Error&) {
  }
  return 0;
}
