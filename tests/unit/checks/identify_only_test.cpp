#include "checks/identify_only.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cc::checks {
namespace {

namespace rp = ::coldcheck::report;

TEST(IdentifyOnlyChecks, EachSaysUnsupportedWithTheModel) {
  ::coldcheck::DeviceFacts f;
  f.set_model_name("Coldcard");
  std::set<std::string> ids;
  for (const auto& c : identify_only_checks(f, findings::Language::kEnglish)) {
    ids.insert(c.id());
    EXPECT_EQ(c.status(), rp::CHECK_UNSUPPORTED) << c.id();
    EXPECT_NE(c.detail().find("(Coldcard)"), std::string::npos) << c.detail();
  }
  EXPECT_EQ(ids, (std::set<std::string>{"fw.revision", "fw.hash", "auth.device"}));
}

}  // namespace
}  // namespace cc::checks
