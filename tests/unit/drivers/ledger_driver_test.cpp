// The Ledger driver through a scripted Link (the only mock: the report boundary).
#include "drivers/ledger_driver.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "protocol/ledger/apdu.hpp"
#include "protocol/ledger/framing.hpp"
#include "protocol/ledger/status.hpp"

namespace cc::drivers {
namespace {

// Answers each complete APDU with the next scripted reply, framed as HID reports.
class ScriptedLink final : public transport::Link {
 public:
  explicit ScriptedLink(std::deque<ledger::Bytes> replies) : replies_(std::move(replies)) {}
  std::string path() const override { return "hid:/dev/scripted"; }
  void write(std::span<const std::uint8_t> report) override {
    if (!decoder_.feed(report)) return;
    sent.push_back(decoder_.take());
    if (replies_.empty()) return;
    for (const auto& r : ledger::encode(replies_.front())) pending_.push_back(r);
    replies_.pop_front();
  }
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds) override {
    if (pending_.empty()) throw Error(ErrorCode::kTimeout, "scripted: no report");
    std::copy(pending_.front().begin(), pending_.front().end(), out.begin());
    pending_.pop_front();
    return ledger::kReportSize;
  }
  std::vector<ledger::Bytes> sent;

 private:
  std::deque<ledger::Bytes> replies_;
  std::deque<ledger::Report> pending_;
  ledger::Decoder decoder_;
};

::coldcheck::DeviceFacts identify(std::deque<ledger::Bytes> replies) {
  auto link = std::make_unique<ScriptedLink>(std::move(replies));
  LedgerDriver driver(std::make_unique<HidApduChannel>(std::move(link)), catalog::Catalog::builtin());
  return driver.identify();
}

ledger::Bytes ok(const ledger::Bytes& data) { return ledger::join_reply(data, ledger::kSwOk); }

TEST(LedgerDriver, DashboardWithALongMultiReportReply) {
  ledger::VersionInfo v;
  v.target_id = 0x33000004;
  v.se_version = "2.2.3";
  v.flags = ledger::kFlagOnboarded | ledger::kFlagPinValidated | ledger::kFlagTrustCustomCa;
  v.mcu_version = std::string(70, '9');  // pushes the reply past one report
  const auto f = identify({ok(ledger::encode_app_and_version({"BOLOS", "2.2.3", 0})), ok(ledger::encode_version(v))});
  EXPECT_EQ(f.model_name(), "Ledger Nano X");
  EXPECT_EQ(f.firmware_version(), "2.2.3");
  EXPECT_EQ(f.ledger().screen(), ::coldcheck::LedgerFacts::SCREEN_DASHBOARD);
  EXPECT_TRUE(f.ledger().trust_custom_ca());
  EXPECT_EQ(f.ledger().mcu_version(), v.mcu_version);
  EXPECT_FALSE(f.emulator());
}

TEST(LedgerDriver, OpenAppStopsAfterOneCommand) {
  const auto f = identify({ok(ledger::encode_app_and_version({"Ethereum", "1.10.4", 0}))});
  EXPECT_EQ(f.ledger().screen(), ::coldcheck::LedgerFacts::SCREEN_APP);
  EXPECT_EQ(f.ledger().app_name(), "Ethereum");
  // An open app says nothing about the PIN: those facts stay unknown, not inferred.
  EXPECT_FALSE(f.has_pin_protection());
  EXPECT_FALSE(f.has_unlocked());
  EXPECT_TRUE(f.model_name().empty());
}

TEST(LedgerDriver, LockedIsAFactNotAnError) {
  const auto f = identify({ledger::join_reply({}, ledger::kSwLocked)});
  EXPECT_EQ(f.ledger().screen(), ::coldcheck::LedgerFacts::SCREEN_LOCKED);
  EXPECT_FALSE(f.unlocked());
}

TEST(LedgerDriver, UnknownStatusAndGarbageAreErrors) {
  try {
    identify({ledger::join_reply({}, 0x6A80)});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDeviceRefused);
    EXPECT_NE(std::string(e.what()).find("0x6a80"), std::string::npos);
  }
  try {
    identify({ok({0x01, 0x09, 'x'})});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
  }
  try {
    identify({});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kTimeout);
  }
}

}  // namespace
}  // namespace cc::drivers
