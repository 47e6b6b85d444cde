#include "enumerate/natural_order.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cc::enumerate {
namespace {

TEST(NaturalOrder, NumbersCompareAsNumbers) {
  EXPECT_TRUE(natural_less("hid:/dev/hidraw2", "hid:/dev/hidraw10"));
  EXPECT_FALSE(natural_less("hid:/dev/hidraw10", "hid:/dev/hidraw2"));
  EXPECT_TRUE(natural_less("webusb:001-1.4", "webusb:001-1.10"));
  EXPECT_TRUE(natural_less("webusb:001-9", "webusb:002-1"));
}

TEST(NaturalOrder, IsAStrictWeakOrder) {
  EXPECT_FALSE(natural_less("a1", "a1"));
  EXPECT_TRUE(natural_less("a", "a1"));
  EXPECT_FALSE(natural_less("a1", "a"));
  EXPECT_NE(natural_less("a01", "a1"), natural_less("a1", "a01"));
  EXPECT_TRUE(natural_less("hid:x", "webusb:001-1"));
}

TEST(NaturalOrder, SortsAListing) {
  std::vector<std::string> paths{"webusb:001-2", "hid:/dev/hidraw11", "hid:/dev/hidraw1", "webusb:001-1.3",
                                 "hid:/dev/hidraw3"};
  std::sort(paths.begin(), paths.end(), natural_less);
  EXPECT_EQ(paths, (std::vector<std::string>{"hid:/dev/hidraw1", "hid:/dev/hidraw3", "hid:/dev/hidraw11",
                                             "webusb:001-1.3", "webusb:001-2"}));
}

}  // namespace
}  // namespace cc::enumerate
