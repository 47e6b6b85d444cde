#include "umockdev/usb_bus.hpp"

#include <fcntl.h>
#include <linux/usbdevice_fs.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <umockdev.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "catalog/catalog.hpp"
#include "umockdev/bus_device.hpp"
#include "umockdev/uevent_sender.hpp"

extern char** environ;

namespace cc::usb_bus {

namespace {

namespace fs = std::filesystem;
namespace cat = ::coldcheck::catalog;

std::string hex4(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%04x", v & 0xFFFF);
  return b;
}

std::string dec3(unsigned v) {
  char b[16];
  std::snprintf(b, sizeof b, "%03u", v);
  return b;
}

std::string chain_name(std::uint8_t bus, const std::vector<std::uint8_t>& ports) {
  std::string name = std::to_string(bus) + "-";
  for (std::size_t i = 0; i < ports.size(); ++i) name += (i ? "." : "") + std::to_string(ports[i]);
  return name;
}

}  // namespace

void Device::send_to_simulator(const std::uint8_t* data, std::size_t size) {
  from_host.fetch_add(1);
  if (udp < 0) return;
  std::array<std::uint8_t, kReportSize> report{};
  std::memcpy(report.data(), data, std::min<std::size_t>(size, report.size()));
  (void)::send(udp, report.data(), report.size(), MSG_NOSIGNAL);
}

void Device::deliver(const std::uint8_t* data, std::size_t size) {
  if (unplugged) return;
  if (hid) {
    if (master >= 0) (void)!::write(master, data, size);
  } else {
    std::lock_guard lock(mutex);
    reports.emplace_back(data, data + size);
  }
  const int sent = to_host.fetch_add(1) + 1;
  if (spec.unplug_after_reports >= 0 && sent >= spec.unplug_after_reports) go_away();
}

void Device::run_relay() {
  std::array<std::uint8_t, 512> buffer{};
  while (!stopping) {
    std::array<pollfd, 2> fds{pollfd{udp, POLLIN, 0}, pollfd{wake, POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) return;
    if (fds[1].revents != 0) return;
    if (fds[0].revents != 0) {
      const ssize_t n = ::recv(udp, buffer.data(), buffer.size(), MSG_DONTWAIT);
      // PONGPONG and other short datagrams are the emulator's, not the device's.
      if (n == static_cast<ssize_t>(kReportSize)) deliver(buffer.data(), static_cast<std::size_t>(n));
    }
  }
}

void Device::go_away() {
  if (unplugged.exchange(true)) return;
  // The pty's far end goes away: a reader blocked in poll() wakes with POLLHUP, as on
  // hidraw after a disconnect. The fd number stays valid (the testbed closes it later).
  if (hid && master >= 0) {
    const int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null_fd >= 0) {
      ::dup2(null_fd, master);
      ::close(null_fd);
    }
  }
  if (!bus->announce) umockdev_testbed_uevent(bus->testbed.p, plugged.syspath.c_str(), "remove");
  umockdev_testbed_remove_device(bus->testbed.p, plugged.syspath.c_str());
  if (bus->announce) bus->send_uevents(*this, "remove");
  // The testbed leaves the bus links behind; a device re-enumerating at the same port
  // needs the names again.
  std::error_code ec;
  const fs::path links = fs::path(bus->root) / "sys/bus/usb/devices";
  const std::string name = fs::path(plugged.syspath).filename().string();
  fs::remove(links / name, ec);
  fs::remove(links / (name + ":1." + std::to_string(spec.interface_number)), ec);
  // Its class link too: a kernel drops /sys/class/hidraw/hidrawN with the device, and a
  // dangling one makes every later enumeration walk it (long hotplug runs slow down).
  if (hid) fs::remove(fs::path(bus->root) / "sys/class/hidraw" / hidraw, ec);
}

DeviceSpec spec_from_catalog(std::string_view model_id, cat::Mode mode, cat::Transport transport) {
  const auto& catalog = catalog::Catalog::builtin();
  const auto* model = catalog.find(model_id);
  if (!model) throw std::runtime_error("no catalog model " + std::string(model_id));
  for (const auto& usb : model->usb()) {
    if (usb.transport() != transport) continue;
    if (usb.mode() != mode && usb.mode() != cat::MODE_EITHER) continue;
    DeviceSpec spec;
    spec.vendor_id = static_cast<std::uint16_t>(usb.vendor_id());
    // A masked id (Ledger 0xMMII) needs interface bits: HID (01) is the one we speak.
    spec.product_id = static_cast<std::uint16_t>(usb.product_id() | (usb.product_id_mask() ? 0x01 : 0));
    spec.kind = transport == cat::TRANSPORT_HID ? InterfaceKind::kHid : InterfaceKind::kVendor;
    spec.interface_number = static_cast<std::uint8_t>(usb.has_interface_number() ? usb.interface_number() : 0);
    spec.usage_page = static_cast<std::uint16_t>(usb.has_usage_page() ? usb.usage_page() : 0xFF00);
    spec.manufacturer = model->vendor();
    spec.product = usb.product_string_prefix().empty() ? model->name() : usb.product_string_prefix();
    return spec;
  }
  throw std::runtime_error("catalog model " + std::string(model_id) + " has no such USB id");
}

std::string UsbBus::Impl::usb_device(const std::string& parent_syspath, const std::string& name, std::uint8_t bus,
                                     const DescriptorSpec& desc, const std::string& manufacturer,
                                     const std::string& product, const std::string& serial, const std::string& devpath,
                                     unsigned* devnum_out) {
  const std::string bus_key = std::to_string(bus);
  auto& next = next_devnum[bus_key];
  if (next == 0) next = 1;
  const unsigned devnum = next++;
  if (devnum_out) *devnum_out = devnum;
  const std::string syspath = parent_syspath + "/" + name;
  const std::string node = "bus/usb/" + dec3(bus) + "/" + dec3(devnum);
  auto descriptors = device_descriptor(desc);
  const auto config = configuration_descriptor(desc);
  descriptors.insert(descriptors.end(), config.begin(), config.end());
  add("P: " + syspath.substr(4) + "\n" +  // add_from_string wants the path below /sys
      "N: " + node +
      "\n"
      "E: SUBSYSTEM=usb\n"
      "E: DEVTYPE=usb_device\n"
      "E: DEVNAME=/dev/" +
      node +
      "\n"
      "E: BUSNUM=" +
      dec3(bus) +
      "\n"
      "E: DEVNUM=" +
      dec3(devnum) +
      "\n"
      "E: PRODUCT=" +
      hex4(desc.vendor_id) + "/" + hex4(desc.product_id) +
      "/100\n"
      "E: MAJOR=189\n"
      "E: MINOR=" +
      std::to_string((bus - 1u) * 128u + devnum - 1u) +
      "\n"
      "A: idVendor=" +
      hex4(desc.vendor_id) +
      "\\n\n"
      "A: idProduct=" +
      hex4(desc.product_id) +
      "\\n\n"
      "A: bcdDevice=0100\\n\n"
      "A: manufacturer=" +
      manufacturer +
      "\\n\n"
      "A: product=" +
      product +
      "\\n\n"
      "A: serial=" +
      serial +
      "\\n\n"
      "A: busnum=" +
      std::to_string(bus) +
      "\\n\n"
      "A: devnum=" +
      std::to_string(devnum) +
      "\\n\n"
      "A: devpath=" +
      devpath +
      "\\n\n"
      "A: bConfigurationValue=1\\n\n"
      "A: bNumInterfaces= 1\\n\n"
      "A: bNumConfigurations=1\\n\n"
      "A: speed=12\\n\n"
      "H: descriptors=" +
      hex(descriptors) + "\n");
  return syspath;
}

std::string UsbBus::Impl::hub_for(std::uint8_t bus, const std::vector<std::uint8_t>& chain) {
  const std::string key = chain.empty() ? "usb" + std::to_string(bus) : chain_name(bus, chain);
  if (auto it = hubs.find(key); it != hubs.end()) return it->second;
  DescriptorSpec desc{0x1d6b, 0x0002, 0x0100, InterfaceKind::kHub, 0, 0};
  std::string syspath;
  if (chain.empty()) {
    syspath = usb_device("/sys/devices/pci0000:00/0000:00:14.0", key, bus, desc, "Linux Foundation",
                         "xHCI Host Controller", "0000:00:14.0", "0", nullptr);
  } else {
    const std::vector<std::uint8_t> up(chain.begin(), chain.end() - 1);
    desc.vendor_id = 0x05e3;  // a generic external hub
    desc.product_id = 0x0608;
    std::string devpath;
    for (std::size_t i = 0; i < chain.size(); ++i) devpath += (i ? "." : "") + std::to_string(chain[i]);
    syspath = usb_device(hub_for(bus, up), key, bus, desc, "Generic", "USB2.0 Hub", "", devpath, nullptr);
  }
  hubs[key] = syspath;
  return syspath;
}

UsbBus::UsbBus() : impl_(std::make_unique<Impl>()) {
  impl_->testbed = GRef<UMockdevTestbed>(umockdev_testbed_new());
  if (!impl_->testbed.p) throw std::runtime_error("umockdev_testbed_new failed");
  gchar* root = umockdev_testbed_get_root_dir(impl_->testbed.p);
  impl_->root = root;
  g_free(root);
}

UsbBus::~UsbBus() {
  for (auto& d : impl_->devices) {
    d->stopping = true;
    const std::uint64_t one = 1;
    if (d->wake >= 0) (void)!::write(d->wake, &one, sizeof one);
    if (d->relay.joinable()) d->relay.join();
    if (d->udp >= 0) ::close(d->udp);
    if (d->wake >= 0) ::close(d->wake);
  }
  impl_->testbed = GRef<UMockdevTestbed>();  // removes the testbed (and its handlers' sockets)
  impl_->devices.clear();
}

Plugged UsbBus::plug(const DeviceSpec& spec) {
  if (spec.ports.empty()) throw std::runtime_error("a device needs a port chain");
  auto dev = std::make_unique<Device>();
  dev->bus = impl_.get();
  dev->spec = spec;
  dev->hid = spec.kind == InterfaceKind::kHid;
  const std::vector<std::uint8_t> up(spec.ports.begin(), spec.ports.end() - 1);
  const std::string parent = impl_->hub_for(spec.bus, up);
  const std::string name = chain_name(spec.bus, spec.ports);
  std::string devpath;
  for (std::size_t i = 0; i < spec.ports.size(); ++i) devpath += (i ? "." : "") + std::to_string(spec.ports[i]);

  // The handler goes in before the node exists, so a program woken by the add uevent
  // already finds its ioctls answered.
  dev->handler = GRef<UMockdevIoctlBase>(umockdev_ioctl_base_new());
  unsigned devnum = 0;
  const auto& next = impl_->next_devnum[std::to_string(spec.bus)];
  devnum = next == 0 ? 1 : next;
  const std::string usb_node = "/dev/bus/usb/" + dec3(spec.bus) + "/" + dec3(devnum);
  std::string node = usb_node;
  if (dev->hid) {
    dev->hidraw = "hidraw" + std::to_string(impl_->next_hidraw++);
    node = "/dev/" + dev->hidraw;
    attach_hid_node(*dev);
  } else {
    attach_usbfs_node(*dev);
  }
  GError* error = nullptr;
  if (!umockdev_testbed_attach_ioctl(impl_->testbed.p, node.c_str(), dev->handler.p, &error)) {
    const std::string why = error ? error->message : "unknown";
    if (error) g_error_free(error);
    throw std::runtime_error("umockdev: cannot attach to " + node + ": " + why);
  }

  const DescriptorSpec desc{spec.vendor_id, spec.product_id, 0x0100, spec.kind, spec.interface_number, spec.usage_page};
  const std::string syspath =
      impl_->usb_device(parent, name, spec.bus, desc, spec.manufacturer, spec.product, spec.serial, devpath, &devnum);
  const std::string interface = syspath + "/" + name + ":1." + std::to_string(spec.interface_number);
  char iface_num[4];
  std::snprintf(iface_num, sizeof iface_num, "%02x", spec.interface_number);
  impl_->add("P: " + interface.substr(4) +
             "\n"
             "E: SUBSYSTEM=usb\n"
             "E: DEVTYPE=usb_interface\n"
             "E: INTERFACE=" +
             std::string(dev->hid ? "3/0/0" : "255/0/0") +
             "\n"
             "A: bInterfaceNumber=" +
             iface_num +
             "\\n\n"
             "A: bInterfaceClass=" +
             std::string(dev->hid ? "03" : "ff") +
             "\\n\n"
             "A: bAlternateSetting= 0\\n\n"
             "A: bNumEndpoints=02\\n\n");
  if (dev->hid) {
    char hid_name[32];
    std::snprintf(hid_name, sizeof hid_name, "0003:%04X:%04X.%04X", spec.vendor_id, spec.product_id,
                  static_cast<unsigned>(impl_->next_hid++));
    const std::string hid_dir = interface + "/" + hid_name;
    char hid_id[32];
    std::snprintf(hid_id, sizeof hid_id, "0003:%08X:%08X", spec.vendor_id, spec.product_id);
    impl_->add("P: " + hid_dir.substr(4) +
               "\n"
               "E: SUBSYSTEM=hid\n"
               "E: HID_ID=" +
               hid_id +
               "\n"
               "E: HID_NAME=" +
               spec.manufacturer + " " + spec.product +
               "\n"
               "E: HID_PHYS=usb-0000:00:14.0-" +
               devpath + "/input" + std::to_string(spec.interface_number) +
               "\n"
               "E: HID_UNIQ=" +
               spec.serial + "\n" +
               (spec.report_descriptor_in_sysfs
                    ? "H: report_descriptor=" + hex(hid_report_descriptor(spec.usage_page)) + "\n"
                    : std::string()));
    // hidapi reads the report descriptor through the class device's "device" link.
    impl_->add("P: " + hid_dir.substr(4) + "/hidraw/" + dev->hidraw +
               "\n"
               "N: " +
               dev->hidraw +
               "\n"
               "L: device=../../\n"
               "E: SUBSYSTEM=hidraw\n"
               "E: DEVNAME=" +
               node +
               "\n"
               "E: MAJOR=241\n"
               "E: MINOR=" +
               std::to_string(impl_->next_hidraw - 1) + "\n");
    dev->master = umockdev_testbed_get_dev_fd(impl_->testbed.p, node.c_str());
    if (dev->master < 0) throw std::runtime_error("umockdev gave no pty for " + node);
    termios raw{};
    if (::tcgetattr(dev->master, &raw) == 0) {
      ::cfmakeraw(&raw);
      ::tcsetattr(dev->master, TCSANOW, &raw);
    }
    dev->plugged = Plugged{"hid:" + node, node, hid_dir + "/hidraw/" + dev->hidraw};
    dev->hidraw_syspath = dev->plugged.syspath;
    dev->plugged.syspath = syspath;  // unplug removes the whole USB device
  } else {
    dev->plugged = Plugged{"webusb:" + dec3(spec.bus) + "-" + devpath, usb_node, syspath};
  }

  if (spec.simulator_port != 0) {
    dev->udp = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(spec.simulator_port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (dev->udp < 0 || ::connect(dev->udp, reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0) {
      throw std::runtime_error("cannot reach the simulator on udp port " + std::to_string(spec.simulator_port));
    }
  }
  dev->wake = ::eventfd(0, EFD_CLOEXEC);
  if (dev->udp >= 0) dev->relay = std::thread([d = dev.get()] { d->run_relay(); });
  dev->usb_node = usb_node;
  const Plugged out = dev->plugged;
  impl_->devices.push_back(std::move(dev));
  if (impl_->announce) impl_->send_uevents(*impl_->devices.back(), "add");
  return out;
}

void UsbBus::unplug(const Plugged& device) { impl_->find(device)->go_away(); }

void UsbBus::announce_uevents(bool on) { impl_->announce = on; }

int UsbBus::uevent(const Plugged& device, const std::string& action) {
  return impl_->send_uevents(*impl_->find(device), action);
}

int UsbBus::Impl::send_uevents(const Device& d, const std::string& action) const {
  const auto below_sys = [](const std::string& syspath) { return syspath.substr(4); };
  const Uevent usb{action, below_sys(d.plugged.syspath), "usb", "usb_device", d.usb_node};
  std::vector<Uevent> events{usb};
  if (d.hid) events.push_back(Uevent{action, below_sys(d.hidraw_syspath), "hidraw", "", d.plugged.node});
  if (action == "remove") std::reverse(events.begin(), events.end());
  int reached = 0;
  for (const auto& e : events) reached += send_uevent(root, e);
  return reached;
}

void UsbBus::claim_elsewhere(const Plugged& device, bool claimed) { impl_->find(device)->claimed_elsewhere = claimed; }

std::string UsbBus::backing_file(const Plugged& device) const {
  std::error_code ec;
  const auto target = fs::canonical(fs::path(impl_->root) / device.node.substr(1), ec);
  return ec ? std::string() : target.string();
}

void UsbBus::open_to_all_users() {
  for (const auto& entry : fs::recursive_directory_iterator(impl_->root)) {
    if (entry.is_symlink()) continue;
    if (entry.is_directory()) ::chmod(entry.path().c_str(), 0755);
    // libumockdev-preload connects to these for every node a program opens.
    if (entry.is_socket()) ::chmod(entry.path().c_str(), 0777);
  }
  // A program's udev monitor binds a socket in the testbed's root.
  ::chmod(impl_->root.c_str(), 01777);
}

std::vector<std::string> UsbBus::environment() const {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view kv(*e);
    if (kv.starts_with("LD_PRELOAD=") || kv.starts_with("UMOCKDEV_DIR=")) continue;
    env.emplace_back(kv);
  }
  env.push_back("LD_PRELOAD=" CC_UMOCKDEV_PRELOAD);
  env.push_back("UMOCKDEV_DIR=" + impl_->root);
  return env;
}

std::vector<std::string> UsbBus::preload_variables() const {
  return {"LD_PRELOAD=" CC_UMOCKDEV_PRELOAD, "UMOCKDEV_DIR=" + impl_->root};
}

std::string UsbBus::root_dir() const { return impl_->root; }

int UsbBus::reports_to_host() const {
  int n = 0;
  for (const auto& d : impl_->devices) n += d->to_host;
  return n;
}

int UsbBus::reports_from_host() const {
  int n = 0;
  for (const auto& d : impl_->devices) n += d->from_host;
  return n;
}

}  // namespace cc::usb_bus
