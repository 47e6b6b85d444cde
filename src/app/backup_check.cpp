#include "app/backup_check.hpp"

#include <algorithm>
#include <cctype>

#include "catalog/capabilities.hpp"
#include "checks/check_result.hpp"
#include "core/error.hpp"
#include "drivers/trezor_dry_run.hpp"
#include "findings/format.hpp"
#include "findings/translations.hpp"
#include "guard/secret_guard.hpp"
#include "guard/wordlist.hpp"

#include <openssl/crypto.h>

namespace cc::app {

namespace rp = ::coldcheck::report;
using checks::add_evidence;
using checks::make_check;
using findings::Language;
using findings::tr;

namespace {

constexpr int kPromptTries = 3;  // re-asks after an answer that is not a valid choice

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// True when an answer holds a recovery-list word: typed by mistake, or because someone
// told the person to. Such an answer is wiped and refused with a warning.
bool holds_recovery_word(const std::string& answer) {
  if (guard::scan(answer).kind != guard::SecretKind::kNone) return true;
  const auto words = guard::bip39_english();
  std::string token;
  for (std::size_t i = 0; i <= answer.size(); ++i) {
    const char c = i < answer.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(answer[i]))) : ' ';
    if (c >= 'a' && c <= 'z') {
      token += c;
      continue;
    }
    if (token.size() >= 3 && std::binary_search(words.begin(), words.end(), std::string_view(token))) return true;
    token.clear();
  }
  return false;
}

void wipe(std::string& s) {
  OPENSSL_cleanse(s.data(), s.size());
  s.clear();
}

// Says why an answer was not taken; a recovery word gets the warning, never an echo.
void refuse_answer(Person& person, std::string& answer, const std::string& hint, Language lang) {
  if (holds_recovery_word(answer)) {
    person.tell(tr("STOP: that looks like a word of a recovery phrase. Never type your recovery words on a "
                   "computer or phone; coldcheck does not need them and has not kept what you typed.",
                   lang));
  } else {
    person.tell(hint);
  }
  wipe(answer);
}

// The explanation shown before anything happens; it is also the anti-scam message.
void explain(Person& person, Language lang) {
  person.tell(tr("Backup check: you will enter the words of your recovery backup on the device itself. The "
                 "device compares them with its wallet and tells you whether they match. The words never go "
                 "into this computer: coldcheck cannot see them and does not ask for them.",
                 lang));
  person.tell(tr("Nobody needs your recovery words: not coldcheck, not the maker's support, not any website or "
                 "app. Anyone who asks you to type, say or photograph them is trying to steal your coins.",
                 lang));
}

// Counts the person may give; BIP39 and SLIP39 share sizes.
bool valid_word_count(std::uint32_t n, bool matrix) {
  if (matrix) return n == 12 || n == 18 || n == 24;
  return n == 12 || n == 18 || n == 20 || n == 24 || n == 33;
}

std::optional<std::uint32_t> ask_word_count(Person& person, bool matrix, Language lang) {
  const std::string prompt = matrix ? tr("How many words does your backup have (12, 18 or 24)?", lang)
                                    : tr("How many words does your backup have (12, 18, 20, 24 or 33)?", lang);
  for (int i = 0; i < kPromptTries; ++i) {
    auto answer = person.ask(prompt);
    if (!answer) return std::nullopt;
    const std::string text = trim(*answer);
    if (!text.empty() && text.size() <= 2 && std::all_of(text.begin(), text.end(), ::isdigit)) {
      const auto n = static_cast<std::uint32_t>(std::stoul(text));
      if (valid_word_count(n, matrix)) return n;
    }
    refuse_answer(person, *answer, tr("Please answer with the number of words only.", lang), lang);
  }
  return std::nullopt;
}

// The person's side of a Trezor dry run, over a Person.
class TrezorPerson final : public drivers::DryRunPerson {
 public:
  TrezorPerson(Person& person, Language lang) : person_(person), lang_(lang) {}

  void on_button(const drivers::ButtonPrompt& prompt) override {
    switch (prompt.code) {
      case 7:
        person_.tell(tr("Look at the device: it asks whether to check your backup. Confirm on the device.", lang_));
        break;
      case 12: person_.tell(tr("On the device: choose how many words your backup has.", lang_)); break;
      case 13:
        person_.tell(tr("On the device: type each word of your backup, in order, on the device's own screen. "
                        "Take your time; coldcheck waits and does not see what you type.",
                        lang_));
        break;
      case 1: person_.tell(tr("The device shows the result. Read it and confirm on the device.", lang_)); break;
      default: person_.tell(tr("Look at the device and confirm there.", lang_)); break;
    }
  }

  std::optional<std::string> pin_positions(std::uint32_t /*request_type*/) override {
    person_.tell(tr("The device is locked and shows a grid of numbers in a random order. Find each digit of "
                    "your PIN on the device's screen and type its position here, using this layout:\n"
                    "    7 8 9\n    4 5 6\n    1 2 3\n"
                    "For example, if your PIN starts with the digit shown top left, type 7. Your PIN itself "
                    "never goes into this computer.",
                    lang_));
    return positions(tr("PIN positions (1-9):", lang_), /*single=*/false);
  }

  std::optional<std::string> word_position(bool six_cells) override {
    if (!matrix_explained_) {
      person_.tell(tr("The device shows a grid of letter ranges. Find the cell that holds your word and type "
                      "that cell's position here (same layout as the PIN grid: 7 8 9 on top, 1 2 3 at the "
                      "bottom). The device narrows the choice and shows a new grid until the word is chosen. "
                      "Type b to go back one step.",
                      lang_));
      matrix_explained_ = true;
    }
    return positions(six_cells ? tr("Position on the device's word grid (1-9, b = back):", lang_)
                               : tr("Position on the device's range grid (1-9, b = back):", lang_),
                     /*single=*/true);
  }

  void on_passphrase_on_device() override {
    person_.tell(tr("The device asks for your passphrase: enter it on the device. coldcheck never takes a "
                    "passphrase on this computer.",
                    lang_));
  }

 private:
  std::optional<std::string> positions(const std::string& prompt, bool single) {
    for (int i = 0; i < kPromptTries; ++i) {
      auto answer = person_.ask(prompt, /*hide=*/!single);
      if (!answer) return std::nullopt;
      std::string text;
      for (char c : *answer) {
        if (!std::isspace(static_cast<unsigned char>(c))) text += c;
      }
      if (single && (text == "b" || text == "B")) return std::string("\b");
      const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '1' && c <= '9'; });
      if (digits && (!single || text.size() == 1)) {
        wipe(*answer);
        return text;
      }
      wipe(text);
      refuse_answer(person_, *answer,
                    single ? tr("Type one position, 1 to 9 (or b to go back).", lang_)
                           : tr("Type positions only: digits 1 to 9, as laid out above. Do not type your PIN.", lang_),
                    lang_);
    }
    return std::nullopt;
  }

  Person& person_;
  Language lang_;
  bool matrix_explained_ = false;
};

// Ledger: the Recovery Check app checks the words on the device; we record what the
// person says it showed, marked as reported.
BackupOutcome ledger_procedure(Person& person, BackupOutcome out, Language lang) {
  person.tell(tr("Ledger devices check a backup with Ledger's Recovery Check app, on the device:\n"
                 "  1. In Ledger Live, open My Ledger and install the app \"Recovery Check\".\n"
                 "  2. Open Recovery Check on the device and choose how many words your backup has.\n"
                 "  3. Enter each word with the device's own buttons or touchscreen.\n"
                 "  4. The device says whether the recovery phrase is correct.\n"
                 "coldcheck cannot see the result; you tell it what the device showed.",
                 lang));
  for (int i = 0; i < kPromptTries; ++i) {
    auto answer = person.ask(tr("What did the device show? Type correct, incorrect, or skip:", lang));
    if (!answer) break;
    const std::string a = lower(trim(*answer));
    if (a == "correct" || a == "c" || a == "正确") {
      out.verdict = BackupVerdict::kMatches;
      out.detail = tr("reported by the person: the device said the recovery phrase is correct", lang);
      return out;
    }
    if (a == "incorrect" || a == "i" || a == "不正确" || a == "错误") {
      out.verdict = BackupVerdict::kMismatch;
      out.detail = tr("reported by the person: the device said the recovery phrase is incorrect", lang);
      return out;
    }
    if (a == "skip" || a == "s" || a == "跳过") break;
    refuse_answer(person, *answer, tr("Please answer correct, incorrect or skip.", lang), lang);
  }
  out.verdict = BackupVerdict::kCancelled;
  out.detail = tr("not done: no result was reported", lang);
  return out;
}

std::string error_detail(const Error& e, Language lang) {
  switch (e.code()) {
    case ErrorCode::kDisconnected:
      return tr("the device was disconnected during the check. Nothing was changed on it; plug it back in and "
                "run the check again.",
                lang);
    case ErrorCode::kTimeout:
      return findings::format(tr("the check stopped waiting: %s", lang), {e.what()});
    default: return findings::format(tr("the check could not finish: %s", lang), {e.what()});
  }
}

}  // namespace

BackupPlan plan_backup_check(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Language lang) {
  const auto* model = catalog.find(facts.catalog_id());
  // A locked Ledger names no model; the driver that read it tells the family.
  const auto method = model != nullptr ? catalog::dry_run_method(*model)
                      : facts.has_ledger() ? catalog::DryRun::kUserReported
                                           : catalog::DryRun::kNone;
  if (method == catalog::DryRun::kUserReported) return {BackupMethod::kUserReported, {}};
  if (facts.mode() == ::coldcheck::DEVICE_MODE_BOOTLOADER) {
    return {BackupMethod::kUnsupported, tr("the device is in bootloader mode; it has no wallet to check until "
                                           "firmware is installed",
                                           lang)};
  }
  if (facts.has_initialized() && !facts.initialized()) {
    return {BackupMethod::kUnsupported, tr("the device holds no wallet, so there is nothing to check a backup "
                                           "against",
                                           lang)};
  }
  if (method == catalog::DryRun::kMatrix) return {BackupMethod::kMatrix, {}};
  if (method == catalog::DryRun::kOnDevice) return {BackupMethod::kOnDevice, {}};
  if (model != nullptr && model->message_table() == ::coldcheck::catalog::TABLE_KEEPKEY) {
    return {BackupMethod::kUnsupported, tr("KeepKey's backup check uses its cipher keyboard, which coldcheck does "
                                           "not drive yet; use KeepKey's own app",
                                           lang)};
  }
  return {BackupMethod::kUnsupported, tr("coldcheck cannot guide a backup check on this model yet; use the "
                                         "maker's own check on the device, never a website",
                                         lang)};
}

BackupOutcome check_backup(drivers::TrezorDriver* driver, const ::coldcheck::DeviceFacts& facts,
                           const catalog::Catalog& catalog, Person& person, const BackupCheckOptions& options) {
  const Language lang = options.language;
  const BackupPlan plan = plan_backup_check(facts, catalog, lang);
  BackupOutcome out;
  out.method = plan.method;
  out.backup_type = facts.backup_type();
  if (plan.method == BackupMethod::kUnsupported) {
    out.verdict = BackupVerdict::kUnsupported;
    out.detail = plan.reason;
    person.tell(findings::format(tr("Backup check not available: %s.", lang), {plan.reason}));
    return out;
  }
  explain(person, lang);
  if (plan.method == BackupMethod::kUserReported) return ledger_procedure(person, std::move(out), lang);
  const bool matrix = plan.method == BackupMethod::kMatrix;
  if (options.word_count) {
    if (!valid_word_count(*options.word_count, matrix)) {
      out.verdict = BackupVerdict::kError;
      out.detail = matrix ? tr("a Trezor One backup has 12, 18 or 24 words", lang)
                          : tr("a backup has 12, 18, 20, 24 or 33 words", lang);
      return out;
    }
    out.word_count = *options.word_count;
  }
  if (driver == nullptr) {
    out.verdict = BackupVerdict::kError;
    out.detail = tr("the device could not be opened for the check", lang);
    return out;
  }
  if (!options.word_count) {
    const auto n = ask_word_count(person, matrix, lang);
    if (!n) {
      out.verdict = BackupVerdict::kCancelled;
      out.detail = tr("cancelled before the check started", lang);
      return out;
    }
    out.word_count = *n;
  }
  if (!options.assume_yes && !person.confirm(tr("Have your written backup at hand. Start the check on the device?", lang))) {
    out.verdict = BackupVerdict::kCancelled;
    out.detail = tr("cancelled before the check started", lang);
    return out;
  }

  TrezorPerson adapter(person, lang);
  drivers::DryRunRequest request;
  request.matrix = matrix;
  request.word_count = out.word_count;
  request.person_timeout = options.person_timeout;
  auto& session = driver->session();
  session.set_interrupted([&person] { return person.interrupted(); });
  try {
    const auto result = drivers::run_dry_run(session, request, adapter);
    session.set_interrupted(nullptr);
    switch (result.result) {
      case drivers::DryRunResult::kMatches:
        out.verdict = BackupVerdict::kMatches;
        out.detail = tr("the device says the words match its wallet", lang);
        break;
      case drivers::DryRunResult::kMismatch:
        out.verdict = BackupVerdict::kMismatch;
        out.detail = tr("the device says the words do not match its wallet", lang);
        break;
      case drivers::DryRunResult::kCancelled:
        out.verdict = BackupVerdict::kCancelled;
        out.detail = tr("cancelled; the device is back on its home screen", lang);
        break;
      case drivers::DryRunResult::kPinInvalid:
        out.verdict = BackupVerdict::kError;
        out.detail = tr("the device did not accept the PIN. Run the check again and type the positions of the "
                        "digits as the device shows them; after each wrong PIN the device makes you wait longer, "
                        "and too many wrong PINs erase it.",
                        lang);
        break;
      case drivers::DryRunResult::kRefused:
        out.verdict = BackupVerdict::kError;
        out.error = ErrorCode::kUnsupported;
        out.detail = tr("the device asked for the words to be typed on the computer. coldcheck never does that; "
                        "update the device's firmware and check the backup on the device.",
                        lang);
        break;
    }
  } catch (const Error& e) {
    session.set_interrupted(nullptr);
    out.verdict = BackupVerdict::kError;
    out.error = e.code();
    out.detail = error_detail(e, lang);
  }
  return out;
}

rp::CheckResult backup_check_result(const BackupOutcome& outcome, Language lang) {
  rp::CheckStatus status = rp::CHECK_ERROR;
  std::string result;
  switch (outcome.verdict) {
    case BackupVerdict::kMatches: status = rp::CHECK_PASS; result = tr("matches", lang); break;
    case BackupVerdict::kMismatch: status = rp::CHECK_FAIL; result = tr("does not match", lang); break;
    case BackupVerdict::kCancelled: status = rp::CHECK_SKIPPED; result = tr("cancelled", lang); break;
    case BackupVerdict::kError: status = rp::CHECK_ERROR; result = tr("error", lang); break;
    case BackupVerdict::kUnsupported: status = rp::CHECK_UNSUPPORTED; result = tr("not supported", lang); break;
  }
  auto check = make_check(kBackupCheckId, tr("recovery backup checked on the device", lang), status, outcome.detail);
  add_evidence(check, tr("result", lang), result);
  std::string method;
  switch (outcome.method) {
    case BackupMethod::kOnDevice: method = tr("measured: words entered on the device", lang); break;
    case BackupMethod::kMatrix: method = tr("measured: words chosen on the device's grids", lang); break;
    case BackupMethod::kUserReported: method = tr("reported by the person, not measured", lang); break;
    case BackupMethod::kUnsupported: method = tr("none", lang); break;
  }
  add_evidence(check, tr("method", lang), method);
  if (outcome.word_count != 0) add_evidence(check, tr("word count", lang), std::to_string(outcome.word_count));
  if (!outcome.backup_type.empty()) add_evidence(check, tr("backup type", lang), outcome.backup_type);
  return check;
}

rp::CheckResult backup_check_not_run(const std::string& why, Language lang) {
  return make_check(kBackupCheckId, tr("recovery backup checked on the device", lang), rp::CHECK_SKIPPED, why);
}

}  // namespace cc::app
