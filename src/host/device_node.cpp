#include <charconv>
#include <cstdio>
#include <system_error>

#include "host/host_checks.hpp"
#include "host/text_file.hpp"

namespace cc::host {
namespace {

namespace fs = std::filesystem;

std::optional<unsigned> parse_number(std::string_view text, int base = 10) {
  text = trim(text);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<unsigned> read_number(const fs::path& path, int base = 10) {
  const auto text = read_text_file(path, 64);
  if (!text) return std::nullopt;
  return parse_number(*text, base);
}

std::optional<std::string> usb_node(unsigned bus, unsigned dev) {
  if (bus < 1 || bus > 999 || dev < 1 || dev > 999) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "/dev/bus/usb/%03u/%03u", bus, dev);
  return std::string(buf);
}

// "001-1.4" -> "1-1.4", the name of the device in /sys/bus/usb/devices.
std::optional<std::string> sysfs_name(std::string_view location) {
  const auto dash = location.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto bus = parse_number(location.substr(0, dash));
  if (!bus || *bus == 0) return std::nullopt;
  std::string out = std::to_string(*bus);
  char sep = '-';
  std::string_view chain = location.substr(dash + 1);
  while (true) {
    const auto dot = chain.find('.');
    const auto port = parse_number(chain.substr(0, dot));
    if (!port || *port == 0) return std::nullopt;
    out += sep + std::to_string(*port);
    sep = '.';
    if (dot == std::string_view::npos) break;
    chain = chain.substr(dot + 1);
  }
  return out;
}

bool is_hidraw_name(std::string_view name) {
  constexpr std::string_view kPrefix = "hidraw";
  return name.size() > kPrefix.size() && name.substr(0, kPrefix.size()) == kPrefix &&
         parse_number(name.substr(kPrefix.size())).has_value();
}

// hidapi's libusb backend names devices "BBBB:DDDD:II" in hex.
std::optional<std::string> from_libusb_hid_path(std::string_view path) {
  const auto first = path.find(':');
  const auto second = first == std::string_view::npos ? first : path.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto bus = parse_number(path.substr(0, first), 16);
  const auto dev = parse_number(path.substr(first + 1, second - first - 1), 16);
  if (!bus || !dev || !parse_number(path.substr(second + 1), 16)) return std::nullopt;
  return usb_node(*bus, *dev);
}

std::optional<UsbIds> ids_from_sysfs_device(const fs::path& dir) {
  const auto vid = read_number(dir / "idVendor", 16);
  const auto pid = read_number(dir / "idProduct", 16);
  if (!vid || !pid || *vid > 0xFFFF || *pid > 0xFFFF) return std::nullopt;
  return UsbIds{static_cast<std::uint16_t>(*vid), static_cast<std::uint16_t>(*pid)};
}

// HID_ID=0003:00001209:000053C1 (bus type, vendor, product).
std::optional<UsbIds> ids_from_hid_uevent(const std::string& uevent) {
  constexpr std::string_view kKey = "HID_ID=";
  const auto at = uevent.find(kKey);
  if (at == std::string::npos) return std::nullopt;
  const auto end = std::min(uevent.find('\n', at), uevent.size());
  const std::string_view value = std::string_view(uevent).substr(at + kKey.size(), end - at - kKey.size());
  const auto c1 = value.find(':');
  const auto c2 = c1 == std::string_view::npos ? c1 : value.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return std::nullopt;
  const auto vid = parse_number(value.substr(c1 + 1, c2 - c1 - 1), 16);
  const auto pid = parse_number(value.substr(c2 + 1), 16);
  if (!vid || !pid || *vid > 0xFFFF || *pid > 0xFFFF) return std::nullopt;
  return UsbIds{static_cast<std::uint16_t>(*vid), static_cast<std::uint16_t>(*pid)};
}

}  // namespace

std::optional<std::string> device_node_for(const HostRoot& root, std::string_view target, bool webusb) {
  target = trim(target);
  if (webusb) {
    const auto name = sysfs_name(target);
    if (!name) return std::nullopt;
    const fs::path dir = root.at("/sys/bus/usb/devices/" + *name);
    const auto bus = read_number(dir / "busnum");
    const auto dev = read_number(dir / "devnum");
    if (!bus || !dev) return std::nullopt;
    return usb_node(*bus, *dev);
  }
  constexpr std::string_view kDev = "/dev/";
  if (target.substr(0, kDev.size()) == kDev && is_hidraw_name(target.substr(kDev.size()))) {
    return std::string(target);
  }
  if (is_hidraw_name(target)) return std::string(kDev) + std::string(target);
  return from_libusb_hid_path(target);
}

std::optional<UsbIds> usb_ids_for_node(const HostRoot& root, const std::string& node) {
  const std::string_view path(node);
  constexpr std::string_view kHidraw = "/dev/";
  if (path.substr(0, kHidraw.size()) == kHidraw && is_hidraw_name(path.substr(kHidraw.size()))) {
    const auto uevent =
        read_text_file(root.at("/sys/class/hidraw/" + std::string(path.substr(kHidraw.size())) + "/device/uevent"));
    if (!uevent) return std::nullopt;
    return ids_from_hid_uevent(*uevent);
  }
  constexpr std::string_view kUsb = "/dev/bus/usb/";
  if (path.substr(0, kUsb.size()) != kUsb) return std::nullopt;
  const std::string_view rest = path.substr(kUsb.size());
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto bus = parse_number(rest.substr(0, slash));
  const auto dev = parse_number(rest.substr(slash + 1));
  if (!bus || !dev) return std::nullopt;
  std::error_code ec;
  for (fs::directory_iterator it(root.at("/sys/bus/usb/devices"), ec), end; !ec && it != end; it.increment(ec)) {
    if (read_number(it->path() / "busnum") == bus && read_number(it->path() / "devnum") == dev) {
      return ids_from_sysfs_device(it->path());
    }
  }
  return std::nullopt;
}

}  // namespace cc::host
