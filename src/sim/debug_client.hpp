#pragma once
// The person's hands on a simulated device: reads its screen and presses its buttons
// or types on its keyboard through the debug link (UDP, main port + 1). Used by
// `coldcheck simulate --screen` and by tests; the host tool never opens it.
#include <chrono>
#include <memory>
#include <string>

#include "coldcheck/debuglink.pb.h"
#include "transport/link.hpp"

namespace cc::sim {

class DebugClient {
 public:
  // `path`: udp:HOST:PORT of the debug link. Throws cc::Error when nothing answers.
  explicit DebugClient(const std::string& path);
  ~DebugClient();
  DebugClient(const DebugClient&) = delete;
  DebugClient& operator=(const DebugClient&) = delete;

  ::coldcheck::wire::debug::DebugLinkState state(std::chrono::milliseconds timeout = std::chrono::seconds(2));
  std::string screen() { return state().screen(); }
  void press(bool yes);
  // Typed on the device's own keyboard (words, the word count).
  void type(const std::string& text);

 private:
  void send(const google::protobuf::Message& message);
  std::unique_ptr<transport::Link> link_;
};

}  // namespace cc::sim
