#pragma once
// The person behind the page, as the guided backup check sees them: every tell, question
// and prompt becomes a structured event on a topic, and the flow waits for the page's
// answer. Answers are typed, and only of the kinds the flow may ever take: yes/no, grid
// positions (digits 1-9), a word count, "back", or the outcome a Ledger showed. Free
// text cannot be sent, so no word can reach the host through here.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "app/person.hpp"
#include "service/event_hub.hpp"

namespace cc::service {

struct PersonAnswer {
  std::optional<bool> yes;               // to a question
  std::optional<std::string> positions;  // 1-9 digits, as many as the grid prompt takes
  std::optional<std::int64_t> words;     // a word count
  bool back = false;                     // one step back on a word grid
  std::optional<std::string> outcome;    // "correct", "incorrect", "skip" (Ledger, reported)
};

class WebPerson : public app::Person {
 public:
  WebPerson(EventHub& hub, std::string topic, std::chrono::milliseconds wait);

  void tell(const std::string& text) override;
  bool confirm(const std::string& question) override;
  std::optional<std::string> ask(const std::string& prompt, bool hide) override;
  bool interrupted() const override;

  // The page answers prompt `prompt_id`. Throws Error{kInvalidArgument} when nothing is
  // asked under that id or the answer is not of the kind asked; Error{kCancelled} after cancel().
  void answer(std::uint64_t prompt_id, PersonAnswer answer);
  void cancel();

 private:
  std::optional<PersonAnswer> wait_for(std::uint64_t id);

  EventHub& hub_;
  const std::string topic_;
  const std::chrono::milliseconds wait_;
  mutable std::mutex mutex_;
  std::condition_variable answered_;
  std::uint64_t asked_ = 0;  // id of the open prompt; 0: none
  std::string asked_kind_;
  std::uint64_t next_id_ = 1;
  std::optional<PersonAnswer> answer_;
  bool cancelled_ = false;
};

}  // namespace cc::service
