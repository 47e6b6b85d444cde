#include "transport/open.hpp"

#include "core/error.hpp"
#include "transport/hid_link.hpp"
#include "transport/record_link.hpp"
#include "transport/replay_link.hpp"
#include "transport/udp_link.hpp"
#include "transport/webusb_link.hpp"

namespace cc::transport {

std::unique_ptr<Link> open_link(const DevicePath& path) {
  switch (path.scheme) {
    case Scheme::kHid: return record_if_active(HidLink::open(path), path);
    case Scheme::kWebUsb: return record_if_active(WebUsbLink::open(path), path);
    case Scheme::kUdp: return record_if_active(UdpLink::open(path), path);
    case Scheme::kReplay: return record_if_active(open_replay_link(path), path);
    case Scheme::kTcp:
      // Speculos carries whole APDUs, not reports: drivers open it as an APDU channel.
      throw Error(ErrorCode::kInvalidArgument,
                  path.to_string() + ": tcp: is a Speculos APDU endpoint; open it with drivers::open_apdu_channel");
  }
  throw Error(ErrorCode::kInternal, path.to_string() + ": unknown scheme");
}

}  // namespace cc::transport
