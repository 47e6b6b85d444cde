#include "drivers/apdu_channel.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "protocol/ledger/framing.hpp"
#include "transport/replay_link.hpp"

namespace cc::drivers {

namespace {
using Clock = std::chrono::steady_clock;
}  // namespace

ledger::Reply HidApduChannel::exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) {
  for (const auto& report : ledger::encode(apdu)) link_->write(report);
  const auto deadline = Clock::now() + timeout;
  ledger::Decoder decoder;
  std::array<std::uint8_t, transport::kReportSize> buffer{};
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const std::size_t n = link_->read(buffer, std::max(left, std::chrono::milliseconds(0)));
    if (decoder.feed(std::span(buffer.data(), n))) return ledger::split_reply(decoder.take());
  }
}

ledger::Reply SpeculosApduChannel::exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) {
  return ledger::split_reply(client_->exchange(apdu, timeout));
}

std::unique_ptr<ApduChannel> open_apdu_channel(const transport::DevicePath& path, transport::Opener& opener,
                                               std::unique_ptr<transport::Link> reuse) {
  // A replay plays back what it recorded: whole APDUs when that was Speculos.
  const bool stream =
      path.scheme == transport::Scheme::kTcp ||
      (path.scheme == transport::Scheme::kReplay && transport::replay_recorded_scheme(path) == transport::Scheme::kTcp);
  if (stream) return std::make_unique<SpeculosApduChannel>(opener.open_apdu_stream(path));
  return std::make_unique<HidApduChannel>(reuse ? std::move(reuse) : opener.open_link(path));
}

}  // namespace cc::drivers
