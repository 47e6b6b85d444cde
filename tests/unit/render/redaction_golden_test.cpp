// A body full of host details goes through redact(); none of them may reach any rendering.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>

#include "render/html.hpp"
#include "render/json.hpp"
#include "render/pb.hpp"
#include "render/text.hpp"
#include "report/redact.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::render {
namespace {

namespace rpt = ::coldcheck::report;

std::string real_hostname() {
  std::array<char, 256> host{};
  EXPECT_EQ(::gethostname(host.data(), host.size() - 1), 0);
  return host.data();
}

TEST(RedactionGolden, NoSensitiveValueReachesAnyRendering) {
  const std::string host = real_hostname();
  report::HostIdentity identity = report::HostIdentity::current();
  identity.homes.push_back("/home/alice");
  identity.users.push_back("alice");

  rpt::Body body = test::sample_body();
  body.mutable_device()->mutable_facts()->set_path("hid:/dev/hidraw7");
  body.mutable_device()->mutable_facts()->set_emulator(false);
  auto* node = body.add_host_checks();
  node->set_id("host.node_access");
  node->set_title("Device node permissions");
  node->set_status(rpt::CHECK_FAIL);
  node->set_detail("/dev/hidraw7 belongs to alice; rule in /home/alice/.config/udev/51-trezor.rules");
  auto* ev = node->add_evidence();
  ev->set_name("other device");
  ev->set_observed("webusb:001-1.4 on " + host);
  ev->set_expected("not held by alice@" + host);
  body.mutable_findings(0)->set_detail("Seen at /home/alice/Downloads/trezor-1.8.3.bin on " + host);
  body.mutable_description()->set_text("Hi, I'm alice, my laptop " + host + " shows /home/alice/wallet.dat");
  auto* other = body.add_findings();
  other->set_code("CC-HOST-BUSY");
  other->set_severity(rpt::SEVERITY_WARNING);
  other->set_title("Another device path webusb:001-1.4 is busy");

  const std::vector<std::uint8_t> key(32, 0x42);
  report::redact(body, report::Pseudonymizer(key), identity);
  const auto report = report::seal(body);

  const std::vector<std::pair<std::string, std::string>> outputs = {
      {"json", render_json(report)},
      {"pb", render_pb(report)},
      {"text", render_text(report)},
      {"html", render_html(report)},
  };
  const std::vector<std::string> secrets = {"/dev/hidraw7", "hidraw7", "/home/alice", "alice", host};
  for (const auto& [format, bytes] : outputs) {
    for (const auto& secret : secrets) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << format << " still holds \"" << secret << "\"";
    }
    EXPECT_NE(bytes.find("hid:port-"), std::string::npos) << format << " lost the transport prefix";
  }
  EXPECT_NE(body.description().text().find("<user>"), std::string::npos);
  EXPECT_NE(body.description().text().find("<host>"), std::string::npos);
  EXPECT_NE(body.description().text().find("~/wallet.dat"), std::string::npos);
}

}  // namespace
}  // namespace cc::render
