#pragma once
// The secret guard: the last line of "no recovery phrase, PIN, passphrase or private
// key ever passes through the host". Every free-text input and every serialized
// report goes through it before it is kept or written. It reports which kind of
// secret it saw, never the text it matched.
#include <cstddef>
#include <string>
#include <string_view>

namespace cc::guard {

// Ordered from most to least serious; scan() reports the most serious kind present.
enum class SecretKind {
  kNone,
  kMnemonic,            // 8+ consecutive BIP39 words (12+ if some are 4-letter abbreviations)
  kExtendedPrivateKey,  // BIP32 xprv/tprv/yprv/zprv/... (checksum-valid, or shape with prefix)
  kWif,                 // base58check WIF private key
  kHexPrivateKey,       // 64 hex digits next to "private"/"secret"/"seed"/"key"
  kPemPrivateKey,       // -----BEGIN ... PRIVATE KEY-----
};

struct GuardResult {
  SecretKind kind = SecretKind::kNone;
  // For kMnemonic the length of the run that fired; otherwise the longest run of
  // consecutive list words seen (useful for tuning). A count, never the words.
  std::size_t words_in_run = 0;
};

// Accepts any bytes: invalid UTF-8 is tolerated. Does not throw except std::bad_alloc.
GuardResult scan(std::string_view text);

// "recovery phrase", "extended private key (xprv)", ...; "none" for kNone.
std::string_view category_name(SecretKind kind) noexcept;

// Plain-English refusal for a person: what was refused, that no genuine support ever
// asks for it, and what to do if it was already shared. Empty for kNone.
std::string anti_scam_message(SecretKind kind);

// Throws cc::Error{kInvalidArgument} "<what>: <anti_scam_message>" if scan() finds a
// secret. `what` names the input, e.g. "--describe"; the text itself is never quoted.
void require_clean(std::string_view text, std::string_view what);

}  // namespace cc::guard
