#include "service/web_person.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "i18n/catalog.hpp"
#include "service/json_out.hpp"

namespace cc::service {

WebPerson::WebPerson(EventHub& hub, std::string topic, std::chrono::milliseconds wait)
    : hub_(hub), topic_(std::move(topic)), wait_(wait) {}

void WebPerson::tell(const std::string& text) { hub_.publish(topic_, "tell", "{\"text\":" + json_quote(text) + "}"); }

std::optional<PersonAnswer> WebPerson::wait_for(std::uint64_t id) {
  std::unique_lock lock(mutex_);
  const bool got = answered_.wait_for(lock, wait_, [&] { return cancelled_ || answer_.has_value(); });
  asked_ = 0;
  if (!got || cancelled_) return std::nullopt;
  auto a = std::move(answer_);
  answer_.reset();
  (void)id;
  return a;
}

bool WebPerson::confirm(const std::string& question) {
  std::uint64_t id;
  {
    const std::lock_guard lock(mutex_);
    id = next_id_++;
    asked_ = id;
    asked_kind_ = "confirm";
    answer_.reset();
  }
  hub_.publish(topic_, "confirm", "{\"prompt\":" + std::to_string(id) + ",\"question\":" + json_quote(question) + "}");
  const auto a = wait_for(id);
  return a && a->yes.value_or(false);
}

std::optional<std::string> WebPerson::ask(const std::string& prompt, bool hide) {
  std::uint64_t id;
  // A hidden prompt is the PIN grid (several positions); the others take one answer.
  const std::string kind = hide ? "pin" : "answer";
  {
    const std::lock_guard lock(mutex_);
    id = next_id_++;
    asked_ = id;
    asked_kind_ = kind;
    answer_.reset();
  }
  hub_.publish(
      topic_, "ask",
      "{\"prompt\":" + std::to_string(id) + ",\"input\":" + json_quote(kind) + ",\"text\":" + json_quote(prompt) + "}");
  auto a = wait_for(id);
  if (!a) return std::nullopt;
  if (a->back) return std::string("b");
  if (a->positions) return std::move(*a->positions);  // the dialogue wipes it after use
  if (a->words) return std::to_string(*a->words);
  if (a->outcome) return *a->outcome;
  return std::nullopt;
}

bool WebPerson::interrupted() const {
  const std::lock_guard lock(mutex_);
  return cancelled_;
}

void WebPerson::answer(std::uint64_t prompt_id, PersonAnswer a) {
  const int kinds =
      (a.yes ? 1 : 0) + (a.positions ? 1 : 0) + (a.words ? 1 : 0) + (a.back ? 1 : 0) + (a.outcome ? 1 : 0);
  if (kinds != 1)
    throw Error(ErrorCode::kInvalidArgument, N_("give exactly one of yes, positions, words, back, outcome"));
  if (a.positions) {
    const auto& p = *a.positions;
    if (p.empty() || p.size() > 9 || !std::all_of(p.begin(), p.end(), [](char c) { return c >= '1' && c <= '9'; })) {
      throw Error(ErrorCode::kInvalidArgument,
                  N_("positions: digits 1 to 9 only (where they sit on the device's grid)"));
    }
  }
  if (a.words && (*a.words < 12 || *a.words > 33)) throw Error(ErrorCode::kInvalidArgument, N_("words: 12 to 33"));
  if (a.outcome && *a.outcome != "correct" && *a.outcome != "incorrect" && *a.outcome != "skip") {
    throw Error(ErrorCode::kInvalidArgument, N_("outcome: correct, incorrect or skip"));
  }
  const std::lock_guard lock(mutex_);
  if (cancelled_) throw Error(ErrorCode::kCancelled, N_("the backup check was cancelled"));
  if (asked_ == 0 || asked_ != prompt_id)
    throw Error(ErrorCode::kInvalidArgument, N_("prompt: nothing is asked under that id now"));
  const bool fits = asked_kind_ == "confirm" ? a.yes.has_value() : !a.yes.has_value();
  if (!fits) throw Error(ErrorCode::kInvalidArgument, N_("that kind of answer does not fit this prompt"));
  if (asked_kind_ == "pin" && !a.positions) throw Error(ErrorCode::kInvalidArgument, N_("this prompt takes positions"));
  answer_ = std::move(a);
  answered_.notify_all();
}

void WebPerson::cancel() {
  const std::lock_guard lock(mutex_);
  cancelled_ = true;
  answered_.notify_all();
}

}  // namespace cc::service
