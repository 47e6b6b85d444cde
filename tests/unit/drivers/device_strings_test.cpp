// Every string a device sends is made safe where the driver maps it: a device whose
// Features, Failure and ButtonRequest strings carry escape sequences, bidi overrides,
// invalid UTF-8 and 10 KB must give facts and errors that are valid UTF-8, free of
// control and bidi characters, and short.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coldcheck/keepkey.pb.h"
#include "coldcheck/trezor.pb.h"
#include "core/clean_text.hpp"
#include "core/error.hpp"
#include "drivers/device_string.hpp"
#include "drivers/features_facts.hpp"
#include "drivers/trezor_session.hpp"
#include "scripted_link.hpp"

namespace cc::drivers {
namespace {

namespace tw = ::coldcheck::wire::trezor;
namespace kw = ::coldcheck::wire::keepkey;
namespace pb = google::protobuf;
using test::ScriptedLink;

const std::string kHostile = "T\x1b[2J\xe2\x80\xae\xc4\xe3\xba\xc3\x1b]0;pwned\x07\xff" + std::string(10 * 1024, 'A');

// Every string field of `m`, nested messages included, with its name.
void strings_of(const pb::Message& m, const std::string& prefix,
                std::vector<std::pair<std::string, std::string>>& out) {
  const auto* d = m.GetDescriptor();
  const auto* r = m.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const auto* f = d->field(i);
    const std::string name = prefix + std::string(f->name());
    if (f->is_repeated()) {
      for (int k = 0; k < r->FieldSize(m, f); ++k) {
        if (f->type() == pb::FieldDescriptor::TYPE_STRING) out.emplace_back(name, r->GetRepeatedString(m, f, k));
        if (f->type() == pb::FieldDescriptor::TYPE_MESSAGE) strings_of(r->GetRepeatedMessage(m, f, k), name + ".", out);
      }
    } else if (f->type() == pb::FieldDescriptor::TYPE_STRING) {
      out.emplace_back(name, r->GetString(m, f));
    } else if (f->type() == pb::FieldDescriptor::TYPE_MESSAGE && r->HasField(m, f)) {
      strings_of(r->GetMessage(m, f), name + ".", out);
    }
  }
}

// Sets every optional string field of a Features message to the hostile text.
void fill_strings(pb::Message& m) {
  const auto* d = m.GetDescriptor();
  const auto* r = m.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const auto* f = d->field(i);
    if (!f->is_repeated() && f->type() == pb::FieldDescriptor::TYPE_STRING) r->SetString(&m, f, kHostile);
  }
}

bool has_control_or_bidi(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return true;
    if (s.compare(i, 3, "\xe2\x80\xae") == 0 || s.compare(i, 2, "\xc2\x9b") == 0) return true;
  }
  return false;
}

void expect_clean(const pb::Message& facts, std::size_t max_bytes) {
  std::vector<std::pair<std::string, std::string>> strings;
  strings_of(facts, "", strings);
  ASSERT_FALSE(strings.empty());
  for (const auto& [name, value] : strings) {
    EXPECT_TRUE(is_valid_utf8(value)) << name;
    EXPECT_FALSE(has_control_or_bidi(value)) << name;
    EXPECT_LE(value.size(), max_bytes) << name;
  }
}

tw::Features hostile_trezor(bool bootloader) {
  tw::Features f;
  fill_strings(f);
  f.set_vendor("trezor.io");  // the vendor picks the layout; every other string is hostile
  f.set_major_version(2);
  f.set_minor_version(8);
  f.set_patch_version(1);
  f.set_bootloader_mode(bootloader);
  return f;
}

TEST(DeviceStrings, TrezorFeaturesInFirmwareModeGiveCleanShortFacts) {
  const auto facts = facts_from_features(hostile_trezor(false), catalog::Catalog::builtin());
  EXPECT_EQ(facts.protocol_model().substr(0, 4), "T[2J");  // the text stays, the controls go
  expect_clean(facts, kDeviceFieldMax);
}

TEST(DeviceStrings, TrezorFeaturesInBootloaderModeGiveCleanShortFacts) {
  auto f = hostile_trezor(true);
  f.set_firmware_present(true);
  const auto facts = facts_from_features(f, catalog::Catalog::builtin());
  EXPECT_FALSE(facts.firmware_vendor().empty());
  expect_clean(facts, kDeviceFieldMax);
}

TEST(DeviceStrings, OneKeyVersionsAreCleaned) {
  auto f = hostile_trezor(false);
  f.set_onekey_device_type(tw::ONEKEY_PRO);
  const auto facts = facts_from_features(f, catalog::Catalog::builtin());
  EXPECT_FALSE(facts.firmware_version().empty());
  expect_clean(facts, kDeviceFieldMax);
}

TEST(DeviceStrings, KeepKeyFeaturesGiveCleanShortFacts) {
  kw::Features f;
  fill_strings(f);
  f.set_vendor("keepkey.com");
  f.set_major_version(7);
  f.set_minor_version(7);
  f.set_patch_version(0);
  const auto facts = facts_from_features(f, catalog::Catalog::builtin());
  EXPECT_FALSE(facts.firmware_variant().empty());
  expect_clean(facts, kDeviceFieldMax);
}

TEST(DeviceStrings, AFailureMessageBecomesACleanShortError) {
  ScriptedLink link;
  tw::Failure failure;
  failure.set_code(tw::FAILURE_DATA_ERROR);
  failure.set_message(kHostile);
  link.queue(failure);
  TrezorSession session(link, trezor::Table::kTrezor);
  try {
    session.call_expect<tw::Success>(tw::Ping());
    FAIL() << "a Failure must throw";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_TRUE(is_valid_utf8(what));
    EXPECT_FALSE(has_control_or_bidi(what)) << what;
    EXPECT_LE(what.size(), kDeviceMessageMax + 100);
    EXPECT_NE(what.find("T[2J"), std::string::npos) << "the device's words are still shown";
  }
}

TEST(DeviceStrings, AButtonRequestNameIsCleaned) {
  ScriptedLink link;
  tw::ButtonRequest br;
  br.set_code(8);
  br.set_name(kHostile);
  link.queue(br);
  tw::Success ok;
  ok.set_message(kHostile);
  link.queue(ok);
  TrezorSession session(link, trezor::Table::kTrezor);
  std::vector<ButtonPrompt> prompts;
  session.on_button([&](const ButtonPrompt& p) { prompts.push_back(p); });
  (void)session.call_expect<tw::Success>(tw::Ping());
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_TRUE(is_valid_utf8(prompts[0].name));
  EXPECT_FALSE(has_control_or_bidi(prompts[0].name));
  EXPECT_LE(prompts[0].name.size(), kDeviceFieldMax);
}

}  // namespace
}  // namespace cc::drivers
