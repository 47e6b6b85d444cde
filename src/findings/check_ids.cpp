#include "findings/check_ids.hpp"

#include <array>

namespace cc::findings {

namespace {

constexpr std::array kTable = {
    CheckIdInfo{kHostOnBus, "host", "the device is on the USB bus and matches a catalog entry"},
    CheckIdInfo{kHostUdevRules, "host", "udev rules give the desktop user access to this device"},
    CheckIdInfo{kHostPermission, "host", "this user can open the device node"},
    CheckIdInfo{kHostBusy, "host", "no other program holds the device open"},
    CheckIdInfo{kDeviceIdentify, "device", "the device answered and was identified"},
    CheckIdInfo{kFwRevision, "device", "the firmware revision is a released one for this version"},
    CheckIdInfo{kFwHash, "device", "the firmware hash the device reports matches the release image"},
    CheckIdInfo{kFwBootloader, "device", "the bootloader hash is one the catalog lists for this model"},
    CheckIdInfo{kAuthDevice, "device", "the secure element proved it was made by the vendor"},
    CheckIdInfo{kAuthUnlockedBootloader, "device", "the bootloader was never unlocked (fails when it was)"},
    CheckIdInfo{kBackupCheck, "device", "the recovery backup the person holds matches the device"},
};

}  // namespace

std::span<const CheckIdInfo> check_id_table() { return kTable; }

const CheckIdInfo* find_check_id(std::string_view id) {
  for (const auto& info : kTable) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

}  // namespace cc::findings
