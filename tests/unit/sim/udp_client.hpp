#pragma once
// A minimal emulator client for tests: a connected loopback UDP socket that speaks
// the v1 framing through cc::trezor's codec.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "protocol/trezor/codec.hpp"

namespace cc::sim::test {

using namespace std::chrono_literals;

// Long enough never to fire on a loaded machine; only bounds a broken test.
inline constexpr std::chrono::milliseconds kReplyTimeout = 10s;

class UdpClient {
 public:
  explicit UdpClient(std::uint16_t port);
  ~UdpClient();
  UdpClient(const UdpClient&) = delete;
  UdpClient& operator=(const UdpClient&) = delete;

  void send_raw(std::span<const std::uint8_t> datagram);
  void send(const google::protobuf::Message& message);
  // One datagram, or nullopt when none arrives within `timeout`.
  std::optional<std::vector<std::uint8_t>> receive_raw(std::chrono::milliseconds timeout = kReplyTimeout);
  // A whole reply, reassembled; nullopt on timeout. Throws what the decoder throws.
  std::optional<cc::trezor::Message> receive(std::chrono::milliseconds timeout = kReplyTimeout);
  std::unique_ptr<google::protobuf::Message> receive_decoded(std::chrono::milliseconds timeout = kReplyTimeout);
  bool ping();  // PINGPING -> PONGPONG

  template <typename T>
  T call(const google::protobuf::Message& request);  // send, receive, expect T

 private:
  int fd_ = -1;
};

}  // namespace cc::sim::test

namespace cc::sim::test {

template <typename T>
T UdpClient::call(const google::protobuf::Message& request) {
  send(request);
  auto reply = receive_decoded();
  if (!reply) throw std::runtime_error("no reply to " + std::string(request.GetDescriptor()->name()));
  if (reply->GetDescriptor() != T::descriptor()) {
    throw std::runtime_error("expected " + std::string(T::descriptor()->name()) + ", got " +
                             std::string(reply->GetDescriptor()->name()) + " " + reply->ShortDebugString());
  }
  T out;
  out.CopyFrom(*reply);
  return out;
}

}  // namespace cc::sim::test
