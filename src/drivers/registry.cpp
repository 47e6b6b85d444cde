#include "drivers/registry.hpp"

#include "core/error.hpp"
#include "drivers/apdu_channel.hpp"
#include "drivers/ledger_driver.hpp"
#include "drivers/trezor_driver.hpp"

namespace cc::drivers {

namespace cat = ::coldcheck::catalog;

namespace {

transport::Opener& opener_of(const OpenRequest& r) { return r.opener ? *r.opener : transport::system_opener(); }

std::unique_ptr<transport::Link> link_of(OpenRequest& r) {
  return r.reuse ? std::move(r.reuse) : opener_of(r).open_link(r.path);
}

// The model's message table is a first guess; Features.vendor has the last word.
trezor::Table table_of(const catalog::Model* model) {
  return model != nullptr && model->message_table() == cat::TABLE_KEEPKEY ? trezor::Table::kKeepKey
                                                                          : trezor::Table::kTrezor;
}

std::unique_ptr<Device> open_trezor(OpenRequest& r) {
  return std::make_unique<TrezorDriver>(link_of(r), *r.catalog, table_of(r.model), r.options);
}

std::unique_ptr<Device> open_ledger(OpenRequest& r) {
  return std::make_unique<LedgerDriver>(open_apdu_channel(r.path, opener_of(r), std::move(r.reuse)), *r.catalog,
                                        r.options.reply_timeout);
}

}  // namespace

void Registry::add(cat::ProtocolFamily family, DeviceFactory factory) { factories_[family] = std::move(factory); }

bool Registry::speaks(cat::ProtocolFamily family) const noexcept { return factories_.count(family) > 0; }

std::unique_ptr<Device> Registry::open(cat::ProtocolFamily family, OpenRequest& request) const {
  const auto it = factories_.find(family);
  if (it == factories_.end()) {
    throw Error(ErrorCode::kUnsupported, "no driver speaks " + cat::ProtocolFamily_Name(family));
  }
  if (request.catalog == nullptr) throw Error(ErrorCode::kInternal, "driver registry: open without a catalog");
  return it->second(request);
}

const Registry& Registry::builtin() {
  static const Registry registry = [] {
    Registry r;
    r.add(cat::PROTOCOL_TREZOR_V1, open_trezor);
    r.add(cat::PROTOCOL_LEDGER_APDU, open_ledger);
    return r;
  }();
  return registry;
}

}  // namespace cc::drivers
