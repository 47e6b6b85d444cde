#pragma once
// The individual detectors behind scan(). Each reads text already passed through
// normalize() and reports only counts or yes/no, never where or what it matched.
#include <cstddef>
#include <string_view>

namespace cc::guard {

// A run of this many consecutive list words fires, checksum or not.
inline constexpr std::size_t kMnemonicMinWords = 8;
// A run that uses at least one four-letter abbreviation ("aban abil ...", as stamped
// on steel backups) fires only at this length: prose has many four-letter tokens.
inline constexpr std::size_t kAbbreviatedMinWords = 12;

struct MnemonicScan {
  std::size_t longest_run = 0;  // longest run of whole list words, fired or not
  std::size_t fired_run = 0;    // length of the longest run that fired; 0 if none
};
MnemonicScan scan_mnemonic(std::string_view normalized);

enum KeyHit : unsigned {
  kKeyExtended = 1u << 0,
  kKeyWif = 1u << 1,
  kKeyHex = 1u << 2,
  kKeyPem = 1u << 3,
};
// All key kinds at once: a bit set of KeyHit.
unsigned scan_keys(std::string_view normalized);

bool has_extended_private_key(std::string_view normalized);
bool has_wif(std::string_view normalized);
bool has_hex_private_key(std::string_view normalized);
bool has_pem_private_key(std::string_view normalized);

}  // namespace cc::guard
