// The guided backup check's dialogue with the person (app/backup_dialogue.hpp).
#include "app/backup_dialogue.hpp"

#include <algorithm>
#include <cctype>

#include <openssl/crypto.h>

#include "findings/translations.hpp"
#include "guard/secret_guard.hpp"
#include "guard/wordlist.hpp"

namespace cc::app::backup {

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
    person.tell(
        tr("STOP: that looks like a word of a recovery phrase. Never type your recovery words on a "
           "computer or phone; coldcheck does not need them and has not kept what you typed.",
           lang));
  } else {
    person.tell(hint);
  }
  wipe(answer);
}

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
        person_.tell(
            tr("On the device: type each word of your backup, in order, on the device's own screen. "
               "Take your time; coldcheck waits and does not see what you type.",
               lang_));
        break;
      case 1: person_.tell(tr("The device shows the result. Read it and confirm on the device.", lang_)); break;
      default: person_.tell(tr("Look at the device and confirm there.", lang_)); break;
    }
  }

  std::optional<std::string> pin_positions(std::uint32_t /*request_type*/) override {
    person_.tell(
        tr("The device is locked and shows a grid of numbers in a random order. Find each digit of "
           "your PIN on the device's screen and type its position here, using this layout:\n"
           "    7 8 9\n    4 5 6\n    1 2 3\n"
           "For example, if your PIN starts with the digit shown top left, type 7. Your PIN itself "
           "never goes into this computer.",
           lang_));
    return positions(tr("PIN positions (1-9):", lang_), /*single=*/false);
  }

  std::optional<std::string> word_position(bool six_cells) override {
    if (!matrix_explained_) {
      person_.tell(
          tr("The device shows a grid of letter ranges. Find the cell that holds your word and type "
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
    person_.tell(
        tr("The device asks for your passphrase: enter it on the device. coldcheck never takes a "
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
      const bool digits =
          !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '1' && c <= '9'; });
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

}  // namespace

void explain(Person& person, Language lang) {
  person.tell(
      tr("Backup check: you will enter the words of your recovery backup on the device itself. The "
         "device compares them with its wallet and tells you whether they match. The words never go "
         "into this computer: coldcheck cannot see them and does not ask for them.",
         lang));
  person.tell(
      tr("Nobody needs your recovery words: not coldcheck, not the maker's support, not any website or "
         "app. Anyone who asks you to type, say or photograph them is trying to steal your coins.",
         lang));
}

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

BackupOutcome ledger_procedure(Person& person, BackupOutcome out, Language lang) {
  person.tell(
      tr("Ledger devices check a backup with Ledger's Recovery Check app, on the device:\n"
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

std::unique_ptr<drivers::DryRunPerson> dry_run_person(Person& person, Language lang) {
  return std::make_unique<TrezorPerson>(person, lang);
}

}  // namespace cc::app::backup
