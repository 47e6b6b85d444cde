#include "report/install_signing.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "crypto/openssl_ptr.hpp"
#include "report/install_key.hpp"
#include "report/seal.hpp"
#include "report/sha256.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;

constexpr std::string_view kDomain{"coldcheck install signature v1\0", 31};
constexpr std::size_t kPublicKeySize = 32;
constexpr std::size_t kSignatureSize = 64;

// What is signed: a fixed prefix (so the key signs nothing else by accident) and the
// SHA-256 of the body's canonical bytes.
std::string signed_message(const rpt::Body& body) {
  const Sha256Digest digest = sha256(canonical_body_bytes(body));
  std::string message(kDomain);
  message.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  return message;
}

crypto::PkeyPtr private_key(const std::vector<std::uint8_t>& seed) {
  crypto::PkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
  if (!key) throw Error(ErrorCode::kInternal, "OpenSSL cannot make an Ed25519 key");
  return key;
}

}  // namespace

std::filesystem::path signing_key_path_beside(const std::filesystem::path& install_key_path) {
  return install_key_path.parent_path() / "install-signing.key";
}

std::string signing_key_id(const std::vector<std::uint8_t>& public_key) {
  const Sha256Digest digest = sha256(public_key);
  return to_hex(std::span<const std::uint8_t>(digest.data(), 4));
}

InstallSigner InstallSigner::load_or_create(const std::filesystem::path& path) {
  return InstallSigner(load_or_create_secret_file(path, kSigningSeedSize, "install signing key"));
}

InstallSigner::InstallSigner(std::vector<std::uint8_t> seed) : seed_(std::move(seed)) {
  const auto key = private_key(seed_);
  std::size_t size = kPublicKeySize;
  public_key_.resize(kPublicKeySize);
  if (EVP_PKEY_get_raw_public_key(key.get(), public_key_.data(), &size) != 1 || size != kPublicKeySize) {
    throw Error(ErrorCode::kInternal, "OpenSSL cannot derive the Ed25519 public key");
  }
}

InstallSigner::InstallSigner(InstallSigner&& other) noexcept
    : seed_(std::move(other.seed_)), public_key_(std::move(other.public_key_)) {}

InstallSigner::~InstallSigner() { OPENSSL_cleanse(seed_.data(), seed_.size()); }

std::string InstallSigner::key_id() const { return signing_key_id(public_key_); }

void InstallSigner::sign(rpt::Report& report) const {
  const std::string message = signed_message(report.body());
  const auto key = private_key(seed_);
  crypto::MdCtxPtr ctx(EVP_MD_CTX_new());
  std::string signature(kSignatureSize, '\0');
  std::size_t size = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      size != kSignatureSize) {
    throw Error(ErrorCode::kInternal, "OpenSSL could not sign the report");
  }
  auto& out = *report.mutable_install_signature();
  out.set_algorithm(std::string(kInstallSignatureAlgorithm));
  out.set_public_key(std::string(public_key_.begin(), public_key_.end()));
  out.set_key_id(key_id());
  out.set_signature(signature);
}

SignatureCheck check_install_signature(const rpt::Report& report) {
  SignatureCheck check;
  if (!report.has_install_signature()) {
    check.summary = "not signed by an install";
    return check;
  }
  check.present = true;
  const auto& sig = report.install_signature();
  const std::vector<std::uint8_t> public_key(sig.public_key().begin(), sig.public_key().end());
  if (sig.algorithm() != kInstallSignatureAlgorithm) {
    check.summary = "INVALID install signature: unknown algorithm";
    return check;
  }
  if (public_key.size() != kPublicKeySize || sig.signature().size() != kSignatureSize) {
    check.summary = "INVALID install signature: the key or signature has the wrong size";
    return check;
  }
  check.key_id = signing_key_id(public_key);
  if (sig.key_id() != check.key_id) {
    check.summary = "INVALID install signature: the key id it states is not the one of its key";
    return check;
  }
  crypto::PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(), public_key.size()));
  crypto::MdCtxPtr ctx(EVP_MD_CTX_new());
  const std::string message = signed_message(report.body());
  check.valid = key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
                EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.signature().data()),
                                 sig.signature().size(), reinterpret_cast<const unsigned char*>(message.data()),
                                 message.size()) == 1;
  check.summary = check.valid ? "signed by install " + check.key_id
                              : "INVALID install signature (key " + check.key_id +
                                    "): the report was changed after it was signed, or the signature is forged";
  return check;
}

}  // namespace cc::report
