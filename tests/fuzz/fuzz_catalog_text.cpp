// A catalog file is data anyone may edit (--catalog DIR): bad text must end in
// cc::Error naming the file, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

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
  } catch (const cc::Error&) {
  }
  return 0;
}
