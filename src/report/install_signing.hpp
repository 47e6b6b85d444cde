#pragma once
// Reports signed by the install: an Ed25519 key beside the install key, made on first
// use (0600, never leaves the machine). The signature covers the body digest, so it
// breaks with any edit; the public key rides along in the report. It tells a desk that
// two reports come from one install, and that a report comes from an install whose
// key the desk already knows; a report signed by an unknown key proves only that
// somebody holds that key.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::report {

inline constexpr std::string_view kInstallSignatureAlgorithm = "ed25519";
inline constexpr std::size_t kSigningSeedSize = 32;

// install-signing.key in the directory of `install_key_path`.
std::filesystem::path signing_key_path_beside(const std::filesystem::path& install_key_path);

// The private key (its 32-byte seed, read with the install key's rules: ours, 0600, a
// regular file, no symlink). The seed is wiped when the signer goes.
class InstallSigner {
 public:
  static InstallSigner load_or_create(const std::filesystem::path& path);
  ~InstallSigner();
  InstallSigner(InstallSigner&& other) noexcept;
  InstallSigner(const InstallSigner&) = delete;
  InstallSigner& operator=(const InstallSigner&) = delete;
  InstallSigner& operator=(InstallSigner&&) = delete;

  const std::vector<std::uint8_t>& public_key() const noexcept { return public_key_; }
  std::string key_id() const;
  // Fills report.install_signature over report.integrity's digest (seal() first).
  void sign(::coldcheck::report::Report& report) const;

 private:
  explicit InstallSigner(std::vector<std::uint8_t> seed);
  std::vector<std::uint8_t> seed_;
  std::vector<std::uint8_t> public_key_;
};

// First 8 hex digits of SHA-256(public key).
std::string signing_key_id(const std::vector<std::uint8_t>& public_key);

struct SignatureCheck {
  bool present = false;
  bool valid = false;
  std::string key_id;   // from the public key itself, not from the report's claim
  std::string summary;  // one line for a person
};

// Verifies report.install_signature against the report's current body.
SignatureCheck check_install_signature(const ::coldcheck::report::Report& report);

}  // namespace cc::report
