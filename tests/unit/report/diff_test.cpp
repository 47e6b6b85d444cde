#include "report/diff.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/seal.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(Diff, LinesForAFirmwareUpdate) {
  const auto before = seal(test::sample_body());
  const auto after = seal(test::sample_body_after_update());
  EXPECT_THAT(diff(before, after),
              ElementsAre("firmware version: 1.8.3 → 1.12.1", "pin protection: no → yes",
                          "finding removed: CC-FW-OUTDATED (warning) The firmware is outdated",
                          "finding removed: CC-PIN-OFF (advice) No PIN is set",
                          "finding added: CC-PASSPHRASE-INFO (info) Passphrase is off",
                          "device check fw.version: fail → pass", "device check security.pin: warn → pass"));
}

TEST(Diff, NothingChangedIsEmpty) {
  const auto a = seal(test::sample_body());
  auto later = test::sample_body();
  later.mutable_run()->set_created_at("2030-01-01T00:00:00Z");
  EXPECT_TRUE(diff(a, seal(later)).empty());
}

TEST(Diff, VerdictEnumsAndCapabilities) {
  auto b = test::sample_body();
  b.set_verdict(::coldcheck::report::VERDICT_OK);
  b.mutable_device()->mutable_facts()->set_mode(::coldcheck::DEVICE_MODE_BOOTLOADER);
  b.mutable_device()->mutable_facts()->clear_initialized();
  b.mutable_device()->mutable_facts()->add_capabilities("ethereum");
  b.mutable_findings(0)->set_severity(::coldcheck::report::SEVERITY_CRITICAL);
  b.add_host_checks()->set_id("host.new");
  const auto lines = diff(seal(test::sample_body()), seal(b));
  EXPECT_THAT(lines, ::testing::Contains("verdict: stop → ok"));
  EXPECT_THAT(lines, ::testing::Contains("mode: firmware → bootloader"));
  EXPECT_THAT(lines, ::testing::Contains("initialized: yes → (not reported)"));
  EXPECT_THAT(lines, ::testing::Contains("capabilities: +ethereum"));
  EXPECT_THAT(lines, ::testing::Contains("finding CC-FW-OUTDATED: severity warning → critical"));
  EXPECT_THAT(lines, ::testing::Contains("host check host.new: new (status unspecified)"));
}

TEST(Diff, RefusesDifferentDevicesUnlessForced) {
  auto other = test::sample_body_after_update();
  other.mutable_device()->set_device_pseudonym("dev-ffffffffffff");
  const auto a = seal(test::sample_body());
  const auto b = seal(other);
  try {
    diff(a, b);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_THAT(e.what(), HasSubstr("different devices"));
  }
  const auto lines = diff(a, b, DiffOptions{.force = true});
  ASSERT_FALSE(lines.empty());
  EXPECT_THAT(lines[0], HasSubstr("dev-0123456789ab → dev-ffffffffffff"));
}

}  // namespace
}  // namespace cc::report
