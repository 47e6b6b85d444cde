// The transcript format, its redaction and the replay Link, without a device: records
// built here, played to the Link and APDU pipe interfaces the drivers use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "core/hex.hpp"
#include "protocol/trezor/codec.hpp"
#include "transport/replay_link.hpp"
#include "transport/transcript.hpp"
#include "transcript/transcript_redact.hpp"

namespace cc::transport {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;
namespace tw = ::coldcheck::wire::trezor;

constexpr std::string_view kUdpHeader = R"({"format": "wire-transcript/1", "transport": "udp-trezor-emulator"})";

std::string malformed(std::string_view text) {
  try {
    parse_transcript(text, "t.jsonl");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    return e.what();
  }
  ADD_FAILURE() << "parsed: " << text;
  return {};
}

TEST(TranscriptFormat, ParsesTheSharedLayoutAndWritesItBack) {
  const std::string text = std::string(kUdpHeader) +
                           "\n{\"t_ms\": 0.0, \"dir\": \"host>dev\", \"hex\": \"50494e4750494e47\", \"conn\": 1}\n"
                           "{\"t_ms\": 0.1, \"dir\": \"dev>host\", \"hex\": \"504f4e47504f4e47\", \"conn\": 2}\n";
  const auto t = parse_transcript(text);
  EXPECT_EQ(t.header.transport, kTransportUdp);
  ASSERT_EQ(t.records.size(), 2u);
  EXPECT_EQ(t.records[1].dir, Direction::kDeviceToHost);
  EXPECT_EQ(t.records[1].conn, 2u);
  EXPECT_EQ(t.records[1].line, 3u);
  EXPECT_DOUBLE_EQ(t.records[1].t_ms, 0.1);
  const auto again = parse_transcript(format_transcript(t));
  EXPECT_EQ(format_transcript(again), format_transcript(t));
  EXPECT_EQ(again.records[0].bytes, t.records[0].bytes);
}

TEST(TranscriptFormat, EveryRefusalNamesTheLine) {
  EXPECT_THAT(malformed(""), HasSubstr("empty"));
  EXPECT_THAT(malformed("not json"), HasSubstr("line 1: not a JSON object"));
  EXPECT_THAT(malformed(R"({"format": "wire-transcript/2", "transport": "udp-trezor-emulator"})"),
              HasSubstr("is not wire-transcript/1"));
  EXPECT_THAT(malformed(R"({"format": "wire-transcript/1", "transport": "carrier-pigeon"})"),
              HasSubstr("unknown transport"));
  const std::string h = std::string(kUdpHeader) + "\n";
  EXPECT_THAT(malformed(h + R"({"t_ms": 0, "dir": "up", "hex": "00", "conn": 1})"), HasSubstr("line 2: \"dir\""));
  EXPECT_THAT(malformed(h + R"({"t_ms": 0, "dir": "host>dev", "hex": "0", "conn": 1})"), HasSubstr("line 2: \"hex\""));
  EXPECT_THAT(malformed(h + R"({"t_ms": 0, "dir": "host>dev", "hex": "zz", "conn": 1})"), HasSubstr("\"hex\""));
  EXPECT_THAT(malformed(h + R"({"t_ms": 0, "dir": "host>dev", "hex": "00", "conn": 0})"), HasSubstr("\"conn\""));
  EXPECT_THAT(malformed(h + R"({"t_ms": 0, "dir": "host>dev", "hex": "00", "conn": 1.5})"), HasSubstr("\"conn\""));
  EXPECT_THAT(malformed(h + R"({"t_ms": "0", "dir": "host>dev", "hex": "00", "conn": 1})"), HasSubstr("\"t_ms\""));
  EXPECT_THAT(malformed(h + R"({"t_ms": 5, "dir": "host>dev", "hex": "00", "conn": 1})" + "\n" +
                        R"({"t_ms": 1, "dir": "host>dev", "hex": "00", "conn": 1})"),
              HasSubstr("line 3: \"t_ms\" goes backwards"));
  EXPECT_THAT(malformed(h + R"({"dir": "host>dev", "hex": "00", "conn": 1})"), HasSubstr("missing \"t_ms\""));
}

TEST(TranscriptFormat, LimitsBoundTheWork) {
  TranscriptLimits limits;
  limits.max_records = 1;
  const std::string h = std::string(kUdpHeader) + "\n";
  const std::string r = R"({"t_ms": 0, "dir": "host>dev", "hex": "00", "conn": 1})";
  EXPECT_THROW(parse_transcript(h + r + "\n" + r, "t", limits), Error);
  limits = {};
  limits.max_bytes = 10;
  EXPECT_THROW(parse_transcript(h, "t", limits), Error);
}

// The reports a device sends for `features`.
std::vector<TranscriptRecord> features_records(const tw::Features& features, std::uint32_t conn) {
  const std::string payload = features.SerializeAsString();
  std::vector<TranscriptRecord> out;
  for (const auto& packet :
       trezor::encode(17, std::span(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()))) {
    TranscriptRecord r;
    r.dir = Direction::kDeviceToHost;
    r.conn = conn;
    r.bytes.assign(packet.begin(), packet.end());
    out.push_back(std::move(r));
  }
  return out;
}

tw::Features decode(const std::vector<TranscriptRecord>& records, std::size_t first, std::size_t count) {
  trezor::Decoder decoder;
  for (std::size_t i = first; i < first + count; ++i) decoder.feed(records[i].bytes);
  const auto m = decoder.take();
  tw::Features f;
  EXPECT_TRUE(f.ParseFromArray(m.payload.data(), static_cast<int>(m.payload.size())));
  return f;
}

TEST(TranscriptRedaction, DeviceIdAndLabelBecomePlaceholdersOfTheSameLength) {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(1);
  f.set_minor_version(14);
  f.set_patch_version(1);
  f.set_device_id("AE3C744E355C817510C0EABF");
  f.set_label("Alice's savings wallet");
  f.set_initialized(true);
  f.set_revision(std::string(20, '\x72'));
  f.set_bootloader_hash(std::string(32, '\x93'));
  Transcript t;
  t.header.transport = std::string(kTransportUdp);
  // conn 1 read only the first report (the probe), conn 2 the whole message.
  auto probe = features_records(f, 1);
  probe.resize(1);
  const auto whole = features_records(f, 2);
  t.records = probe;
  t.records.insert(t.records.end(), whole.begin(), whole.end());
  const auto summary = redact_transcript(t);
  // Both on conn 2, and both on conn 1 too: the label starts inside the one report read there.
  EXPECT_EQ(summary.fields, 4u);
  const std::string text = format_transcript(t);
  EXPECT_EQ(text.find(to_hex(std::span(reinterpret_cast<const std::uint8_t*>("AE3C744E"), 8))), std::string::npos);
  EXPECT_EQ(text.find(to_hex(std::span(reinterpret_cast<const std::uint8_t*>("Alice"), 5))), std::string::npos);
  const auto after = decode(t.records, 1, whole.size());
  EXPECT_EQ(after.device_id(), "redactedredactedredacted");
  EXPECT_EQ(after.label(), std::string("redactedredactedredacted").substr(0, f.label().size()));
  EXPECT_EQ(after.revision(), f.revision());  // facts the replay needs stay
  EXPECT_EQ(after.minor_version(), 14u);
  EXPECT_EQ(t.records.size(), 1 + whole.size());  // same framing, same reports
}

TEST(TranscriptRedaction, AUsbPortPathInTheHeaderIsNotKept) {
  Transcript t;
  t.header.transport = std::string(kTransportWebUsb);
  t.header.device_path = "webusb:001-1.4";
  redact_transcript(t);
  EXPECT_EQ(t.header.device_path, "webusb:redacted");
}

// --- replay ------------------------------------------------------------------------

class Replay : public ::testing::Test {
 protected:
  void SetUp() override {
    reset_replays();
    file_ = fs::temp_directory_path() / ("cc-replay-unit-" + std::to_string(::getpid()) + ".jsonl");
  }
  void TearDown() override {
    fs::remove(file_);
    reset_replays();
    set_replay_delays(false);
  }
  DevicePath write(const Transcript& t) {
    std::ofstream(file_) << format_transcript(t);
    return parse_device_path("replay:" + file_.string());
  }
  static TranscriptRecord rec(Direction dir, std::uint32_t conn, std::vector<std::uint8_t> bytes, double t_ms = 0) {
    TranscriptRecord r;
    r.dir = dir;
    r.conn = conn;
    r.bytes = std::move(bytes);
    r.t_ms = t_ms;
    return r;
  }
  static std::vector<std::uint8_t> report(std::uint8_t tag) {
    std::vector<std::uint8_t> r(kReportSize, 0);
    r[0] = '?';
    r[1] = tag;
    return r;
  }
  fs::path file_;
};

TEST_F(Replay, DeliversWhatTheDeviceSentAfterTheHostAskedAndTimesOutAfterThat) {
  Transcript t;
  t.header.transport = std::string(kTransportUdp);
  t.header.device_path = "udp:127.0.0.1:21324";
  const std::vector<std::uint8_t> ping = {'P', 'I', 'N', 'G', 'P', 'I', 'N', 'G'};
  t.records = {rec(Direction::kHostToDevice, 1, ping), rec(Direction::kHostToDevice, 1, report(1)),
               rec(Direction::kDeviceToHost, 1, report(2)), rec(Direction::kHostToDevice, 1, report(3)),
               rec(Direction::kDeviceToHost, 1, report(4))};
  const auto path = write(t);
  auto link = open_replay_link(path);
  EXPECT_EQ(link->path(), "udp:127.0.0.1:21324");  // the drivers see the recorded endpoint
  std::vector<std::uint8_t> buffer(kReportSize);
  EXPECT_THROW(link->read(buffer, std::chrono::milliseconds(10)), Error);  // nothing asked yet
  link->write(report(1));
  EXPECT_EQ(link->read(buffer, std::chrono::milliseconds(10)), kReportSize);
  EXPECT_EQ(buffer[1], 2);
  try {
    link->read(buffer, std::chrono::milliseconds(10));  // report 4 answers report 3, not sent yet
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
  }
  link->write(report(3));
  link->read(buffer, std::chrono::milliseconds(10));
  EXPECT_EQ(buffer[1], 4);
  EXPECT_EQ(replay_progress(path).unplayed_host_records, 0u);
}

TEST_F(Replay, AnyOtherHostByteIsAnErrorNamingTheRecord) {
  Transcript t;
  t.header.transport = std::string(kTransportHid);
  t.records = {rec(Direction::kHostToDevice, 1, report(1)), rec(Direction::kHostToDevice, 1, report(5))};
  const auto path = write(t);
  auto link = open_replay_link(path);
  link->write(report(1));
  auto wrong = report(5);
  wrong[20] = 0xee;
  try {
    link->write(wrong);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_THAT(e.what(), HasSubstr("record at line 3 (conn 1, host>dev)"));
    EXPECT_THAT(e.what(), HasSubstr("first difference at byte 20"));
  }
  EXPECT_THAT([&] { link->write(report(7)); }, ::testing::Throws<Error>());
}

TEST_F(Replay, ANewConnectionTakesTheRecordedOneItsFirstBytesMatch) {
  Transcript t;
  t.header.transport = std::string(kTransportUdp);
  // conn 1 is another client; conn 2 ours.
  t.records = {rec(Direction::kHostToDevice, 1, report(9)), rec(Direction::kHostToDevice, 2, report(1)),
               rec(Direction::kDeviceToHost, 2, report(2))};
  const auto path = write(t);
  auto link = open_replay_link(path);
  link->write(report(1));
  std::vector<std::uint8_t> buffer(kReportSize);
  link->read(buffer, std::chrono::milliseconds(10));
  EXPECT_EQ(buffer[1], 2);
  EXPECT_EQ(replay_progress(path).unplayed_conns, std::vector<std::uint32_t>{1});
  auto another = open_replay_link(path);
  EXPECT_THAT([&] { another->write(report(3)); },
              ::testing::ThrowsMessage<Error>(HasSubstr("conn 1 starts at line 2")));
}

TEST_F(Replay, AHostChallengeMayDifferAndTheRecordedOneIsOffered) {
  std::vector<std::uint8_t> recorded(kReportSize, 0);
  const std::vector<std::uint8_t> head = {0x3f, 0x23, 0x23, 0x00, 88, 0, 0, 0, 34, 0x0a, 0x20};
  std::copy(head.begin(), head.end(), recorded.begin());
  for (std::size_t i = 11; i < 43; ++i) recorded[i] = static_cast<std::uint8_t>(i);
  Transcript t;
  t.header.transport = std::string(kTransportUdp);
  t.records = {rec(Direction::kHostToDevice, 1, recorded)};
  const auto path = write(t);
  const auto offered = replay_take_challenge(path, 88);
  ASSERT_TRUE(offered);
  EXPECT_EQ(offered->size(), 32u);
  EXPECT_EQ((*offered)[0], 11);
  EXPECT_FALSE(replay_take_challenge(path, 88));
  auto other = recorded;
  other[20] ^= 0xff;
  open_replay_link(path)->write(other);
  EXPECT_TRUE(replay_progress(path).challenge_replaced);
}

TEST_F(Replay, SpeculosStreamsAreReassembledAcrossChunks) {
  Transcript t;
  t.header.transport = std::string(kTransportTcp);
  t.records = {rec(Direction::kHostToDevice, 1, {0, 0, 0}), rec(Direction::kHostToDevice, 1, {5, 0xb0, 1, 0, 0, 0}),
               rec(Direction::kDeviceToHost, 1, {0, 0, 0, 1}), rec(Direction::kDeviceToHost, 1, {0x42, 0x90, 0x00}),
               rec(Direction::kHostToDevice, 1, {0, 0, 0, 5, 0xe0, 1, 0, 0, 0})};
  const auto path = write(t);
  auto pipe = open_replay_pipe(path);
  const std::vector<std::uint8_t> apdu = {0xb0, 1, 0, 0, 0};
  EXPECT_EQ(pipe->exchange(apdu, std::chrono::milliseconds(10)), (std::vector<std::uint8_t>{0x42, 0x90, 0x00}));
  const std::vector<std::uint8_t> next = {0xe0, 1, 0, 0, 0};
  try {
    pipe->exchange(next, std::chrono::milliseconds(10));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
    EXPECT_THAT(e.what(), HasSubstr("no complete reply length in time (0 of 4 bytes"));
  }
}

TEST_F(Replay, RecordedDelaysAreHonouredOnlyWhenAsked) {
  Transcript t;
  t.header.transport = std::string(kTransportUdp);
  t.records = {rec(Direction::kHostToDevice, 1, report(1), 0), rec(Direction::kDeviceToHost, 1, report(2), 150)};
  const auto path = write(t);
  set_replay_delays(true);
  auto link = open_replay_link(path);
  std::vector<std::uint8_t> buffer(kReportSize);
  const auto start = std::chrono::steady_clock::now();
  link->write(report(1));
  link->read(buffer, std::chrono::milliseconds(1000));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(140));
}

TEST_F(Replay, AMissingOrBrokenFileIsAClearError) {
  EXPECT_THAT([] { open_replay_link(parse_device_path("replay:/nonexistent/t.jsonl")); },
              ::testing::ThrowsMessage<Error>(HasSubstr("cannot open the transcript file")));
  std::ofstream(file_) << "{\"format\": 1}\n";
  EXPECT_THAT([&] { open_replay_link(parse_device_path("replay:" + file_.string())); },
              ::testing::ThrowsMessage<Error>(HasSubstr("line 1")));
}

}  // namespace
}  // namespace cc::transport
