#include "cli/bench_table.hpp"

#include <map>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "i18n/format.hpp"

namespace cc::cli {

using findings::tr;
namespace rp = ::coldcheck::report;

namespace {

// The column widths; with the five single spaces between them: 80.
constexpr std::size_t kPort = 12, kModel = 15, kBar = 12, kStep = 12, kVerdict = 10, kFinding = 14;

std::string bar(int progress) {
  const int filled = std::clamp(progress, 0, 100) / 10;
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(10 - filled), '.') + "]";
}

// The step in a few words, from the words diagnose() says.
std::string short_step(const app::SessionInfo& s, findings::Language lang) {
  switch (s.state) {
    case app::SessionState::kQueued: return tr("waiting", lang);
    case app::SessionState::kDone: return tr("done", lang);
    case app::SessionState::kUnplugged: return tr("unplugged", lang);
    case app::SessionState::kCancelled: return tr("cancelled", lang);
    case app::SessionState::kFailed: return tr("failed", lang);
    case app::SessionState::kRunning: break;
  }
  const auto& step = s.step;
  if (step.starts_with("looking for")) return tr("locating", lang);
  if (step.starts_with("checking this computer")) return tr("host checks", lang);
  if (step.starts_with("reading the device")) return tr("reading", lang);
  if (step.starts_with("checking that the device")) return tr("genuineness", lang);
  if (step.starts_with("working out")) return tr("findings", lang);
  if (step.starts_with("writing")) return tr("writing", lang);
  return tr("working", lang);
}

std::string verdict_word(rp::Verdict v, findings::Language lang) {
  switch (v) {
    case rp::VERDICT_OK: return tr("OK", lang);
    case rp::VERDICT_ATTENTION: return tr("attention", lang);
    case rp::VERDICT_STOP: return tr("STOP", lang);
    case rp::VERDICT_NO_DEVICE: return tr("no device", lang);
    default: return "";
  }
}

}  // namespace

std::string fit(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text) + std::string(width - display_width(text), ' ');
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      n = 1;
      cp = '?';
    }
    const std::size_t w = is_wide(cp) ? 2u : 1u;
    if (used + w + 1 > width) break;  // room for the ellipsis
    if (n == 1 && cp == '?') {
      out += '?';
    } else {
      out.append(text.substr(i, n));
    }
    used += w;
    i += n;
  }
  out += "…";
  ++used;
  return out + std::string(width - used, ' ');
}

std::vector<std::string> bench_table(const std::vector<app::SessionInfo>& sessions, findings::Language lang) {
  std::vector<std::string> lines;
  lines.push_back(fit(tr("PORT", lang), kPort) + " " + fit(tr("MODEL", lang), kModel) + " " +
                  fit(tr("STEP", lang), kBar + 1 + kStep) + " " + fit(tr("VERDICT", lang), kVerdict) + " " +
                  fit(tr("FINDING", lang), kFinding));
  // One row per port, its latest session, in the order ports first appeared.
  std::vector<std::string> order;
  std::map<std::string, const app::SessionInfo*> latest;
  for (const auto& s : sessions) {
    if (latest.count(s.port) == 0) order.push_back(s.port);
    latest[s.port] = &s;
  }
  for (const auto& port : order) {
    const auto& s = *latest[port];
    std::string finding = s.finding;
    if (!s.held_by.empty()) finding = i18n::format(tr("held: %s", lang), {s.held_by});
    if (s.state == app::SessionState::kFailed && s.error && finding.empty()) finding = std::string(to_string(*s.error));
    lines.push_back(fit(port, kPort) + " " + fit(s.model.empty() ? "?" : s.model, kModel) + " " + bar(s.progress) +
                    " " + fit(short_step(s, lang), kStep) + " " + fit(verdict_word(s.verdict, lang), kVerdict) + " " +
                    fit(finding, kFinding));
  }
  return lines;
}

std::string bench_summary(const std::vector<app::SessionInfo>& sessions, findings::Language lang) {
  std::map<std::string, int> by_verdict;
  std::map<std::string, int> by_finding;
  std::size_t reports = 0;
  std::string failures;
  for (const auto& s : sessions) {
    reports += s.reports.empty() ? 0u : 1u;
    if (!s.reports.empty()) {
      ++by_verdict[rp::Verdict_Name(s.verdict)];
      for (const auto& code : s.finding_codes) ++by_finding[code];
    }
    if (s.state == app::SessionState::kFailed || s.state == app::SessionState::kUnplugged ||
        s.state == app::SessionState::kCancelled) {
      failures += "  " + s.port + "  " + (s.model.empty() ? s.device_path : s.model) + "  " +
                  std::string(to_string(s.state)) + ": " + s.reason + "\n";
    }
  }
  std::string out = i18n::format(tr("bench summary: %1$s sessions, %2$s reports written", lang),
                                 {std::to_string(sessions.size()), std::to_string(reports)}) +
                    "\n";
  out += tr("by verdict:", lang) + "\n";
  for (const auto& [v, n] : by_verdict) out += "  " + v + "  " + std::to_string(n) + "\n";
  out += tr("by finding (reports that have it):", lang) + "\n";
  for (const auto& [f, n] : by_finding) out += "  " + f + "  " + std::to_string(n) + "\n";
  if (!failures.empty()) out += tr("not diagnosed, or no report:", lang) + "\n" + failures;
  return out;
}

}  // namespace cc::cli
