#pragma once
// The individual detectors behind scan(). Each reads text already passed through
// normalize() and reports only counts or kinds, never where or what it matched.
#include <cstddef>
#include <span>
#include <string_view>

namespace cc::guard {

// A run of this many consecutive words of one BIP39 list fires, checksum or not.
inline constexpr std::size_t kMnemonicMinWords = 8;
// A run that uses at least one four-letter abbreviation ("aban abil ...", as stamped
// on steel backups) fires only at this length: prose has many four-letter tokens.
inline constexpr std::size_t kAbbreviatedMinWords = 12;
// A run of English list words with typos, plurals or abbreviations among them.
inline constexpr std::size_t kFuzzyMinWords = 11;
inline constexpr std::size_t kFuzzyMaxShare = 4;  // at most one token in four inexact
// SLIP-39 shares have 20 or 33 words; Monero seeds 25 (13 for short ones).
inline constexpr std::size_t kSlip39MinWords = 10;
inline constexpr std::size_t kMoneroMinWords = 12;
// Lists ordered by frequency (Chinese BIP39, Electrum's old list): a window of this many
// consecutive list words fires when their mean log-rank says "drawn at random", which
// prose, made of the commonest words, never is.
inline constexpr std::size_t kRankWindow = 12;

enum class PhraseKind { kNone, kBip39, kSlip39, kElectrum, kMonero };

struct MnemonicScan {
  std::size_t longest_run = 0;  // longest run of whole words of one list, fired or not
  std::size_t fired_run = 0;    // length of the longest run that fired; 0 if none
  PhraseKind kind = PhraseKind::kNone;
};
MnemonicScan scan_mnemonic(std::string_view normalized);

enum KeyHit : unsigned {
  kKeyExtended = 1u << 0,
  kKeyWif = 1u << 1,
  kKeyHex = 1u << 2,
  kKeyPem = 1u << 3,
  kKeyKeystore = 1u << 4,
  kKeySolana = 1u << 5,
  kKeyNostr = 1u << 6,
  kKeyBip38 = 1u << 7,
  kKeyMini = 1u << 8,
  kKeyAge = 1u << 9,
};
// All key kinds at once: a bit set of KeyHit.
unsigned scan_keys(std::string_view normalized);
// An alphanumeric token of the text: where it starts and how long it is.
struct TokenSpan {
  std::size_t start = 0;
  std::size_t length = 0;
};
// Tokens shorter than this are no part of any structural key format.
inline constexpr std::size_t kFormatMinToken = 20;
// Key formats found by their structure (detect_formats.cpp); part of scan_keys(), which
// hands over the alphanumeric tokens of kFormatMinToken+ characters.
unsigned scan_key_formats(std::string_view normalized, std::span<const TokenSpan> long_tokens);

// "key" in any case: PEM armour and age keys need it, so most text skips those checks.
bool mentions_key(std::string_view normalized) noexcept;

bool has_extended_private_key(std::string_view normalized);
bool has_wif(std::string_view normalized);
bool has_hex_private_key(std::string_view normalized);
bool has_pem_private_key(std::string_view normalized);

// "my PIN is 1357", "pin: 1357", "passphrase is ...", "密码是…", "PIN码 1357".
bool has_pin_or_passphrase(std::string_view normalized);

}  // namespace cc::guard
