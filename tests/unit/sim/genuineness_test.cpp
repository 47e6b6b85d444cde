// The simulated device's genuineness answers (GetFirmwareHash, AuthenticateDevice)
// checked against the host's own verification code, and "one byte flips the verdict":
// a single changed byte in the flash, a certificate or the signature makes the check fail.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "attest/attest.hpp"
#include "core/error.hpp"
#include "firmware/hash.hpp"
#include "sim/device.hpp"
#include "sim/hardware.hpp"
#include "sim/simulator.hpp"

namespace cc::sim {
namespace {

using Bytes = std::vector<std::uint8_t>;
using coldcheck::sim::Attestation;

const std::string kImages = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images/";
const std::string kTampered = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images-tampered/";

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes challenge_of(std::size_t n, std::uint8_t seed = 0x30) {
  Bytes c(n);
  for (std::size_t i = 0; i < n; ++i) c[i] = static_cast<std::uint8_t>(seed + i * 7);
  return c;
}

template <typename T>
const T& expect_type(const Reply& reply) {
  EXPECT_NE(reply, nullptr);
  if (reply == nullptr) throw std::runtime_error("no reply");
  EXPECT_EQ(reply->GetDescriptor(), T::descriptor()) << reply->ShortDebugString();
  if (reply->GetDescriptor() != T::descriptor()) throw std::runtime_error("unexpected reply type");
  return static_cast<const T&>(*reply);
}

void expect_failure(const Reply& reply, wire::FailureType code, const std::string& message) {
  const auto& f = expect_type<wire::Failure>(reply);
  EXPECT_EQ(f.code(), code);
  EXPECT_EQ(f.message(), message);
}

Bytes device_hash(Device& device, const Bytes& challenge) {
  wire::GetFirmwareHash request;
  request.set_challenge(std::string(challenge.begin(), challenge.end()));
  const auto reply = device.handle(request);
  const auto& h = expect_type<wire::FirmwareHash>(reply);
  return Bytes(h.hash().begin(), h.hash().end());
}

Bytes release_hash(const std::string& file, const Bytes& challenge) {
  const auto d = firmware::predict_firmware_hash(read_file(kImages + file), "T2B1", challenge);
  return Bytes(d.begin(), d.end());
}

// AuthenticateDevice asks for the button first, as the firmware's confirm_action does.
wire::AuthenticityProof proof_from(Device& device, const Bytes& challenge) {
  wire::AuthenticateDevice request;
  request.set_challenge(std::string(challenge.begin(), challenge.end()));
  expect_type<wire::ButtonRequest>(device.handle(request));
  const auto reply = device.handle(wire::ButtonAck());
  return expect_type<wire::AuthenticityProof>(reply);
}

attest::Verdict verdict_of(const wire::AuthenticityProof& proof, const Bytes& challenge) {
  attest::Options options;
  options.allow_test_roots = true;
  return attest::verify(proof, challenge, "T2B1", attest::builtin_trust_store(), options).verdict;
}

TEST(SimFirmwareHash, GenuineSafe3HashesTheReleaseImage) {
  Device device(builtin_scenario("genuine-safe3"));
  for (std::size_t n : {1u, 16u, 32u}) {
    const auto c = challenge_of(n);
    EXPECT_EQ(device_hash(device, c), release_hash("t2b1-2.12.5.bin", c)) << n;
  }
}

TEST(SimFirmwareHash, EmbeddedImagesEqualTheFilesOnDisk) {
  const std::string release(*embedded_firmware_image("t2b1-2.12.5.bin"));
  EXPECT_EQ(Bytes(release.begin(), release.end()), read_file(kImages + "t2b1-2.12.5.bin"));
  const std::string tampered(*embedded_firmware_image("t2b1-2.12.5-tampered.bin"));
  EXPECT_EQ(Bytes(tampered.begin(), tampered.end()), read_file(kTampered + "t2b1-2.12.5-tampered.bin"));
  EXPECT_FALSE(std::filesystem::exists(kImages + "t2b1-2.12.5-tampered.bin"))
      << "the tampered image must stay out of the release directory";
}

TEST(SimFirmwareHash, ModifiedFirmwareDiffersFromTheRelease) {
  Device device(builtin_scenario("modified-firmware"));
  const auto c = challenge_of(32);
  EXPECT_NE(device_hash(device, c), release_hash("t2b1-2.12.5.bin", c));
  // ... yet it claims the same version in its header: only the hash tells them apart.
  const auto release = read_file(kImages + "t2b1-2.12.5.bin");
  const auto tampered = read_file(kTampered + "t2b1-2.12.5-tampered.bin");
  ASSERT_EQ(release.size(), tampered.size());
  EXPECT_TRUE(std::equal(release.begin(), release.begin() + 512 + 24, tampered.begin()));
}

TEST(SimFirmwareHash, ChallengeLengthOutsideOneTo32IsADataError) {
  Device device(builtin_scenario("genuine-safe3"));
  for (std::size_t n : {0u, 33u, 64u}) {
    wire::GetFirmwareHash request;
    const auto c = challenge_of(n);
    request.set_challenge(std::string(c.begin(), c.end()));
    expect_failure(device.handle(request), wire::FAILURE_DATA_ERROR, "Invalid challenge length");
  }
}

TEST(SimFirmwareHash, NoImageOrNoSecureElementIsAnUnknownMessage) {
  Device device(builtin_scenario("healthy-model-t"));
  wire::GetFirmwareHash hash;
  hash.set_challenge("x");
  expect_failure(device.handle(hash), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
  wire::AuthenticateDevice auth;
  auth.set_challenge("x");
  expect_failure(device.handle(auth), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

TEST(SimAttestation, GenuineAndHealthySafe3ProveThemselvesUnderTheTestRoot) {
  for (const char* name : {"genuine-safe3", "healthy-safe3"}) {
    Device device(builtin_scenario(name));
    const auto c = challenge_of(32, 0x99);
    const auto proof = proof_from(device, c);
    EXPECT_EQ(proof.optiga_certificates_size(), 2) << name;
    EXPECT_EQ(verdict_of(proof, c), attest::Verdict::kGenuineTestRoot) << name;
    // Never genuine without test roots allowed.
    attest::Options strict;
    EXPECT_NE(attest::verify(proof, c, "T2B1", attest::builtin_trust_store(), strict).verdict,
              attest::Verdict::kGenuine);
  }
}

TEST(SimAttestation, EachFaultyScenarioGetsItsVerdict) {
  const std::pair<const char*, attest::Verdict> cases[] = {
      {"attest-bad-signature", attest::Verdict::kBadSignature},
      {"attest-unknown-root", attest::Verdict::kUnknownRoot},
      {"attest-blacklisted-ca", attest::Verdict::kBlacklistedCa},
      {"attest-wrong-model", attest::Verdict::kModelMismatch},
  };
  for (const auto& [name, want] : cases) {
    Device device(builtin_scenario(name));
    const auto c = challenge_of(32, 0x11);
    EXPECT_EQ(verdict_of(proof_from(device, c), c), want) << name;
  }
}

TEST(SimAttestation, UnlockedBootloaderRefusesAsTheFirmwareDoes) {
  const auto s = builtin_scenario("unlocked-bootloader");
  EXPECT_FALSE(s.features().bootloader_locked());
  Device device(s);
  wire::AuthenticateDevice auth;
  auth.set_challenge("challenge");
  expect_failure(device.handle(auth), wire::FAILURE_PROCESS_ERROR, "Cannot authenticate since bootloader is unlocked.");
}

TEST(SimAttestation, AnotherMessageAbandonsTheConfirmation) {
  Device device(builtin_scenario("genuine-safe3"));
  wire::AuthenticateDevice auth;
  auth.set_challenge("c");
  expect_type<wire::ButtonRequest>(device.handle(auth));
  expect_type<wire::Features>(device.handle(wire::GetFeatures()));
  expect_failure(device.handle(wire::ButtonAck()), wire::FAILURE_UNEXPECTED_MESSAGE, "Unexpected message");
}

// ---- one byte flips the verdict ------------------------------------------------------

TEST(OneByteFlips, AnyFlashByteChangesTheFirmwareHash) {
  const auto scenario = builtin_scenario("genuine-safe3");
  const Hardware genuine = hardware_for(scenario);
  const auto c = challenge_of(32, 0x42);
  const auto expected = release_hash("t2b1-2.12.5.bin", c);
  {
    Device device(scenario, genuine);
    ASSERT_EQ(device_hash(device, c), expected);
  }
  const std::size_t size = genuine.flash->size();
  for (std::size_t offset : {std::size_t{0}, std::size_t{100}, std::size_t{512}, std::size_t{600}, std::size_t{1536},
                             std::size_t{1536 + 1000}, size - 1}) {
    Hardware changed = genuine;
    (*changed.flash)[offset] = static_cast<char>((*changed.flash)[offset] ^ 0x01);
    Device device(scenario, changed);
    EXPECT_NE(device_hash(device, c), expected) << "byte " << offset;
  }
  // Even a byte appended after the image (flash the release leaves erased) counts.
  Hardware longer = genuine;
  longer.flash->push_back('\0');
  Device device(scenario, longer);
  EXPECT_NE(device_hash(device, c), expected);
}

TEST(OneByteFlips, AnyCertificateByteBreaksTheAttestation) {
  const auto scenario = builtin_scenario("genuine-safe3");
  const Hardware genuine = hardware_for(scenario);
  const auto c = challenge_of(32, 0x07);
  for (std::size_t cert = 0; cert < genuine.secure_element->certificates.size(); ++cert) {
    const std::size_t size = genuine.secure_element->certificates[cert].size();
    int failed = 0;
    for (std::size_t i = 0; i < size; ++i) {
      Hardware changed = genuine;
      auto& der = changed.secure_element->certificates[cert];
      der[i] = static_cast<char>(der[i] ^ 0x01);
      Device device(scenario, changed);
      const auto v = verdict_of(proof_from(device, c), c);
      EXPECT_NE(v, attest::Verdict::kGenuineTestRoot) << "certificate " << cert << " byte " << i;
      EXPECT_NE(v, attest::Verdict::kGenuine);
      failed += v != attest::Verdict::kGenuineTestRoot;
    }
    EXPECT_EQ(failed, static_cast<int>(size));
  }
}

TEST(OneByteFlips, AnySignatureByteBreaksTheAttestation) {
  const auto scenario = builtin_scenario("genuine-safe3");
  Device device(scenario);
  const auto c = challenge_of(20, 0x55);
  const auto proof = proof_from(device, c);
  ASSERT_EQ(verdict_of(proof, c), attest::Verdict::kGenuineTestRoot);
  for (std::size_t i = 0; i < proof.optiga_signature().size(); ++i) {
    auto changed = proof;
    auto* sig = changed.mutable_optiga_signature();
    (*sig)[i] = static_cast<char>((*sig)[i] ^ 0x01);
    EXPECT_NE(verdict_of(changed, c), attest::Verdict::kGenuineTestRoot) << "signature byte " << i;
  }
}

TEST(OneByteFlips, ScenarioVariantsSwapOneFileAndFail) {
  // The same genuine scenario text with one file name changed, parsed like any scenario.
  std::string text = R"(
name: "variant"
features { vendor: "trezor.io" major_version: 2 minor_version: 12 patch_version: 5 internal_model: "T2B1" }
firmware_image: "IMAGE"
attestation { certificates: ["LEAF", "ca.der"] signing_key: "device.key.pem" FAULT }
)";
  auto make = [&](const std::string& image, const std::string& leaf, const std::string& fault) {
    std::string t = text;
    t.replace(t.find("IMAGE"), 5, image);
    t.replace(t.find("LEAF"), 4, leaf);
    t.replace(t.find("FAULT"), 5, fault);
    return parse_scenario(t, "variant");
  };
  const auto c = challenge_of(32, 0x21);
  {
    Device device(make("t2b1-2.12.5.bin", "leaf_t2b1.der", ""));
    EXPECT_EQ(device_hash(device, c), release_hash("t2b1-2.12.5.bin", c));
    EXPECT_EQ(verdict_of(proof_from(device, c), c), attest::Verdict::kGenuineTestRoot);
  }
  {
    Device device(make("t2b1-2.12.5-tampered.bin", "leaf_t2b1.der", ""));
    EXPECT_NE(device_hash(device, c), release_hash("t2b1-2.12.5.bin", c));
  }
  {
    Device device(make("t2b1-2.12.5.bin", "leaf_t2b1.der", "fault: FAULT_BAD_SIGNATURE"));
    EXPECT_EQ(verdict_of(proof_from(device, c), c), attest::Verdict::kBadSignature);
  }
}

// ---- scenario validation -------------------------------------------------------------

TEST(SimScenarioHardware, BadReferencesAreRejectedWithTheFileName) {
  const std::string features =
      R"(features { vendor: "trezor.io" major_version: 2 minor_version: 12 patch_version: 5 internal_model: "T2B1" )";
  const std::pair<std::string, std::string> cases[] = {
      {features + "}\nfirmware_image: \"nope.bin\"", "nope.bin"},
      {R"(features { vendor: "trezor.io" major_version: 2 minor_version: 12 patch_version: 5 }
          firmware_image: "t2b1-2.12.5.bin")",
       "internal_model"},
      {R"(features { vendor: "trezor.io" major_version: 1 minor_version: 12 patch_version: 1 internal_model: "T1B1" }
          firmware_image: "t2b1-2.12.5.bin")",
       "is for T2B1"},
      {features + "}\nattestation { signing_key: \"device.key.pem\" }", "certificates is empty"},
      {features + "}\nattestation { certificates: \"missing.der\" signing_key: \"device.key.pem\" }", "missing.der"},
      {features + "}\nattestation { certificates: \"ca.der\" signing_key: \"ca.key.pem\" }", "ca.key.pem"},
      {features + "}\nattestation { certificates: \"ca.der\" signing_key: \"ca.der\" }", "signing_key"},
      {features +
           "}\nattestation { certificates: \"ca.der\" signing_key: \"device.key.pem\" fault: FAULT_REFUSE_UNLOCKED }",
       "bootloader_locked"},
      {features +
           "bootloader_locked: false }\nattestation { certificates: \"ca.der\" signing_key: \"device.key.pem\" }",
       "bootloader_locked"},
  };
  for (const auto& [text, needle] : cases) {
    try {
      parse_scenario(text, "bad.textproto");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("bad.textproto"), std::string::npos) << e.what();
    }
  }
}

TEST(SimScenarioHardware, EveryGenuinenessScenarioHasImageAndChain) {
  for (const char* name :
       {"genuine-safe3", "healthy-safe3", "counterfeit-revision", "modified-firmware", "attest-bad-signature",
        "attest-unknown-root", "attest-blacklisted-ca", "attest-wrong-model", "unlocked-bootloader"}) {
    const auto s = builtin_scenario(name);
    EXPECT_FALSE(s.firmware_image().empty()) << name;
    EXPECT_TRUE(s.has_attestation()) << name;
    EXPECT_EQ(s.features().internal_model(), "T2B1") << name;
  }
}

}  // namespace
}  // namespace cc::sim
