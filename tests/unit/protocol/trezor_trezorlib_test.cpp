// Cross-check with a codec nobody here wrote: Debian's trezorlib (0.12), run by
// /usr/bin/python3 (the python3 first on PATH may not see Debian's packages).
#include <gtest/gtest.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <google/protobuf/util/message_differencer.h>

#include <sstream>
#include <string>
#include <vector>

#include "coldcheck/trezor.pb.h"
#include "core/hex.hpp"
#include "protocol/trezor/codec.hpp"
#include "protocol/trezor/registry.hpp"

extern char** environ;

namespace cc::trezor {
namespace {

namespace tw = ::coldcheck::wire::trezor;

constexpr const char* kPython = "/usr/bin/python3";

struct RunResult {
  int status = -1;
  std::string out;
};

// Runs `/usr/bin/python3 -c code args...` without a shell and collects stdout.
RunResult run_python(const std::string& code, const std::vector<std::string>& args = {}) {
  RunResult r;
  int fds[2];
  if (pipe(fds) != 0) return r;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  std::vector<std::string> argv_s = {kPython, "-c", code};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, kPython, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return r;
  }
  char buf[4096];
  ssize_t n = 0;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool have_trezorlib() {
  static const bool ok = [] {
    if (access(kPython, X_OK) != 0) return false;
    return run_python("import trezorlib.mapping, trezorlib.messages, trezorlib.transport.protocol").status == 0;
  }();
  return ok;
}

#define REQUIRE_TREZORLIB() \
  if (!have_trezorlib()) GTEST_SKIP() << kPython << " cannot import trezorlib (apt install python3-trezor)"

// Python prelude: a Handle that records written chunks and replays given ones.
constexpr const char* kPrelude = R"PY(
import sys
from trezorlib import mapping, messages
from trezorlib.transport.protocol import ProtocolV1
class Handle:
    def __init__(self, chunks=()):
        self.written = []
        self.pending = list(chunks)
    def write_chunk(self, chunk):
        assert len(chunk) == 64
        self.written.append(bytes(chunk))
    def read_chunk(self):
        return self.pending.pop(0)
def emit(msg):
    h = Handle()
    ProtocolV1(h).write(*mapping.encode(msg))
    print(" ".join(c.hex() for c in h.written))
)PY";

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::vector<std::string> our_chunks(const google::protobuf::Message& m) {
  std::vector<std::string> out;
  for (const auto& p : encode_message(Table::kTrezor, m)) out.push_back(to_hex(p));
  return out;
}

std::unique_ptr<google::protobuf::Message> decode_chunks(const std::vector<std::string>& chunks) {
  Decoder d;
  Decoder::Step step = Decoder::Step::kNeedMore;
  for (const auto& c : chunks) step = d.feed(from_hex(c));
  EXPECT_EQ(step, Decoder::Step::kComplete);
  EXPECT_EQ(d.skipped_packets(), 0u);
  return decode_message(Table::kTrezor, d.take());
}

tw::Features sample_features() {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(6);
  f.set_patch_version(3);
  f.set_device_id("ABCDEF0123456789");
  f.set_pin_protection(true);
  f.set_label("My Trezor");
  f.set_initialized(true);
  f.set_revision(std::string(20, '\0'));
  f.set_model("T");
  f.add_capabilities(tw::CAPABILITY_BITCOIN);
  f.add_capabilities(tw::CAPABILITY_ETHEREUM);
  f.add_capabilities(tw::CAPABILITY_SHAMIR);
  f.set_backup_type(tw::BACKUP_TYPE_SLIP39_BASIC);
  f.set_session_id(std::string(32, '\x5a'));
  f.set_passphrase_always_on_device(false);
  return f;
}

constexpr const char* kFeaturesPy = R"PY(
emit(messages.Features(vendor="trezor.io", major_version=2, minor_version=6, patch_version=3,
    device_id="ABCDEF0123456789", pin_protection=True, label="My Trezor", initialized=True,
    revision=bytes(20), model="T", capabilities=[1, 7, 15], backup_type=1,
    session_id=b"\x5a" * 32, passphrase_always_on_device=False))
)PY";

TEST(Trezorlib, FeaturesChunksIdentical) {
  REQUIRE_TREZORLIB();
  const auto r = run_python(std::string(kPrelude) + kFeaturesPy);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto theirs = split_words(r.out);
  ASSERT_GE(theirs.size(), 2u) << r.out;
  EXPECT_EQ(our_chunks(sample_features()), theirs);
}

TEST(Trezorlib, OurDecoderParsesTheirFeatures) {
  REQUIRE_TREZORLIB();
  const auto r = run_python(std::string(kPrelude) + kFeaturesPy);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto msg = decode_chunks(split_words(r.out));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*msg, sample_features())) << msg->DebugString();
}

// Ping payloads around every packet boundary, and a long one.
TEST(Trezorlib, PingChunksIdenticalAcrossSizes) {
  REQUIRE_TREZORLIB();
  const std::vector<std::size_t> lengths = {0, 1, 50, 51, 52, 53, 54, 60, 113, 114, 115, 116, 177, 178, 1000, 5000};
  std::string py = kPrelude;
  py +=
      "for n in [int(a) for a in sys.argv[1:]]:\n"
      "    emit(messages.Ping(message=''.join(chr(97 + i % 26) for i in range(n)), button_protection=(n % 2 == 1)))\n";
  std::vector<std::string> args;
  for (const auto n : lengths) args.push_back(std::to_string(n));
  const auto r = run_python(py, args);
  ASSERT_EQ(r.status, 0) << r.out;
  std::istringstream lines(r.out);
  for (const auto n : lengths) {
    std::string line;
    ASSERT_TRUE(std::getline(lines, line)) << "missing line for " << n;
    tw::Ping ping;
    std::string text;
    for (std::size_t i = 0; i < n; ++i) text += static_cast<char>('a' + i % 26);
    ping.set_message(text);
    ping.set_button_protection(n % 2 == 1);
    const auto theirs = split_words(line);
    EXPECT_EQ(our_chunks(ping), theirs) << "message length " << n;
    const auto back = decode_chunks(theirs);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*back, ping)) << "message length " << n;
  }
}

TEST(Trezorlib, TheirDecoderParsesOurChunks) {
  REQUIRE_TREZORLIB();
  tw::Ping ping;
  std::string text;
  for (int i = 0; i < 700; ++i) text += static_cast<char>('A' + i % 26);
  ping.set_message(text);
  const auto chunks = our_chunks(ping);
  ASSERT_GT(chunks.size(), 10u);
  std::string py = kPrelude;
  py +=
      "h = Handle(bytes.fromhex(c) for c in sys.argv[1:])\n"
      "t, data = ProtocolV1(h).read()\n"
      "m = mapping.decode(t, bytes(data))\n"
      "assert not h.pending, 'chunks left over'\n"
      "print(t, type(m).__name__, len(m.message), m.message == ''.join(chr(65 + i % 26) for i in range(700)))\n";
  const auto r = run_python(py, chunks);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "1 Ping 700 True\n");

  const auto f = sample_features();
  const auto r2 = run_python(std::string(kPrelude) +
                                 "h = Handle(bytes.fromhex(c) for c in sys.argv[1:])\n"
                                 "t, data = ProtocolV1(h).read()\n"
                                 "m = mapping.decode(t, bytes(data))\n"
                                 "print(t, m.vendor, m.major_version, m.minor_version, m.patch_version, m.label,"
                                 " m.capabilities)\n",
                             our_chunks(f));
  ASSERT_EQ(r2.status, 0) << r2.out;
  EXPECT_EQ(r2.out, "17 trezor.io 2 6 3 My Trezor [1, 7, 15]\n");
}

}  // namespace
}  // namespace cc::trezor
