#pragma once
// A small catalog made for these tests, so they do not move when devices/ changes.
#include "catalog/catalog.hpp"

namespace cc::test {

inline catalog::Catalog test_catalog() {
  return catalog::Catalog::from_texts({
      {"alpha-one.textproto", R"(
id: "alpha-one"
vendor: "Alpha"
name: "Alpha One"
protocol: PROTOCOL_COLDCARD
usb { vendor_id: 0xaaaa product_id: 0x0001 mode: MODE_EITHER transport: TRANSPORT_HID
      interface_number: 0 usage_page: 0xff00 }
usb { vendor_id: 0xaaaa product_id: 0x0002 mode: MODE_BOOTLOADER transport: TRANSPORT_WEBUSB
      interface_number: 0 shared: true }
capabilities: CAPABILITY_IDENTIFY_ONLY
)"},
      {"beta-two.textproto", R"(
id: "beta-two"
vendor: "Beta"
name: "Beta Two"
protocol: PROTOCOL_COLDCARD
usb { vendor_id: 0xaaaa product_id: 0x0002 mode: MODE_FIRMWARE transport: TRANSPORT_WEBUSB
      interface_number: 0 shared: true }
usb { vendor_id: 0xbbbb product_id: 0x0003 mode: MODE_FIRMWARE transport: TRANSPORT_SERIAL }
capabilities: CAPABILITY_IDENTIFY_ONLY
)"},
  });
}

}  // namespace cc::test
