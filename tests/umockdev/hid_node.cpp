// /dev/hidrawN: HID ioctls and the host's writes are answered here; reads run on the
// pty behind the node (see Device::deliver).
#include <linux/hidraw.h>
#include <sys/ioctl.h>
#include <termios.h>

#include <cerrno>
#include <cstring>

#include "umockdev/bus_device.hpp"
#include "umockdev/usb_descriptors.hpp"

namespace cc::usb_bus {
namespace {

gboolean on_hid_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user) {
  auto* dev = static_cast<Device*>(user);
  const gulong request = umockdev_ioctl_client_get_request(client);
  UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
  if (dev->unplugged) {
    umockdev_ioctl_client_complete(client, -1, ENODEV);
    return TRUE;
  }
  const auto report = hid_report_descriptor(dev->spec.usage_page);
  if (request == HIDIOCGRDESCSIZE) {
    GRef<UMockdevIoctlData> d(umockdev_ioctl_data_resolve(arg, 0, sizeof(int), nullptr));
    const int size = static_cast<int>(report.size());
    std::memcpy(d.p->data, &size, sizeof size);
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
  }
  if (request == HIDIOCGRDESC) {
    GRef<UMockdevIoctlData> d(umockdev_ioctl_data_resolve(arg, 0, sizeof(hidraw_report_descriptor), nullptr));
    auto* out = reinterpret_cast<hidraw_report_descriptor*>(d.p->data);
    out->size = static_cast<__u32>(report.size());
    std::memcpy(out->value, report.data(), report.size());
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
  }
  if (request == HIDIOCGRAWINFO) {
    GRef<UMockdevIoctlData> d(umockdev_ioctl_data_resolve(arg, 0, sizeof(hidraw_devinfo), nullptr));
    auto* out = reinterpret_cast<hidraw_devinfo*>(d.p->data);
    out->bustype = 3;  // BUS_USB
    out->vendor = static_cast<__s16>(dev->spec.vendor_id);
    out->product = static_cast<__s16>(dev->spec.product_id);
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
  }
  umockdev_ioctl_client_complete(client, -1, EINVAL);
  return TRUE;
}

// Writes carry the report id first (0: the only report); the device sees 64 bytes.
gboolean on_hid_write(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user) {
  auto* dev = static_cast<Device*>(user);
  UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
  if (dev->unplugged) {
    umockdev_ioctl_client_complete(client, -1, ENODEV);
    return TRUE;
  }
  const auto size = static_cast<std::size_t>(arg->data_len);
  if (size == 0) {
    umockdev_ioctl_client_complete(client, -1, EINVAL);
    return TRUE;
  }
  dev->send_to_simulator(arg->data + 1, size - 1);
  umockdev_ioctl_client_complete(client, static_cast<glong>(size), 0);
  return TRUE;
}

// Reads run on the pty (returning FALSE lets the client's own read go ahead), so the
// host's poll() sees the same readiness as the read; only a gone device answers here.
gboolean on_hid_read(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user) {
  auto* dev = static_cast<Device*>(user);
  if (!dev->unplugged) return FALSE;
  umockdev_ioctl_client_complete(client, -1, EIO);
  return TRUE;
}

void on_hid_connected(UMockdevIoctlBase*, UMockdevIoctlClient*, gpointer user) {
  auto* dev = static_cast<Device*>(user);
  // A fresh opener must not read what was meant for the previous one.
  if (dev->master >= 0 && !dev->unplugged) ::tcflush(dev->master, TCIOFLUSH);
}

}  // namespace

void attach_hid_node(Device& dev) {
  connect_signal(dev.handler.p, "handle-ioctl", on_hid_ioctl, &dev);
  connect_signal(dev.handler.p, "handle-write", on_hid_write, &dev);
  connect_signal(dev.handler.p, "handle-read", on_hid_read, &dev);
  connect_signal(dev.handler.p, "client-connected", on_hid_connected, &dev);
}

}  // namespace cc::usb_bus
