// The dry run's answers to device requests the simulator never makes (passphrase on a
// dry run, host-typed words) and to a person who gives up: what goes on the wire.
#include "drivers/trezor_dry_run.hpp"

#include <gtest/gtest.h>

#include "coldcheck/trezor.pb.h"
#include "scripted_link.hpp"

namespace cc::drivers {
namespace {

namespace tw = ::coldcheck::wire::trezor;
using test::ScriptedLink;

class Answers final : public DryRunPerson {
 public:
  void on_button(const ButtonPrompt& p) override { buttons.push_back(p.code); }
  std::optional<std::string> pin_positions(std::uint32_t) override { return pin; }
  std::optional<std::string> word_position(bool) override { return position; }
  void on_passphrase_on_device() override { ++passphrase_prompts; }
  std::optional<std::string> pin = "123";
  std::optional<std::string> position = "5";
  std::vector<std::uint32_t> buttons;
  int passphrase_prompts = 0;
};

tw::Failure failure(tw::FailureType code, const std::string& text) {
  tw::Failure f;
  f.set_code(code);
  f.set_message(text);
  return f;
}

template <typename T>
const T* nth(const std::vector<std::unique_ptr<google::protobuf::Message>>& sent, std::size_t i) {
  if (i >= sent.size()) return nullptr;
  return dynamic_cast<const T*>(sent[i].get());
}

TEST(DryRun, APassphraseRequestIsAnsweredOnDeviceAndCarriesNoPassphrase) {
  ScriptedLink link;
  link.queue(tw::PassphraseRequest());
  tw::Success ok;
  ok.set_message("The seed is valid and matches the one in the device");
  link.queue(ok);
  TrezorSession session(link, trezor::Table::kTrezor);
  Answers person;
  const auto out = run_dry_run(session, {}, person);
  EXPECT_EQ(out.result, DryRunResult::kMatches);
  EXPECT_EQ(person.passphrase_prompts, 1);
  const auto sent = link.sent();
  const auto* ack = nth<tw::PassphraseAck>(sent, 1);
  ASSERT_NE(ack, nullptr);
  EXPECT_TRUE(ack->on_device());
  EXPECT_FALSE(ack->has_passphrase());
}

TEST(DryRun, APlainWordRequestIsRefusedWithCancelNeverAWord) {
  ScriptedLink link;
  tw::WordRequest plain;
  plain.set_type(tw::WORD_REQUEST_PLAIN);
  link.queue(plain);
  link.queue(failure(tw::FAILURE_ACTION_CANCELLED, "Cancelled"));
  TrezorSession session(link, trezor::Table::kTrezor);
  Answers person;
  EXPECT_EQ(run_dry_run(session, {}, person).result, DryRunResult::kRefused);
  const auto sent = link.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_NE(nth<tw::RecoveryDevice>(sent, 0), nullptr);
  EXPECT_NE(nth<tw::Cancel>(sent, 1), nullptr);
}

TEST(DryRun, MatrixRequestGoesOutAsOnePosition) {
  ScriptedLink link;
  tw::WordRequest grid;
  grid.set_type(tw::WORD_REQUEST_MATRIX9);
  link.queue(grid);
  link.queue(failure(tw::FAILURE_DATA_ERROR, "The seed is valid but does not match the one in the device"));
  TrezorSession session(link, trezor::Table::kTrezor);
  Answers person;
  DryRunRequest request;
  request.matrix = true;
  request.word_count = 18;
  EXPECT_EQ(run_dry_run(session, request, person).result, DryRunResult::kMismatch);
  const auto sent = link.sent();
  const auto* start = nth<tw::RecoveryDevice>(sent, 0);
  ASSERT_NE(start, nullptr);
  EXPECT_EQ(start->type(), tw::RECOVERY_TYPE_DRY_RUN);
  EXPECT_EQ(start->input_method(), tw::RECOVERY_INPUT_MATRIX);
  EXPECT_EQ(start->word_count(), 18u);
  const auto* ack = nth<tw::WordAck>(sent, 1);
  ASSERT_NE(ack, nullptr);
  EXPECT_EQ(ack->word(), "5");
}

TEST(DryRun, PinAnswersThatAreNotPositionsNeverLeaveTheHost) {
  for (const std::optional<std::string>& pin :
       {std::optional<std::string>{}, std::optional<std::string>{"12a4"}, std::optional<std::string>{"0123"}}) {
    ScriptedLink link;
    tw::PinMatrixRequest request;
    request.set_type(tw::PIN_MATRIX_CURRENT);
    link.queue(request);
    link.queue(failure(tw::FAILURE_ACTION_CANCELLED, "Cancelled"));
    TrezorSession session(link, trezor::Table::kTrezor);
    Answers person;
    person.pin = pin;
    EXPECT_EQ(run_dry_run(session, {}, person).result, DryRunResult::kCancelled);
    const auto sent = link.sent();
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_NE(nth<tw::Cancel>(sent, 1), nullptr) << pin.value_or("(none)");
  }
}

TEST(DryRun, CoreMismatchAndOtherFailuresAreToldApart) {
  {
    ScriptedLink link;
    link.queue(failure(tw::FAILURE_PROCESS_ERROR, "The seed does not match the one in the device"));
    TrezorSession session(link, trezor::Table::kTrezor);
    Answers person;
    EXPECT_EQ(run_dry_run(session, {}, person).result, DryRunResult::kMismatch);
  }
  {
    ScriptedLink link;
    link.queue(failure(tw::FAILURE_PROCESS_ERROR, "Firmware error"));
    TrezorSession session(link, trezor::Table::kTrezor);
    Answers person;
    try {
      run_dry_run(session, {}, person);
      FAIL() << "a failure that is not a verdict must throw";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kDeviceRefused);
    }
  }
}

TEST(DryRun, AnInterruptSendsCancel) {
  ScriptedLink link;
  link.queue(failure(tw::FAILURE_ACTION_CANCELLED, "Cancelled"));
  TrezorSession session(link, trezor::Table::kTrezor);
  session.set_interrupted([] { return true; });
  Answers person;
  EXPECT_EQ(run_dry_run(session, {}, person).result, DryRunResult::kCancelled);
  const auto sent = link.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_NE(nth<tw::Cancel>(sent, 1), nullptr);
}

}  // namespace
}  // namespace cc::drivers

namespace cc::drivers {
namespace {

TEST(DryRun, ADeviceThatOnlyAsksForButtonsIsStoppedAndCancelled) {
  ScriptedLink link;
  link.on_write = [](ScriptedLink& l) {
    if (l.replies.empty()) l.queue(tw::ButtonRequest());
  };
  link.queue(tw::ButtonRequest());
  TrezorSession session(link, trezor::Table::kTrezor);
  Answers person;
  try {
    run_dry_run(session, {}, person);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMalformed);
    EXPECT_NE(std::string(e.what()).find("button press"), std::string::npos) << e.what();
  }
  EXPECT_EQ(person.buttons.size(), session.options().max_button_requests);
  bool cancelled = false;
  for (const auto& m : link.sent()) cancelled = cancelled || dynamic_cast<const tw::Cancel*>(m.get()) != nullptr;
  EXPECT_TRUE(cancelled);
}

}  // namespace
}  // namespace cc::drivers
