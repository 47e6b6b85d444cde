#pragma once
// trezorctl prints messages with trezorlib.protobuf.format_message. These helpers
// read that text back and predict it from a Features message, so the interop test
// compares values, not prose.
#include <map>
#include <string>
#include <vector>

#include "coldcheck/trezor.pb.h"

namespace cc::test {

// One printed field: a scalar ("'trezor.io'", "True", "2", "20 bytes 0x2a65...",
// "Bip39 (0)") or a list (one entry per line).
struct PrintedField {
  std::string value;
  std::vector<std::string> items;
};

// Parses "Features (173 bytes) {\n    key: value,\n ...}". Throws on other text.
std::map<std::string, PrintedField> parse_format_message(const std::string& text, const std::string& message_name);

// What trezorlib 0.12.4 would print for `features`: its own field names (19 is
// needs_backup, 29 recovery_mode), enum values as their number, fields it does not
// know (busy, internal_model, bootloader_locked, ...) left out, session_id cleared.
std::map<std::string, PrintedField> expected_printout(const ::coldcheck::wire::trezor::Features& features);

// "Bip39 (0)" -> "0"; other text unchanged.
std::string enum_number(const std::string& printed);

}  // namespace cc::test
