#include "app/identify_only.hpp"

namespace cc::app {

::coldcheck::DeviceFacts identify_usb_node(const catalog::Catalog& catalog, const enumerate::UsbNode& node) {
  ::coldcheck::DeviceFacts facts;
  facts.set_path(node.path);
  const auto matches = enumerate::match_node(catalog, node);  // as `list` matches it
  if (matches.empty()) return facts;
  const auto& m = matches.front();
  facts.set_catalog_id(m.model->id());
  facts.set_model_name(m.model->name());
  facts.set_maker(m.model->vendor());
  if (m.usb->mode() == ::coldcheck::catalog::MODE_BOOTLOADER) facts.set_mode(::coldcheck::DEVICE_MODE_BOOTLOADER);
  if (m.usb->mode() == ::coldcheck::catalog::MODE_FIRMWARE) facts.set_mode(::coldcheck::DEVICE_MODE_FIRMWARE);
  return facts;
}

}  // namespace cc::app
