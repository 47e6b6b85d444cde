#include "drivers/apdu_channel.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "protocol/ledger/framing.hpp"
#include "transport/open.hpp"
#include "transport/record_link.hpp"
#include "transport/replay_link.hpp"
#include "transport/speculos_client.hpp"

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

std::unique_ptr<ApduChannel> open_apdu_channel(const transport::DevicePath& path) {
  if (path.scheme == transport::Scheme::kTcp) {
    auto client = transport::SpeculosClient::open(path);
    transport::tap_if_active(*client, path);
    return std::make_unique<SpeculosApduChannel>(std::move(client));
  }
  if (path.scheme == transport::Scheme::kReplay && transport::replay_recorded_scheme(path) == transport::Scheme::kTcp) {
    return std::make_unique<SpeculosApduChannel>(transport::record_pipe_if_active(transport::open_replay_pipe(path), path));
  }
  return std::make_unique<HidApduChannel>(transport::open_link(path));
}

}  // namespace cc::drivers
