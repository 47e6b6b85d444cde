#pragma once
// Ledger status words (ISO 7816 SW1SW2) and what they mean for a support tool.
#include <cstdint>
#include <string>
#include <string_view>

namespace cc::ledger {

inline constexpr std::uint16_t kSwOk = 0x9000;
inline constexpr std::uint16_t kSwInsNotSupported = 0x6D00;  // the open app lacks this instruction
inline constexpr std::uint16_t kSwClaNotSupported = 0x6E00;  // the open app lacks this class
inline constexpr std::uint16_t kSwLocked = 0x5515;
inline constexpr std::uint16_t kSwSecurityStatus = 0x6982;
inline constexpr std::uint16_t kSwDenied = 0x6985;

// "0x6e00".
std::string sw_hex(std::uint16_t sw);

// One line for people, e.g. "device locked (0x5515)".
std::string describe_status(std::uint16_t sw);

bool is_wrong_app(std::uint16_t sw) noexcept;
bool is_locked(std::uint16_t sw) noexcept;

// Returns for 9000; otherwise throws cc::Error: 6E00/6D00 kUnsupported (wrong app or
// dashboard), 5515 kDeviceRefused (locked), 6982/6985 kCancelled (refused on the
// device), anything else kDeviceRefused naming the word in hex. `what` names the
// command ("GET VERSION").
void check_status(std::uint16_t sw, std::string_view what);

}  // namespace cc::ledger
