#include "render/text.hpp"

#include <sstream>

#include "core/utf8.hpp"
#include "render/words.hpp"

namespace cc::render {
namespace {

namespace rpt = ::coldcheck::report;

// Decodes one UTF-8 sequence at s[i]; returns its code point (U+FFFD when invalid) and advances i.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

bool is_unsafe(char32_t cp) {
  return (cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

// Keeps valid, harmless text; everything else becomes U+FFFD.
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, i);
    if (cp == 0xFFFD || is_unsafe(cp)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

class Writer {
 public:
  void heading(const std::string& text) { out_ << "\n" << clean(text) << "\n"; }
  // Writes text at `indent`, continuation lines aligned under the first.
  void para(std::size_t indent, std::string_view text) {
    const std::string pad(indent, ' ');
    std::string cleaned = clean(text);
    std::size_t pos = 0;
    while (true) {
      const std::size_t nl = cleaned.find('\n', pos);
      out_ << pad << cleaned.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) << "\n";
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
  }
  void table(std::size_t indent, const std::vector<std::pair<std::string, std::string>>& rows) {
    std::size_t width = 0;
    for (const auto& [k, v] : rows) width = std::max(width, display_width(clean(k)));
    for (const auto& [k, v] : rows) {
      const std::string key = clean(k);
      out_ << std::string(indent, ' ') << key << std::string(width - display_width(key) + 2, ' ');
      const std::string value = clean(v);
      for (char c : value) {
        out_ << c;
        if (c == '\n') out_ << std::string(indent + width + 2, ' ');
      }
      out_ << "\n";
    }
  }
  std::ostringstream& raw() { return out_; }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

void evidence_lines(Writer& w, std::size_t indent, const google::protobuf::RepeatedPtrField<rpt::Evidence>& evidence,
                    const Labels& l) {
  for (const auto& e : evidence) {
    std::string line = "- " + e.name() + ": " + l.observed + " " + (e.observed().empty() ? l.unknown : e.observed());
    if (!e.expected().empty()) line += ", " + l.expected + " " + e.expected();
    w.para(indent, line);
  }
}

void checks(Writer& w, const std::string& heading, const google::protobuf::RepeatedPtrField<rpt::CheckResult>& list,
            const Labels& l) {
  w.heading(heading);
  if (list.empty()) {
    w.para(2, l.no_checks);
    return;
  }
  std::size_t width = 0;
  for (const auto& c : list) width = std::max(width, display_width(status_word(c.status(), l)));
  for (const auto& c : list) {
    const std::string word = status_word(c.status(), l);
    std::string line = "[" + word + "]" + std::string(width - display_width(word) + 1, ' ') + c.id();
    if (!c.title().empty()) line += "  " + c.title();
    w.para(2, line);
    if (!c.detail().empty()) w.para(width + 5, c.detail());
    evidence_lines(w, width + 5, c.evidence(), l);
  }
}

}  // namespace

std::string render_text(const rpt::Report& report, const Labels& l) {
  const rpt::Body& body = report.body();
  Writer w;
  // "coldcheck" stays on the first line in every language: read_report recognises text renderings by it.
  w.para(0, "coldcheck — " + l.title);
  if (body.run().demo()) w.para(0, l.demo);

  w.heading(l.verdict + ": " + verdict_word(body.verdict(), l));
  if (const std::string sentence = verdict_sentence(body.verdict(), l); !sentence.empty()) w.para(2, sentence);

  const auto findings = findings_in_order(body);
  w.heading(l.findings + " (" + std::to_string(findings.size()) + ")");
  if (findings.empty()) w.para(2, l.no_findings);
  int n = 0;
  for (const rpt::Finding* f : findings) {
    ++n;
    const std::string number = std::to_string(n) + ". ";
    w.para(2, number + "[" + severity_word(f->severity(), l) + "] " + f->code() + "  " + f->title());
    const std::size_t indent = 2 + number.size();
    if (!f->detail().empty()) w.para(indent, f->detail());
    if (!f->remediation().empty()) w.para(indent, l.what_to_do + ": " + f->remediation());
    evidence_lines(w, indent, f->evidence(), l);
  }

  if (body.has_description() && (body.description().refused() || !body.description().text().empty())) {
    w.heading(l.description);
    if (body.description().refused()) {
      std::string line = l.description_refused;
      if (!body.description().refused_category().empty()) line += " (" + body.description().refused_category() + ")";
      w.para(2, line);
    } else {
      w.para(2, body.description().text());
    }
  }

  w.heading(l.device);
  const auto rows = fact_rows(body.device(), l);
  if (rows.empty()) {
    w.para(2, l.no_device_facts);
  } else {
    w.table(2, rows);
  }
  if (body.has_device()) checks(w, l.device_checks, body.device().checks(), l);
  checks(w, l.host_checks, body.host_checks(), l);

  w.heading(l.about);
  const auto about = about_rows(report, l);
  w.table(2, about);

  w.raw() << "\n";
  w.para(0, l.footer);
  return w.str();
}

}  // namespace cc::render
