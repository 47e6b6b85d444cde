#include "sim/debug_client.hpp"

#include <array>

#include "core/error.hpp"
#include "sim/debuglink.hpp"
#include "transport/device_path.hpp"
#include "transport/udp_link.hpp"

namespace cc::sim {

namespace dbg = ::coldcheck::wire::debug;

DebugClient::DebugClient(const std::string& path)
    : link_(transport::UdpLink::open(transport::parse_device_path(path))) {}

DebugClient::~DebugClient() = default;

void DebugClient::send(const google::protobuf::Message& message) {
  for (const auto& packet : debuglink::encode(message)) link_->write(packet);
}

dbg::DebugLinkState DebugClient::state(std::chrono::milliseconds timeout) {
  send(dbg::DebugLinkGetState());
  trezor::Decoder decoder;
  std::array<std::uint8_t, transport::kReportSize> report{};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw Error(ErrorCode::kTimeout, "the simulated device's debug link did not answer");
    const auto n = link_->read(report, left);
    if (decoder.feed(std::span(report.data(), n)) != trezor::Decoder::Step::kComplete) continue;
    auto reply = debuglink::decode(decoder.take());
    if (reply->GetDescriptor() != dbg::DebugLinkState::descriptor()) {
      throw Error(ErrorCode::kMalformed, "the debug link answered " + reply->GetDescriptor()->name());
    }
    dbg::DebugLinkState out;
    out.CopyFrom(*reply);
    return out;
  }
}

void DebugClient::press(bool yes) {
  dbg::DebugLinkDecision d;
  d.set_button(yes ? dbg::DebugLinkDecision::YES : dbg::DebugLinkDecision::NO);
  send(d);
}

void DebugClient::type(const std::string& text) {
  dbg::DebugLinkDecision d;
  d.set_input(text);
  send(d);
}

}  // namespace cc::sim
