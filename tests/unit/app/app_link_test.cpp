// cc_app is what a service links: it must not bring the simulator (test keys, tampered
// firmware images, scenarios) or the demo with it. Two views: the link closure CMake
// computes, and the symbols the archive itself needs.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

namespace {

std::set<std::string> closure() {
  std::ifstream in(CC_APP_CLOSURE_FILE);
  std::set<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

TEST(AppLink, TheClosureHasNoSimulatorOrDemo) {
  const auto libs = closure();
  ASSERT_TRUE(libs.count("cc_app")) << "closure file is empty or stale";
  ASSERT_TRUE(libs.count("cc_report")) << "the walk must reach cc_app's own dependencies";
  EXPECT_FALSE(libs.count("cc_sim")) << "cc_app links the simulator";
  EXPECT_FALSE(libs.count("cc_demo")) << "cc_app links the demo";
}

TEST(AppLink, TheArchiveNeedsNoSimulatorSymbols) {
  const std::string command = std::string("nm -C --undefined-only '") + CC_APP_ARCHIVE + "' 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string all;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) all.append(buffer, n);
  ASSERT_EQ(::pclose(pipe), 0) << "nm failed on " << CC_APP_ARCHIVE;
  ASSERT_NE(all.find("cc::report::"), std::string::npos) << "nm output does not look like cc_app's symbols";
  EXPECT_EQ(all.find("cc::sim::"), std::string::npos) << "cc_app calls into the simulator";
  EXPECT_EQ(all.find("cc::demo::"), std::string::npos) << "cc_app calls into the demo";
}

}  // namespace
