// A transcript is written only after redaction and the secret guard.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/transcript_file.hpp"
#include "core/error.hpp"

namespace cc::app {
namespace {

namespace fs = std::filesystem;

transport::Transcript with_device_text(const std::string& text) {
  transport::Transcript t;
  t.header.transport = std::string(transport::kTransportUdp);
  transport::TranscriptRecord r;
  r.dir = transport::Direction::kDeviceToHost;
  r.bytes.assign(text.begin(), text.end());
  t.records.push_back(r);
  return t;
}

class TranscriptFile : public ::testing::Test {
 protected:
  void SetUp() override { file_ = fs::temp_directory_path() / ("cc-transcript-file-" + std::to_string(::getpid())); }
  void TearDown() override { fs::remove(file_); }
  fs::path file_;
};

TEST_F(TranscriptFile, WritesACleanTranscriptPrivately) {
  write_transcript(with_device_text("PONGPONG"), file_);
  ASSERT_TRUE(fs::exists(file_));
  EXPECT_EQ(fs::status(file_).permissions() & fs::perms::group_read, fs::perms::none);
  std::ifstream in(file_);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_THAT(s.str(), ::testing::HasSubstr("504f4e47504f4e47"));
}

TEST_F(TranscriptFile, WordsInTheBytesStopTheWrite) {
  const std::string phrase =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  try {
    write_transcript(with_device_text(phrase), file_);
    FAIL() << "written";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
    EXPECT_THAT(e.what(), ::testing::HasSubstr("recovery phrase"));
    EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("abandon")));
  }
  EXPECT_FALSE(fs::exists(file_));
}

}  // namespace
}  // namespace cc::app
