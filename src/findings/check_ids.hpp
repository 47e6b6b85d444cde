#pragma once
// The check ids: one table, like the finding codes. An id is stable and never changes
// meaning once released (reports, rules and support tooling key on it); a retired id is
// never reused. Rules read check results by these ids, so the table sits here, below
// the checks that produce them.
#include <span>
#include <string_view>

namespace cc::findings {

inline constexpr char kHostOnBus[] = "host.on_bus";
inline constexpr char kHostUdevRules[] = "host.udev_rules";
inline constexpr char kHostPermission[] = "host.permission";
inline constexpr char kHostBusy[] = "host.busy";
inline constexpr char kDeviceIdentify[] = "device.identify";
inline constexpr char kFwRevision[] = "fw.revision";
inline constexpr char kFwHash[] = "fw.hash";
inline constexpr char kFwBootloader[] = "fw.bootloader";
inline constexpr char kAuthDevice[] = "auth.device";
inline constexpr char kAuthUnlockedBootloader[] = "auth.unlocked_bootloader";
inline constexpr char kBackupCheck[] = "backup.check";

struct CheckIdInfo {
  std::string_view id;
  std::string_view section;      // "host" or "device": where the report lists it
  std::string_view establishes;  // what a pass means, for the documentation
};

// Every check id the tool can report, host checks first, in report order.
std::span<const CheckIdInfo> check_id_table();
const CheckIdInfo* find_check_id(std::string_view id);

}  // namespace cc::findings
