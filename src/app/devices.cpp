#include "app/devices.hpp"

#include "app/identify_only.hpp"
#include "app/ledger_device.hpp"

#include "core/error.hpp"
#include "drivers/trezor_driver.hpp"
#include "enumerate/enumerate.hpp"
#include "transport/open.hpp"

namespace cc::app {

namespace {

constexpr std::uint16_t kKeepKeyVendorId = 0x2b24;

// The USB node behind a hid:/webusb: path, if it is plugged in.
const enumerate::UsbNode* find_node(const std::vector<enumerate::UsbNode>& nodes, const std::string& path) {
  for (const auto& n : nodes) {
    if (n.path == path) return &n;
  }
  return nullptr;
}

}  // namespace

::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog, const ListOptions& options) {
  ::coldcheck::DeviceList list = enumerate::list_devices(catalog, options.emulators);
  drivers::SessionOptions quick;
  quick.reply_timeout = std::chrono::milliseconds(1500);
  for (auto& d : *list.mutable_devices()) {
    if ((d.transport() != "udp" && d.transport() != "tcp") || d.state() != ::coldcheck::ACCESS_READY) continue;
    try {
      if (is_ledger_endpoint(transport::parse_device_path(d.path()), quick)) {
        describe_listed_ledger(d, catalog, quick);
        continue;
      }
      drivers::TrezorDriver driver(transport::open_link(transport::parse_device_path(d.path())), catalog,
                                   trezor::Table::kTrezor, quick);
      const auto facts = driver.identify(/*fresh_session=*/false);
      d.set_catalog_id(facts.catalog_id());
      d.set_model_name(facts.model_name().empty() ? "unknown Trezor-protocol device" : facts.model_name());
      d.set_maker(facts.maker());
      d.set_mode(facts.mode());
    } catch (const Error& e) {
      d.set_state(e.code() == ErrorCode::kBusy ? ::coldcheck::ACCESS_BUSY : ::coldcheck::ACCESS_UNREACHABLE);
      d.set_detail(e.what());
    }
  }
  return list;
}

std::string pick_device(const ::coldcheck::DeviceList& devices) {
  if (devices.devices().empty()) {
    throw Error(ErrorCode::kNotFound,
                "no hardware wallet found: nothing on USB matches a known device (check the cable carries data "
                "and plug in directly, not through an unpowered hub); for an emulator or the simulator pass "
                "--device udp:127.0.0.1:PORT");
  }
  if (devices.devices_size() > 1) {
    std::string paths;
    for (const auto& d : devices.devices()) paths += "\n  " + d.path() + "  " + d.model_name();
    throw Error(ErrorCode::kInvalidArgument, "several devices found; choose one with --device:" + paths);
  }
  const auto& only = devices.devices(0);
  switch (only.state()) {
    case ::coldcheck::ACCESS_NO_PERMISSION: throw Error(ErrorCode::kPermissionDenied, only.path() + ": " + only.detail());
    case ::coldcheck::ACCESS_BUSY: throw Error(ErrorCode::kBusy, only.path() + ": " + only.detail());
    case ::coldcheck::ACCESS_UNREACHABLE: throw Error(ErrorCode::kDisconnected, only.path() + ": " + only.detail());
    default: return only.path();
  }
}

OpenedDevice open_device(const catalog::Catalog& catalog, std::string_view path_text,
                         const drivers::SessionOptions& options) {
  const transport::DevicePath path = transport::parse_device_path(path_text);
  const std::string canonical = path.to_string();
  try {
    trezor::Table table = trezor::Table::kTrezor;
    if (path.scheme == transport::Scheme::kHid || path.scheme == transport::Scheme::kWebUsb) {
      const auto nodes = enumerate::scan_usb(catalog);
      const auto* node = find_node(nodes, canonical);
      if (node == nullptr) throw Error(ErrorCode::kNotFound, "no known device at this path");
      auto facts = identify_usb_node(catalog, *node);
      const auto* model = catalog.find(facts.catalog_id());
      if (model != nullptr && model->protocol() == ::coldcheck::catalog::PROTOCOL_LEDGER_APDU) {
        return open_ledger(catalog, path, options);
      }
      if (model == nullptr || model->protocol() != ::coldcheck::catalog::PROTOCOL_TREZOR_V1) {
        return OpenedDevice{std::move(facts), nullptr};  // identified from USB alone
      }
      if (node->vendor_id == kKeepKeyVendorId) table = trezor::Table::kKeepKey;
    } else if (is_ledger_endpoint(path, options)) {
      auto opened = open_ledger(catalog, path, options);
      if (path.scheme == transport::Scheme::kReplay) opened.facts.set_path(canonical);
      return opened;
    }
    auto driver = std::make_unique<drivers::TrezorDriver>(transport::open_link(path), catalog, table, options);
    auto facts = identify_or_silent([&] { return driver->identify(); });
    // The drivers saw the recorded path (so emulator or not stays as recorded); the
    // facts say it was a replay.
    if (path.scheme == transport::Scheme::kReplay) facts.set_path(canonical);
    return OpenedDevice{std::move(facts), std::move(driver)};
  } catch (const Error& e) {
    // Transport errors already name the path; protocol errors do not.
    if (std::string_view(e.what()).find(canonical) != std::string_view::npos) throw;
    if (dynamic_cast<const DeviceSilent*>(&e) != nullptr) throw DeviceSilent(e.with_context(canonical));
    throw e.with_context(canonical);
  }
}

::coldcheck::DeviceFacts read_facts(const catalog::Catalog& catalog, std::string_view path,
                                    const drivers::SessionOptions& options) {
  return open_device(catalog, path, options).facts;
}

}  // namespace cc::app
