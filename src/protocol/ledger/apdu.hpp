#pragma once
// Ledger APDUs we send and the replies we parse: pure, no I/O. Every parser checks
// each length against the bytes left and throws cc::Error{kMalformed} naming the field.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc::ledger {

using Bytes = std::vector<std::uint8_t>;

// CLA INS P1 P2 Lc [data]; short APDUs only (data <= 255 bytes, else kInvalidArgument).
Bytes command(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
              std::span<const std::uint8_t> data = {});

// Dashboard (BOLOS) GET VERSION: E0 01 00 00.
Bytes get_version_command();
// GET APP AND VERSION: B0 01 00 00 (answered by the dashboard and by apps).
Bytes get_app_and_version_command();

struct Reply {
  Bytes data;
  std::uint16_t sw = 0;
};

// Splits data and the trailing 2-byte status word; kMalformed when shorter than 2.
Reply split_reply(std::span<const std::uint8_t> raw);
// The inverse, for the simulator.
Bytes join_reply(std::span<const std::uint8_t> data, std::uint16_t sw);

// GET VERSION flags (u32 little-endian on the wire).
inline constexpr std::uint32_t kFlagRecovery = 0x01;
inline constexpr std::uint32_t kFlagSignedMcu = 0x02;
inline constexpr std::uint32_t kFlagOnboarded = 0x04;
inline constexpr std::uint32_t kFlagTrustIssuer = 0x08;
inline constexpr std::uint32_t kFlagTrustCustomCa = 0x10;
inline constexpr std::uint32_t kFlagHsmInitialized = 0x20;
inline constexpr std::uint32_t kFlagPinValidated = 0x80;

struct VersionInfo {
  std::uint32_t target_id = 0;
  bool bootloader = false;  // (target_id & 0xF0000000) != 0x30000000
  std::string se_version;   // dashboard; in bootloader only if it reports it
  std::uint32_t flags = 0;
  std::string mcu_version;             // dashboard: the MCU firmware (SEPH) version
  std::string mcu_bootloader_version;  // bootloader: its own version; dashboard: optional
  std::optional<std::uint32_t> hw_version;
  std::optional<std::uint32_t> language;
  std::optional<std::uint32_t> se_target_id;  // bootloader only
};

bool is_bootloader_target(std::uint32_t target_id) noexcept;

// The data of a 9000 reply to GET VERSION (status word removed).
VersionInfo parse_version(std::span<const std::uint8_t> data);
// The inverse, for the simulator and tests (dashboard layout, or bootloader layout when
// info.bootloader).
Bytes encode_version(const VersionInfo& info);

struct AppInfo {
  std::string name;  // "BOLOS" on the dashboard
  std::string version;
  std::uint32_t flags = 0;
};

// The data of a 9000 reply to GET APP AND VERSION.
AppInfo parse_app_and_version(std::span<const std::uint8_t> data);
Bytes encode_app_and_version(const AppInfo& info);

// The dashboard answers GET APP AND VERSION with this name.
inline constexpr const char* kDashboardName = "BOLOS";

}  // namespace cc::ledger
