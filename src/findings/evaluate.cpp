#include <algorithm>

#include "findings/codes.hpp"
#include "findings/rules.hpp"
#include "findings/translations.hpp"

namespace cc::findings {

using ::coldcheck::report::Finding;

std::vector<Finding> evaluate(const Inputs& inputs, const catalog::Catalog& catalog, Language language) {
  std::vector<Finding> out;
  Emitter emit(language, out);
  scam_rules(inputs, emit);
  genuineness_rules(inputs, emit);
  host_rules(inputs, emit);
  device_reply_rules(inputs, emit);
  device_error_rules(inputs, emit);
  if (inputs.facts != nullptr) {
    device_state_rules(*inputs.facts, emit);
    backup_rules(*inputs.facts, emit);
    firmware_rules(*inputs.facts, catalog, emit);
    ledger_rules(*inputs.facts, emit);
  }
  identity_rules(inputs, catalog, emit);
  backup_check_rules(inputs, emit);
  coverage_rules(inputs, catalog, emit);

  // Critical first, then the urgency table; stable, so equal codes keep rule order.
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    const bool ca = a.severity() == ::coldcheck::report::SEVERITY_CRITICAL;
    const bool cb = b.severity() == ::coldcheck::report::SEVERITY_CRITICAL;
    if (ca != cb) return ca;
    return urgency_rank(a.code()) < urgency_rank(b.code());
  });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].set_urgency(static_cast<std::uint32_t>(i + 1));
  return out;
}

::coldcheck::report::Verdict verdict(const std::vector<Finding>& findings, bool device_read) {
  const auto has = [&](::coldcheck::report::Severity s) {
    return std::any_of(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity() == s; });
  };
  if (has(::coldcheck::report::SEVERITY_CRITICAL)) return ::coldcheck::report::VERDICT_STOP;
  if (!device_read) return ::coldcheck::report::VERDICT_NO_DEVICE;
  if (has(::coldcheck::report::SEVERITY_WARNING)) return ::coldcheck::report::VERDICT_ATTENTION;
  return ::coldcheck::report::VERDICT_OK;
}

std::optional<Text> text_for(std::string_view code, Language language) {
  const CodeInfo* info = find_code(code);
  if (info == nullptr) return std::nullopt;
  return Text{tr(info->title, language), tr(info->remediation, language)};
}

std::vector<std::string> all_codes() {
  std::vector<std::string> out;
  for (const auto& info : code_table()) out.emplace_back(info.code);
  return out;
}

}  // namespace cc::findings
