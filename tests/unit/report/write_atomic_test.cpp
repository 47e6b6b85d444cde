#include "core/write_atomic.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "sample_body.hpp"

namespace cc {
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
  struct stat st {};
  ASSERT_EQ(::stat((dir.path() / "report.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(WriteFileAtomic, NeverReplacesAnExistingFile) {
  test::TempDir dir;
  const auto path = dir.path() / "r.pb";
  write_file_atomic(path, "first");
  try {
    write_file_atomic(path, "second");
    ADD_FAILURE() << "replaced an existing report";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(path), "first");
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(WriteFileAtomic, NeverReplacesASymlinkNorWhatItPointsTo) {
  test::TempDir dir;
  std::ofstream(dir.path() / "victim") << "keep";
  fs::create_symlink(dir.path() / "victim", dir.path() / "link.json");
  fs::create_symlink(dir.path() / "nowhere", dir.path() / "dangling.json");
  EXPECT_THROW(write_file_atomic(dir.path() / "link.json", "new"), Error);
  EXPECT_THROW(write_file_atomic(dir.path() / "dangling.json", "new"), Error);
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.json"));
  EXPECT_TRUE(fs::is_symlink(dir.path() / "dangling.json"));
  EXPECT_FALSE(fs::exists(dir.path() / "nowhere"));
  EXPECT_EQ(slurp(dir.path() / "victim"), "keep");
  EXPECT_EQ(entries(dir.path()), 3u);
}

// As root this once replaced /dev/stdout; /dev/null is a device node anyone can name.
TEST(WriteFileAtomic, NeverReplacesADeviceNode) {
  EXPECT_THROW(write_file_atomic("/dev/null", "x"), Error);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  EXPECT_THROW(write_file_atomic("/dev/stdout", "x"), Error);
  EXPECT_TRUE(fs::is_symlink("/dev/stdout") || fs::is_character_file("/dev/stdout"));
}

TEST(WriteFileAtomic, FailureLeavesTheOldTargetAndNoTempFile) {
  test::TempDir dir;
  const auto target = dir.path() / "taken";
  fs::create_directory(target);
  std::ofstream(target / "inside") << "keep";
  EXPECT_THROW(write_file_atomic(target, "new"), Error);
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

std::vector<RenderedFile> sample_set() {
  return {{".txt", "text"}, {".json", "{}"}, {".html", std::string(50000, 'h')}, {".pb", "pb"}};
}

TEST(WriteReportSet, WritesEveryFileUnderOneFreshName) {
  test::TempDir dir;
  const auto paths = write_report_set(dir.path(), "coldcheck-report-", sample_set());
  ASSERT_EQ(paths.size(), 4u);
  const std::string stem = paths[0].stem().string();
  EXPECT_EQ(stem.rfind("coldcheck-report-", 0), 0u) << stem;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(paths[i].stem().string(), stem);
    EXPECT_EQ(slurp(paths[i]), sample_set()[i].bytes);
  }
  EXPECT_EQ(entries(dir.path()), 4u);
}

// Runs within one second used to share a name and overwrite each other's files.
TEST(WriteReportSet, ManyRunsInTheSameSecondEachKeepTheirFullSet) {
  test::TempDir dir;
  constexpr int kRuns = 16;
  std::vector<std::vector<fs::path>> sets(kRuns);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRuns; ++i) {
    threads.emplace_back([&, i] {
      auto files = sample_set();
      files[1].bytes = "{\"run\": " + std::to_string(i) + "}";
      sets[static_cast<std::size_t>(i)] = write_report_set(dir.path(), "r-", files);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(entries(dir.path()), 4u * kRuns);
  for (int i = 0; i < kRuns; ++i) {
    const auto& set = sets[static_cast<std::size_t>(i)];
    ASSERT_EQ(set.size(), 4u);
    EXPECT_EQ(slurp(set[1]), "{\"run\": " + std::to_string(i) + "}");
  }
}

// A full disk: the file size limit makes the big HTML fail after the text and JSON
// were published; they are taken back, so no partial set remains.
TEST(WriteReportSet, AFailedWriteLeavesNoPartialSetAndSaysSo) {
  test::TempDir dir;
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{20000, 20000};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      write_report_set(dir.path(), "r-", sample_set());
      ::_exit(1);
    } catch (const Error& e) {
      const std::string what = e.what();
      ::_exit(what.find("no report was written") != std::string::npos ? 0 : 2);
    }
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(entries(dir.path()), 0u);
}

TEST(WriteReportSet, MissingDirectoryIsAnErrorAndWritesNothing) {
  test::TempDir dir;
  EXPECT_THROW(write_report_set(dir.path() / "absent", "r-", sample_set()), Error);
  EXPECT_EQ(entries(dir.path()), 0u);
}

}  // namespace
}  // namespace cc
