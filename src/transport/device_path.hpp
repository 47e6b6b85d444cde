#pragma once
// Device path syntax shared by CLI, service and reports:
//   hid:<hidapi path>            e.g. hid:/dev/hidraw3
//   webusb:<bus>-<port chain>    e.g. webusb:001-1.4
//   udp:<host>:<port>            Trezor emulator protocol
//   tcp:<host>:<port>            Speculos APDU protocol
//   replay:<file>                a recorded transcript played back (docs/transcripts.md)
#include <cstdint>
#include <string>
#include <string_view>

namespace cc::transport {

// Ends every "no such device" message: the schemes a device path may use.
inline constexpr std::string_view kDevicePathHint =
    "device paths are hid:/dev/hidrawN, webusb:BUS-PORTS, udp:HOST:PORT or tcp:HOST:PORT; "
    "`coldcheck list` shows what is plugged in";

enum class Scheme { kHid, kWebUsb, kUdp, kTcp, kReplay };

struct DevicePath {
  Scheme scheme;
  std::string target;      // hidapi path, "bus-ports", host, or transcript file
  std::uint16_t port = 0;  // udp/tcp only

  std::string to_string() const;
};

// Throws cc::Error{kInvalidArgument} naming what is wrong with `text`.
DevicePath parse_device_path(std::string_view text);

}  // namespace cc::transport
