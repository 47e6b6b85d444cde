#pragma once
// The trust anchors for attestation: root public keys per internal model and a CA
// blacklist, loaded from data/trust/*.textproto (schema proto/coldcheck/trust.proto).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::attest {

struct TrustedRoot {
  std::string name;    // "Trezor Company"
  std::string device;  // "Trezor Safe 3"
  std::vector<std::string> internal_models;
  std::vector<std::uint8_t> public_key;  // SEC1 point as in the source, validated P-256
  bool test = false;                     // debug/staging/simulator root
  std::string source;
};

struct BlacklistedCa {
  std::vector<std::uint8_t> public_key;  // normalised to the uncompressed point
  bool test = false;
  std::string reason;
  std::string source;
};

class TrustStore {
 public:
  // Parses and validates one textproto; `origin` names it in error messages.
  // Throws cc::Error{kInvalidArgument} on a syntax error, a key that is not a P-256
  // point, a root without a model, or an unset key use.
  static TrustStore from_text(std::string_view text, std::string_view origin);

  void merge(const TrustStore& other);

  const std::vector<TrustedRoot>& roots() const noexcept { return roots_; }
  const std::vector<BlacklistedCa>& blacklist() const noexcept { return blacklist_; }

  // Roots that may anchor a device reporting this internal model (test ones included).
  std::vector<const TrustedRoot*> roots_for(std::string_view internal_model) const;
  // The entry for this CA public key (any SEC1 encoding), or nullptr.
  const BlacklistedCa* find_blacklisted(std::span<const std::uint8_t> ca_public_key) const;

 private:
  std::vector<TrustedRoot> roots_;
  std::vector<BlacklistedCa> blacklist_;
};

// data/trust/*.textproto as embedded at build time, parsed once.
const TrustStore& builtin_trust_store();

}  // namespace cc::attest
