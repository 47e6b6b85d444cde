#pragma once
// A Link moves fixed-size reports (64 bytes for every family we speak) to and from one
// device. It knows nothing of message framing; codecs do that, drivers sequence it.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace cc::transport {

inline constexpr std::size_t kReportSize = 64;

class Link {
 public:
  virtual ~Link() = default;
  Link() = default;
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  // The device path this link was opened with, e.g. "udp:127.0.0.1:21324".
  virtual std::string path() const = 0;

  // Sends one report of exactly kReportSize bytes. HID report ids are added inside.
  // Throws cc::Error (kDisconnected, kIo, kInvalidArgument for a wrong size).
  virtual void write(std::span<const std::uint8_t> report) = 0;

  // Waits at most `timeout` for one report and copies it into `out` (kReportSize
  // bytes). Returns the number of bytes received. Throws cc::Error{kTimeout} when
  // nothing arrived in time, kDisconnected when the device is gone.
  virtual std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) = 0;

  // Called during long silent waits (a person typing on the device) so that a device
  // that went away is noticed: a transport whose reads already fail on unplug does
  // nothing; the emulator link sends a liveness probe whose failure shows on the next
  // read as kDisconnected.
  virtual void keep_alive() {}
};

}  // namespace cc::transport
