// Trezor v1 framing against bytes written out by hand from the spec
// (PROTOCOLS.md "Trezor wire protocol v1"), never against the encoder's own output.
#include "protocol/trezor/codec.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::trezor {
namespace {

using Bytes = std::vector<std::uint8_t>;

// Payload byte i is i mod 256, so misplaced or reordered chunks show up.
Bytes counting(std::size_t n) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(i);
  return b;
}

// Hex of counting bytes [from, to): the expected payload slice inside a packet.
std::string seq(std::size_t from, std::size_t to) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (std::size_t i = from; i < to; ++i) {
    s += kDigits[(i >> 4) & 0xF];
    s += kDigits[i & 0xF];
  }
  return s;
}

std::string zeros(std::size_t n) { return std::string(2 * n, '0'); }

std::string packet_hex(const Packet& p) { return to_hex(p); }

template <typename F>
ErrorCode error_code_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no cc::Error thrown";
  return ErrorCode::kInternal;
}

struct FrameCase {
  const char* name;
  std::uint16_t type;
  std::size_t size;
  std::vector<std::string> packets;  // hex, 128 digits each
};

const std::vector<FrameCase>& frame_cases() {
  static const std::vector<FrameCase> cases = {
      {"empty",
       0x0011,
       0,
       {"3f2323"
        "0011"
        "00000000" +
        zeros(55)}},
      {"one_byte",
       0x0001,
       1,
       {"3f2323"
        "0001"
        "00000001"
        "00" +
        zeros(54)}},
      {"exactly_55",
       0x1234,
       55,
       {"3f2323"
        "1234"
        "00000037" +
        seq(0, 55)}},
      {"56_spills",
       0x0001,
       56,
       {"3f2323"
        "0001"
        "00000038" +
            seq(0, 55),
        "3f"
        "37" +
            zeros(62)}},
      {"55_plus_63",
       0x0059,
       118,
       {"3f2323"
        "0059"
        "00000076" +
            seq(0, 55),
        "3f" + seq(55, 118)}},
      {"55_plus_63_plus_1",
       0xffff,
       119,
       {"3f2323"
        "ffff"
        "00000077" +
            seq(0, 55),
        "3f" + seq(55, 118),
        "3f"
        "76" +
            zeros(62)}},
      {"300_length_above_255",
       0x0100,
       300,
       {"3f2323"
        "0100"
        "0000012c" +
            seq(0, 55),
        "3f" + seq(55, 118), "3f" + seq(118, 181), "3f" + seq(181, 244), "3f" + seq(244, 300) + zeros(7)}},
  };
  return cases;
}

void PrintTo(const FrameCase& c, std::ostream* os) { *os << c.name; }

class FrameTest : public ::testing::TestWithParam<FrameCase> {};

TEST_P(FrameTest, EncodeMatchesHandWrittenBytes) {
  const FrameCase& c = GetParam();
  const Bytes payload = counting(c.size);
  const std::vector<Packet> packets = encode(c.type, payload);
  ASSERT_EQ(packets.size(), c.packets.size());
  EXPECT_EQ(packet_count(c.size), c.packets.size());
  for (std::size_t i = 0; i < packets.size(); ++i) {
    ASSERT_EQ(c.packets[i].size(), 128u) << "bad test table row, packet " << i;
    EXPECT_EQ(packet_hex(packets[i]), c.packets[i]) << "packet " << i;
  }
}

TEST_P(FrameTest, EncodeIntoWritesExactlyThePacketsAndNothingBeyond) {
  const FrameCase& c = GetParam();
  const Bytes payload = counting(c.size);
  Bytes out(c.packets.size() * kPacketSize + 16, 0xEE);
  encode_into(c.type, payload, out);
  std::string expected;
  for (const auto& p : c.packets) expected += p;
  EXPECT_EQ(to_hex(std::span(out).first(c.packets.size() * kPacketSize)), expected);
  for (std::size_t i = c.packets.size() * kPacketSize; i < out.size(); ++i) {
    EXPECT_EQ(out[i], 0xEE) << "wrote past the packets at " << i;
  }
}

TEST_P(FrameTest, DecoderParsesHandWrittenBytes) {
  const FrameCase& c = GetParam();
  Decoder d;
  for (std::size_t i = 0; i < c.packets.size(); ++i) {
    const Bytes raw = from_hex(c.packets[i]);
    const auto step = d.feed(raw);
    EXPECT_EQ(step, i + 1 == c.packets.size() ? Decoder::Step::kComplete : Decoder::Step::kNeedMore) << i;
  }
  const Message m = d.take();
  EXPECT_EQ(m.type, c.type);
  EXPECT_EQ(m.payload, counting(c.size));
  EXPECT_EQ(d.skipped_packets(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Table, FrameTest, ::testing::ValuesIn(frame_cases()),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(PacketCount, Boundaries) {
  const std::vector<std::pair<std::size_t, std::size_t>> table = {
      {0, 1}, {1, 1}, {55, 1}, {56, 2}, {118, 2}, {119, 3}, {181, 3}, {182, 4}, {65536, 1041}, {1u << 20, 16645},
  };
  for (const auto& [size, count] : table) EXPECT_EQ(packet_count(size), count) << size;
}

TEST(Encode, SixtyFourKibHeaderAndTail) {
  const Bytes payload = counting(65536);
  const auto packets = encode(0x0037, payload);
  ASSERT_EQ(packets.size(), 1041u);
  EXPECT_EQ(to_hex(std::span(packets[0]).first(9)), "3f2323003700010000");
  // 65536 - 55 = 65481 = 1039 * 63 + 24: the last packet holds 24 bytes then zeros.
  const Packet& last = packets.back();
  EXPECT_EQ(last[0], '?');
  for (std::size_t i = 0; i < 24; ++i) EXPECT_EQ(last[1 + i], static_cast<std::uint8_t>(65512 + i)) << i;
  for (std::size_t i = 25; i < kPacketSize; ++i) EXPECT_EQ(last[i], 0) << i;
}

TEST(Encode, OutputTooSmallIsInvalidArgument) {
  const Bytes payload = counting(56);
  Bytes out(kPacketSize * 2 - 1);
  EXPECT_EQ(error_code_of([&] { encode_into(1, payload, out); }), ErrorCode::kInvalidArgument);
  Bytes none;
  EXPECT_EQ(error_code_of([&] { encode_into(1, {}, none); }), ErrorCode::kInvalidArgument);
}

// Feeds every packet, checking that only the last one completes the message.
Message feed_all(Decoder& d, const std::vector<Packet>& packets) {
  for (std::size_t i = 0; i < packets.size(); ++i) {
    const auto step = d.feed(packets[i]);
    const auto want = i + 1 == packets.size() ? Decoder::Step::kComplete : Decoder::Step::kNeedMore;
    if (step != want) {
      ADD_FAILURE() << "packet " << i << " of " << packets.size() << " gave step " << static_cast<int>(step);
      break;
    }
  }
  return d.take();
}

TEST(RoundTrip, EverySizeUpTo300AndLarge) {
  std::vector<std::size_t> sizes;
  for (std::size_t n = 0; n <= 300; ++n) sizes.push_back(n);
  sizes.insert(sizes.end(), {1000, 4096, 65535, 65536, 65537});
  Decoder d;  // one decoder for all: it must reset cleanly between messages
  for (const std::size_t n : sizes) {
    Bytes payload = counting(n);
    for (auto& b : payload) b = static_cast<std::uint8_t>(b ^ (n * 7));
    const auto type = static_cast<std::uint16_t>(n * 257);
    const auto packets = encode(type, payload);
    ASSERT_EQ(packets.size(), packet_count(n));
    const Message m = feed_all(d, packets);
    ASSERT_EQ(m.type, type) << n;
    ASSERT_EQ(m.payload, payload) << n;
  }
  EXPECT_EQ(d.skipped_packets(), 0u);
}

TEST(RoundTrip, PayloadAtTheCapIsAccepted) {
  Decoder d(100);
  const Bytes payload = counting(100);
  EXPECT_EQ(feed_all(d, encode(3, payload)).payload, payload);
}

TEST(Decoder, SkipsAndCountsGarbageBeforeHeader) {
  Decoder d;
  const std::vector<std::string> garbage = {
      zeros(64),          // idle report
      "3f" + seq(0, 63),  // continuation of a message we never saw
      "3f2324"
      "0011"
      "00000000" +
          zeros(55),  // almost a header
      "232323"
      "0011"
      "00000000" +
          zeros(55),  // wrong magic
      "3f2323"
      "0011"
      "0000",  // header cut before the length ends
      "",      // empty read
  };
  for (const auto& g : garbage) EXPECT_EQ(d.feed(from_hex(g)), Decoder::Step::kSkipped) << g;
  EXPECT_EQ(d.skipped_packets(), garbage.size());
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0002"
                            "00000002"
                            "abcd" +
                            zeros(53))),
            Decoder::Step::kComplete);
  const Message m = d.take();
  EXPECT_EQ(m.type, 2);
  EXPECT_EQ(m.payload, (Bytes{0xab, 0xcd}));
  EXPECT_EQ(d.skipped_packets(), garbage.size());
}

TEST(Decoder, ShortPacketsContributeTheBytesTheyHold) {
  Decoder d;
  // Header with no payload bytes at all, then short continuations.
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0001"
                            "00000005")),
            Decoder::Step::kNeedMore);
  EXPECT_EQ(d.feed(from_hex("3f")), Decoder::Step::kNeedMore);
  EXPECT_EQ(d.feed(from_hex("3f"
                            "0102")),
            Decoder::Step::kNeedMore);
  EXPECT_EQ(d.feed(from_hex("3f"
                            "030405"
                            "ffff")),
            Decoder::Step::kComplete);
  EXPECT_EQ(d.take().payload, (Bytes{1, 2, 3, 4, 5}));
  // A header exactly 9 bytes long for an empty message completes at once.
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0037"
                            "00000000")),
            Decoder::Step::kComplete);
  EXPECT_EQ(d.take().type, 55);
  // Eight bytes are not a header.
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0037"
                            "000000")),
            Decoder::Step::kSkipped);
}

TEST(Decoder, PaddingBeyondDeclaredLengthIsIgnored) {
  Decoder d;
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0001"
                            "00000038" +
                            seq(0, 55))),
            Decoder::Step::kNeedMore);
  // Continuation carries 63 bytes but only one belongs to the message.
  EXPECT_EQ(d.feed(from_hex("3f"
                            "37" +
                            std::string(124, 'f'))),
            Decoder::Step::kComplete);
  EXPECT_EQ(d.take().payload, counting(56));
}

TEST(Decoder, ContinuationWithoutMagicIsMalformedAndDecoderRecovers) {
  Decoder d;
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0001"
                            "00000064" +
                            seq(0, 55))),
            Decoder::Step::kNeedMore);
  EXPECT_EQ(error_code_of([&] { d.feed(from_hex("00" + seq(55, 118))); }), ErrorCode::kMalformed);
  // The broken message is gone: a continuation now is just garbage.
  EXPECT_EQ(d.feed(from_hex("3f" + seq(55, 118))), Decoder::Step::kSkipped);
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0011"
                            "00000001"
                            "aa" +
                            zeros(54))),
            Decoder::Step::kComplete);
  const Message m = d.take();
  EXPECT_EQ(m.type, 17);
  EXPECT_EQ(m.payload, Bytes{0xaa});
}

TEST(Decoder, EmptyContinuationIsMalformed) {
  Decoder d;
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0001"
                            "00000064")),
            Decoder::Step::kNeedMore);
  EXPECT_EQ(error_code_of([&] { d.feed(Bytes{}); }), ErrorCode::kMalformed);
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0001"
                            "00000000")),
            Decoder::Step::kComplete);
}

struct CapCase {
  const char* name;
  std::size_t cap;
  std::string length_hex;
  bool accepted;
};

void PrintTo(const CapCase& c, std::ostream* os) { *os << c.name; }

class CapTest : public ::testing::TestWithParam<CapCase> {};

TEST_P(CapTest, DeclaredLengthAgainstCap) {
  const CapCase& c = GetParam();
  Decoder d(c.cap);
  const Bytes header = from_hex(
      "3f2323"
      "0011" +
      c.length_hex + zeros(55));
  if (c.accepted) {
    EXPECT_NE(d.feed(header), Decoder::Step::kSkipped);
    return;
  }
  try {
    d.feed(header);
    FAIL() << "length " << c.length_hex << " accepted with cap " << c.cap;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("cap"), std::string::npos) << e.what();
  }
  // Nothing is half-open afterwards: the next message decodes.
  EXPECT_EQ(d.feed(from_hex("3f2323"
                            "0002"
                            "00000000")),
            Decoder::Step::kComplete);
  EXPECT_EQ(d.take().type, 2);
}

INSTANTIATE_TEST_SUITE_P(Table, CapTest,
                         ::testing::Values(CapCase{"default_at_cap", kDefaultMaxPayload, "00100000", true},
                                           CapCase{"default_above_cap", kDefaultMaxPayload, "00100001", false},
                                           CapCase{"default_all_ones", kDefaultMaxPayload, "ffffffff", false},
                                           CapCase{"default_top_bit", kDefaultMaxPayload, "80000000", false},
                                           CapCase{"tiny_at_cap", 8, "00000008", true},
                                           CapCase{"tiny_above_cap", 8, "00000009", false},
                                           CapCase{"tiny_all_ones", 8, "ffffffff", false},
                                           CapCase{"zero_cap_empty", 0, "00000000", true},
                                           CapCase{"zero_cap_one", 0, "00000001", false}),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(Decoder, ReusedAcrossMessagesWithAndWithoutTake) {
  Decoder d;
  const Bytes a = counting(70);
  const Bytes b = counting(3);
  EXPECT_EQ(feed_all(d, encode(1, a)).payload, a);
  EXPECT_EQ(feed_all(d, encode(2, b)).payload, b);
  // A completed message that was never taken is dropped by the next feed.
  for (const auto& p : encode(3, a)) d.feed(p);
  const Message m = feed_all(d, encode(4, b));
  EXPECT_EQ(m.type, 4);
  EXPECT_EQ(m.payload, b);
}

TEST(Decoder, ResetAbandonsAPartialMessage) {
  Decoder d;
  const auto first = encode(1, counting(200));
  d.feed(first[0]);
  d.feed(first[1]);
  d.reset();
  EXPECT_EQ(d.feed(first[2]), Decoder::Step::kSkipped);
  EXPECT_EQ(feed_all(d, encode(9, counting(10))).type, 9);
}

TEST(Decoder, TakeBeforeCompleteThrows) {
  Decoder d;
  EXPECT_EQ(error_code_of([&] { d.take(); }), ErrorCode::kInternal);
  const auto packets = encode(1, counting(100));
  d.feed(packets[0]);
  EXPECT_EQ(error_code_of([&] { d.take(); }), ErrorCode::kInternal);
  d.feed(packets[1]);
  EXPECT_EQ(d.take().payload.size(), 100u);
  EXPECT_EQ(error_code_of([&] { d.take(); }), ErrorCode::kInternal);  // taken once only
}

}  // namespace
}  // namespace cc::trezor
