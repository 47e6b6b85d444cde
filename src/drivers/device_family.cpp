#include "drivers/device_family.hpp"

#include <array>

#include "core/error.hpp"
#include "protocol/ledger/apdu.hpp"
#include "protocol/ledger/framing.hpp"
#include "protocol/trezor/codec.hpp"
#include "transport/open.hpp"

namespace cc::drivers {

namespace {
constexpr std::uint16_t kTrezorGetFeatures = 55;
}  // namespace

Family detect_udp_family(const transport::DevicePath& path, std::chrono::milliseconds timeout) {
  auto link = transport::open_link(path);
  for (const auto& r : ledger::encode(ledger::get_app_and_version_command())) link->write(r);
  for (const auto& p : trezor::encode(kTrezorGetFeatures, {})) link->write(p);
  std::array<std::uint8_t, transport::kReportSize> reply{};
  try {
    const std::size_t n = link->read(reply, timeout);
    if (n >= ledger::kHeaderSize && reply[0] == 0x01 && reply[1] == 0x01 && reply[2] == ledger::kTag) {
      return Family::kLedger;
    }
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kTimeout) throw;
  }
  return Family::kTrezor;
}

}  // namespace cc::drivers
