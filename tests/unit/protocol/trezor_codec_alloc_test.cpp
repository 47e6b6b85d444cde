// A rogue device declares a huge length: the decoder must refuse it before it
// allocates. This binary replaces global operator new to record the largest single
// request made while a probe is armed, so it lives apart from the other tests.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "core/error.hpp"
#include "core/hex.hpp"
#include "protocol/trezor/codec.hpp"

namespace {
thread_local bool g_armed = false;
thread_local std::size_t g_largest = 0;

void* counted_alloc(std::size_t n) {
  if (g_armed && n > g_largest) g_largest = n;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace cc::trezor {
namespace {

std::size_t largest_allocation_while(const std::function<void()>& f) {
  g_largest = 0;
  g_armed = true;
  try {
    f();
  } catch (...) {
    g_armed = false;
    throw;
  }
  g_armed = false;
  return g_largest;
}

struct Probe {
  std::size_t cap;
  const char* length_hex;
  std::size_t declared;
};

TEST(DecoderAllocation, RefusedLengthAllocatesNothingNearIt) {
  const Probe probes[] = {
      {16, "000003e8", 1000},
      {16, "00100000", 1u << 20},
      {kDefaultMaxPayload, "ffffffff", 0xFFFFFFFFu},
      {kDefaultMaxPayload, "00100001", (1u << 20) + 1},
  };
  for (const Probe& p : probes) {
    Decoder d(p.cap);
    const auto header = from_hex(std::string("3f2323"
                                             "0011") +
                                 p.length_hex + std::string(110, '0'));
    ErrorCode code = ErrorCode::kInternal;
    const std::size_t largest = largest_allocation_while([&] {
      try {
        d.feed(header);
      } catch (const Error& e) {
        code = e.code();
      }
    });
    EXPECT_EQ(code, ErrorCode::kMalformed) << p.length_hex;
    // Only the error message may be allocated.
    EXPECT_LT(largest, 512u) << "declared " << p.declared << " with cap " << p.cap;
  }
}

TEST(DecoderAllocation, AcceptedLengthReservesUpFront) {
  // The probe itself must be able to see a large allocation, or the test above
  // proves nothing.
  Decoder d(1u << 20);
  const auto header = from_hex(std::string("3f2323"
                                           "0011"
                                           "00080000") +
                               std::string(110, '0'));
  const std::size_t largest = largest_allocation_while([&] { d.feed(header); });
  EXPECT_GE(largest, 0x80000u);
}

}  // namespace
}  // namespace cc::trezor
