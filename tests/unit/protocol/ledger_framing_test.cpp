// Ledger HID framing against reports written out by hand from the layout in
// PROTOCOLS.md ("Ledger"), never against the encoder's own output alone.
#include "protocol/ledger/framing.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::ledger {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes counting(std::size_t n) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(i + 1);
  return b;
}

Report report_from_hex(const std::string& hex) {
  const auto bytes = from_hex(hex);
  Report r{};
  std::copy(bytes.begin(), bytes.end(), r.begin());
  return r;
}

TEST(LedgerFraming, GetVersionIsOneReportByHand) {
  const auto reports = encode(Bytes{0xE0, 0x01, 0x00, 0x00, 0x00});
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(to_hex(reports[0]),
            "0101050000"
            "0005"
            "e001000000" +
                std::string(2 * 52, '0'));
}

struct CountCase {
  std::size_t size;
  std::size_t reports;
};

class LedgerReportCount : public ::testing::TestWithParam<CountCase> {};

TEST_P(LedgerReportCount, BoundariesAt57And59) {
  const auto [size, want] = GetParam();
  EXPECT_EQ(report_count(size), want);
  const auto data = counting(size);
  const auto reports = encode(data);
  ASSERT_EQ(reports.size(), want);
  for (std::size_t seq = 0; seq < reports.size(); ++seq) {
    EXPECT_EQ(reports[seq][0], 0x01);
    EXPECT_EQ(reports[seq][1], 0x01);
    EXPECT_EQ(reports[seq][2], 0x05);
    EXPECT_EQ(reports[seq][3], seq >> 8);
    EXPECT_EQ(reports[seq][4], seq & 0xFF);
  }
  EXPECT_EQ(decode(reports), data);
}

INSTANTIATE_TEST_SUITE_P(Sizes, LedgerReportCount,
                         ::testing::Values(CountCase{0, 1}, CountCase{1, 1}, CountCase{57, 1}, CountCase{58, 2},
                                           CountCase{57 + 59, 2}, CountCase{57 + 59 + 1, 3}, CountCase{59, 2},
                                           CountCase{255 + 5, 5}, CountCase{65535, 1111}));

TEST(LedgerFraming, SecondReportCarries59BytesAfterTheHeader) {
  const auto data = counting(58);
  const auto reports = encode(data);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0][5], 0x00);
  EXPECT_EQ(reports[0][6], 58);
  EXPECT_EQ(reports[0][7], 1);                                        // first data byte
  EXPECT_EQ(reports[0][63], 57);                                      // 57th data byte fills the first report
  EXPECT_EQ(to_hex(std::span(reports[1]).first(6)), "01010500013a");  // seq 1, then byte 58
  EXPECT_EQ(reports[1][6], 0x00);                                     // zero padding
}

TEST(LedgerFraming, DecodesAHandWrittenReply) {
  // "9000" with no data: length 2.
  const Report r = report_from_hex(
      "0101050000"
      "0002"
      "9000");
  Decoder d;
  ASSERT_TRUE(d.feed(r));
  EXPECT_EQ(to_hex(d.take()), "9000");
}

Error feed_error(std::span<const std::uint8_t> report, Decoder& d) {
  try {
    d.feed(report);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::kInternal, "");
}

TEST(LedgerFraming, WrongChannelTagSequenceAndOversizeAreMalformed) {
  Decoder d;
  auto r = report_from_hex(
      "0102050000"
      "0002"
      "9000");
  auto e = feed_error(r, d);
  EXPECT_EQ(e.code(), ErrorCode::kMalformed);
  EXPECT_NE(std::string(e.what()).find("channel 0x0102"), std::string::npos) << e.what();

  d.reset();
  r = report_from_hex(
      "0101020000"
      "0002"
      "9000");
  e = feed_error(r, d);
  EXPECT_NE(std::string(e.what()).find("tag"), std::string::npos) << e.what();

  d.reset();
  r = report_from_hex(
      "0101050001"
      "0002"
      "9000");
  e = feed_error(r, d);
  EXPECT_NE(std::string(e.what()).find("sequence 1, expected 0"), std::string::npos) << e.what();

  // Second report repeats sequence 0.
  d.reset();
  const auto two = encode(counting(100));
  EXPECT_FALSE(d.feed(two[0]));
  e = feed_error(two[0], d);
  EXPECT_NE(std::string(e.what()).find("sequence 0, expected 1"), std::string::npos) << e.what();

  Decoder capped(16);
  r = report_from_hex(
      "0101050000"
      "0011");
  e = feed_error(r, capped);
  EXPECT_EQ(e.code(), ErrorCode::kMalformed);
  EXPECT_NE(std::string(e.what()).find("declares 17 bytes, above the cap of 16"), std::string::npos) << e.what();
}

TEST(LedgerFraming, ShortReportsAreRejectedOrUsedForWhatTheyHold) {
  Decoder d;
  const Bytes tiny{0x01, 0x01, 0x05};
  EXPECT_EQ(feed_error(tiny, d).code(), ErrorCode::kMalformed);
  d.reset();
  const Bytes no_length{0x01, 0x01, 0x05, 0x00, 0x00, 0x00};
  EXPECT_EQ(feed_error(no_length, d).code(), ErrorCode::kMalformed);
  d.reset();
  const Bytes short_ok{0x01, 0x01, 0x05, 0x00, 0x00, 0x00, 0x02, 0x90, 0x00};
  EXPECT_TRUE(d.feed(short_ok));
}

TEST(LedgerFraming, TruncatedRunOfReportsFails) {
  auto reports = encode(counting(200));
  reports.pop_back();
  try {
    decode(reports);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos);
  }
}

TEST(LedgerFraming, OversizeApduIsRefusedByTheEncoder) { EXPECT_THROW(encode(Bytes(kMaxApdu + 1)), Error); }

}  // namespace
}  // namespace cc::ledger
