// Arbitrary USB facts as a device presents them (ids, interface, usage page, product
// and manufacturer strings, UTF-32 wide strings from hidapi, location text): matching
// them to the catalog and formatting them must never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "enumerate/enumerate.hpp"
#include "fuzz_input.hpp"
#include "transport/usb_location.hpp"
#include "transport/wide_string.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  cc::enumerate::UsbNode node;
  node.vendor_id = in.u16();
  node.product_id = in.u16();
  node.interface_number = static_cast<int>(in.byte()) - 1;
  node.usage_page = in.u16();
  node.webusb = (in.byte() & 1) != 0;
  node.path = in.text();
  node.product = in.text();
  node.manufacturer = in.text();
  (void)cc::enumerate::describe_usb_node(cc::catalog::Catalog::builtin(), node);

  const std::string location = in.text();
  try {
    const auto parsed = cc::transport::parse_usb_location(location);
    if (cc::transport::parse_usb_location(cc::transport::format_usb_location(parsed)) != parsed) __builtin_trap();
  } catch (const cc::Error& e) {
    if (e.code() != cc::ErrorCode::kInvalidArgument) __builtin_trap();
  }

  // hidapi hands out wchar_t strings straight from the device's string descriptors.
  std::wstring wide;
  while (in.left() >= 4) {
    const wchar_t c = static_cast<wchar_t>(in.u32());
    if (c != 0) wide += c;
  }
  (void)cc::transport::to_utf8(wide.c_str());
  return 0;
}
