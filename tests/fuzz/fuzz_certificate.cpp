// Arbitrary bytes as a device certificate (DER) and as a trust store text: parsing,
// naming and the CA checks must refuse or read them, never crash or leak.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "attest/certificate.hpp"
#include "attest/trust_store.hpp"
#include "core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string why;
  auto cert = cc::attest::parse_der_certificate(std::span<const std::uint8_t>(data, size), why);
  if (cert) {
    (void)cc::attest::subject_text(cert.get());
    (void)cc::attest::first_common_name(cert.get());
    (void)cc::attest::signed_with_ecdsa_sha256(cert.get());
    std::string ca_why;
    (void)cc::attest::check_ca_extensions(cert.get(), 1, ca_why);
  } else if (why.empty()) {
    __builtin_trap();  // a refusal always says why
  }
  try {
    (void)cc::attest::TrustStore::from_text(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  } catch (const cc::Error& e) {
    if (e.code() != cc::ErrorCode::kInvalidArgument) __builtin_trap();
  }
  return 0;
}
