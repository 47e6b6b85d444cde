#pragma once
// A browser test needs Chromium, Node.js and puppeteer-core. Where scripts/test.sh set
// the machine up (CC_REQUIRE_BROWSER=1), a missing piece is a failure, not a skip: a
// green run must never hide that the page was not tested.
#include <gtest/gtest.h>

#include <cstdlib>

#define CC_BROWSER_UNAVAILABLE(why)                                                             \
  do {                                                                                          \
    if (const char* required = std::getenv("CC_REQUIRE_BROWSER"); required && *required == '1') \
      FAIL() << why << " (CC_REQUIRE_BROWSER=1)";                                               \
    GTEST_SKIP() << why;                                                                        \
  } while (0)
