// Message id tables for Trezor and KeepKey, checked against the ids in PROTOCOLS.md.
#include "protocol/trezor/registry.hpp"

#include <gtest/gtest.h>

#include <google/protobuf/util/message_differencer.h>

#include <string>
#include <vector>

#include "coldcheck/keepkey.pb.h"
#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::trezor {
namespace {

namespace tw = ::coldcheck::wire::trezor;
namespace kw = ::coldcheck::wire::keepkey;

struct IdCase {
  Table table;
  std::uint16_t id;
  std::string full_name;
};

void PrintTo(const IdCase& c, std::ostream* os) { *os << to_string(c.table) << " " << c.id << " " << c.full_name; }

std::string case_name(const ::testing::TestParamInfo<IdCase>& info) {
  return std::string(to_string(info.param.table)) + "_" + std::to_string(info.param.id);
}

std::vector<IdCase> id_cases() {
  std::vector<IdCase> v;
  const std::vector<std::pair<std::uint16_t, const char*>> shared = {
      {0, "Initialize"},        {1, "Ping"},
      {2, "Success"},           {3, "Failure"},
      {18, "PinMatrixRequest"}, {19, "PinMatrixAck"},
      {20, "Cancel"},           {26, "ButtonRequest"},
      {27, "ButtonAck"},        {41, "PassphraseRequest"},
      {42, "PassphraseAck"},    {45, "RecoveryDevice"},
      {46, "WordRequest"},      {47, "WordAck"},
      {55, "GetFeatures"},
  };
  // Shared ids resolve to the Trezor messages in both tables.
  for (const auto& [id, name] : shared) {
    v.push_back({Table::kTrezor, id, std::string("coldcheck.wire.trezor.") + name});
    v.push_back({Table::kKeepKey, id, std::string("coldcheck.wire.trezor.") + name});
  }
  v.push_back({Table::kTrezor, 17, "coldcheck.wire.trezor.Features"});
  v.push_back({Table::kTrezor, 24, "coldcheck.wire.trezor.LockDevice"});
  v.push_back({Table::kTrezor, 83, "coldcheck.wire.trezor.EndSession"});
  v.push_back({Table::kTrezor, 88, "coldcheck.wire.trezor.GetFirmwareHash"});
  v.push_back({Table::kTrezor, 89, "coldcheck.wire.trezor.FirmwareHash"});
  v.push_back({Table::kTrezor, 97, "coldcheck.wire.trezor.AuthenticateDevice"});
  v.push_back({Table::kTrezor, 98, "coldcheck.wire.trezor.AuthenticityProof"});
  v.push_back({Table::kKeepKey, 17, "coldcheck.wire.keepkey.Features"});
  v.push_back({Table::kKeepKey, 24, "coldcheck.wire.keepkey.ClearSession"});
  return v;
}

class IdTest : public ::testing::TestWithParam<IdCase> {};

TEST_P(IdTest, BothWays) {
  const IdCase& c = GetParam();
  const auto* d = descriptor_for(c.table, c.id);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->full_name(), c.full_name);
  const auto id = id_for(c.table, d);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, c.id);
}

INSTANTIATE_TEST_SUITE_P(Table, IdTest, ::testing::ValuesIn(id_cases()), case_name);

TEST(Registry, IdsAbsentFromATable) {
  // KeepKey uses 83 and 89 for other messages (ApplyPolicies, SoftReset) that we do not map.
  for (const std::uint16_t id : std::vector<std::uint16_t>{83, 88, 89, 97, 98}) {
    EXPECT_EQ(descriptor_for(Table::kKeepKey, id), nullptr) << id;
  }
  // In the enum but without a message here, or not assigned at all.
  for (const std::uint16_t id : std::vector<std::uint16_t>{4, 5, 11, 29, 34, 99, 0xFFFF}) {
    EXPECT_EQ(descriptor_for(Table::kTrezor, id), nullptr) << id;
    EXPECT_EQ(descriptor_for(Table::kKeepKey, id), nullptr) << id;
  }
}

TEST(Registry, MessagesOfTheOtherFamilyHaveNoId) {
  EXPECT_FALSE(id_for(Table::kTrezor, kw::Features::descriptor()).has_value());
  EXPECT_FALSE(id_for(Table::kTrezor, kw::ClearSession::descriptor()).has_value());
  EXPECT_FALSE(id_for(Table::kKeepKey, tw::Features::descriptor()).has_value());
  EXPECT_FALSE(id_for(Table::kKeepKey, tw::LockDevice::descriptor()).has_value());
  EXPECT_FALSE(id_for(Table::kKeepKey, tw::FirmwareHash::descriptor()).has_value());
  EXPECT_FALSE(id_for(Table::kTrezor, nullptr).has_value());
}

TEST(Registry, EncodeWithoutIdIsInvalidArgument) {
  try {
    encode_message(Table::kKeepKey, tw::LockDevice{});
    FAIL() << "LockDevice encoded for KeepKey";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("LockDevice"), std::string::npos) << e.what();
  }
}

TEST(Registry, SameIdDifferentMessagePerTable) {
  const auto packets = encode_message(Table::kTrezor, tw::LockDevice{});
  ASSERT_EQ(packets.size(), 1u);
  EXPECT_EQ(to_hex(std::span(packets[0]).first(9)), "3f2323001800000000");
  const auto ck = encode_message(Table::kKeepKey, kw::ClearSession{});
  EXPECT_EQ(ck, packets);  // same bytes on the wire
  const Message wire{24, {}};
  EXPECT_EQ(decode_message(Table::kTrezor, wire)->GetDescriptor()->full_name(), "coldcheck.wire.trezor.LockDevice");
  EXPECT_EQ(decode_message(Table::kKeepKey, wire)->GetDescriptor()->full_name(), "coldcheck.wire.keepkey.ClearSession");
}

TEST(Registry, UnknownIdIsMalformedNamingTheId) {
  for (const Table t : {Table::kTrezor, Table::kKeepKey}) {
    try {
      decode_message(t, Message{4242, {}});
      FAIL() << "id 4242 decoded";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kMalformed);
      EXPECT_NE(std::string(e.what()).find("4242"), std::string::npos) << e.what();
    }
  }
  try {
    decode_message(Table::kKeepKey, Message{89, {0x0a, 0x00}});
    FAIL() << "KeepKey 89 decoded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("89"), std::string::npos) << e.what();
  }
}

TEST(Registry, PayloadThatDoesNotParseIsMalformed) {
  const std::vector<std::string> bad = {
      "0a05616263",                // vendor: length 5, only 3 bytes follow
      "00",                        // field number 0
      "0f",                        // wire type 7
      "10ffffffffffffffffffff01",  // varint longer than 10 bytes
      "0c",                        // end-group with no start-group
  };
  for (const auto& hex : bad) {
    try {
      decode_message(Table::kTrezor, Message{17, from_hex(hex)});
      FAIL() << hex << " parsed";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kMalformed) << hex;
      EXPECT_NE(std::string(e.what()).find("Features"), std::string::npos) << e.what();
    }
  }
}

TEST(Registry, HandWrittenFeaturesParses) {
  // vendor="trezor.io", major=2, minor=6, patch=3, initialized=true, model="T"
  const auto payload = from_hex(
      "0a097472657a6f722e696f"
      "1002"
      "1806"
      "2003"
      "6001"
      "aa010154");
  const auto msg = decode_message(Table::kTrezor, Message{17, payload});
  const auto& f = dynamic_cast<const tw::Features&>(*msg);
  EXPECT_EQ(f.vendor(), "trezor.io");
  EXPECT_EQ(f.major_version(), 2u);
  EXPECT_EQ(f.minor_version(), 6u);
  EXPECT_EQ(f.patch_version(), 3u);
  EXPECT_TRUE(f.has_initialized() && f.initialized());
  EXPECT_EQ(f.model(), "T");
  EXPECT_FALSE(f.has_pin_protection());  // proto2 presence: absent is not false
}

tw::Features realistic_features() {
  tw::Features f;
  f.set_vendor("trezor.io");
  f.set_major_version(2);
  f.set_minor_version(8);
  f.set_patch_version(1);
  f.set_device_id("3A1F0C5E2B7D9E4F60718293");
  f.set_pin_protection(true);
  f.set_passphrase_protection(false);
  f.set_language("en-US");
  f.set_label("My Trezor");
  f.set_initialized(true);
  f.set_revision(std::string("\x9c\x35\x2f\x1b\x00\x7a\x01\xff\x42\x10\x20\x30\x40\x50\x60\x70\x80\x90\xa0\xb0", 20));
  f.set_unlocked(true);
  f.set_backup_availability(tw::BACKUP_NOT_AVAILABLE);
  f.set_model("Safe 3");
  f.set_recovery_status(tw::RECOVERY_NOTHING);
  for (const auto c : {tw::CAPABILITY_BITCOIN, tw::CAPABILITY_BITCOIN_LIKE, tw::CAPABILITY_ETHEREUM,
                       tw::CAPABILITY_SHAMIR, tw::CAPABILITY_SHAMIR_GROUPS, tw::CAPABILITY_TRANSLATIONS}) {
    f.add_capabilities(c);
  }
  f.set_backup_type(tw::BACKUP_TYPE_SLIP39_BASIC);
  f.set_wipe_code_protection(false);
  f.set_session_id(std::string(32, '\x5a'));
  f.set_internal_model("T2B1");
  f.set_unit_btconly(false);
  f.set_bootloader_locked(true);
  return f;
}

TEST(Registry, FeaturesRoundTripBitExactThroughDecoder) {
  const tw::Features f = realistic_features();
  const std::string bytes = f.SerializeAsString();
  const auto packets = encode_message(Table::kTrezor, f);
  EXPECT_EQ(packets.size(), packet_count(bytes.size()));
  EXPECT_GT(packets.size(), 1u);
  Decoder d;
  for (const auto& p : packets) d.feed(p);
  const Message wire = d.take();
  EXPECT_EQ(wire.type, 17);
  EXPECT_EQ(std::string(wire.payload.begin(), wire.payload.end()), bytes);
  const auto back = decode_message(Table::kTrezor, wire);
  ASSERT_EQ(back->GetDescriptor(), tw::Features::descriptor());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*back, f)) << back->DebugString();
  EXPECT_EQ(back->SerializeAsString(), bytes);
}

TEST(Registry, KeepKeyFeaturesRoundTrip) {
  kw::Features f;
  f.set_vendor("keepkey.com");
  f.set_major_version(7);
  f.set_minor_version(7);
  f.set_patch_version(0);
  f.set_firmware_variant("KeepKey");
  f.set_firmware_hash(std::string(32, '\x11'));
  f.set_no_backup(false);
  f.set_wipe_code_protection(true);
  const auto packets = encode_message(Table::kKeepKey, f);
  EXPECT_EQ(to_hex(std::span(packets[0]).first(5)), "3f23230011");
  Decoder d;
  for (const auto& p : packets) d.feed(p);
  const Message wire = d.take();
  const auto back = decode_message(Table::kKeepKey, wire);
  ASSERT_EQ(back->GetDescriptor(), kw::Features::descriptor());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*back, f));
  // Field 24 is no_backup on KeepKey but fw_patch on Trezor: the table matters.
  const auto as_trezor = decode_message(Table::kTrezor, wire);
  const auto& tf = dynamic_cast<const tw::Features&>(*as_trezor);
  EXPECT_TRUE(tf.has_fw_patch());
  EXPECT_FALSE(tf.has_no_backup());
}

TEST(Registry, TableNames) {
  EXPECT_EQ(to_string(Table::kTrezor), "trezor");
  EXPECT_EQ(to_string(Table::kKeepKey), "keepkey");
}

}  // namespace
}  // namespace cc::trezor
