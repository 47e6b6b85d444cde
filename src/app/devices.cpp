#include "app/devices.hpp"

#include "transport/replay_link.hpp"

#include <algorithm>
#include <future>

#include "app/identify_only.hpp"
#include "app/ledger_device.hpp"
#include "core/error.hpp"
#include "drivers/device_family.hpp"

namespace cc::app {

namespace cat = ::coldcheck::catalog;

namespace {

// A Trezor emulator answers at once; waiting longer only delays its own error path.
constexpr std::chrono::milliseconds kDetectCap{1000};
// A listing waits less for each endpoint than a command acting on one.
constexpr std::chrono::milliseconds kListReplyTimeout{1500};

transport::Opener& opener_of(const DeviceAccess& access) {
  return access.opener != nullptr ? *access.opener : transport::system_opener();
}

const drivers::Registry& registry_of(const DeviceAccess& access) {
  return access.registry != nullptr ? *access.registry : drivers::Registry::builtin();
}

bool is_usb(const transport::DevicePath& path) {
  return path.scheme == transport::Scheme::kHid || path.scheme == transport::Scheme::kWebUsb;
}

// The USB node behind a hid:/webusb: path, if it is plugged in.
const enumerate::UsbNode* find_node(const std::vector<enumerate::UsbNode>& nodes, const std::string& path) {
  for (const auto& n : nodes) {
    if (n.path == path) return &n;
  }
  return nullptr;
}

// Opens an emulator endpoint once and tells its family: tcp: is Speculos; a udp:
// endpoint answers the family probe, whose link the driver keeps.
std::unique_ptr<drivers::Device> open_endpoint(const catalog::Catalog& catalog, const transport::DevicePath& path,
                                               const drivers::SessionOptions& options, const DeviceAccess& access) {
  drivers::OpenRequest request{path, &catalog, nullptr, options, &opener_of(access), nullptr};
  if (path.scheme == transport::Scheme::kTcp) return registry_of(access).open(cat::PROTOCOL_LEDGER_APDU, request);
  if (path.scheme == transport::Scheme::kReplay) {
    // A replay repeats the recorded client: over udp: that is the family probe itself.
    switch (transport::replay_recorded_scheme(path)) {
      case transport::Scheme::kTcp: return registry_of(access).open(cat::PROTOCOL_LEDGER_APDU, request);
      case transport::Scheme::kUdp: break;
      default:
        return registry_of(access).open(
            transport::replay_opens_with_ledger_frame(path) ? cat::PROTOCOL_LEDGER_APDU : cat::PROTOCOL_TREZOR_V1,
            request);
    }
  }
  auto probed =
      drivers::probe_udp_family(opener_of(access).open_link(path), std::min(options.reply_timeout, kDetectCap));
  request.reuse = std::move(probed.link);
  return registry_of(access).open(probed.family, request);
}

::coldcheck::ListedDevice describe_emulator(const catalog::Catalog& catalog, const transport::DevicePath& path,
                                            const DeviceAccess& access) {
  ::coldcheck::ListedDevice d;
  d.set_path(path.to_string());
  d.set_model_name("emulator");
  d.set_mode(::coldcheck::DEVICE_MODE_UNKNOWN);
  if (path.scheme != transport::Scheme::kUdp && path.scheme != transport::Scheme::kTcp) {
    d.set_transport("unknown");
    d.set_state(::coldcheck::ACCESS_UNKNOWN);
    d.set_detail("not probed: only udp: emulators can be probed in this build");
    return d;
  }
  const bool tcp = path.scheme == transport::Scheme::kTcp;
  d.set_transport(tcp ? "tcp" : "udp");
  drivers::SessionOptions quick;
  quick.reply_timeout = kListReplyTimeout;
  std::unique_ptr<drivers::Device> device;
  try {
    device = open_endpoint(catalog, path, quick, access);  // the open is the liveness probe
  } catch (const Error& e) {
    d.set_state(::coldcheck::ACCESS_UNREACHABLE);
    d.set_detail(tcp ? d.path() + ": nothing accepts a TCP connection; is Speculos running?" : e.what());
    return d;
  }
  d.set_state(::coldcheck::ACCESS_READY);
  try {
    if (auto* trezor = device->as_trezor()) {
      const auto facts = trezor->identify(/*fresh_session=*/false);
      d.set_catalog_id(facts.catalog_id());
      d.set_model_name(facts.model_name().empty() ? "unknown Trezor-protocol device" : facts.model_name());
      d.set_maker(facts.maker());
      d.set_mode(facts.mode());
    } else {
      describe_listed_ledger(d, device->identify());
    }
  } catch (const Error& e) {
    d.set_state(e.code() == ErrorCode::kBusy ? ::coldcheck::ACCESS_BUSY : ::coldcheck::ACCESS_UNREACHABLE);
    d.set_detail(e.what());
  }
  return d;
}

}  // namespace

::coldcheck::DeviceList list_devices(const catalog::Catalog& catalog, const ListOptions& options) {
  // Endpoints are looked at while USB is scanned: a silent one costs its whole wait.
  std::vector<std::future<::coldcheck::ListedDevice>> emulators;
  emulators.reserve(options.emulators.size());
  for (const auto& path : options.emulators) {
    emulators.push_back(std::async(
        std::launch::async, [&catalog, path, &options] { return describe_emulator(catalog, path, options.access); }));
  }
  enumerate::ListOptions usb;
  usb.usb = options.access.usb;
  ::coldcheck::DeviceList list = enumerate::list_devices(catalog, {}, usb);
  for (auto& e : emulators) *list.add_devices() = e.get();
  return list;
}

std::string pick_device(const ::coldcheck::DeviceList& devices) {
  if (devices.devices().empty()) {
    throw Error(ErrorCode::kNotFound,
                "no hardware wallet found: nothing on USB matches a known device (check the cable carries data "
                "and plug in directly, not through an unpowered hub); for an emulator or the simulator pass "
                "--device udp:127.0.0.1:PORT (Speculos: tcp:127.0.0.1:PORT); " +
                    std::string(transport::kDevicePathHint));
  }
  if (devices.devices_size() > 1) {
    std::string paths;
    for (const auto& d : devices.devices()) paths += "\n  " + d.path() + "  " + d.model_name();
    throw Error(ErrorCode::kInvalidArgument, "several devices found; choose one with --device:" + paths);
  }
  const auto& only = devices.devices(0);
  switch (only.state()) {
    case ::coldcheck::ACCESS_NO_PERMISSION:
      throw Error(ErrorCode::kPermissionDenied, only.path() + ": " + only.detail());
    case ::coldcheck::ACCESS_BUSY: throw Error(ErrorCode::kBusy, only.path() + ": " + only.detail());
    case ::coldcheck::ACCESS_UNREACHABLE: throw Error(ErrorCode::kDisconnected, only.path() + ": " + only.detail());
    default: return only.path();
  }
}

SelectedDevice select_device(const catalog::Catalog& catalog, const std::optional<transport::DevicePath>& given,
                             transport::Opener* opener) {
  SelectedDevice out;
  out.opener = opener;
  if (given && !is_usb(*given)) {
    out.path = *given;
    return out;
  }
  out.usb = enumerate::scan_usb(catalog);
  out.scanned = true;
  if (given) {
    out.path = *given;
    return out;
  }
  ListOptions listing;
  listing.access = out.access();
  out.path = transport::parse_device_path(pick_device(list_devices(catalog, listing)));
  return out;
}

OpenedDevice open_device(const catalog::Catalog& catalog, const transport::DevicePath& path,
                         const drivers::SessionOptions& options, const DeviceAccess& access) {
  const std::string canonical = path.to_string();
  try {
    std::unique_ptr<drivers::Device> device;
    if (is_usb(path)) {
      std::vector<enumerate::UsbNode> scanned;
      if (access.usb == nullptr) scanned = enumerate::scan_usb(catalog);
      const auto* node = find_node(access.usb != nullptr ? *access.usb : scanned, canonical);
      if (node == nullptr)
        throw Error(ErrorCode::kNotFound, "no known device at this path; " + std::string(transport::kDevicePathHint));
      auto facts = identify_usb_node(catalog, *node);
      const auto* model = catalog.find(facts.catalog_id());
      if (model == nullptr || !registry_of(access).speaks(model->protocol())) {
        return OpenedDevice{std::move(facts), nullptr};  // identified from USB alone
      }
      drivers::OpenRequest request{path, &catalog, model, options, &opener_of(access), nullptr};
      device = registry_of(access).open(model->protocol(), request);
    } else {
      device = open_endpoint(catalog, path, options, access);
    }
    auto facts = identify_or_silent([&] { return device->identify(); });
    // The drivers saw the recorded path (so emulator or not stays as recorded); the
    // facts say it was a replay.
    if (path.scheme == transport::Scheme::kReplay) facts.set_path(canonical);
    return OpenedDevice{std::move(facts), std::move(device)};
  } catch (const Error& e) {
    // Transport errors already name the path; protocol errors do not.
    if (std::string_view(e.what()).find(canonical) != std::string_view::npos) throw;
    if (dynamic_cast<const DeviceSilent*>(&e) != nullptr) throw DeviceSilent(e.with_context(canonical));
    throw e.with_context(canonical);
  }
}

::coldcheck::DeviceFacts read_facts(const catalog::Catalog& catalog, const transport::DevicePath& path,
                                    const drivers::SessionOptions& options, const DeviceAccess& access) {
  return open_device(catalog, path, options, access).facts;
}

}  // namespace cc::app
