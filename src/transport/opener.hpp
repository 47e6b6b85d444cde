#pragma once
// Every transport the app opens comes from an Opener, so a test can count or script the
// opens and a recorder (`--record`) can wrap each link it hands out, Speculos included.
#include <memory>

#include "transport/apdu_stream.hpp"
#include "transport/device_path.hpp"
#include "transport/link.hpp"

namespace cc::transport {

class Opener {
 public:
  virtual ~Opener() = default;
  // 64-byte report links: hid:, webusb:, udp:. Errors as open_link().
  virtual std::unique_ptr<Link> open_link(const DevicePath& path) = 0;
  // Whole-APDU streams: tcp: (Speculos). Errors as SpeculosClient::open().
  virtual std::unique_ptr<ApduStream> open_apdu_stream(const DevicePath& path) = 0;
};

// The real transports (hidapi, libusb, UDP, TCP).
class SystemOpener final : public Opener {
 public:
  std::unique_ptr<Link> open_link(const DevicePath& path) override;
  std::unique_ptr<ApduStream> open_apdu_stream(const DevicePath& path) override;
};

// A process-wide SystemOpener, for callers that inject nothing.
Opener& system_opener();

}  // namespace cc::transport
