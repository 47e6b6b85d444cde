#include <array>

#include "host/host_checks.hpp"
#include "host/text_file.hpp"

namespace cc::host {
namespace {

struct KnownProgram {
  std::string_view name;  // lower case, as comm, the exe or an AppImage starts
  std::string_view friendly;
};

constexpr std::string_view kChromium = "Chrome/Chromium browser (WebUSB/WebHID)";
constexpr std::string_view kFirefox = "Firefox (browser, security key / U2F)";

// The programs that hold wallets in support tickets. Order does not matter.
constexpr std::array<KnownProgram, 38> kKnown{{
    {"trezor-suite", "Trezor Suite"},
    {"trezor suite", "Trezor Suite"},
    {"trezord", "trezord (Trezor Bridge)"},
    {"trezord-go", "trezord (Trezor Bridge)"},
    {"trezorctl", "trezorctl"},
    {"ledger-live-desktop", "Ledger Live"},
    {"ledger-live", "Ledger Live"},
    {"ledger live", "Ledger Live"},
    {"electrum", "Electrum"},
    {"run_electrum", "Electrum"},
    {"sparrow", "Sparrow"},
    {"wasabi", "Wasabi Wallet"},
    {"wassabee", "Wasabi Wallet"},
    {"walletwasabi.fluent.desktop", "Wasabi Wallet"},
    {"keepkey-desktop", "KeepKey Desktop"},
    {"keepkey desktop", "KeepKey Desktop"},
    {"onekey-wallet", "OneKey"},
    {"onekey", "OneKey"},
    {"bitbox", "BitBoxApp"},
    {"bitboxapp", "BitBoxApp"},
    {"hwi", "HWI"},
    {"hwi-qt", "HWI"},
    {"specter-desktop", "Specter Desktop"},
    {"specterd", "Specter Desktop"},
    {"chrome", kChromium},
    {"chromium", kChromium},
    {"chromium-browser", kChromium},
    {"google-chrome", kChromium},
    {"brave", kChromium},
    {"brave-browser", kChromium},
    {"msedge", kChromium},
    {"vivaldi-bin", kChromium},
    {"firefox", kFirefox},
    {"firefox-esr", kFirefox},
    {"firefox-bin", kFirefox},
    {"scdaemon", "GnuPG scdaemon (smartcard daemon)"},
    {"fwupd", "fwupd (firmware update daemon)"},
    {"coldcheck", "coldcheck (another instance)"},
}};

// The kernel keeps 15 bytes of comm ("ledger-live-des").
constexpr std::size_t kCommMax = 15;

bool matches(std::string_view entry, std::string_view name) {
  if (name == entry) return true;
  if (name.size() == kCommMax && entry.size() > kCommMax && entry.substr(0, kCommMax) == name) {
    return true;
  }
  // "trezor-suite-24.5.3-linux-x86_64.appimage", "electrum-4.5.4-x86_64.appimage"
  return name.size() > entry.size() && name.substr(0, entry.size()) == entry &&
         (name[entry.size()] == '-' || name[entry.size()] == '_' || name[entry.size()] == '.');
}

}  // namespace

std::string_view known_program(std::string_view name) {
  const std::string lower = to_lower(trim(name));
  if (lower.empty()) return {};
  for (const KnownProgram& known : kKnown) {
    if (matches(known.name, lower)) return known.friendly;
  }
  return {};
}

}  // namespace cc::host
