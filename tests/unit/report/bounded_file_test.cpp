// The bounded reader lives in core; its tests sit with the report files it guards.
#include "core/bounded_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "core/error.hpp"
#include "sample_body.hpp"

namespace cc {
namespace {

namespace fs = std::filesystem;

ErrorCode code_of(const fs::path& path, std::size_t cap) {
  try {
    read_bounded_file(path, cap, "test file");
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;  // "did not throw"
}

TEST(ReadBoundedFile, ReadsARegularFileWholeAndThroughASymlink) {
  test::TempDir dir;
  const std::string bytes(10000, 'x');
  std::ofstream(dir.path() / "f", std::ios::binary) << bytes;
  fs::create_symlink(dir.path() / "f", dir.path() / "l");
  EXPECT_EQ(read_bounded_file(dir.path() / "f", 10000, "test file"), bytes);
  EXPECT_EQ(read_bounded_file(dir.path() / "l", 10000, "test file"), bytes);
}

TEST(ReadBoundedFile, RefusesAFileOverTheCapBeforeReadingIt) {
  test::TempDir dir;
  std::ofstream(dir.path() / "f", std::ios::binary) << std::string(10001, 'x');
  EXPECT_EQ(code_of(dir.path() / "f", 10000), ErrorCode::kInvalidArgument);
}

// `firmware inspect /dev/zero` once grew past 3 GB.
TEST(ReadBoundedFile, RefusesDevicesInsteadOfReadingForever) {
  EXPECT_EQ(code_of("/dev/zero", 1u << 20), ErrorCode::kInvalidArgument);
  EXPECT_EQ(code_of("/dev/null", 1u << 20), ErrorCode::kInvalidArgument);
}

// A FIFO with no writer would block open() and read() for ever.
TEST(ReadBoundedFile, RefusesAFifoWithoutBlocking) {
  test::TempDir dir;
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
  EXPECT_EQ(code_of(dir.path() / "fifo", 1u << 20), ErrorCode::kInvalidArgument);
}

TEST(ReadBoundedFile, RefusesADirectoryAndNamesAMissingFile) {
  test::TempDir dir;
  EXPECT_EQ(code_of(dir.path(), 1u << 20), ErrorCode::kInvalidArgument);
  EXPECT_EQ(code_of(dir.path() / "absent", 1u << 20), ErrorCode::kNotFound);
  try {
    read_bounded_file(dir.path(), 10, "scenario file");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("scenario file"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cc
