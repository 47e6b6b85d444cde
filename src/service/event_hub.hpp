#pragma once
// Server-sent events: named topics ("devices", "diagnosis/ID"), each with a short
// history that a late subscriber receives first, fanned out to every subscriber.
// Publishers are any thread; each subscriber's callback must only queue (it runs under
// the hub's lock).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace cc::service {

// One event in its wire form ("event: NAME\ndata: JSON\n\n"), shared by all subscribers.
using WireEvent = std::shared_ptr<const std::string>;

std::string sse_frame(std::string_view event, std::string_view data_json);

class EventHub {
 public:
  using Sink = std::function<void(const WireEvent&)>;
  explicit EventHub(std::size_t history = 64) : history_(history) {}

  // Subscribes `sink` to `topic`, first replaying its history; returns an id for unsubscribe.
  std::uint64_t subscribe(const std::string& topic, Sink sink);
  void unsubscribe(std::uint64_t id);
  void publish(const std::string& topic, std::string_view event, std::string_view data_json);
  // The same, but the history keeps only this event: a state that replaces the last one.
  void publish_state(const std::string& topic, std::string_view event, std::string_view data_json);
  // Forgets a topic's history (e.g. a finished diagnosis that was fetched).
  void drop_history(const std::string& topic);
  std::size_t subscribers() const;

 private:
  struct Topic {
    std::deque<WireEvent> history;
    std::map<std::uint64_t, Sink> sinks;
  };
  const std::size_t history_;
  void publish_wire(const std::string& topic, WireEvent wire, bool replace);
  mutable std::mutex mutex_;
  std::map<std::string, Topic> topics_;
  std::map<std::uint64_t, std::string> topic_of_;
  std::uint64_t next_id_ = 1;
};

}  // namespace cc::service
