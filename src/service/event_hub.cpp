#include "service/event_hub.hpp"

namespace cc::service {

std::string sse_frame(std::string_view event, std::string_view data_json) {
  // data_json is one line (our JSON writers never emit a newline).
  std::string frame;
  frame.reserve(event.size() + data_json.size() + 16);
  frame.append("event: ").append(event).append("\ndata: ").append(data_json).append("\n\n");
  return frame;
}

std::uint64_t EventHub::subscribe(const std::string& topic, Sink sink) {
  const std::lock_guard lock(mutex_);
  auto& t = topics_[topic];
  for (const auto& e : t.history) sink(e);
  const auto id = next_id_++;
  t.sinks.emplace(id, std::move(sink));
  topic_of_.emplace(id, topic);
  return id;
}

void EventHub::unsubscribe(std::uint64_t id) {
  const std::lock_guard lock(mutex_);
  const auto it = topic_of_.find(id);
  if (it == topic_of_.end()) return;
  if (const auto t = topics_.find(it->second); t != topics_.end()) {
    t->second.sinks.erase(id);
    if (t->second.sinks.empty() && t->second.history.empty()) topics_.erase(t);
  }
  topic_of_.erase(it);
}

void EventHub::publish(const std::string& topic, std::string_view event, std::string_view data_json) {
  publish_wire(topic, std::make_shared<const std::string>(sse_frame(event, data_json)), false);
}

void EventHub::publish_state(const std::string& topic, std::string_view event, std::string_view data_json) {
  publish_wire(topic, std::make_shared<const std::string>(sse_frame(event, data_json)), true);
}

void EventHub::publish_wire(const std::string& topic, WireEvent wire, bool replace) {
  const std::lock_guard lock(mutex_);
  auto& t = topics_[topic];
  if (replace) t.history.clear();
  t.history.push_back(wire);
  while (t.history.size() > history_) t.history.pop_front();
  for (auto& [id, sink] : t.sinks) sink(wire);
}

void EventHub::drop_history(const std::string& topic) {
  const std::lock_guard lock(mutex_);
  if (const auto t = topics_.find(topic); t != topics_.end()) {
    t->second.history.clear();
    if (t->second.sinks.empty()) topics_.erase(t);
  }
}

std::size_t EventHub::subscribers() const {
  const std::lock_guard lock(mutex_);
  return topic_of_.size();
}

}  // namespace cc::service
