#pragma once
// The rules, one file per area. Each appends findings through an Emitter, which fills in
// the code's severity, translated title and remediation; the rule adds detail and
// evidence. evaluate() runs them all and orders the result.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"
#include "i18n/format.hpp"

namespace cc::findings {

using i18n::format;

class Emitter {
 public:
  Emitter(Language language, std::vector<::coldcheck::report::Finding>& out) : language_(language), out_(out) {}

  Language language() const noexcept { return language_; }
  // A new finding for a code from the code table; throws std::logic_error otherwise.
  ::coldcheck::report::Finding& add(std::string_view code);
  // Evidence with a translated name; observed/expected are given already translated.
  void evidence(::coldcheck::report::Finding& finding, std::string_view english_name, std::string observed,
                std::string expected) const;
  std::string t(std::string_view english) const { return tr(english, language_); }

  // A message with data arguments: its words in this run's language, and the message
  // itself (language-neutral) for the report.
  struct Said {
    std::string words;
    ::coldcheck::report::Text text;
  };
  Said say(std::string_view msgid, std::initializer_list<std::string_view> args) const;
  void detail(::coldcheck::report::Finding& finding, Said said) const;
  void evidence(::coldcheck::report::Finding& finding, std::string_view english_name, std::string observed,
                Said expected) const;
  std::string yes_no(bool value) const;

 private:
  Language language_;
  std::vector<::coldcheck::report::Finding>& out_;
};

void host_rules(const Inputs& inputs, Emitter& emit);
void device_state_rules(const ::coldcheck::DeviceFacts& facts, Emitter& emit);
void device_reply_rules(const Inputs& inputs, Emitter& emit);
void device_error_rules(const Inputs& inputs, Emitter& emit);
void backup_rules(const ::coldcheck::DeviceFacts& facts, Emitter& emit);
void backup_check_rules(const Inputs& inputs, Emitter& emit);
void firmware_rules(const ::coldcheck::DeviceFacts& facts, const catalog::Catalog& catalog, Emitter& emit);
void identity_rules(const Inputs& inputs, const catalog::Catalog& catalog, Emitter& emit);
void scam_rules(const Inputs& inputs, Emitter& emit);
void genuineness_rules(const Inputs& inputs, Emitter& emit);
void ledger_rules(const ::coldcheck::DeviceFacts& facts, Emitter& emit);
void coverage_rules(const Inputs& inputs, const catalog::Catalog& catalog, Emitter& emit);

}  // namespace cc::findings
