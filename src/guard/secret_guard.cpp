#include "guard/secret_guard.hpp"

#include <openssl/crypto.h>

#include "core/error.hpp"
#include "guard/detect.hpp"
#include "guard/normalize.hpp"

namespace cc::guard {
namespace {

// The folded copy holds whatever the person typed, secrets included: wipe it.
class WipedString {
 public:
  explicit WipedString(std::string s) : s_(std::move(s)) {}
  WipedString(const WipedString&) = delete;
  WipedString& operator=(const WipedString&) = delete;
  ~WipedString() { OPENSSL_cleanse(s_.data(), s_.size()); }
  std::string_view view() const noexcept { return s_; }

 private:
  std::string s_;
};

}  // namespace

GuardResult scan(std::string_view text) {
  const WipedString folded(normalize(text));
  const std::string_view t = folded.view();
  GuardResult r;
  const MnemonicScan m = scan_mnemonic(t);
  if (m.fired_run > 0) {
    r.kind = SecretKind::kMnemonic;
    r.words_in_run = m.fired_run;
    return r;
  }
  r.words_in_run = m.longest_run;
  const unsigned keys = scan_keys(t);
  if ((keys & kKeyExtended) != 0) {
    r.kind = SecretKind::kExtendedPrivateKey;
  } else if ((keys & kKeyWif) != 0) {
    r.kind = SecretKind::kWif;
  } else if ((keys & kKeyHex) != 0) {
    r.kind = SecretKind::kHexPrivateKey;
  } else if ((keys & kKeyPem) != 0) {
    r.kind = SecretKind::kPemPrivateKey;
  }
  return r;
}

std::string_view category_name(SecretKind kind) noexcept {
  switch (kind) {
    case SecretKind::kNone: return "none";
    case SecretKind::kMnemonic: return "recovery phrase";
    case SecretKind::kExtendedPrivateKey: return "extended private key (xprv)";
    case SecretKind::kWif: return "private key (WIF)";
    case SecretKind::kHexPrivateKey: return "private key (hex)";
    case SecretKind::kPemPrivateKey: return "private key (PEM)";
  }
  return "unknown";
}

std::string anti_scam_message(SecretKind kind) {
  if (kind == SecretKind::kNone) return {};
  std::string msg = "refused: this text looks like it contains a ";
  msg += category_name(kind);
  msg +=
      ". coldcheck never needs your recovery phrase, PIN, passphrase or private keys, and "
      "no genuine support team, company or app will ever ask you for them; anyone who "
      "does is trying to steal your coins. Nothing was saved or sent. Describe the "
      "problem in your own words instead. If you have already typed or shared this "
      "anywhere outside your device (a website, an app, a chat, an e-mail, a photo), treat "
      "the wallet as compromised: set up a NEW device with a NEW recovery phrase and move "
      "your funds to it now.";
  return msg;
}

void require_clean(std::string_view text, std::string_view what) {
  const GuardResult r = scan(text);
  if (r.kind == SecretKind::kNone) return;
  throw Error(ErrorCode::kInvalidArgument, std::string(what) + ": " + anti_scam_message(r.kind));
}

}  // namespace cc::guard
