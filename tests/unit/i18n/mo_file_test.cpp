#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "i18n/catalog.hpp"
#include "i18n/mo_file.hpp"

namespace cc::i18n {
namespace {

using Bytes = std::vector<std::uint8_t>;
using Entries = std::vector<std::pair<std::string, std::string>>;

void put32(Bytes& out, std::size_t at, std::uint32_t v, bool big_endian) {
  for (std::size_t i = 0; i < 4; ++i) {
    const std::size_t shift = big_endian ? 8 * (3 - i) : 8 * i;
    out[at + i] = static_cast<std::uint8_t>(v >> shift);
  }
}

// A .mo as the format documents it: header, originals table, translations table,
// then NUL-terminated strings. No hash table (size 0), which readers must accept.
Bytes make_mo(const Entries& entries, bool big_endian = false) {
  const std::size_t n = entries.size();
  const std::size_t originals = 28, translations = 28 + 8 * n;
  Bytes out(28 + 16 * n, 0);
  put32(out, 0, 0x950412de, big_endian);
  put32(out, 8, static_cast<std::uint32_t>(n), big_endian);
  put32(out, 12, static_cast<std::uint32_t>(originals), big_endian);
  put32(out, 16, static_cast<std::uint32_t>(translations), big_endian);
  auto add = [&](std::size_t table, std::size_t i, const std::string& s) {
    put32(out, table + 8 * i, static_cast<std::uint32_t>(s.size()), big_endian);
    put32(out, table + 8 * i + 4, static_cast<std::uint32_t>(out.size()), big_endian);
    out.insert(out.end(), s.begin(), s.end());
    out.push_back(0);
  };
  for (std::size_t i = 0; i < n; ++i) add(originals, i, entries[i].first);
  for (std::size_t i = 0; i < n; ++i) add(translations, i, entries[i].second);
  return out;
}

const Entries kEntries = {{"", "Content-Type: text/plain; charset=UTF-8\n"},
                          {"yes", "是"},
                          {std::string("file\0files", 10), std::string("文件\0文件", 13)}};

TEST(MoFile, ReadsLittleAndBigEndian) {
  for (bool big : {false, true}) {
    const Bytes bytes = make_mo(kEntries, big);
    const auto mo = MoFile::parse(bytes);
    ASSERT_TRUE(mo.has_value()) << big;
    EXPECT_EQ(mo->size(), 2u);  // the header entry is not a message
    EXPECT_EQ(mo->find("yes"), "是");
    EXPECT_EQ(mo->find("file"), "文件");  // plural: first form
    EXPECT_FALSE(mo->find("no").has_value());
    EXPECT_FALSE(mo->find("").has_value());
  }
}

TEST(MoFile, RejectsMalformedData) {
  const Bytes good = make_mo(kEntries);
  EXPECT_FALSE(MoFile::parse(Bytes{}).has_value());
  EXPECT_FALSE(MoFile::parse(Bytes(good.begin(), good.begin() + 20)).has_value());

  Bytes bad_magic = good;
  bad_magic[0] ^= 1;
  EXPECT_FALSE(MoFile::parse(bad_magic).has_value());

  Bytes truncated(good.begin(), good.end() - 3);  // the last string loses its end and NUL
  EXPECT_FALSE(MoFile::parse(truncated).has_value());

  Bytes offset_out = good;
  put32(offset_out, 28 + 4, 0xFFFFFF00, false);  // first original points outside the data
  EXPECT_FALSE(MoFile::parse(offset_out).has_value());

  Bytes no_nul = good;
  no_nul.back() = 'x';
  EXPECT_FALSE(MoFile::parse(no_nul).has_value());

  Bytes huge_count = good;
  put32(huge_count, 8, 0x7FFFFFFF, false);
  EXPECT_FALSE(MoFile::parse(huge_count).has_value());

  Bytes table_out = good;
  put32(table_out, 16, 0xFFFFFFF0, false);  // translations table outside the data
  EXPECT_FALSE(MoFile::parse(table_out).has_value());

  Bytes future_revision = good;
  put32(future_revision, 4, 0x00020000, false);
  EXPECT_FALSE(MoFile::parse(future_revision).has_value());
}

TEST(MoFile, EmbeddedChineseCatalogParses) {
  const auto mo = MoFile::parse(embedded_zh_cn_mo());
  ASSERT_TRUE(mo.has_value());
  EXPECT_GT(mo->size(), 50u);
  EXPECT_EQ(mo->find("yes"), "是");
}

}  // namespace
}  // namespace cc::i18n
