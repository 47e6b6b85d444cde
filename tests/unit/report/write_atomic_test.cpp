#include "report/write_atomic.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/error.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(WriteFileAtomic, WritesWithMode0600AndLeavesNoTempFile) {
  test::TempDir dir;
  const mode_t old_umask = ::umask(0);
  write_file_atomic(dir.path() / "report.json", "{}\n");
  ::umask(old_umask);
  EXPECT_EQ(slurp(dir.path() / "report.json"), "{}\n");
  struct stat st{};
  ASSERT_EQ(::stat((dir.path() / "report.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(WriteFileAtomic, ReplacesAnExistingFile) {
  test::TempDir dir;
  const auto path = dir.path() / "r.pb";
  write_file_atomic(path, std::string(100000, 'a'));
  const auto inode_before = fs::status(path).type();
  write_file_atomic(path, "short");
  EXPECT_EQ(fs::status(path).type(), inode_before);
  EXPECT_EQ(slurp(path), "short");
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(WriteFileAtomic, FailureLeavesTheOldTargetAndNoTempFile) {
  test::TempDir dir;
  const auto target = dir.path() / "taken";
  fs::create_directory(target);
  std::ofstream(target / "inside") << "keep";
  EXPECT_THROW(write_file_atomic(target, "new"), Error);  // rename onto a non-empty directory fails
  EXPECT_TRUE(fs::is_directory(target));
  EXPECT_EQ(slurp(target / "inside"), "keep");
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(WriteFileAtomic, MissingDirectoryIsNotFound) {
  test::TempDir dir;
  try {
    write_file_atomic(dir.path() / "no" / "such" / "r.json", "{}");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
}

// A reader racing the writer sees the whole old file or the whole new one, never a mix.
TEST(WriteFileAtomic, ConcurrentReaderNeverSeesAPartialFile) {
  test::TempDir dir;
  const auto path = dir.path() / "r.html";
  const std::string a(200000, 'a'), b(150000, 'b');
  write_file_atomic(path, a);
  std::atomic<bool> done{false};
  std::atomic<int> bad{0}, reads{0};
  std::thread reader([&] {
    while (!done.load()) {
      const std::string got = slurp(path);
      if (got != a && got != b) bad.fetch_add(1);
      reads.fetch_add(1);
    }
  });
  for (int i = 0; i < 60; ++i) write_file_atomic(path, i % 2 == 0 ? b : a);
  done = true;
  reader.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(entries(dir.path()), 1u);
}

}  // namespace
}  // namespace cc::report
