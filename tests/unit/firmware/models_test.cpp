#include "firmware/models.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cc::firmware {
namespace {

TEST(FirmwareAreaSize, KnownModels) {
  EXPECT_EQ(firmware_area_size("T1B1"), 983040u);   // 960 KiB
  EXPECT_EQ(firmware_area_size("T2T1"), 1703936u);  // 1664 KiB
  EXPECT_EQ(firmware_area_size("T2B1"), 1703936u);
  EXPECT_EQ(firmware_area_size("T3B1"), 1703936u);
  EXPECT_EQ(firmware_area_size("T3T1"), 1703936u);
  EXPECT_EQ(firmware_area_size("T3W1"), 3416064u);  // 3336 KiB
}

TEST(FirmwareAreaSize, UnknownModelIsUnsupported) {
  for (const char* model : {"", "t1b1", "D001", "T4X9", "Nano S"}) {
    try {
      (void)firmware_area_size(model);
      ADD_FAILURE() << model;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kUnsupported) << model;
    }
  }
}

TEST(FirmwareAreaSize, T3W1Release293Quirk) {
  EXPECT_EQ(firmware_area_size("T3W1", Version{2, 9, 3, 0}), 3416064u - 16384u);
  EXPECT_EQ(firmware_area_size("T3W1", Version{2, 9, 4, 0}), 3416064u);
  EXPECT_EQ(firmware_area_size("T3T1", Version{2, 9, 3, 0}), 1703936u);
}

}  // namespace
}  // namespace cc::firmware
