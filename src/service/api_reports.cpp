// Reports from the store: a filtered list, and one report in any format and language.
#include <algorithm>
#include <charconv>

#include "app/rendering.hpp"
#include "core/error.hpp"
#include "report/format.hpp"
#include "i18n/catalog.hpp"
#include "service/api.hpp"
#include "store/export.hpp"
#include "store/store.hpp"

namespace cc::service {

namespace {

// A report id is a positive decimal number and nothing else: no path, no dots, no
// slashes, so it cannot name anything but a row.
std::int64_t report_id(std::string_view text) {
  std::int64_t id = 0;
  const bool digits = !text.empty() && text.size() <= 18 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || std::from_chars(text.data(), text.data() + text.size(), id).ec != std::errc() || id <= 0) {
    throw Error(ErrorCode::kInvalidArgument, N_("a report id is a positive whole number"));
  }
  return id;
}

std::string checked_date(const std::string& text, std::string_view name) {
  const bool ok = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                  std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!ok) throw Error(ErrorCode::kInvalidArgument, std::string(name) + ": expected a date YYYY-MM-DD");
  return text;
}

std::string checked_word(const std::string& text, std::string_view name) {
  const bool ok = text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.';
                  });
  if (!ok) throw Error(ErrorCode::kInvalidArgument, std::string(name) + ": letters, digits, - _ . only");
  return text;
}

std::string_view content_type_of(report::Format format) {
  switch (format) {
    case report::Format::kText: return "text/plain; charset=utf-8";
    case report::Format::kJson: return "application/json";
    case report::Format::kHtml: return "text/html; charset=utf-8";
    case report::Format::kPb: return "application/x-protobuf";
  }
  return "application/octet-stream";
}

std::string_view extension_of(report::Format format) {
  switch (format) {
    case report::Format::kText: return "txt";
    case report::Format::kJson: return "json";
    case report::Format::kHtml: return "html";
    case report::Format::kPb: return "pb";
  }
  return "bin";
}

}  // namespace

ApiResponse Api::list_reports(const ApiRequest& request, const std::vector<std::string>&) {
  store::Filter filter;
  filter.limit = 100;
  for (const auto& [name, value] : request.query) {
    if (name == "model")
      filter.model = checked_word(value, name);
    else if (name == "code")
      filter.code = checked_word(value, name);
    else if (name == "verdict")
      filter.verdict = checked_word(value, name);
    else if (name == "since")
      filter.since = checked_date(value, name);
    else if (name == "before")
      filter.before = checked_date(value, name);
    else if (name == "limit") {
      std::int64_t n = 0;
      if (std::from_chars(value.data(), value.data() + value.size(), n).ec != std::errc() || n < 1 || n > 1000) {
        throw Error(ErrorCode::kInvalidArgument, N_("limit: a whole number from 1 to 1000"));
      }
      filter.limit = n;
    } else {
      throw Error(ErrorCode::kInvalidArgument, N_("unknown query parameter"));
    }
  }
  std::vector<store::Summary> rows;
  {
    const std::lock_guard lock(store_mutex_);
    rows = store().list(filter);
  }
  return ApiResponse{200, "application/json", store::summaries_json(rows), {}, {}};
}

ApiResponse Api::fetch_report(const ApiRequest& request, const std::vector<std::string>& captures) {
  const auto id = report_id(captures.at(0));
  const auto language = language_of(request);
  const auto fmt_it = request.query.find("format");
  const auto format = report::parse_format(fmt_it == request.query.end() ? "json" : fmt_it->second);
  std::optional<::coldcheck::report::Report> found;
  {
    const std::lock_guard lock(store_mutex_);
    found = store().get(id);
  }
  if (!found) throw Error(ErrorCode::kNotFound, "no report with id " + std::to_string(id));
  ApiResponse response{200,
                       std::string(content_type_of(format)),
                       app::render_report(*found, report::format_name(format), language),
                       {},
                       {}};
  if (request.query.contains("download")) {
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"coldcheck-report-" +
                                                             std::to_string(id) + "." +
                                                             std::string(extension_of(format)) + "\"");
  }
  return response;
}

}  // namespace cc::service
