#include "transport/hid_link.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "transport/node_access.hpp"

namespace cc::transport {
namespace {

// A file in the test temp dir, removed when the test ends.
class TempNode {
 public:
  explicit TempNode(const char* name)
      : path_(std::filesystem::path(::testing::TempDir()) / (std::string(name) + "-" + std::to_string(::getpid()))) {
    std::ofstream(path_) << "not a hidraw node";
  }
  ~TempNode() { std::filesystem::remove(path_); }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(HidLink, MissingNodeIsNotFound) {
  const DevicePath path = parse_device_path("hid:/dev/hidraw-coldcheck-does-not-exist");
  try {
    HidLink::open(path);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound) << e.what();
    EXPECT_NE(std::string(e.what()).find("hid:/dev/hidraw-coldcheck-does-not-exist"), std::string::npos);
  }
}

TEST(HidLink, UnreadableNodeIsPermissionDenied) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: access() permits everything, so mode 000 cannot be denied";
  }
  TempNode node("hidraw-mode-000");
  ASSERT_EQ(::chmod(node.str().c_str(), 0), 0);
  try {
    HidLink::open(DevicePath{Scheme::kHid, node.str(), 0});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied) << e.what();
    EXPECT_NE(std::string(e.what()).find("mode 0000"), std::string::npos) << e.what();
  }
}

TEST(HidLink, OpenRejectsOtherSchemes) {
  try {
    HidLink::open(parse_device_path("udp:127.0.0.1:1"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(NodeAccess, DescribesModeOwnerAndGroup) {
  TempNode node("hidraw-mode-640");
  ASSERT_EQ(::chmod(node.str().c_str(), 0640), 0);
  const std::string text = describe_node(node.str());
  EXPECT_NE(text.find(node.str() + " mode 0640 "), std::string::npos) << text;
  EXPECT_NE(text.find(':'), std::string::npos) << text;
}

TEST(NodeAccess, MissingNodeExplainsNotFound) {
  const auto why = explain_node_access("/nonexistent/hidraw9", "hid:/nonexistent/hidraw9");
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(why->code(), ErrorCode::kNotFound);
  EXPECT_NE(std::string(why->what()).find("hid:/nonexistent/hidraw9"), std::string::npos);
}

TEST(NodeAccess, AccessibleNodeNeedsNoExplanation) {
  TempNode node("hidraw-mode-666");
  ASSERT_EQ(::chmod(node.str().c_str(), 0666), 0);
  EXPECT_FALSE(explain_node_access(node.str(), "hid:" + node.str()).has_value());
}

}  // namespace
}  // namespace cc::transport
