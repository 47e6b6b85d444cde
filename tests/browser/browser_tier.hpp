#pragma once
// A browser test needs Chromium, Node.js and puppeteer-core. Where scripts/test.sh set
// the machine up (CC_REQUIRE_BROWSER=1), a missing piece is a failure, not a skip: a
// green run must never hide that the page was not tested.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace cc::browser_tier {

inline constexpr const char* kChromium = "/usr/bin/chromium";

// Headless Chromium that stays off the network (this machine's is closed) with its own
// profile; callers append their flags and the page.
inline std::vector<std::string> headless_chromium(const std::filesystem::path& profile) {
  return {kChromium,
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--hide-scrollbars",
          "--user-data-dir=" + profile.string()};
}

}  // namespace cc::browser_tier

#define CC_BROWSER_UNAVAILABLE(why)                                                             \
  do {                                                                                          \
    if (const char* required = std::getenv("CC_REQUIRE_BROWSER"); required && *required == '1') \
      FAIL() << why << " (CC_REQUIRE_BROWSER=1)";                                               \
    GTEST_SKIP() << why;                                                                        \
  } while (0)
