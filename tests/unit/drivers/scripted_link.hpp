#pragma once
// A Link that replays queued replies and records what was written: for byte sequences
// and device answers the simulator cannot produce on demand.
#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include <google/protobuf/message.h>

#include "core/error.hpp"
#include "protocol/trezor/registry.hpp"
#include "transport/link.hpp"

namespace cc::drivers::test {

class ScriptedLink : public transport::Link {
 public:
  std::string path() const override { return "udp:127.0.0.1:1"; }
  void write(std::span<const std::uint8_t> report) override {
    written.emplace_back(report.begin(), report.end());
    if (on_write) on_write(*this);
  }
  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds) override {
    if (replies.empty()) throw Error(ErrorCode::kTimeout, "no reply");
    auto r = replies.front();
    replies.pop_front();
    std::copy(r.begin(), r.end(), out.begin());
    return r.size();
  }
  void queue(const google::protobuf::Message& m) {
    for (const auto& p : trezor::encode_message(trezor::Table::kTrezor, m)) replies.emplace_back(p.begin(), p.end());
  }
  // Every message written so far, decoded (each fits one report here).
  std::vector<std::unique_ptr<google::protobuf::Message>> sent() const {
    std::vector<std::unique_ptr<google::protobuf::Message>> out;
    for (const auto& w : written) {
      trezor::Decoder decoder;
      if (decoder.feed(w) == trezor::Decoder::Step::kComplete) {
        out.push_back(trezor::decode_message(trezor::Table::kTrezor, decoder.take()));
      }
    }
    return out;
  }
  std::deque<std::vector<std::uint8_t>> replies;
  std::vector<std::vector<std::uint8_t>> written;
  std::function<void(ScriptedLink&)> on_write;
};

}  // namespace cc::drivers::test
