// Arbitrary bytes as Ledger HID reports and as APDU reply data: nothing may crash,
// leak or hang, and only cc::Error{kMalformed} may escape the codec and parsers.
// Input: one selector byte (bit 0: reports of variable length; bits 1-7: cap / 8),
// then the reports. Each complete message also goes through both reply parsers.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.hpp"
#include "protocol/ledger/apdu.hpp"
#include "protocol/ledger/framing.hpp"
#include "protocol/ledger/status.hpp"

namespace {

void must_be_malformed(const cc::Error& e) {
  if (e.code() != cc::ErrorCode::kMalformed) __builtin_trap();
}

void parse_all(std::span<const std::uint8_t> message) {
  try {
    const auto reply = cc::ledger::split_reply(message);
    (void)cc::ledger::describe_status(reply.sw);
    try {
      const auto v = cc::ledger::parse_version(reply.data);
      (void)cc::ledger::parse_version(cc::ledger::encode_version(v));
    } catch (const cc::Error& e) {
      must_be_malformed(e);
    }
    try {
      (void)cc::ledger::parse_app_and_version(reply.data);
    } catch (const cc::Error& e) {
      must_be_malformed(e);
    }
  } catch (const cc::Error& e) {
    must_be_malformed(e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const bool variable = (data[0] & 1) != 0;
  const std::size_t cap = static_cast<std::size_t>(data[0] >> 1) * 8 + 8;
  std::span<const std::uint8_t> rest(data + 1, size - 1);
  parse_all(rest);  // the raw bytes as one reply too
  cc::ledger::Decoder decoder(cap);
  while (!rest.empty()) {
    std::size_t n = cc::ledger::kReportSize;
    if (variable) {
      n = rest[0] % 80;
      rest = rest.subspan(1);
    }
    n = std::min(n, rest.size());
    const auto report = rest.first(n);
    rest = rest.subspan(n);
    try {
      if (decoder.feed(report)) {
        const auto message = decoder.take();
        if (message.size() > cap) __builtin_trap();
        parse_all(message);
      }
    } catch (const cc::Error& e) {
      must_be_malformed(e);
      decoder.reset();
    }
  }
  return 0;
}
