#include "protocol/ledger/status.hpp"

#include "core/error.hpp"

namespace cc::ledger {

std::string sw_hex(std::uint16_t sw) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 12; shift >= 0; shift -= 4) s += kDigits[(sw >> shift) & 0xF];
  return s;
}

bool is_wrong_app(std::uint16_t sw) noexcept { return sw == kSwClaNotSupported || sw == kSwInsNotSupported; }
bool is_locked(std::uint16_t sw) noexcept { return sw == kSwLocked; }

std::string describe_status(std::uint16_t sw) {
  const std::string code = " (" + sw_hex(sw) + ")";
  switch (sw) {
    case kSwOk: return "ok" + code;
    case kSwClaNotSupported:
    case kSwInsNotSupported:
      return "the open app does not know this command: open the dashboard or the expected app" + code;
    case kSwLocked: return "device locked: unlock it with its PIN on the device" + code;
    case kSwSecurityStatus:
      return "refused by the device: security status not satisfied (locked or not confirmed)" + code;
    case kSwDenied: return "refused on the device by the person holding it" + code;
    default: return "unknown status word" + code;
  }
}

void check_status(std::uint16_t sw, std::string_view what) {
  if (sw == kSwOk) return;
  const std::string message = std::string(what) + ": " + describe_status(sw);
  if (is_wrong_app(sw)) throw Error(ErrorCode::kUnsupported, message);
  if (sw == kSwSecurityStatus || sw == kSwDenied) throw Error(ErrorCode::kCancelled, message);
  throw Error(ErrorCode::kDeviceRefused, message);
}

}  // namespace cc::ledger
