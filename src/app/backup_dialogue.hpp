#pragma once
// The person's side of the guided backup check: what they are told and asked, and how
// an answer that looks like a recovery word is refused (wiped, never echoed). Internal
// to app/; backup_check.cpp runs it.
#include <cstdint>
#include <memory>
#include <optional>

#include "app/backup_check.hpp"
#include "app/person.hpp"
#include "drivers/trezor_dry_run.hpp"

namespace cc::app::backup {

// The explanation shown before anything happens; it is also the anti-scam message.
void explain(Person& person, findings::Language lang);
// Counts the person may give; BIP39 and SLIP39 share sizes. The Trezor One grid: 12, 18, 24.
bool valid_word_count(std::uint32_t n, bool matrix);
// nullopt: cancelled, or no valid count after a few tries.
std::optional<std::uint32_t> ask_word_count(Person& person, bool matrix, findings::Language lang);
// Ledger: the Recovery Check app checks the words on the device; we record what the
// person says it showed, marked as reported.
BackupOutcome ledger_procedure(Person& person, BackupOutcome out, findings::Language lang);
// The person's side of a Trezor dry run, over a Person.
std::unique_ptr<drivers::DryRunPerson> dry_run_person(Person& person, findings::Language lang);

}  // namespace cc::app::backup
