#include <string>

#include "attest/attest.hpp"
#include "attest/certificate.hpp"
#include "attest/der_signature.hpp"
#include "attest/p256.hpp"
#include "core/hex.hpp"

namespace cc::attest {
namespace {

// When several checks fail the verdict names the most fundamental one: an unreadable
// proof says nothing, a broken chain says nothing about its root, and so on.
int severity(Verdict v) {
  switch (v) {
    case Verdict::kNoCertificates: return 8;
    case Verdict::kMalformed: return 7;
    case Verdict::kBadChain: return 6;
    case Verdict::kUnknownRoot: return 5;
    case Verdict::kBlacklistedCa: return 4;
    case Verdict::kModelMismatch: return 3;
    case Verdict::kBadSignature: return 2;
    case Verdict::kGenuine:
    case Verdict::kGenuineTestRoot: return 0;
  }
  return 9;
}

class Evidence {
 public:
  explicit Evidence(Result& r) : result_(r) {}

  void pass(std::string what, std::string detail = {}) {
    result_.steps.push_back({std::move(what), true, std::move(detail)});
  }
  void fail(std::string what, std::string detail, Verdict v) {
    result_.steps.push_back({std::move(what), false, std::move(detail)});
    if (severity(v) > severity(worst_)) worst_ = v;
  }
  bool failed() const { return worst_ != Verdict::kGenuine; }
  Verdict worst() const { return worst_; }

 private:
  Result& result_;
  Verdict worst_ = Verdict::kGenuine;
};

std::span<const std::uint8_t> bytes_of(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string cert_label(std::size_t i) {
  return i == 0 ? "device certificate" : "CA #" + std::to_string(i) + " certificate";
}

bool verify_challenge(EVP_PKEY* leaf_key, const std::vector<std::uint8_t>& der_sig,
                      std::span<const std::uint8_t> challenge) {
  const std::vector<std::uint8_t> message = authenticate_message(challenge);
  crypto::MdCtxPtr ctx(EVP_MD_CTX_new());
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, leaf_key) == 1 &&
         EVP_DigestVerify(ctx.get(), der_sig.data(), der_sig.size(), message.data(), message.size()) == 1;
}

void check_challenge(Evidence& ev, X509* leaf, const ::coldcheck::wire::trezor::AuthenticityProof& proof,
                     std::span<const std::uint8_t> challenge) {
  std::string why;
  const auto sig = normalize_der_signature(bytes_of(proof.optiga_signature()), why);
  if (!sig) {
    ev.fail("signature encoding", why, Verdict::kMalformed);
    return;
  }
  ev.pass("signature encoding", sig->was_canonical ? "DER" : "non-minimal DER, re-encoded");
  EVP_PKEY* key = X509_get0_pubkey(leaf);
  if (!is_p256(key)) {
    ev.fail("device key", "device certificate key is not ECDSA P-256", Verdict::kBadChain);
    return;
  }
  if (verify_challenge(key, sig->der, challenge)) {
    ev.pass("challenge signature", "device key signed SHA-256 of the prefixed challenge");
  } else {
    ev.fail("challenge signature", "does not verify under the device certificate key", Verdict::kBadSignature);
  }
}

void check_link(Evidence& ev, X509* child, X509* issuer, std::size_t i, const TrustStore& store,
                const Options& options) {
  const std::string what = cert_label(i);
  std::string why;
  if (X509_NAME_cmp(X509_get_issuer_name(child), X509_get_subject_name(issuer)) != 0) {
    ev.fail(what, cert_label(i - 1) + " names a different issuer", Verdict::kBadChain);
  }
  if (check_ca_extensions(issuer, static_cast<int>(i) - 1, why)) {
    ev.pass(what + " extensions", "cA, keyCertSign, pathLen ok");
  } else {
    ev.fail(what + " extensions", why, Verdict::kBadChain);
  }
  EVP_PKEY* key = X509_get0_pubkey(issuer);
  if (!is_p256(key)) {
    ev.fail(what, "key is not ECDSA P-256", Verdict::kBadChain);
  } else if (!signed_with_ecdsa_sha256(child) || X509_verify(child, key) != 1) {
    ev.fail(what, "did not sign the " + cert_label(i - 1), Verdict::kBadChain);
  } else {
    ev.pass(what, "signed the " + cert_label(i - 1));
  }
  std::time_t now = options.now;
  const int cmp = X509_cmp_time(X509_get0_notBefore(issuer), &now);
  if (cmp == 0) {
    ev.fail(what + " validity", "notBefore does not parse", Verdict::kMalformed);
  } else if (cmp > 0) {
    ev.fail(what + " validity", "notBefore is in the future", Verdict::kBadChain);
  } else {
    ev.pass(what + " validity", "notBefore is in the past");
  }
  const std::vector<std::uint8_t> point = uncompressed_point(key);
  if (const BlacklistedCa* b = point.empty() ? nullptr : store.find_blacklisted(point)) {
    ev.fail(what + " blacklist", "public key " + to_hex(point) + " is blacklisted: " + b->reason,
            Verdict::kBlacklistedCa);
  } else {
    ev.pass(what + " blacklist", "not blacklisted");
  }
}

// The root that signed the top certificate and may be used, or nullptr.
const TrustedRoot* check_root(Evidence& ev, X509* top, std::string_view model, const TrustStore& store,
                              const Options& options) {
  const auto roots = store.roots_for(model);
  if (roots.empty()) {
    ev.fail("root", "no root public key known for model " + std::string(model), Verdict::kUnknownRoot);
    return nullptr;
  }
  if (!signed_with_ecdsa_sha256(top)) {
    ev.fail("root", "top certificate is not signed with ecdsa-with-SHA256", Verdict::kUnknownRoot);
    return nullptr;
  }
  for (const TrustedRoot* root : roots) {
    crypto::PkeyPtr key = p256_public_key(root->public_key);
    if (!key || X509_verify(top, key.get()) != 1) continue;
    if (root->test && !options.allow_test_roots) {
      ev.fail("root", "chain ends at TEST root \"" + root->name + "\"; test roots are not allowed",
              Verdict::kUnknownRoot);
      return nullptr;
    }
    ev.pass("root", std::string(root->test ? "TEST root " : "production root ") + "\"" + root->name + "\" (" +
                        root->device + ") signed the top certificate");
    return root;
  }
  ev.fail("root",
          "none of the " + std::to_string(roots.size()) + " root key(s) for " + std::string(model) +
              " signed the top certificate",
          Verdict::kUnknownRoot);
  return nullptr;
}

void check_model(Evidence& ev, X509* leaf, std::string_view model) {
  const auto cn = first_common_name(leaf);
  if (!cn) {
    ev.fail("model", "device certificate subject does not start with a CN", Verdict::kModelMismatch);
  } else if (model.empty() || !std::string_view(*cn).starts_with(model)) {
    ev.fail("model", "CN \"" + *cn + "\" does not start with " + std::string(model), Verdict::kModelMismatch);
  } else {
    ev.pass("model", "CN \"" + *cn + "\" matches " + std::string(model));
  }
}

}  // namespace

Result verify(const ::coldcheck::wire::trezor::AuthenticityProof& proof, std::span<const std::uint8_t> challenge,
              std::string_view internal_model, const TrustStore& store, const Options& options) {
  Result result;
  Evidence ev(result);
  const int count = proof.optiga_certificates_size();
  if (count == 0) {
    ev.fail("certificates", "the proof has no certificate", Verdict::kNoCertificates);
    result.verdict = ev.worst();
    return result;
  }
  if (count > kMaxCertificates) {
    ev.fail("certificates",
            std::to_string(count) + " certificates, at most " + std::to_string(kMaxCertificates) + " accepted",
            Verdict::kMalformed);
    result.verdict = ev.worst();
    return result;
  }

  std::vector<crypto::X509Ptr> certs;
  for (int i = 0; i < count; ++i) {
    std::string why;
    crypto::X509Ptr c = parse_der_certificate(bytes_of(proof.optiga_certificates(i)), why);
    if (!c) {
      ev.fail(cert_label(static_cast<std::size_t>(i)) + " parse", why, Verdict::kMalformed);
      result.verdict = ev.worst();
      return result;
    }
    certs.push_back(std::move(c));
  }
  ev.pass("certificates", std::to_string(count) + " DER certificate(s), leaf first");
  result.leaf_subject = subject_text(certs.front().get());

  check_challenge(ev, certs.front().get(), proof, challenge);
  if (certs.size() < 2) {
    ev.fail("chain", "no CA certificate: a P-256 chain is device, CA", Verdict::kBadChain);
  }
  for (std::size_t i = 1; i < certs.size(); ++i) {
    check_link(ev, certs[i - 1].get(), certs[i].get(), i, store, options);
  }
  const TrustedRoot* root = check_root(ev, certs.back().get(), internal_model, store, options);
  check_model(ev, certs.front().get(), internal_model);

  if (root != nullptr) result.root_name = root->name;
  if (ev.failed()) {
    result.verdict = ev.worst();
  } else {
    result.verdict = root->test ? Verdict::kGenuineTestRoot : Verdict::kGenuine;
  }
  return result;
}

}  // namespace cc::attest
