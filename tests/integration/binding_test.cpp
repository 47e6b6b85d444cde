// diagnose --bind: the simulated Safe 3 signs the report digest with its test key,
// and report verify re-checks that offline.
#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "coldcheck/report.pb.h"
#include "report/seal.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using ::testing::HasSubstr;

class Binding : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-bind-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  test_support::RunResult diagnose_bound(const std::string& scenario, const std::string& out) {
    return run({test_support::coldcheck_binary(), "diagnose", "--demo", "--scenario", scenario, "--bind", "--key",
                path("key"), "--out", path(out), "-q"});
  }
  fs::path dir_;
};

TEST_F(Binding, BoundReportVerifiesAndAnEditBreaksIt) {
  const auto r = diagnose_bound("healthy-safe3", "bound.pb");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("device binding: made with a genuine T2B1 present"));
  const auto v = run({test_support::coldcheck_binary(), "report", "verify", path("bound.pb")});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_THAT(v.out, HasSubstr("made with a genuine T2B1 present"));
  EXPECT_THAT(v.out, HasSubstr("TEST root"));

  // Anyone can re-seal an edited body (the digest is not a signature), but the device
  // signed the old digest: the binding must fail.
  ::coldcheck::report::Report report;
  {
    std::ifstream in(path("bound.pb"), std::ios::binary);
    ASSERT_TRUE(report.ParseFromIstream(&in));
  }
  auto body = report.body();
  body.mutable_device()->mutable_facts()->set_firmware_version("9.9.9");
  auto forged = report::seal(body);
  *forged.mutable_binding() = report.binding();
  {
    std::ofstream out(path("forged.pb"), std::ios::binary);
    forged.SerializeToOstream(&out);
  }
  const auto f = run({test_support::coldcheck_binary(), "report", "verify", path("forged.pb")});
  EXPECT_EQ(f.exit_code, 12) << f.out << f.err;
  EXPECT_THAT(f.out, HasSubstr("binding INVALID"));
}

TEST_F(Binding, ModelWithoutSecureElementSaysSo) {
  const auto r = diagnose_bound("healthy-model-t", "t.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("not bound: this device cannot sign the report"));
}

TEST_F(Binding, UnboundReportSaysItIsNotBound) {
  ASSERT_EQ(run({test_support::coldcheck_binary(), "diagnose", "--demo", "--key", path("key"), "--out",
                 path("plain.json"), "-q"})
                .exit_code,
            0);
  const auto v = run({test_support::coldcheck_binary(), "report", "verify", path("plain.json")});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_THAT(v.out, HasSubstr("not bound to a device"));
}

}  // namespace
}  // namespace cc
