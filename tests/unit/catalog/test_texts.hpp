#pragma once
// Small catalog files for tests that need a model other than the built-in ones.
#include <string>

#include "catalog/catalog.hpp"

namespace cc::catalog::testing {

// A valid identify-only model with one HID id; extra text is appended inside the message.
inline NamedText model_text(const std::string& file, const std::string& id, unsigned product_id = 0x0001,
                            const std::string& extra = "") {
  return {file, "id: \"" + id +
                    "\"\n"
                    "name: \"Test " +
                    id +
                    "\"\n"
                    "protocol: PROTOCOL_COLDCARD\n"
                    "usb {\n"
                    "  vendor_id: 0xf00d\n"
                    "  product_id: " +
                    std::to_string(product_id) +
                    "\n"
                    "  mode: MODE_FIRMWARE\n"
                    "  transport: TRANSPORT_HID\n"
                    "}\n"
                    "capabilities: CAPABILITY_IDENTIFY_ONLY\n" +
                    extra};
}

}  // namespace cc::catalog::testing
