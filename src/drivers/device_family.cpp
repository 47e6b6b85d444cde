#include "drivers/device_family.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "protocol/ledger/apdu.hpp"
#include "protocol/ledger/framing.hpp"
#include "protocol/trezor/codec.hpp"

namespace cc::drivers {

namespace cat = ::coldcheck::catalog;

namespace {

constexpr std::uint16_t kTrezorGetFeatures = 55;
using Clock = std::chrono::steady_clock;
using Report = std::array<std::uint8_t, transport::kReportSize>;

std::chrono::milliseconds left(Clock::time_point deadline) {
  return std::max(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()),
                  std::chrono::milliseconds(0));
}

bool is_ledger_frame(const Report& r, std::size_t n) {
  return n >= ledger::kHeaderSize && r[0] == 0x01 && r[1] == 0x01 && r[2] == ledger::kTag;
}

// Reads the rest of the reply whose first report is `first`; true when it completed.
template <typename Decoder, typename Done>
bool drain(transport::Link& link, Decoder& decoder, const Report& first, std::size_t n, Clock::time_point deadline,
           Done done) {
  try {
    if (done(decoder, std::span(first.data(), n))) return true;
    Report next{};
    while (true) {
      const std::size_t got = link.read(next, left(deadline));
      if (done(decoder, std::span(next.data(), got))) return true;
    }
  } catch (const Error&) {
    return false;  // malformed or late: the link may still carry the rest
  }
}

}  // namespace

ProbedFamily probe_udp_family(std::unique_ptr<transport::Link> link, std::chrono::milliseconds timeout) {
  for (const auto& r : ledger::encode(ledger::get_app_and_version_command())) link->write(r);
  for (const auto& p : trezor::encode(kTrezorGetFeatures, {})) link->write(p);
  const auto deadline = Clock::now() + timeout;
  Report reply{};
  std::size_t n = 0;
  try {
    n = link->read(reply, timeout);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kTimeout) throw;
    return {cat::PROTOCOL_TREZOR_V1, nullptr};
  }
  if (is_ledger_frame(reply, n)) {
    ledger::Decoder decoder;
    const bool whole = drain(*link, decoder, reply, n, deadline,
                             [](ledger::Decoder& d, std::span<const std::uint8_t> r) { return d.feed(r); });
    return {cat::PROTOCOL_LEDGER_APDU, whole ? std::move(link) : nullptr};
  }
  trezor::Decoder decoder;
  const bool whole = drain(*link, decoder, reply, n, deadline, [](trezor::Decoder& d, std::span<const std::uint8_t> r) {
    const auto step = d.feed(r);
    if (step == trezor::Decoder::Step::kSkipped) throw Error(ErrorCode::kMalformed, "not a Trezor packet");
    return step == trezor::Decoder::Step::kComplete;
  });
  return {cat::PROTOCOL_TREZOR_V1, whole ? std::move(link) : nullptr};
}

}  // namespace cc::drivers
