// `coldcheck verify` and `coldcheck diagnose --demo` end to end against the simulator's
// genuineness scenarios: the real binary, `coldcheck simulate` in a child process over
// real UDP, the release images in firmware_fixtures/images.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "coldcheck/report.pb.h"
#include "coldcheck/trezor.pb.h"
#include "protocol/trezor/codec.hpp"
#include "protocol/trezor/registry.hpp"
#include "support/subprocess.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;
namespace wire = ::coldcheck::wire::trezor;
using test_support::run;
using ::testing::HasSubstr;

constexpr int kExitVerificationFailed = 12;

std::string cc_bin() { return test_support::coldcheck_binary(); }
std::string images_dir() { return std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using Statuses = std::map<std::string, rp::CheckStatus>;

struct Expected {
  std::string scenario;
  Statuses checks;
  int exit_code;
  std::set<std::string> findings;  // diagnose --demo with --firmware-dir
};

const Statuses kAllPass = {
    {"fw.revision", rp::CHECK_PASS}, {"fw.hash", rp::CHECK_PASS}, {"auth.device", rp::CHECK_PASS}};

Statuses with(Statuses s, const std::string& id, rp::CheckStatus status) {
  s[id] = status;
  return s;
}

std::vector<Expected> expectations() {
  const std::string test_root = "CC-AUTH-TEST-ROOT";
  return {
      {"genuine-safe3", kAllPass, 0, {test_root}},
      {"healthy-safe3", kAllPass, 0, {test_root}},
      {"counterfeit-revision",
       with(kAllPass, "fw.revision", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-FW-REVISION-MISMATCH", test_root}},
      {"modified-firmware",
       with(kAllPass, "fw.hash", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-FW-HASH-MISMATCH", test_root}},
      {"attest-bad-signature",
       with(kAllPass, "auth.device", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-AUTH-FAILED", test_root}},
      {"attest-unknown-root",
       with(kAllPass, "auth.device", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-AUTH-FAILED", test_root}},
      {"attest-blacklisted-ca",
       with(kAllPass, "auth.device", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-AUTH-FAILED", test_root}},
      {"attest-wrong-model",
       with(kAllPass, "auth.device", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-AUTH-FAILED", test_root}},
      {"unlocked-bootloader",
       with(with(kAllPass, "auth.device", rp::CHECK_SKIPPED), "auth.unlocked_bootloader", rp::CHECK_FAIL),
       kExitVerificationFailed,
       {"CC-AUTH-UNLOCKED-BOOTLOADER", test_root}},
  };
}

Statuses statuses_of(const rp::DeviceSection& section) {
  Statuses out;
  for (const auto& c : section.checks()) {
    EXPECT_TRUE(out.emplace(c.id(), c.status()).second) << "check " << c.id() << " reported twice";
  }
  return out;
}

std::string describe(const Statuses& s) {
  std::string out;
  for (const auto& [id, status] : s) out += id + "=" + rp::CheckStatus_Name(status) + " ";
  return out;
}

struct Verified {
  test_support::RunResult result;
  rp::DeviceSection section;
};

Verified verify(const std::string& scenario, const std::vector<std::string>& extra = {"--firmware-dir", images_dir()}) {
  auto sim = test_support::start_simulator(scenario);
  std::vector<std::string> argv = {cc_bin(), "verify", "--device", sim.path(), "--json", "--lang", "en"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  Verified v{run(argv, std::chrono::seconds(60)), {}};
  const auto parsed = google::protobuf::util::JsonStringToMessage(v.result.out, &v.section);
  EXPECT_TRUE(parsed.ok()) << scenario << ": " << parsed.ToString() << "\nstdout: " << v.result.out
                           << "\nstderr: " << v.result.err;
  return v;
}

TEST(Verify, EachScenarioGetsItsExactCheckStatusesAndExitCode) {
  for (const auto& want : expectations()) {
    SCOPED_TRACE(want.scenario);
    const auto v = verify(want.scenario);
    EXPECT_EQ(v.result.exit_code, want.exit_code) << v.result.out << v.result.err;
    const auto got = statuses_of(v.section);
    EXPECT_EQ(got, want.checks) << "got " << describe(got) << "\n" << v.result.out;
  }
}

TEST(Verify, PassingHashNamesTheReleaseImageAndTestRootIsShown) {
  const auto v = verify("genuine-safe3");
  ASSERT_EQ(v.result.exit_code, 0) << v.result.err;
  bool image_named = false;
  for (const auto& c : v.section.checks()) {
    if (c.id() == "fw.hash") {
      for (const auto& e : c.evidence()) image_named |= e.observed() == "t2b1-2.12.5.bin";
    }
    if (c.id() == "auth.device") {
      EXPECT_THAT(c.detail(), HasSubstr("TEST root"));
    }
  }
  EXPECT_TRUE(image_named) << v.result.out;
}

TEST(Verify, ModifiedFirmwareFailsOnlyAgainstTheReleaseImage) {
  // The tampered image sits outside firmware_fixtures/images; pointed at its own
  // directory, verify finds it as "the release" and the hash matches: the check is only
  // as good as the image it is given.
  const auto v = verify("modified-firmware",
                        {"--firmware-dir", std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images-tampered"});
  EXPECT_EQ(v.result.exit_code, 0) << v.result.out << v.result.err;
  EXPECT_EQ(statuses_of(v.section), kAllPass);
}

TEST(Verify, WithoutFirmwareDirTheHashIsRecordedNotJudged) {
  const auto v = verify("modified-firmware", {});
  EXPECT_EQ(v.result.exit_code, 0) << v.result.out << v.result.err;
  EXPECT_EQ(statuses_of(v.section), with(kAllPass, "fw.hash", rp::CHECK_SKIPPED));
}

TEST(Verify, ScenarioWithoutImageOrChainCannotRunThoseChecks) {
  // The Trezor Safe 3 scenarios all have both; the Model T has no secure element and
  // its scenario no image, so its firmware answers GetFirmwareHash as unknown. The
  // catalog says 2.12.5 can hash, so that is a check tried and not finished (error),
  // not the model's limit.
  const auto v = verify("healthy-model-t");
  EXPECT_EQ(v.result.exit_code, 0) << v.result.out << v.result.err;
  const auto got = statuses_of(v.section);
  ASSERT_TRUE(got.count("fw.hash")) << describe(got);
  EXPECT_EQ(got.at("fw.hash"), rp::CHECK_ERROR) << describe(got);
  ASSERT_TRUE(got.count("auth.device")) << describe(got);
  EXPECT_EQ(got.at("auth.device"), rp::CHECK_UNSUPPORTED) << describe(got);
}

TEST(Verify, HumanOutputStatesTheVerdict) {
  auto sim = test_support::start_simulator("attest-unknown-root");
  const auto r = run({cc_bin(), "verify", "--device", sim.path(), "--firmware-dir", images_dir(), "--lang", "en"});
  EXPECT_EQ(r.exit_code, kExitVerificationFailed) << r.err;
  EXPECT_THAT(r.out, HasSubstr("[FAIL] auth.device"));
  EXPECT_THAT(r.out, HasSubstr("NOT GENUINE"));
}

class DiagnoseGenuineness : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc-verify-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(DiagnoseGenuineness, DemoScenariosRaiseTheExpectedFindings) {
  const std::set<std::string> genuineness_codes = {"CC-FW-REVISION-MISMATCH", "CC-FW-HASH-MISMATCH", "CC-AUTH-FAILED",
                                                   "CC-AUTH-UNLOCKED-BOOTLOADER", "CC-AUTH-TEST-ROOT"};
  for (const auto& want : expectations()) {
    SCOPED_TRACE(want.scenario);
    const fs::path out = dir_ / (want.scenario + ".json");
    const auto r =
        run({cc_bin(), "diagnose", "--key", (dir_ / "key").string(), "--out-dir", dir_.string(), "--lang", "en", "-q",
             "--demo", "--scenario", want.scenario, "--firmware-dir", images_dir(), "--out", out.string()},
            std::chrono::seconds(60));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    rp::Report report;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(out), &report).ok()) << slurp(out);
    std::set<std::string> all, genuineness;
    for (const auto& f : report.body().findings()) {
      all.insert(f.code());
      if (genuineness_codes.count(f.code())) genuineness.insert(f.code());
    }
    EXPECT_EQ(genuineness, want.findings);
    // Firmware 2.12.5 is the newest release in the catalog: nothing else to say, except
    // that a device declining attestation leaves auth.device unestablished.
    auto want_all = want.findings;
    if (want.scenario == "unlocked-bootloader") want_all.insert("CC-CHECK-INCOMPLETE");
    EXPECT_EQ(all, want_all);
    // The same check statuses as `coldcheck verify`.
    Statuses got;
    for (const auto& c : report.body().device().checks()) {
      if (want.checks.count(c.id()) || c.id().rfind("auth.", 0) == 0 || c.id().rfind("fw.", 0) == 0) {
        got[c.id()] = c.status();
      }
    }
    EXPECT_EQ(got, want.checks) << describe(got);
  }
}

// ---- firmware inspect predicts what the simulated device answers -------------------

// A minimal emulator client: one 64-byte packet per datagram.
class UdpClient {
 public:
  explicit UdpClient(unsigned port) {
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&to), sizeof(to)) != 0) throw std::runtime_error("connect");
  }
  ~UdpClient() { ::close(fd_); }
  UdpClient(const UdpClient&) = delete;
  UdpClient& operator=(const UdpClient&) = delete;

  std::unique_ptr<google::protobuf::Message> call(const google::protobuf::Message& request) {
    for (const auto& p : trezor::encode_message(trezor::Table::kTrezor, request)) {
      if (::send(fd_, p.data(), p.size(), 0) < 0) throw std::runtime_error("send failed");
    }
    trezor::Decoder decoder;
    for (;;) {
      pollfd pfd{fd_, POLLIN, 0};
      if (::poll(&pfd, 1, 10'000) <= 0) throw std::runtime_error("no reply from the simulator");
      std::vector<std::uint8_t> datagram(2048);
      const ssize_t n = ::recv(fd_, datagram.data(), datagram.size(), 0);
      if (n < 0) throw std::runtime_error("recv failed");
      datagram.resize(static_cast<std::size_t>(n));
      if (decoder.feed(datagram) == trezor::Decoder::Step::kComplete) {
        return trezor::decode_message(trezor::Table::kTrezor, decoder.take());
      }
    }
  }

 private:
  int fd_ = -1;
};

std::string hex_of(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::string inspect_hash(const std::string& image, const std::string& challenge_hex) {
  const auto r = run({cc_bin(), "firmware", "inspect", image, "--challenge", challenge_hex});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string a, b, hash;
    if (words >> a >> b >> hash && a == "device" && b == "hash") return hash;
  }
  ADD_FAILURE() << "no device hash in: " << r.out;
  return {};
}

TEST(FirmwareInspect, PredictsTheSimulatorsAnswerForEachChallenge) {
  const std::pair<std::string, std::string> cases[] = {
      {"genuine-safe3", images_dir() + "/t2b1-2.12.5.bin"},
      {"modified-firmware", std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images-tampered/t2b1-2.12.5-tampered.bin"},
  };
  const std::string challenges[] = {"00", "000102030405060708090a0b0c0d0e0f",
                                    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"};
  for (const auto& [scenario, image] : cases) {
    auto sim = test_support::start_simulator(scenario);
    UdpClient client(sim.port);
    for (const auto& challenge_hex : challenges) {
      SCOPED_TRACE(scenario + " " + challenge_hex);
      std::string challenge;
      for (std::size_t i = 0; i < challenge_hex.size(); i += 2) {
        challenge += static_cast<char>(std::stoi(challenge_hex.substr(i, 2), nullptr, 16));
      }
      wire::GetFirmwareHash request;
      request.set_challenge(challenge);
      const auto reply = client.call(request);
      ASSERT_EQ(reply->GetDescriptor(), wire::FirmwareHash::descriptor()) << reply->ShortDebugString();
      const auto& hash = static_cast<const wire::FirmwareHash&>(*reply).hash();
      EXPECT_EQ(hash.size(), 32u);
      EXPECT_EQ(hex_of(hash), inspect_hash(image, challenge_hex));
    }
  }
  // And the two images' answers differ: that is what fw.hash catches.
  EXPECT_NE(
      inspect_hash(images_dir() + "/t2b1-2.12.5.bin", "00"),
      inspect_hash(std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images-tampered/t2b1-2.12.5-tampered.bin", "00"));
}

}  // namespace
}  // namespace cc
