// Cross-checks with an implementation nobody here wrote: Python's hashlib.blake2s.
// The committed expected_hashes.txt was computed by scripts/make_test_firmware.py;
// the live checks run /usr/bin/python3 (stdlib only) and are skipped without it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hex.hpp"
#include "firmware/hash.hpp"
#include "support/subprocess.hpp"
#include "test_images.hpp"

namespace cc::firmware {
namespace {

using test::Bytes;
namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";

// Strips and pads independently of the C++ code, then hashes with hashlib.
constexpr const char* kPythonHash = R"py(
import hashlib, sys
data = open(sys.argv[1], "rb").read()
area = int(sys.argv[2])
if data[0:4] == b"TRZR" and data[256:260] == b"TRZF":
    data = data[256:]
data += b"\xff" * (area - len(data))
for key in sys.argv[3:]:
    print(hashlib.blake2s(data, key=bytes.fromhex(key)).hexdigest())
)py";

class TempFile {
 public:
  explicit TempFile(const Bytes& bytes) {
    path_ = (fs::temp_directory_path() / ("cc_fw_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++)))
                .string();
    std::ofstream out(path_, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

TEST(PythonCrossCheck, CommittedExpectedHashes) {
  const auto lines = test::read_lines(std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images/expected_hashes.txt");
  int checked = 0;
  for (const auto& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, model, challenge, expected;
    ASSERT_TRUE(fields >> file >> model >> challenge >> expected) << line;
    const auto image = test::read_fixture(file);
    EXPECT_EQ(to_hex(predict_firmware_hash(image, model, from_hex(challenge))), expected) << line;
    ++checked;
  }
  EXPECT_EQ(checked, 15);  // 5 images x 3 challenges
}

TEST(PythonCrossCheck, LiveHashlib) {
  if (!fs::exists(kPython)) GTEST_SKIP() << kPython << " not installed";
  const std::vector<Bytes> challenges{Bytes{0x5a}, test::filler(16, 11), test::filler(32, 12)};
  struct Case {
    std::string name;
    Bytes image;
    std::string model;
  };
  Bytes exact_area = test::filler(kAreaT1B1, 13);
  const std::vector<Case> cases{
      {"legacy fixture", test::read_fixture("t1b1-legacy-v2.bin"), "T1B1"},
      {"core fixture", test::read_fixture("t2b1-core.bin"), "T2B1"},
      {"bare TRZF", test::firmware_image(70000), "T1B1"},
      {"TRZR without TRZF", test::legacy_container(test::filler(3333, 2)), "T1B1"},
      {"core T3T1", test::core_image(200000, "T3T1"), "T3T1"},
      {"core T3W1", test::core_image(12345, "T3W1"), "T3W1"},
      {"exactly the area", exact_area, "T1B1"},
  };
  for (const auto& c : cases) {
    const TempFile file(c.image);
    std::vector<std::string> argv{kPython, "-c", kPythonHash, file.path(), std::to_string(firmware_area_size(c.model))};
    for (const auto& ch : challenges) argv.push_back(to_hex(ch));
    const auto run = test_support::run(argv);
    ASSERT_EQ(run.exit_code, 0) << c.name << ": " << run.err;
    std::istringstream out(run.out);
    for (const auto& ch : challenges) {
      std::string line;
      ASSERT_TRUE(std::getline(out, line)) << c.name;
      EXPECT_EQ(to_hex(predict_firmware_hash(c.image, c.model, ch)), line) << c.name << " key " << ch.size();
    }
  }
}

// The vendor's own parser (Debian's trezorlib) reads every fixture in its layout: the
// Trezor One images with a reset handler after TRZF, the unsigned ones pass its
// validation, and the signed ones fail only on their made-up signatures.
constexpr const char* kTrezorlibCheck = R"py(
import sys
import trezorlib.firmware as f
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    fmt, fw = f.parse(data)
    try:
        f.validate(fmt, fw, allow_unsigned=True)
        verdict = "valid"
    except f.InvalidSignatureError:
        verdict = "bad-signature"
    print(fmt.name, verdict)
)py";

TEST(PythonCrossCheck, TrezorlibReadsTheFixtures) {
  if (!fs::exists(kPython)) GTEST_SKIP() << kPython << " not installed";
  if (test_support::run({kPython, "-c", "import trezorlib.firmware"}).exit_code != 0) {
    GTEST_SKIP() << "trezorlib (python3-trezor) not installed";
  }
  const std::string dir = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images/";
  const auto run =
      test_support::run({kPython, "-c", kTrezorlibCheck, dir + "t1b1-legacy-v2.bin", dir + "t1b1-1.13.0-bare.bin",
                         dir + "t1b1-1.14.1-signed.bin", dir + "t2t1-2.8.1-signed.bin"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "TREZOR_ONE valid\n"
            "TREZOR_ONE_V2 valid\n"
            "TREZOR_ONE bad-signature\n"
            "TREZOR_T bad-signature\n");
}

TEST(PythonCrossCheck, FixturesMatchTheirGenerator) {
  if (!fs::exists(kPython)) GTEST_SKIP() << kPython << " not installed";
  const auto run =
      test_support::run({kPython, std::string(CC_SOURCE_DIR) + "/scripts/make_test_firmware.py", "--check"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

}  // namespace
}  // namespace cc::firmware
