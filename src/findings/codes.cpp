#include "findings/codes.hpp"

#include "findings/translations.hpp"

namespace cc::findings {
namespace {

using ::coldcheck::report::SEVERITY_ADVICE;
using ::coldcheck::report::SEVERITY_CRITICAL;
using ::coldcheck::report::SEVERITY_INFO;
using ::coldcheck::report::SEVERITY_WARNING;

// Order = urgency: what endangers funds first, then what stops the diagnosis from
// going further (no device, no access, busy, bootloader, locked), then what the person
// should fix, then explanations.
constexpr CodeInfo kCodes[] = {
    {"CC-SCAM-RISK", SEVERITY_CRITICAL, N_("Someone may be trying to steal your recovery phrase"),
     N_("No genuine support team, website or app ever asks for your recovery phrase. Do not share it, "
        "type it into a computer or phone, or photograph it. If you have already shared it, treat it "
        "as stolen: set up a new wallet with a new recovery phrase and move your funds to it at once.")},
    {"CC-AUTH-FAILED", SEVERITY_CRITICAL, N_("The device did not prove it is genuine"),
     N_("Stop using this device. Do not send funds to addresses it shows. Contact the maker's support "
        "through their official website (never through a link someone sent you) and move any funds "
        "to a wallet on a device bought from the maker or an authorised reseller.")},
    {"CC-FW-HASH-MISMATCH", SEVERITY_CRITICAL, N_("The firmware on the device is not the released firmware"),
     N_("Stop using this device. Do not send funds to addresses it shows. Contact the maker's support "
        "through their official website, and move any funds with a device you trust.")},
    {"CC-FW-REVISION-MISMATCH", SEVERITY_CRITICAL, N_("The firmware build does not match the official release"),
     N_("Stop using this device: it may be counterfeit or modified. Contact the maker's support through "
        "their official website before you use it again.")},
    {"CC-BACKUP-UNFINISHED", SEVERITY_CRITICAL, N_("The backup was interrupted and may be incomplete"),
     N_("Do not rely on the words you wrote down for this wallet. Move the funds to a new wallet whose "
        "backup you have completed and checked. Do not wipe or reset this device until the funds "
        "have been moved.")},
    {"CC-BACKUP-MISMATCH", SEVERITY_CRITICAL, N_("The recovery backup does not match this wallet"),
     N_("Do not rely on this backup: it has a wrong or missing word, or belongs to another wallet. "
        "Check it again slowly, word by word, on the device. If it still does not match, move the "
        "funds to a new wallet and write its backup carefully. Never type the words into a computer "
        "or phone to check them.")},
    {"CC-HOST-NOT-ON-BUS", SEVERITY_WARNING, N_("No hardware wallet was found on USB"),
     N_("Use a cable that carries data (some cables only charge), plug the device directly into the "
        "computer instead of through a hub, and try another USB port.")},
    {"CC-HOST-NO-ACCESS", SEVERITY_WARNING,
     N_("The device is connected, but this computer does not let coldcheck open it"),
     N_("Install the udev rules: run \"coldcheck udev-rules | sudo tee "
        "/etc/udev/rules.d/51-coldcheck.rules\", then \"sudo udevadm control --reload-rules\", then "
        "unplug the device and plug it back in.")},
    {"CC-HOST-BUSY", SEVERITY_WARNING, N_("Another program is using the device"),
     N_("Close the program that is using the device (for example Trezor Suite, Ledger Live, Trezor "
        "Bridge, Electrum or Sparrow), then try again.")},
    {"CC-DEV-NO-REPLY", SEVERITY_WARNING, N_("The device did not answer: it may be waiting for you"),
     N_("Look at the device's screen. If it shows a request you did not start here (an address, a "
        "transaction, a confirmation), another wallet app asked for it: finish or cancel it on the "
        "device. Close other wallet apps (for example Ledger Live, Trezor Suite, Electrum or Sparrow), "
        "then run the check again.")},
    {"CC-DEV-UNREADABLE", SEVERITY_WARNING, N_("The device could not be read"),
     N_("Unplug the device and plug it back in directly (not through a hub), close other wallet apps, and run the "
        "check again. If it still cannot be read, contact the maker's support through their official website and "
        "give them this report.")},
    {"CC-CHECK-INCOMPLETE", SEVERITY_WARNING, N_("Not everything could be checked"),
     N_("Read the reason given for each check listed here and do what it says (for example unlock the device, "
        "go back to a Ledger's dashboard, or give coldcheck the release images), then run the check again. Until "
        "then, do not take this report as proof that the device is fine.")},
    {"CC-DEV-BOOTLOADER", SEVERITY_WARNING, N_("The device is in bootloader mode"),
     N_("Reinstall the firmware with the maker's app (for example Trezor Suite), with the device "
        "plugged directly into the computer. If the device was wiped, you will need your recovery "
        "phrase backup to restore the wallet afterwards.")},
    {"CC-DEV-LOCKED", SEVERITY_ADVICE, N_("The device is locked"),
     N_("Unlock the device with your PIN as you normally do, then run the check again. coldcheck "
        "never asks you for your PIN.")},
    {"CC-DEV-WRONG-APP", SEVERITY_ADVICE, N_("An app is open on the Ledger instead of the dashboard"),
     N_("Close the app on the device (or unplug and plug it back in) so that it shows the dashboard, "
        "then run the check again. If another program asked for a specific app, open that one.")},
    {"CC-DEV-NOT-INITIALIZED", SEVERITY_WARNING, N_("The device holds no wallet"),
     N_("If the device is new, set it up with the maker's app. If it held funds before, it has been "
        "wiped (for example after too many wrong PIN attempts, or because the wipe code was "
        "entered). The funds are not lost: restore the wallet on the device from your recovery "
        "phrase backup.")},
    {"CC-FW-SECURITY-FIX", SEVERITY_WARNING, N_("The firmware misses a security fix"),
     N_("Update the firmware now with the maker's app (for example Trezor Suite). Have your recovery "
        "phrase backup at hand before you update.")},
    {"CC-FW-BOOTLOADER-UNKNOWN", SEVERITY_WARNING, N_("The bootloader is not one the maker published"),
     N_("Do not trust this device with funds until this is cleared up. Update coldcheck's catalog "
        "(coldcheck catalog update) in case it is just too old, then contact the maker's support through "
        "their official website and give them the bootloader hash from this report.")},
    {"CC-LEDGER-CUSTOM-CA", SEVERITY_WARNING, N_("The Ledger trusts a custom certificate authority"),
     N_("Unless you installed it yourself for development, remove the custom certificate authority "
        "(a developer tool such as ledgerblue can do that) or stop using the device and contact "
        "Ledger support through ledger.com. Do not install apps from sources other than Ledger Live.")},
    {"CC-BACKUP-MISSING", SEVERITY_WARNING, N_("The wallet has no backup"),
     N_("If this wallet holds funds, make a backup now: start it in the maker's app and write the "
        "words the device shows on paper. If the device cannot make a backup (the wallet was set up "
        "without one), set up a new wallet with a backup and move the funds to it. Never type the "
        "words into a computer or phone, and never photograph them.")},
    {"CC-PIN-NOT-SET", SEVERITY_WARNING, N_("The device has no PIN"),
     N_("Set a PIN in the maker's app (for example in the device settings of Trezor Suite). Without "
        "a PIN, anyone who picks up the device can use the wallet.")},
    {"CC-FW-UNKNOWN-VERSION", SEVERITY_WARNING, N_("The firmware version could not be checked against the catalog"),
     N_("Treat the firmware as unverified until it has been checked. Update the device with the "
        "maker's app, or ask support whether the catalog is missing this release.")},
    {"CC-FW-OUTDATED", SEVERITY_ADVICE, N_("The firmware is out of date"),
     N_("Update the firmware with the maker's app (for example Trezor Suite). Have your recovery "
        "phrase backup at hand before you update.")},
    {"CC-FW-NEWER-THAN-CATALOG", SEVERITY_INFO, N_("The firmware is newer than coldcheck's catalog"),
     N_("Nothing is wrong with the device because of this. Update coldcheck's catalog (coldcheck catalog "
        "update) so that this release can be checked too.")},
    {"CC-CLONE-MISIDENTIFIED", SEVERITY_INFO, N_("This device is not a Trezor, although it uses Trezor's USB ID"),
     N_("Nothing is wrong with that by itself. Tell support the real maker shown here, and follow "
        "that maker's app and instructions.")},
    {"CC-PASSPHRASE-IN-USE", SEVERITY_INFO, N_("A passphrase is enabled: each passphrase opens a different wallet"),
     N_("If the wallet looks empty, enter the exact passphrase you used before, on the device when "
        "it offers that: spelling, capital letters and spaces all count. Never type your "
        "passphrase into a website and never give it to anyone.")},
    {"CC-AUTH-UNLOCKED-BOOTLOADER", SEVERITY_WARNING,
     N_("The bootloader was unlocked: genuine, but modified at some point"),
     N_("This is permanent once unofficial firmware has been installed, and it does not by itself mean "
        "the device is counterfeit. If you did not install custom firmware yourself, treat the device "
        "as untrusted and move your funds to a device you trust.")},
    {"CC-AUTH-TEST-ROOT", SEVERITY_INFO, N_("Not a retail device: an emulator or simulator"),
     N_("Nothing to do when testing. If you expected a real device, check that the right one is "
        "plugged in and selected.")},
    {"CC-BACKUP-VERIFIED", SEVERITY_INFO, N_("The recovery backup matches this wallet"),
     N_("Nothing to do. Note today's date with your backup, keep it offline and private, and check "
        "it again on the device if you ever doubt it.")},
};

}  // namespace

std::span<const CodeInfo> code_table() { return kCodes; }

const CodeInfo* find_code(std::string_view code) {
  for (const auto& info : kCodes) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

std::size_t urgency_rank(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kCodes); ++i) {
    if (kCodes[i].code == code) return i;
  }
  return std::size(kCodes);
}

}  // namespace cc::findings
