#pragma once
// The secret guard: the last line of "no recovery phrase, PIN, passphrase or private
// key ever passes through the host". Every free-text input and every string that
// leaves the process goes through it before it is kept or written. It reports which
// kind of secret it saw, never the text it matched.
//
// How to call it: scan each string field on its own (the description, each device
// string, each finding's text), not a rendered page or a serialized document. The words
// around a field in JSON or a text layout ("id", "detail", labels) can complete a run of
// list words that no field holds, so a rendered page can be refused for text that was
// clean when it came in. Scanning the fields keeps the input check and the final gate in
// agreement in both directions: a field that passed when it came in passes when it leaves.
#include <cstddef>
#include <string>
#include <string_view>

namespace cc::guard {

// Ordered from most to least serious; scan() reports the most serious kind present.
enum class SecretKind {
  kNone,
  kMnemonic,            // BIP39 phrase in any of its ten languages (typos, labels, disguise)
  kSlip39Share,         // SLIP-39 (Shamir) share
  kElectrumSeed,        // Electrum seed, old (1626 words) or new (version-prefixed)
  kMoneroSeed,          // Monero 25-word seed
  kExtendedPrivateKey,  // BIP32 xprv/tprv/yprv/zprv/... (checksum-valid, or shape with prefix)
  kWif,                 // WIF private key (also with a typo)
  kHexPrivateKey,       // hex key or entropy next to a word that calls it secret
  kPemPrivateKey,       // PEM/OpenSSH/PKCS#8 private key, armour or not
  kKeystore,            // Ethereum keystore JSON (encrypted key file)
  kSolanaKey,           // Solana secret key (base58 or a 64-byte JSON array)
  kNostrKey,            // Nostr nsec1 secret key
  kBip38Key,            // BIP38 encrypted private key (6P...)
  kMiniKey,             // Casascius-style mini private key
  kAgeKey,              // age secret key (AGE-SECRET-KEY-1...)
  kPinOrPassphrase,     // a statement of a PIN, passphrase or password
};

struct GuardResult {
  SecretKind kind = SecretKind::kNone;
  // For a phrase the length of the run that fired; otherwise the longest run of
  // consecutive list words seen (useful for tuning). A count, never the words.
  std::size_t words_in_run = 0;
};

// Accepts any bytes: invalid UTF-8 is tolerated. Does not throw except std::bad_alloc.
GuardResult scan(std::string_view text);

// What was refused, in a few words: "a recovery phrase", "an extended private key
// (xprv)", ...; "nothing" for kNone. Never the matched text.
std::string_view category_name(SecretKind kind) noexcept;
// The same in Simplified Chinese.
std::string_view category_name_zh(SecretKind kind) noexcept;

// Plain-English refusal for a person: what was refused, that no genuine support ever
// asks for it, and what to do if it was already shared. Empty for kNone.
std::string anti_scam_message(SecretKind kind);
// The same in Simplified Chinese.
std::string anti_scam_message_zh(SecretKind kind);

// Throws cc::Error{kInvalidArgument} "<what>: <anti_scam_message>" if scan() finds a
// secret. `what` names the input, e.g. "--describe"; the text itself is never quoted.
void require_clean(std::string_view text, std::string_view what);

}  // namespace cc::guard
