// Completeness of the Simplified Chinese translation: every code and UI string has a
// non-empty translation; po/zh_CN.po has no fuzzy, untranslated or obsolete entry; and
// the template extracted from today's sources matches po/coldcheck.pot and zh_CN.po.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "findings/codes.hpp"
#include "findings/translations.hpp"
#include "test_support.hpp"

namespace cc::findings {
namespace {

constexpr Language kZh = Language::kChineseSimplified;

struct PoEntry {
  std::string msgid, msgstr;
  bool fuzzy = false;
  bool obsolete = false;
  int line = 0;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The C-like string on a .po line: "..." with \n \t \" \\ escapes.
std::string unquote(const std::string& line) {
  const auto first = line.find('"');
  const auto last = line.rfind('"');
  std::string out;
  if (first == std::string::npos || last <= first) return out;
  for (std::size_t i = first + 1; i < last; ++i) {
    if (line[i] == '\\' && i + 1 < last) {
      const char c = line[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += line[i];
    }
  }
  return out;
}

// Enough of the PO format as msgmerge and xgettext write it: entries separated by blank
// lines, "#," flags, "#~" obsolete lines, msgid/msgstr with continuation lines.
// msgctxt and plurals are not used by coldcheck; they are marked so the tests fail.
std::vector<PoEntry> parse_po(const std::string& text) {
  std::vector<PoEntry> entries;
  PoEntry current;
  std::string* target = nullptr;
  bool have = false;
  auto flush = [&] {
    if (have) entries.push_back(current);
    current = PoEntry{};
    have = false;
    target = nullptr;
  };
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) {
      flush();
      continue;
    }
    std::string body = line;
    if (body.rfind("#~", 0) == 0) {
      current.obsolete = true;
      body = body.size() > 3 ? body.substr(3) : "";
    }
    if (body.rfind("#,", 0) == 0) {
      if (body.find("fuzzy") != std::string::npos) current.fuzzy = true;
    } else if (body.rfind("msgid ", 0) == 0) {
      have = true;
      current.line = number;
      current.msgid = unquote(body);
      target = &current.msgid;
    } else if (body.rfind("msgstr ", 0) == 0) {
      current.msgstr = unquote(body);
      target = &current.msgstr;
    } else if (body.rfind("msg", 0) == 0) {
      current.msgstr = "<unsupported: " + body + ">";
      target = nullptr;
    } else if (!body.empty() && body[0] == '"' && target != nullptr) {
      *target += unquote(body);
    }
  }
  flush();
  return entries;
}

std::set<std::string> msgids(const std::vector<PoEntry>& entries) {
  std::set<std::string> out;
  for (const auto& e : entries) {
    if (!e.msgid.empty() && !e.obsolete) out.insert(e.msgid);
  }
  return out;
}

const std::string kSource = CC_SOURCE_DIR;
const std::string kBinary = CC_BINARY_DIR;

TEST(PoParser, SeesFuzzyEmptyAndObsolete) {
  const auto entries = parse_po(
      "msgid \"\"\nmsgstr \"header\"\n\n#, fuzzy\nmsgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\n\"c\"\nmsgstr \"\"\n\n"
      "#, c-format\nmsgid \"%s d\"\nmsgstr \"%s D\"\n\n#~ msgid \"old\"\n#~ msgstr \"OLD\"\n");
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_TRUE(entries[1].fuzzy);
  EXPECT_EQ(entries[1].msgid, "a");
  EXPECT_EQ(entries[2].msgid, "bc");
  EXPECT_TRUE(entries[2].msgstr.empty());
  EXPECT_FALSE(entries[3].fuzzy);
  EXPECT_TRUE(entries[4].obsolete);
}

TEST(Translations, EveryCodeHasChineseTitleAndRemediation) {
  for (const auto& code : all_codes()) {
    const auto en = text_for(code, Language::kEnglish);
    const auto zh = text_for(code, kZh);
    ASSERT_TRUE(en.has_value()) << code;
    ASSERT_TRUE(zh.has_value()) << code;
    EXPECT_FALSE(zh->title.empty()) << code;
    EXPECT_FALSE(zh->remediation.empty()) << code;
    EXPECT_NE(zh->title, en->title) << code << " has no zh-CN title";
    EXPECT_NE(zh->remediation, en->remediation) << code << " has no zh-CN remediation";
  }
  EXPECT_FALSE(text_for("CC-NO-SUCH-CODE", kZh).has_value());
  EXPECT_EQ(text_for("CC-FW-OUTDATED", Language::kEnglish)->title, "The firmware is out of date");
  EXPECT_EQ(text_for("CC-FW-OUTDATED", kZh)->title, "固件已过时");
}

TEST(Translations, EveryUiStringIsTranslated) {
  for (auto s : ui_strings()) {
    const std::string zh = tr(s, kZh);
    EXPECT_FALSE(zh.empty()) << s;
    EXPECT_NE(zh, s) << "no zh-CN translation for UI string: " << s;
  }
  EXPECT_EQ(tr("Verdict", Language::kEnglish), "Verdict");
  EXPECT_EQ(tr("not a known string", kZh), "not a known string");
}

TEST(Translations, EveryExtractedMessageIsInTheEmbeddedCatalog) {
  const auto pot = msgids(parse_po(read_file(kBinary + "/src/findings/coldcheck.pot")));
  ASSERT_GT(pot.size(), 50u);
  const MoFile& mo = message_catalog(kZh);
  for (const auto& id : pot) {
    const auto found = mo.find(id);
    EXPECT_TRUE(found.has_value() && !found->empty()) << "untranslated in zh_CN: " << id;
  }
}

TEST(Translations, PoFileIsCompleteAndNotFuzzy) {
  const auto entries = parse_po(read_file(kSource + "/po/zh_CN.po"));
  ASSERT_GT(entries.size(), 50u);
  for (const auto& e : entries) {
    EXPECT_FALSE(e.fuzzy) << "po/zh_CN.po:" << e.line << " is fuzzy: " << e.msgid;
    EXPECT_FALSE(e.obsolete) << "po/zh_CN.po:" << e.line << " is obsolete: " << e.msgid;
    EXPECT_FALSE(e.msgstr.empty()) << "po/zh_CN.po:" << e.line << " is untranslated: " << e.msgid;
    EXPECT_EQ(e.msgstr.find("<unsupported"), std::string::npos) << "po/zh_CN.po:" << e.line;
  }
}

TEST(Translations, TemplateAndPoMatchTheSources) {
  const auto fresh = msgids(parse_po(read_file(kBinary + "/src/findings/coldcheck.pot")));
  const auto committed = msgids(parse_po(read_file(kSource + "/po/coldcheck.pot")));
  const auto po = msgids(parse_po(read_file(kSource + "/po/zh_CN.po")));
  EXPECT_EQ(fresh, committed) << "po/coldcheck.pot is stale: regenerate it (po/README)";
  EXPECT_EQ(fresh, po) << "po/zh_CN.po does not match the sources: msgmerge and translate (po/README)";
}

TEST(Translations, ChineseFindingsCarryNoEnglishProse) {
  auto facts = testing::healthy_facts();
  facts.set_pin_protection(false);
  facts.set_passphrase_protection(true);
  facts.set_backup(::coldcheck::BACKUP_STATE_UNFINISHED);
  facts.set_firmware_version("1.0.0");
  facts.set_busy(true);
  facts.set_emulator(true);
  Inputs in;
  in.facts = &facts;
  in.description_refused = true;
  const auto en = evaluate(in, testing::test_catalog(), Language::kEnglish);
  const auto zh = evaluate(in, testing::test_catalog(), kZh);
  ASSERT_EQ(en.size(), zh.size());
  for (std::size_t i = 0; i < en.size(); ++i) {
    EXPECT_EQ(zh[i].code(), en[i].code());
    EXPECT_EQ(zh[i].severity(), en[i].severity());
    EXPECT_NE(zh[i].title(), en[i].title()) << zh[i].code();
    EXPECT_NE(zh[i].detail(), en[i].detail()) << zh[i].code();
    EXPECT_NE(zh[i].remediation(), en[i].remediation()) << zh[i].code();
    for (int k = 0; k < zh[i].evidence_size(); ++k) {
      EXPECT_NE(zh[i].evidence(k).name(), en[i].evidence(k).name()) << zh[i].code();
    }
  }
  const auto* outdated = testing::find(zh, "CC-FW-OUTDATED");
  ASSERT_NE(outdated, nullptr);
  // 1.3.0 is listed unverified: it is still the newest release the advice names.
  EXPECT_EQ(outdated->detail(), "设备运行的固件为 1.0.0；目录中 Test test-trezor 的最新版本是 1.3.0。");
}

}  // namespace
}  // namespace cc::findings
