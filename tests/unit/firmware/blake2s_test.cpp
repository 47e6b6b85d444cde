#include "firmware/blake2s.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "test_images.hpp"

namespace cc::firmware {
namespace {

std::vector<std::uint8_t> iota_bytes(std::size_t n) {
  std::vector<std::uint8_t> out(n);
  std::iota(out.begin(), out.end(), std::uint8_t{0});
  return out;
}

// Keyed known answers from the BLAKE2 reference test vectors (blake2s-kat.txt:
// key 00..1f, input 00..len-1), also reproduced with Python's hashlib.blake2s.
TEST(Blake2sKeyed, ReferenceVectors) {
  const auto key = iota_bytes(32);
  EXPECT_EQ(to_hex(blake2s_keyed(key, {})), "48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49");
  EXPECT_EQ(to_hex(blake2s_keyed(key, iota_bytes(255))),
            "3fb735061abc519dfe979e54c1ee5bfad0a9d858b3315bad34bde999efd724dd");
}

TEST(Blake2sKeyed, OneByteKey) {
  // /usr/bin/python3 -c 'import hashlib; print(hashlib.blake2s(b"abc", key=b"\x01").hexdigest())'
  const std::vector<std::uint8_t> key{0x01};
  const std::vector<std::uint8_t> abc{'a', 'b', 'c'};
  EXPECT_EQ(to_hex(blake2s_keyed(key, abc)), "cf4ef70bd09e3929fbe666696b3db1827a4f13370ac1c4ffc128e17aeaf23843");
}

TEST(Blake2sKeyed, KeyLengthIsChecked) {
  const auto data = iota_bytes(3);
  for (const std::size_t n : {std::size_t{0}, std::size_t{33}, std::size_t{64}}) {
    try {
      (void)blake2s_keyed(iota_bytes(n), data);
      ADD_FAILURE() << "key of " << n << " bytes accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find("1..32"), std::string::npos) << e.what();
    }
  }
  for (const std::size_t n : {std::size_t{1}, std::size_t{16}, std::size_t{32}}) {
    EXPECT_NO_THROW((void)blake2s_keyed(iota_bytes(n), data));
  }
}

TEST(Blake2sMac, StreamingMatchesOneShot) {
  const auto key = iota_bytes(16);
  const auto data = test::filler(10000, 7);
  const auto expected = blake2s_keyed(key, data);
  for (const std::size_t split : {std::size_t{0}, std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{65},
                                  std::size_t{4096}, std::size_t{9999}, std::size_t{10000}}) {
    Blake2sMac mac(key);
    mac.update(std::span(data).first(split));
    mac.update(std::span(data).subspan(split));
    EXPECT_EQ(mac.finish(), expected) << "split at " << split;
  }
}

TEST(Blake2sMac, RepeatedBytesMatchABuffer) {
  const auto key = iota_bytes(32);
  for (const std::size_t count :
       {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{4096}, std::size_t{4097}, std::size_t{100000}}) {
    std::vector<std::uint8_t> buffer{1, 2, 3};
    buffer.resize(3 + count, 0xFF);
    Blake2sMac mac(key);
    mac.update(std::span(buffer).first(3));
    mac.update_repeated(0xFF, count);
    EXPECT_EQ(mac.finish(), blake2s_keyed(key, buffer)) << count;
  }
}

TEST(Blake2sMac, NoUseAfterFinish) {
  Blake2sMac mac(iota_bytes(4));
  (void)mac.finish();
  EXPECT_THROW(mac.update(iota_bytes(1)), Error);
  EXPECT_THROW((void)mac.finish(), Error);
}

TEST(Blake2sMac, Movable) {
  const auto key = iota_bytes(8);
  Blake2sMac a(key);
  a.update(iota_bytes(10));
  Blake2sMac b(std::move(a));
  EXPECT_EQ(b.finish(), blake2s_keyed(key, iota_bytes(10)));
}

}  // namespace
}  // namespace cc::firmware
