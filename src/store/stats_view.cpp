#include "store/stats_view.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "i18n/format.hpp"
#include "render/html_escape.hpp"

namespace cc::store {

namespace {

using findings::tr;
using render::html_escape;

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

struct Section {
  std::string title;
  std::vector<std::pair<std::string, std::int64_t>> rows;
  std::int64_t whole = 0;  // what the shares are of
};

std::string or_unknown(const std::string& s, findings::Language lang) { return s.empty() ? tr("unknown", lang) : s; }

std::vector<Section> sections(const Stats& s, findings::Language lang) {
  std::vector<Section> out;
  auto simple = [&](std::string title, const std::vector<Count>& counts, std::int64_t whole) {
    Section sec{std::move(title), {}, whole};
    for (const auto& c : counts) sec.rows.emplace_back(or_unknown(c.key, lang), c.n);
    out.push_back(std::move(sec));
  };
  simple(tr("By model", lang), s.by_model, s.reports);
  Section fw{tr("By firmware version", lang), {}, s.reports};
  for (const auto& c : s.by_firmware)
    fw.rows.emplace_back(or_unknown(c.key, lang) + " " + or_unknown(c.sub, lang), c.n);
  out.push_back(std::move(fw));
  simple(tr("By verdict", lang), s.by_verdict, s.reports);
  simple(tr("By finding code", lang), s.by_code, s.reports);
  simple(tr("Per ISO week", lang), s.by_week, s.reports);
  Section top{tr("Most common findings per model", lang), {}, 0};
  for (const auto& c : s.top_findings_per_model) top.rows.emplace_back(or_unknown(c.key, lang) + "  " + c.sub, c.n);
  out.push_back(std::move(top));
  return out;
}

std::vector<std::pair<std::string, std::string>> headline(const Stats& s, findings::Language lang) {
  return {
      {tr("Reports", lang), std::to_string(s.reports)},
      {tr("Devices", lang), std::to_string(s.devices)},
      {tr("Devices seen on outdated firmware", lang),
       std::to_string(s.devices_outdated) + " (" + percent(s.devices_outdated, s.devices) + ")"},
      {tr("Devices seen missing a security fix", lang),
       std::to_string(s.devices_security_fix) + " (" + percent(s.devices_security_fix, s.devices) + ")"},
  };
}

// Display width of UTF-8 text, counting CJK as two columns.
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    n += c >= 0xE0 ? 2 : 1;
  }
  return n;
}

std::string pad(const std::string& text, std::size_t width) {
  const std::size_t w = columns(text);
  return text + std::string(w < width ? width - w : 1, ' ');
}

}  // namespace

std::string stats_text(const Stats& s, findings::Language lang) {
  std::ostringstream out;
  std::size_t width = 0;
  for (const auto& [k, v] : headline(s, lang)) width = std::max(width, columns(k));
  for (const auto& [k, v] : headline(s, lang)) out << pad(k, width + 2) << v << "\n";
  if (s.reports == 0) {
    out << "\n" << tr("No reports stored yet.", lang) << "\n";
    return out.str();
  }
  for (const auto& sec : sections(s, lang)) {
    out << "\n" << sec.title << "\n";
    std::size_t key_width = 0;
    for (const auto& [k, n] : sec.rows) key_width = std::max(key_width, columns(k));
    for (const auto& [k, n] : sec.rows) {
      const std::string count = std::to_string(n);
      out << "  " << pad(k, key_width + 2) << std::string(count.size() < 9 ? 9 - count.size() : 0, ' ') << count;
      if (sec.whole > 0) out << "  " << percent(n, sec.whole);
      out << "\n";
    }
  }
  return out.str();
}

namespace {

// A horizontal bar chart: one bar per row, the longest 200 of 400 units (room for its
// count). The SVG scales with the page (viewBox), so it stays readable on a phone.
void bar_chart(std::ostringstream& out, const Section& sec) {
  constexpr std::size_t kMaxBars = 20;
  const std::size_t bars = std::min(sec.rows.size(), kMaxBars);
  if (bars == 0) return;
  std::int64_t top = 1;
  for (std::size_t i = 0; i < bars; ++i) top = std::max(top, sec.rows[i].second);
  const int row_height = 22;
  const int height = static_cast<int>(bars) * row_height + 4;
  out << "<svg class=\"chart\" viewBox=\"0 0 400 " << height << "\" role=\"img\" aria-label=\""
      << html_escape(sec.title) << "\" preserveAspectRatio=\"xMinYMin meet\">\n";
  for (std::size_t i = 0; i < bars; ++i) {
    const auto& [label, n] = sec.rows[i];
    const double w = 200.0 * static_cast<double>(n) / static_cast<double>(top);
    const int y = static_cast<int>(i) * row_height + 2;
    char rect[160];
    std::snprintf(rect, sizeof rect, "<rect x=\"150\" y=\"%d\" width=\"%.1f\" height=\"16\" rx=\"2\"></rect>", y,
                  std::max(w, 1.0));
    out << "<g><text x=\"146\" y=\"" << y + 12 << "\" text-anchor=\"end\">" << html_escape(label.substr(0, 28))
        << "</text>" << rect << "<text class=\"n\" x=\"" << static_cast<int>(150 + std::max(w, 1.0) + 4) << "\" y=\""
        << y + 12 << "\">" << n << "</text></g>\n";
  }
  out << "</svg>\n";
}

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}"
    "main{max-width:56rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}"
    "dl.head{display:grid;grid-template-columns:auto auto;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}"
    "svg.chart{width:100%;height:auto;display:block}svg.chart rect{fill:#3b6fb6}"
    "svg.chart text{font-size:11px;fill:#1b1f24}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}"
    "td,th{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;overflow-wrap:anywhere}"
    "td.n{text-align:right;white-space:nowrap}"
    "details{margin:.4rem 0}"
    "@media (prefers-color-scheme:dark){body{background:#121416;color:#e6e6e6}"
    "svg.chart text{fill:#e6e6e6}svg.chart rect{fill:#6d9be0}td,th{border-color:#333}}";

}  // namespace

std::string stats_html(const Stats& s, findings::Language lang) {
  std::ostringstream out;
  const std::string title = tr("Report store statistics", lang);
  out << "<!doctype html>\n<html lang=\"" << (lang == findings::Language::kChineseSimplified ? "zh-CN" : "en")
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<title>coldcheck — " << html_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n"
      << "<body>\n<main>\n<h1>coldcheck — " << html_escape(title) << "</h1>\n<dl class=\"head\" id=\"headline\">\n";
  for (const auto& [k, v] : headline(s, lang))
    out << "<dt>" << html_escape(k) << "</dt><dd>" << html_escape(v) << "</dd>\n";
  out << "</dl>\n";
  if (s.reports == 0) out << "<p>" << html_escape(tr("No reports stored yet.", lang)) << "</p>\n";
  int index = 0;
  for (const auto& sec : sections(s, lang)) {
    if (s.reports == 0) break;
    out << "<section id=\"s" << index++ << "\">\n<h2>" << html_escape(sec.title) << "</h2>\n";
    bar_chart(out, sec);
    out << "<details><summary>" << html_escape(tr("Table", lang)) << " (" << sec.rows.size()
        << ")</summary>\n<table>\n";
    for (const auto& [k, n] : sec.rows) {
      out << "<tr><td>" << html_escape(k) << "</td><td class=\"n\">" << n << "</td>";
      if (sec.whole > 0) out << "<td class=\"n\">" << percent(n, sec.whole) << "</td>";
      out << "</tr>\n";
    }
    out << "</table>\n</details>\n</section>\n";
  }
  out << "</main>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace cc::store
