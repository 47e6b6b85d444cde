#include "app/ledger_device.hpp"

namespace cc::app {

void describe_listed_ledger(::coldcheck::ListedDevice& d, const ::coldcheck::DeviceFacts& f) {
  d.set_catalog_id(f.catalog_id());
  d.set_model_name(f.model_name().empty() ? "Ledger (model not identified)" : f.model_name());
  d.set_maker(f.maker());
  d.set_mode(f.mode());
  const auto& l = f.ledger();
  switch (l.screen()) {
    case ::coldcheck::LedgerFacts::SCREEN_LOCKED: d.set_detail("locked: unlock it on the device"); break;
    case ::coldcheck::LedgerFacts::SCREEN_APP: d.set_detail("app open: " + l.app_name() + " " + l.app_version()); break;
    case ::coldcheck::LedgerFacts::SCREEN_BOOTLOADER: d.set_detail("bootloader"); break;
    default: d.set_detail("dashboard"); break;
  }
}

}  // namespace cc::app
