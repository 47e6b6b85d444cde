// /dev/bus/usb/BBB/DDD: every usbfs ioctl the host makes, answered as the kernel would
// for a device with one interface and interrupt endpoints 0x01 / 0x81.
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "umockdev/bus_device.hpp"
#include "umockdev/usb_descriptors.hpp"

namespace cc::usb_bus {
namespace {

constexpr auto kIdleReap = std::chrono::milliseconds(1);

std::vector<std::uint8_t> control_reply(const Device& dev, const std::uint8_t* setup, bool* stall) {
  const std::uint8_t request_type = setup[0];
  const std::uint8_t request = setup[1];
  const unsigned value = setup[2] | (setup[3] << 8);
  *stall = false;
  DescriptorSpec desc{dev.spec.vendor_id, dev.spec.product_id,       0x0100,
                      dev.spec.kind,      dev.spec.interface_number, dev.spec.usage_page};
  if (request_type == 0x80 && request == 0x06) {  // GET_DESCRIPTOR
    switch (value >> 8) {
      case 1: return device_descriptor(desc);
      case 2: return configuration_descriptor(desc);
      case 3:
        switch (value & 0xFF) {
          case 0: return language_descriptor();
          case 1: return string_descriptor(dev.spec.manufacturer);
          case 2: return string_descriptor(dev.spec.product);
          case 3: return string_descriptor(dev.spec.serial);
          default: break;
        }
        break;
      default: break;
    }
  }
  if (request_type == 0x80 && request == 0x08) return {1};  // GET_CONFIGURATION
  if (request_type == 0x00 && request == 0x09) return {};   // SET_CONFIGURATION
  *stall = true;
  return {};
}

void complete_urb(Urb& u, int status, std::size_t actual) {
  u.fields()->status = status;
  u.fields()->actual_length = static_cast<int>(actual);
}

gboolean on_usbfs_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user) {
  auto* dev = static_cast<Device*>(user);
  const gulong request = umockdev_ioctl_client_get_request(client);
  UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
  const bool gone = dev->unplugged;

  switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
      GRef<UMockdevIoctlData> d(umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr));
      const guint32 caps =
          USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
      std::memcpy(d.p->data, &caps, sizeof caps);
      umockdev_ioctl_client_complete(client, 0, 0);
      return TRUE;
    }
    case USBDEVFS_CLAIMINTERFACE:
      if (gone) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
      } else if (dev->claimed_elsewhere) {
        umockdev_ioctl_client_complete(client, -1, EBUSY);
      } else {
        umockdev_ioctl_client_complete(client, 0, 0);
      }
      return TRUE;
    case USBDEVFS_RELEASEINTERFACE:
    case USBDEVFS_SETCONFIGURATION:
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESETEP:
    case USBDEVFS_RESET: umockdev_ioctl_client_complete(client, gone ? -1 : 0, gone ? ENODEV : 0); return TRUE;
    case USBDEVFS_GETDRIVER:
      umockdev_ioctl_client_complete(client, -1, ENODATA);  // no kernel driver bound
      return TRUE;
    case USBDEVFS_SUBMITURB: {
      if (gone) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
      }
      Urb u;
      u.urb = GRef<UMockdevIoctlData>(umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr));
      if (!u.urb.p) {
        umockdev_ioctl_client_complete(client, -1, EFAULT);
        return TRUE;
      }
      const auto length = static_cast<gsize>(std::max(u.fields()->buffer_length, 0));
      u.buffer = GRef<UMockdevIoctlData>(
          umockdev_ioctl_data_resolve(u.urb.p, G_STRUCT_OFFSET(usbdevfs_urb, buffer), length, nullptr));
      auto* f = u.fields();
      std::lock_guard lock(dev->mutex);
      if (f->type == USBDEVFS_URB_TYPE_CONTROL) {
        if (length < 8) {
          umockdev_ioctl_client_complete(client, -1, EINVAL);
          return TRUE;
        }
        auto* data = static_cast<std::uint8_t*>(f->buffer);
        bool stall = false;
        const auto reply = control_reply(*dev, data, &stall);
        const std::size_t wanted = static_cast<std::size_t>(data[6]) | (static_cast<std::size_t>(data[7]) << 8);
        const std::size_t n = std::min({reply.size(), wanted, static_cast<std::size_t>(length - 8)});
        std::memcpy(data + 8, reply.data(), n);
        complete_urb(u, stall ? -EPIPE : 0, n);
        dev->done.push_back(std::move(u));
      } else if ((f->endpoint & 0x80) != 0) {
        dev->in_flight.push_back(std::move(u));
      } else {
        dev->send_to_simulator(static_cast<const std::uint8_t*>(f->buffer), length);
        complete_urb(u, 0, length);
        dev->done.push_back(std::move(u));
      }
      umockdev_ioctl_client_complete(client, 0, 0);
      return TRUE;
    }
    case USBDEVFS_DISCARDURB: {
      gulong address = 0;
      std::memcpy(&address, arg->data, std::min<std::size_t>(sizeof address, static_cast<std::size_t>(arg->data_len)));
      std::lock_guard lock(dev->mutex);
      const auto it = std::find_if(dev->in_flight.begin(), dev->in_flight.end(),
                                   [&](const Urb& u) { return u.urb.p->client_addr == address; });
      if (it == dev->in_flight.end()) {
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return TRUE;
      }
      complete_urb(*it, -ENOENT, 0);
      dev->done.push_back(std::move(*it));
      dev->in_flight.erase(it);
      umockdev_ioctl_client_complete(client, 0, 0);
      return TRUE;
    }
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY: {
      std::unique_lock lock(dev->mutex);
      while (!dev->in_flight.empty() && !dev->reports.empty()) {
        Urb u = std::move(dev->in_flight.front());
        dev->in_flight.pop_front();
        const auto& report = dev->reports.front();
        const auto room = static_cast<std::size_t>(std::max(u.fields()->buffer_length, 0));
        const std::size_t n = std::min(room, report.size());
        std::memcpy(u.fields()->buffer, report.data(), n);
        complete_urb(u, 0, n);
        dev->reports.pop_front();
        dev->done.push_back(std::move(u));
      }
      if (gone) {
        // Everything still in flight ends as the kernel ends it on disconnect.
        for (auto& u : dev->in_flight) {
          complete_urb(u, -ENODEV, 0);
          dev->done.push_back(std::move(u));
        }
        dev->in_flight.clear();
      }
      if (!dev->done.empty()) {
        Urb u = std::move(dev->done.front());
        dev->done.pop_front();
        lock.unlock();
        GRef<UMockdevIoctlData> ptr(umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr));
        umockdev_ioctl_data_set_ptr(ptr.p, 0, u.urb.p);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
      }
      lock.unlock();
      if (gone) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
      }
      // libusb polls the node for POLLOUT, which the pty always reports: without this
      // pause an idle wait would spin.
      std::this_thread::sleep_for(kIdleReap);
      umockdev_ioctl_client_complete(client, -1, EAGAIN);
      return TRUE;
    }
    default: umockdev_ioctl_client_complete(client, -1, gone ? ENODEV : ENOTTY); return TRUE;
  }
}

}  // namespace

void attach_usbfs_node(Device& dev) { connect_signal(dev.handler.p, "handle-ioctl", on_usbfs_ioctl, &dev); }

}  // namespace cc::usb_bus
