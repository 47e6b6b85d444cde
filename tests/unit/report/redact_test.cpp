#include "report/redact.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace rpt = ::coldcheck::report;

const std::vector<std::uint8_t> kKey(32, 0x11);

HostIdentity alice() {
  HostIdentity id;
  id.homes = {"/home/alice"};
  id.users = {"alice"};
  id.hosts = {"alice-laptop"};
  return id;
}

TEST(Redact, PathKeepsTheSchemeAndPseudonymisesTheRest) {
  const Pseudonymizer p(kKey);
  EXPECT_TRUE(std::regex_match(pseudonymize_path("hid:/dev/hidraw7", p), std::regex("hid:port-[0-9a-f]{12}")));
  EXPECT_TRUE(std::regex_match(pseudonymize_path("webusb:001-1.4", p), std::regex("webusb:port-[0-9a-f]{12}")));
  EXPECT_TRUE(std::regex_match(pseudonymize_path("udp:127.0.0.1:21324", p), std::regex("udp:port-[0-9a-f]{12}")));
  // An unknown scheme could itself be a detail; nothing of it stays.
  EXPECT_TRUE(std::regex_match(pseudonymize_path("alice:thing", p), std::regex("port-[0-9a-f]{12}")));
  EXPECT_EQ(pseudonymize_path("hid:/dev/hidraw7", p), pseudonymize_path("hid:/dev/hidraw7", p));
  EXPECT_NE(pseudonymize_path("hid:/dev/hidraw7", p), pseudonymize_path("hid:/dev/hidraw8", p));
}

TEST(Redact, RawPathIsReplacedEverywhereWithTheSamePseudonym) {
  rpt::Body body = test::sample_body();
  body.mutable_device()->mutable_facts()->set_path("hid:/dev/hidraw7");
  auto* check = body.add_host_checks();
  check->set_id("host.node_access");
  check->set_detail("/dev/hidraw7 is mode 0600 and owned by alice");
  const Pseudonymizer p(kKey);
  redact(body, p, alice());
  const std::string pseudo = body.device().facts().path();
  ASSERT_EQ(pseudo.rfind("hid:port-", 0), 0u) << pseudo;
  EXPECT_EQ(check->detail(), pseudo.substr(4) + " is mode 0600 and owned by <user>");
}

TEST(Redact, OtherDevicePathsInFreeTextArePseudonymised) {
  rpt::Body body = test::sample_body();
  body.mutable_device()->mutable_facts()->set_path("hid:/dev/hidraw7");
  body.mutable_description()->set_text("also webusb:001-1.4, and (tcp:alice-pc:9999). hid:/dev/hidraw7 too");
  const Pseudonymizer p(kKey);
  redact(body, p, alice());
  const std::string own = body.device().facts().path();
  EXPECT_EQ(body.description().text(), "also " + pseudonymize_path("webusb:001-1.4", p) + ", and (" +
                                           pseudonymize_path("tcp:alice-pc:9999", p) + "). " + own + " too");
}

TEST(Redact, ScrubsEveryFreeTextFieldButNotIdentifiers) {
  rpt::Body body = test::sample_body();
  body.mutable_description()->set_text("it broke on alice-laptop in /home/alice/wallets");
  body.mutable_findings(0)->mutable_evidence(0)->set_observed("/home/alice/.config/x");
  body.mutable_device()->mutable_checks(0)->set_detail("seen by alice");
  body.mutable_device()->mutable_facts()->add_capabilities("alice");
  const std::string code_before = body.findings(0).code();
  redact(body, Pseudonymizer(kKey), alice());
  EXPECT_EQ(body.description().text(), "it broke on <host> in ~/wallets");
  EXPECT_EQ(body.findings(0).evidence(0).observed(), "~/.config/x");
  EXPECT_EQ(body.device().checks(0).detail(), "seen by <user>");
  EXPECT_EQ(body.device().facts().capabilities(1), "<user>");
  EXPECT_EQ(body.findings(0).code(), code_before);
}

TEST(Redact, IdentifiersSurviveAHostNamedLikeAPseudonymKind) {
  rpt::Body body = test::sample_body();
  HostIdentity id;
  id.hosts = {"dev"};
  id.users = {"en"};
  redact(body, Pseudonymizer(kKey), id);
  EXPECT_EQ(body.device().device_pseudonym(), "dev-0123456789ab");
  EXPECT_EQ(body.run().language(), "en");
}

TEST(Redact, DropsUnknownFields) {
  rpt::Body body = test::sample_body();
  body.GetReflection()->MutableUnknownFields(&body)->AddLengthDelimited(99, "alice-laptop");
  redact(body, Pseudonymizer(kKey), alice());
  EXPECT_TRUE(body.GetReflection()->GetUnknownFields(body).empty());
}

TEST(Redact, BodyWithoutDeviceStaysWithoutDevice) {
  rpt::Body body = test::sample_body();
  body.clear_device();
  redact(body, Pseudonymizer(kKey), alice());
  EXPECT_FALSE(body.has_device());
}

}  // namespace
}  // namespace cc::report
