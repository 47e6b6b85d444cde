#pragma once
// Loads the TEST chains of firmware_fixtures/attestation/ into proofs.
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "attest/attest.hpp"

namespace cc::attest::testing {

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(CC_SOURCE_DIR) + "/firmware_fixtures/attestation/" + name, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.empty()) throw std::runtime_error("missing fixture " + name);
  return data;
}

inline std::vector<std::uint8_t> test_challenge() {
  std::vector<std::uint8_t> c(32);
  for (std::size_t i = 0; i < c.size(); ++i) c[i] = static_cast<std::uint8_t>(0xA0 + i);
  return c;
}

// A proof over `certs` (leaf first), signed by the committed TEST device key.
inline ::coldcheck::wire::trezor::AuthenticityProof make_proof(std::initializer_list<const char*> certs,
                                                               std::span<const std::uint8_t> challenge) {
  ::coldcheck::wire::trezor::AuthenticityProof p;
  for (const char* c : certs) p.add_optiga_certificates(read_fixture(c));
  const auto sig = sign_for_test(read_fixture("device.key.pem"), challenge);
  p.set_optiga_signature(std::string(sig.begin(), sig.end()));
  return p;
}

inline Options test_options() {
  Options o;
  o.allow_test_roots = true;
  return o;
}

}  // namespace cc::attest::testing
