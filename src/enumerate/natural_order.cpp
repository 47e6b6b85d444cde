#include "enumerate/natural_order.hpp"

namespace cc::enumerate {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view digit_run(std::string_view s, std::size_t from) {
  std::size_t end = from;
  while (end < s.size() && is_digit(s[end])) ++end;
  return s.substr(from, end - from);
}

std::string_view strip_zeros(std::string_view run) {
  while (run.size() > 1 && run.front() == '0') run.remove_prefix(1);
  return run;
}

}  // namespace

bool natural_less(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      const auto ra = digit_run(a, i);
      const auto rb = digit_run(b, j);
      const auto na = strip_zeros(ra);
      const auto nb = strip_zeros(rb);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      if (ra.size() != rb.size()) return ra.size() < rb.size();  // "01" vs "1": stable tie-break
      i += ra.size();
      j += rb.size();
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace cc::enumerate
