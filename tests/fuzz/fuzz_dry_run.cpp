// The backup check's dry-run state machine against a device made of fuzz bytes, with
// a person whose answers are fuzz too (what a console delivers): it must end, in
// bounded steps (each read returns at once; the step and button caps bound the
// loop), with an outcome or a cc::Error, never a crash.
// Input: a byte of request flags, the person's answers (NUL-separated, up to 8),
// then the device's reports.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "drivers/trezor_dry_run.hpp"
#include "fuzz_input.hpp"
#include "fuzz_link.hpp"

namespace {

class FuzzPerson final : public cc::drivers::DryRunPerson {
 public:
  explicit FuzzPerson(std::vector<std::string> answers) : answers_(std::move(answers)) {}
  void on_button(const cc::drivers::ButtonPrompt&) override {}
  std::optional<std::string> pin_positions(std::uint32_t) override { return next(); }
  std::optional<std::string> word_position(bool) override { return next(); }
  void on_passphrase_on_device() override {}

 private:
  std::optional<std::string> next() {
    if (answers_.empty()) return std::nullopt;
    std::string a = answers_[at_++ % answers_.size()];
    if (a == "\x01") return std::nullopt;  // Ctrl-C
    return a;
  }
  std::vector<std::string> answers_;
  std::size_t at_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  const std::uint8_t flags = in.byte();
  std::vector<std::string> answers;
  const std::size_t count = flags >> 5;
  for (std::size_t i = 0; i < count; ++i) answers.push_back(in.text());
  cc::fuzz::FuzzLink link(in);
  cc::drivers::SessionOptions options;
  options.reply_timeout = std::chrono::milliseconds(10000);
  options.max_payload = 4096;
  cc::drivers::TrezorSession session(link, cc::trezor::Table::kTrezor, options);
  cc::drivers::DryRunRequest request;
  request.matrix = (flags & 1) != 0;
  request.word_count = (flags & 2) ? 24 : 12;
  request.person_timeout = std::chrono::milliseconds(10000);
  FuzzPerson person(answers);
  try {
    (void)cc::drivers::run_dry_run(session, request, person);
  } catch (const cc::Error&) {
  }
  return 0;
}
