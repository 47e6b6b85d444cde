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

SecretKind phrase_kind(PhraseKind k) noexcept {
  switch (k) {
    case PhraseKind::kBip39: return SecretKind::kMnemonic;
    case PhraseKind::kSlip39: return SecretKind::kSlip39Share;
    case PhraseKind::kElectrum: return SecretKind::kElectrumSeed;
    case PhraseKind::kMonero: return SecretKind::kMoneroSeed;
    case PhraseKind::kNone: break;
  }
  return SecretKind::kNone;
}

struct KeyKind {
  unsigned bit;
  SecretKind kind;
};
constexpr KeyKind kKeyKinds[] = {
    {kKeyExtended, SecretKind::kExtendedPrivateKey},
    {kKeyWif, SecretKind::kWif},
    {kKeyHex, SecretKind::kHexPrivateKey},
    {kKeyPem, SecretKind::kPemPrivateKey},
    {kKeyKeystore, SecretKind::kKeystore},
    {kKeySolana, SecretKind::kSolanaKey},
    {kKeyNostr, SecretKind::kNostrKey},
    {kKeyBip38, SecretKind::kBip38Key},
    {kKeyMini, SecretKind::kMiniKey},
    {kKeyAge, SecretKind::kAgeKey},
};

}  // namespace

GuardResult scan(std::string_view text) {
  const WipedString folded(normalize(text));
  const std::string_view t = folded.view();
  GuardResult r;
  const MnemonicScan m = scan_mnemonic(t);
  if (m.kind != PhraseKind::kNone) {
    r.kind = phrase_kind(m.kind);
    r.words_in_run = m.fired_run;
    return r;
  }
  r.words_in_run = m.longest_run;
  const unsigned keys = scan_keys(t);
  for (const KeyKind& k : kKeyKinds) {
    if ((keys & k.bit) != 0) {
      r.kind = k.kind;
      return r;
    }
  }
  if (has_pin_or_passphrase(t)) r.kind = SecretKind::kPinOrPassphrase;
  return r;
}

std::string_view category_name(SecretKind kind) noexcept {
  switch (kind) {
    case SecretKind::kNone: return "nothing";
    case SecretKind::kMnemonic: return "a recovery phrase";
    case SecretKind::kSlip39Share: return "a recovery share (SLIP-39)";
    case SecretKind::kElectrumSeed: return "an Electrum seed";
    case SecretKind::kMoneroSeed: return "a Monero seed";
    case SecretKind::kExtendedPrivateKey: return "an extended private key (xprv)";
    case SecretKind::kWif: return "a private key (WIF)";
    case SecretKind::kHexPrivateKey: return "a private key (hex)";
    case SecretKind::kPemPrivateKey: return "a private key file (PEM or OpenSSH)";
    case SecretKind::kKeystore: return "an encrypted wallet file (keystore)";
    case SecretKind::kSolanaKey: return "a Solana private key";
    case SecretKind::kNostrKey: return "a Nostr secret key (nsec)";
    case SecretKind::kBip38Key: return "an encrypted private key (BIP38)";
    case SecretKind::kMiniKey: return "a mini private key";
    case SecretKind::kAgeKey: return "an age secret key";
    case SecretKind::kPinOrPassphrase: return "a PIN or passphrase";
  }
  return "a secret";
}

std::string_view category_name_zh(SecretKind kind) noexcept {
  switch (kind) {
    case SecretKind::kNone: return "无";
    case SecretKind::kMnemonic: return "助记词";
    case SecretKind::kSlip39Share: return "助记词分片（SLIP-39）";
    case SecretKind::kElectrumSeed: return "Electrum 种子";
    case SecretKind::kMoneroSeed: return "门罗币种子";
    case SecretKind::kExtendedPrivateKey: return "扩展私钥（xprv）";
    case SecretKind::kWif: return "私钥（WIF）";
    case SecretKind::kHexPrivateKey: return "私钥（十六进制）";
    case SecretKind::kPemPrivateKey: return "私钥文件（PEM 或 OpenSSH）";
    case SecretKind::kKeystore: return "加密钱包文件（keystore）";
    case SecretKind::kSolanaKey: return "Solana 私钥";
    case SecretKind::kNostrKey: return "Nostr 私钥（nsec）";
    case SecretKind::kBip38Key: return "加密私钥（BIP38）";
    case SecretKind::kMiniKey: return "迷你私钥";
    case SecretKind::kAgeKey: return "age 私钥";
    case SecretKind::kPinOrPassphrase: return "PIN 码或密码短语";
  }
  return "机密信息";
}

std::string anti_scam_message(SecretKind kind) {
  if (kind == SecretKind::kNone) return {};
  std::string msg = "Refused: this text looks like it contains ";
  msg += category_name(kind);
  msg +=
      ". coldcheck never needs your recovery phrase, PIN, passphrase or private keys, and "
      "no genuine support team, company or app will ever ask you for them; anyone who "
      "does is trying to steal your coins. Nothing was saved or sent. Describe the "
      "problem in your own words instead. If you have already typed or shared this "
      "anywhere outside your device (a website, an app, a chat, an email, a photo), treat "
      "the wallet as compromised: set up a new device with a new recovery phrase and move "
      "your funds to it now.";
  return msg;
}

std::string anti_scam_message_zh(SecretKind kind) {
  if (kind == SecretKind::kNone) return {};
  std::string msg = "已拒绝：这段文字看起来包含";
  msg += category_name_zh(kind);
  msg +=
      "。coldcheck 从不需要您的助记词、PIN 码、密码短语或私钥，任何正规的客服、公司或应用"
      "也绝不会向您索要；索要的人都是想盗取您的资产。没有保存或发送任何内容。请用您自己的话描述问题。"
      "如果您已经在设备以外的任何地方（网站、应用、聊天、电子邮件、照片）输入或分享过这些内容，"
      "请视该钱包已泄露：立即用新设备和新助记词创建钱包，并把资产转过去。";
  return msg;
}

void require_clean(std::string_view text, std::string_view what) {
  const GuardResult r = scan(text);
  if (r.kind == SecretKind::kNone) return;
  throw Error(ErrorCode::kInvalidArgument, std::string(what) + ": " + anti_scam_message(r.kind));
}

}  // namespace cc::guard
