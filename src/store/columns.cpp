#include "store/columns.hpp"

#include <charconv>
#include <cstdio>

#include "report/status_names.hpp"

namespace cc::store {

namespace rp = ::coldcheck::report;

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date.
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3u : 9u)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// 1 = Monday ... 7 = Sunday; 1970-01-01 was a Thursday.
unsigned iso_weekday(long days) {
  const long w = (days + 3) % 7;
  return static_cast<unsigned>(w < 0 ? w + 7 : w) + 1;
}

bool parse_number(std::string_view s, long& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

}  // namespace

std::string iso_week(std::string_view date) {
  long y = 0, m = 0, d = 0;
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return {};
  if (!parse_number(date.substr(0, 4), y) || !parse_number(date.substr(5, 2), m) || !parse_number(date.substr(8, 2), d))
    return {};
  if (m < 1 || m > 12 || d < 1 || d > 31) return {};
  const long days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  // The ISO week belongs to the year of its Thursday.
  const long thursday = days - static_cast<long>(iso_weekday(days)) + 4;
  long week_year = y;
  if (thursday < days_from_civil(y, 1, 1)) week_year = y - 1;
  if (thursday >= days_from_civil(y + 1, 1, 1)) week_year = y + 1;
  const long week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
  char buf[16];
  const int n = std::snprintf(buf, sizeof buf, "%04ld-W%02ld", week_year, week);
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string verdict_name(rp::Verdict v) {
  switch (v) {
    case rp::VERDICT_OK: return "ok";
    case rp::VERDICT_ATTENTION: return "attention";
    case rp::VERDICT_STOP: return "stop";
    case rp::VERDICT_NO_DEVICE: return "no-device";
    default: return "unspecified";
  }
}

Columns columns_of(const rp::Report& sealed) {
  const auto& body = sealed.body();
  Columns c;
  c.digest = sealed.integrity().digest_hex();
  c.created = body.run().created_at();
  c.week = iso_week(c.created);
  c.model = body.device().facts().catalog_id();
  c.firmware = body.device().facts().firmware_version();
  c.verdict = verdict_name(body.verdict());
  c.device = body.device().device_pseudonym();
  c.catalog_date = body.run().catalog_date();
  for (const auto& f : body.findings()) c.codes.push_back(f.code());
  for (const auto& r : body.host_checks())
    c.checks.emplace_back(r.id(), std::string(report::check_status_name(r.status())));
  for (const auto& r : body.device().checks())
    c.checks.emplace_back(r.id(), std::string(report::check_status_name(r.status())));
  return c;
}

}  // namespace cc::store
