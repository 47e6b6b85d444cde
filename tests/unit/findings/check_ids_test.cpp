// Check ids are one table: unique, well formed, and spelled nowhere else in the sources.
#include "findings/check_ids.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace cc::findings {
namespace {

TEST(CheckIds, UniqueAndWellFormed) {
  const std::regex shape("(host|device|fw|auth|backup)\\.[a-z_]+");
  std::set<std::string_view> seen;
  for (const auto& info : check_id_table()) {
    EXPECT_TRUE(seen.insert(info.id).second) << "duplicate " << info.id;
    EXPECT_TRUE(std::regex_match(std::string(info.id), shape)) << info.id;
    EXPECT_EQ(info.section, info.id.substr(0, 5) == "host." ? "host" : "device") << info.id;
    EXPECT_FALSE(info.establishes.empty()) << info.id;
    EXPECT_EQ(find_check_id(info.id), &info);
  }
  EXPECT_EQ(find_check_id("fw.nonsense"), nullptr);
  EXPECT_EQ(seen.size(), 11u) << "ids are never removed; a new one is added to the table and this count";
}

TEST(CheckIds, NoSourceSpellsAnIdOutsideTheTable) {
  const std::regex literal("\"(host|device|fw|auth|backup)\\.[a-z_]+\"");
  const std::filesystem::path src = std::filesystem::path(CC_SOURCE_DIR) / "src";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    if (entry.path().filename().string().rfind("check_ids.", 0) == 0) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    ++files;
    std::smatch m;
    const std::string s = text.str();
    EXPECT_FALSE(std::regex_search(s, m, literal)) << entry.path() << " spells " << m.str() << "; use the constant";
  }
  EXPECT_GT(files, 50);
}

}  // namespace
}  // namespace cc::findings
