// `coldcheck catalog show|update` and `firmware inspect` on a real-layout Trezor One
// image, through the real binary. The binary trusts only the production key, so every
// bundle here (test-signed, unsigned, tampered) must be refused and nothing installed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
using test_support::run;
using ::testing::HasSubstr;

const std::string kBundles = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/catalog-bundles/";
const std::string kImages = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images/";

class DataHome {
 public:
  DataHome() : dir_(fs::temp_directory_path() / ("cc_data_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~DataHome() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  DataHome(const DataHome&) = delete;
  DataHome& operator=(const DataHome&) = delete;
  std::vector<std::string> env() const { return {"XDG_DATA_HOME=" + dir_.string(), "HOME=" + dir_.string(), "LANG=C"}; }
  bool installed() const { return fs::exists(dir_ / "coldcheck" / "catalog" / "catalog.bundle"); }

 private:
  fs::path dir_;
};

TEST(CatalogCli, ShowNamesVersionDateAndSources) {
  const DataHome home;
  const auto env = home.env();
  const auto r = run({test_support::coldcheck_binary(), "catalog", "show"}, std::chrono::seconds(30), &env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("catalog 2026.12.1, dated 2026-12-01, schema 1\nfrom    built-in\n"));
  EXPECT_THAT(r.out, HasSubstr("trezor-one (Trezor One): 9 releases, 19 bootloaders"));
  EXPECT_THAT(r.out, HasSubstr("  1.14.1  2026-03-18  security fix\n      source: trezor/data"));

  const auto j = run({test_support::coldcheck_binary(), "catalog", "show", "--json"}, std::chrono::seconds(30), &env);
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_THAT(j.out, HasSubstr(R"({"catalog":{"version":"2026.12.1","date":"2026-12-01","schema":1,)"));
  EXPECT_THAT(j.out, HasSubstr(R"("origin":"built-in","models":[{"id":"bitbox02")"));
}

TEST(CatalogCli, UpdateRefusesWhatThePinnedKeyDidNotSign) {
  const DataHome home;
  const auto env = home.env();
  struct Case {
    const char* file;
    const char* reason;
  };
  for (const Case& c : {Case{"unsigned.bundle", "catalog bundle refused: it is not signed"},
                        Case{"tampered.bundle", "does not verify with the key pinned in this build"},
                        Case{"newer.bundle", "does not verify with the key pinned in this build"}}) {
    const auto r =
        run({test_support::coldcheck_binary(), "catalog", "update", kBundles + c.file}, std::chrono::seconds(30), &env);
    EXPECT_NE(r.exit_code, 0) << c.file;
    EXPECT_THAT(r.err, HasSubstr(c.reason)) << c.file;
    EXPECT_FALSE(home.installed()) << c.file;
  }
  const auto missing = run({test_support::coldcheck_binary(), "catalog", "update", kBundles + "nope.bundle"},
                           std::chrono::seconds(30), &env);
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.err, HasSubstr("cannot open"));
}

// The real Trezor One layout (reset handler after TRZF) inspects and hashes.
TEST(CatalogCli, FirmwareInspectReadsARealLayoutTrezorOneImage) {
  std::ifstream in(kImages + "expected_hashes.txt");
  std::string line, expected, challenge;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string file, model, ch, hash;
    if (fields >> file >> model >> ch >> hash && file == "t1b1-1.14.1-signed.bin" && ch.size() == 32) {
      challenge = ch;
      expected = hash;
    }
  }
  ASSERT_FALSE(expected.empty());
  const auto r = run({test_support::coldcheck_binary(), "firmware", "inspect", kImages + "t1b1-1.14.1-signed.bin",
                      "--challenge", challenge});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("format          legacy-v2"));
  EXPECT_THAT(r.out, HasSubstr("version         1.14.1"));
  EXPECT_THAT(r.out, HasSubstr("device hash     " + expected));
}

}  // namespace
}  // namespace cc
