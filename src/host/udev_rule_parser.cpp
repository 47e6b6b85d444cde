#include "host/udev_rule_parser.hpp"

#include <algorithm>

#include "host/text_file.hpp"

namespace cc::host {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // Parses one key; false at the end of the line or on a malformed key.
  bool next(UdevKey& out, bool& malformed) {
    while (at_ < text_.size() && (is_space(text_[at_]) || text_[at_] == ',')) ++at_;
    if (at_ >= text_.size()) return false;
    malformed = true;
    const std::size_t key_start = at_;
    while (at_ < text_.size() && is_key_char(text_[at_])) ++at_;
    out.key = std::string(text_.substr(key_start, at_ - key_start));
    if (out.key.empty()) return false;
    out.attr.clear();
    if (at_ < text_.size() && text_[at_] == '{') {
      const std::size_t close = text_.find('}', at_);
      if (close == std::string_view::npos) return false;
      out.attr = std::string(trim(text_.substr(at_ + 1, close - at_ - 1)));
      at_ = close + 1;
    }
    skip_spaces();
    if (!read_op(out.op)) return false;
    skip_spaces();
    if (!read_value(out.value)) return false;
    malformed = false;
    return true;
  }

 private:
  void skip_spaces() {
    while (at_ < text_.size() && is_space(text_[at_])) ++at_;
  }

  bool read_op(std::string& op) {
    for (std::string_view candidate : {"==", "!=", "+=", "-=", ":=", "="}) {
      if (text_.substr(at_, candidate.size()) == candidate) {
        op = std::string(candidate);
        at_ += candidate.size();
        return true;
      }
    }
    return false;
  }

  bool read_value(std::string& value) {
    value.clear();
    if (at_ >= text_.size()) return false;
    const char quote = text_[at_];
    if (quote == '"' || quote == '\'') {
      for (++at_; at_ < text_.size(); ++at_) {
        const char c = text_[at_];
        if (c == '\\' && at_ + 1 < text_.size() && text_[at_ + 1] == quote) {
          value += quote;
          ++at_;
        } else if (c == quote) {
          ++at_;
          return true;
        } else {
          value += c;
        }
      }
      return false;  // unterminated
    }
    // Unquoted: udev rejects it, but people write it; read up to a separator.
    while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != ',') value += text_[at_++];
    return !value.empty();
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

UdevRule parse_line(std::string_view text, int line) {
  UdevRule rule;
  rule.line = line;
  LineReader reader(text);
  UdevKey key;
  bool malformed = false;
  while (reader.next(key, malformed)) rule.keys.push_back(key);
  rule.malformed = malformed;
  return rule;
}

}  // namespace

std::vector<UdevRule> parse_udev_rules(std::string_view text) {
  std::vector<UdevRule> rules;
  std::string logical;
  int start_line = 0;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (logical.empty()) {
      start_line = line_no;
      const std::string_view content = trim(line);
      if (content.empty() || content.front() == '#') {
        if (end == text.size()) break;
        continue;
      }
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\\') {
      logical.append(line.substr(0, line.size() - 1));
      logical += ' ';
      if (end == text.size()) break;
      continue;
    }
    logical.append(line);
    UdevRule rule = parse_line(logical, start_line);
    if (!rule.keys.empty() || rule.malformed) rules.push_back(std::move(rule));
    logical.clear();
    if (end == text.size()) break;
  }
  if (!logical.empty()) {
    UdevRule rule = parse_line(logical, start_line);
    if (!rule.keys.empty() || rule.malformed) rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace cc::host
