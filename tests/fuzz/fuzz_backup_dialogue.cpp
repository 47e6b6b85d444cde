// The guided backup check as a console drives it: whatever a person types (word
// counts, grid positions, yes/no, answers to "what did the device show?") and
// whatever the device answers, the dialogue must end with an outcome, never crash,
// and never throw for device trouble (check_backup's promise).
// Input: a byte picking the model and flags, up to 8 NUL-separated lines the person
// types, then the device's reports.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/backup_check.hpp"
#include "app/person.hpp"
#include "catalog/catalog.hpp"
#include "drivers/trezor_driver.hpp"
#include "fuzz_input.hpp"
#include "fuzz_link.hpp"

namespace {

class FuzzPerson final : public cc::app::Person {
 public:
  explicit FuzzPerson(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  void tell(const std::string&) override {}
  bool confirm(const std::string&) override {
    const auto line = ask("", false);
    return line && !line->empty() && ((*line)[0] == 'y' || (*line)[0] == 'Y');
  }
  std::optional<std::string> ask(const std::string&, bool) override {
    if (at_ >= lines_.size() || ++asked_ > 64) return std::nullopt;  // end of input
    return lines_[at_++];
  }
  bool interrupted() const override { return false; }

 private:
  std::vector<std::string> lines_;
  std::size_t at_ = 0;
  std::size_t asked_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kModels[] = {"T1B1", "T2T1", "T2B1", "T3T1"};
  static const char* const kCatalogIds[] = {"trezor-one", "trezor-model-t", "trezor-safe-3", "trezor-safe-5"};
  cc::fuzz::Input in(data, size);
  const std::uint8_t selector = in.byte();
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < static_cast<std::size_t>(selector >> 5); ++i) lines.push_back(in.text());

  ::coldcheck::DeviceFacts facts;
  facts.set_internal_model(kModels[selector & 3]);
  facts.set_catalog_id(kCatalogIds[selector & 3]);
  facts.set_initialized((selector & 4) == 0);
  facts.set_emulator(true);
  facts.set_firmware_version("2.8.1");

  cc::drivers::SessionOptions session;
  session.reply_timeout = std::chrono::milliseconds(10000);
  session.button_timeout = std::chrono::milliseconds(10000);
  session.max_payload = 4096;
  cc::drivers::TrezorDriver driver(std::make_unique<cc::fuzz::FuzzLink>(in), cc::catalog::Catalog::builtin(),
                                   cc::trezor::Table::kTrezor, session);
  cc::app::BackupCheckOptions options;
  options.assume_yes = (selector & 8) != 0;
  options.person_timeout = std::chrono::milliseconds(10000);
  if (selector & 16) options.word_count = 12;
  FuzzPerson person(lines);
  (void)cc::app::check_backup(&driver, facts, cc::catalog::Catalog::builtin(), person, options);
  return 0;
}
