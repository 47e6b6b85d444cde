// Arbitrary bytes as a stream of reports from a device: nothing may crash, leak or
// hang, and only cc::Error may escape the codec.
// Input: two selector bytes, then the reports. Selector bit 15 set: each report is
// preceded by a length byte (short and long reads); else fixed 64-byte packets. The
// low 15 bits pick the cap: 0x7fff is the default cap, anything else is used as is.
// Small caps keep executions fast (the decoder reserves the declared length).
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.hpp"
#include "protocol/trezor/codec.hpp"
#include "protocol/trezor/registry.hpp"

namespace {

std::size_t pick_cap(std::uint8_t a, std::uint8_t b) {
  const std::size_t v = (std::size_t{a & 0x7Fu} << 8) | b;
  return v == 0x7FFF ? cc::trezor::kDefaultMaxPayload : v;
}

void try_decode(const cc::trezor::Message& m) {
  for (const auto table : {cc::trezor::Table::kTrezor, cc::trezor::Table::kKeepKey}) {
    try {
      auto msg = cc::trezor::decode_message(table, m);
      // Re-encoding what we parsed must work: every decoded type has an id.
      (void)cc::trezor::encode_message(table, *msg);
    } catch (const cc::Error& e) {
      if (e.code() != cc::ErrorCode::kMalformed) __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t cap = pick_cap(data[0], data[1]);
  const bool variable = (data[0] & 0x80) != 0;
  std::span<const std::uint8_t> rest(data + 2, size - 2);
  cc::trezor::Decoder decoder(cap);
  while (!rest.empty()) {
    std::size_t n = cc::trezor::kPacketSize;
    if (variable) {
      // Short (or long) reads, as a flaky transport might deliver them.
      n = rest[0] % 80;
      rest = rest.subspan(1);
    }
    n = std::min(n, rest.size());
    const auto packet = rest.first(n);
    rest = rest.subspan(n);
    try {
      if (decoder.feed(packet) == cc::trezor::Decoder::Step::kComplete) {
        const cc::trezor::Message m = decoder.take();
        if (m.payload.size() > cap) __builtin_trap();
        try_decode(m);
      }
    } catch (const cc::Error& e) {
      if (e.code() != cc::ErrorCode::kMalformed) __builtin_trap();
    }
  }
  return 0;
}
