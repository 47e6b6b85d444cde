#include "app/binding.hpp"

#include "attest/attest.hpp"
#include "core/error.hpp"
#include "core/hex.hpp"
#include "report/seal.hpp"

namespace cc::app {

void bind_report(::coldcheck::report::Report& report, drivers::TrezorDriver& driver,
                 const std::string& internal_model) {
  const auto digest = from_hex(report.integrity().digest_hex());
  const auto proof = driver.authenticate(digest);
  auto* binding = report.mutable_binding();
  binding->set_challenge(std::string(digest.begin(), digest.end()));
  for (const auto& cert : proof.optiga_certificates()) binding->add_certificates(cert);
  binding->set_signature(proof.optiga_signature());
  binding->set_internal_model(internal_model);
}

BindingCheck check_binding(const ::coldcheck::report::Report& report) {
  BindingCheck out;
  if (!report.has_binding()) {
    out.summary = "not bound to a device (diagnose --bind adds that on models that can sign)";
    return out;
  }
  out.present = true;
  const auto& b = report.binding();
  const std::string digest_hex = report::body_digest_hex(report.body());
  const std::string challenge_hex =
      to_hex(std::span(reinterpret_cast<const std::uint8_t*>(b.challenge().data()), b.challenge().size()));
  if (challenge_hex != digest_hex) {
    out.summary = "binding INVALID: the device signed a different report body";
    return out;
  }
  ::coldcheck::wire::trezor::AuthenticityProof proof;
  for (const auto& cert : b.certificates()) proof.add_optiga_certificates(cert);
  proof.set_optiga_signature(b.signature());
  attest::Options options;
  options.allow_test_roots = report.body().run().demo() || report.body().device().facts().emulator();
  const auto digest = from_hex(digest_hex);
  const auto result = attest::verify(proof, digest, b.internal_model(), attest::builtin_trust_store(), options);
  const bool genuine =
      result.verdict == attest::Verdict::kGenuine || result.verdict == attest::Verdict::kGenuineTestRoot;
  out.valid = genuine;
  if (!genuine) {
    out.summary = "binding INVALID: " + std::string(attest::to_string(result.verdict));
  } else {
    out.summary = "made with a genuine " + b.internal_model() + " present (signed under " + result.root_name +
                  (result.verdict == attest::Verdict::kGenuineTestRoot ? ", a TEST root: not a retail device)" : ")");
  }
  return out;
}

}  // namespace cc::app
