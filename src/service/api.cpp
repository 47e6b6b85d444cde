#include "service/api.hpp"

#include "core/error.hpp"
#include "core/version.hpp"
#include "service/error_words.hpp"
#include "service/http_status.hpp"
#include "service/json_out.hpp"
#include "store/stats_view.hpp"
#include "store/store.hpp"

namespace cc::service {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      c = ' ';
    } else if (c == '%') {
      const int hi = i + 2 < text.size() ? hex_digit(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) throw Error(ErrorCode::kInvalidArgument, N_("a bad percent escape in the URL"));
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') throw Error(ErrorCode::kInvalidArgument, N_("a NUL byte in the URL"));
    out += c;
  }
  return out;
}

}  // namespace

void split_target(std::string_view target, std::string& path, std::map<std::string, std::string, std::less<>>& query) {
  const auto q = target.find('?');
  path = std::string(target.substr(0, q));
  query.clear();
  if (q == std::string_view::npos) return;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      query[decode(pair.substr(0, eq))] = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
}

const std::vector<Api::Route>& Api::routes() {
  static const std::vector<Route> table = {
      {"GET", "/api/v1/health", &Api::health, false},
      {"POST", "/api/v1/login-url", &Api::new_login, false},
      {"GET", "/api/v1/statistics", &Api::statistics, true},
      {"GET", "/api/v1/reports", &Api::list_reports, true},
      {"GET", "/api/v1/reports/*", &Api::fetch_report, true},
      {"GET", "/api/v1/devices", &Api::list_devices, true},
      {"GET", "/api/v1/devices/events", &Api::device_events, false},
      {"POST", "/api/v1/diagnoses", &Api::start_diagnosis, true},
      {"GET", "/api/v1/diagnoses", &Api::list_diagnoses, false},
      {"GET", "/api/v1/diagnoses/*", &Api::diagnosis_status, false},
      {"GET", "/api/v1/diagnoses/*/events", &Api::diagnosis_events, false},
      {"GET", "/api/v1/diagnoses/*/report", &Api::diagnosis_report, true},
      {"DELETE", "/api/v1/diagnoses/*", &Api::cancel_diagnosis, false},
      {"POST", "/api/v1/bench/start", &Api::bench_start, true},
      {"POST", "/api/v1/bench/stop", &Api::bench_stop, false},
      {"GET", "/api/v1/bench/rows", &Api::bench_rows, false},
      {"GET", "/api/v1/bench/events", &Api::bench_events, false},
      {"POST", "/api/v1/backup-checks", &Api::start_backup, true},
      {"GET", "/api/v1/backup-checks/*", &Api::backup_status, false},
      {"GET", "/api/v1/backup-checks/*/events", &Api::backup_events, false},
      {"POST", "/api/v1/backup-checks/*/answer", &Api::backup_answer, false},
      {"DELETE", "/api/v1/backup-checks/*", &Api::cancel_backup, false},
  };
  return table;
}

bool Api::match(std::string_view pattern, std::string_view path, std::vector<std::string>& captures) {
  captures.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const auto pe = pattern.find('/');
    const auto se = path.find('/');
    const auto pseg = pattern.substr(0, pe);
    const auto seg = path.substr(0, se);
    if (pseg == "*") {
      if (seg.empty()) return false;
      captures.emplace_back(seg);
    } else if (pseg != seg) {
      return false;
    }
    pattern.remove_prefix(pe == std::string_view::npos ? pattern.size() : pe);
    path.remove_prefix(se == std::string_view::npos ? path.size() : se);
  }
  return true;
}

bool Api::may_block(std::string_view method, std::string_view path) const {
  std::vector<std::string> captures;
  for (const auto& r : routes()) {
    if (r.method == method && match(r.pattern, path, captures)) return r.blocking;
  }
  return false;
}

ApiResponse Api::handle(const ApiRequest& request) noexcept {
  const auto failure = [&](unsigned status, std::string_view code, std::string_view message) noexcept {
    try {
      return ApiResponse{status, "application/json", error_json(code, message, error_language(request)), {}, {}};
    } catch (...) {
      return ApiResponse{503, "application/json", {}, {}, {}};
    }
  };
  try {
    std::vector<std::string> captures;
    bool path_known = false;
    for (const auto& r : routes()) {
      if (!match(r.pattern, request.path, captures)) continue;
      path_known = true;
      if (r.method == request.method) return (this->*r.handler)(request, captures);
    }
    if (path_known) return failure(405, "method", N_("method not allowed here"));
    return failure(404, "not-found", N_("no such route"));
  } catch (const Error& e) {
    return failure(http_status_for(e.code()), to_string(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    return failure(503, "internal", N_("out of memory"));
  } catch (const std::exception&) {
    // Never echo a library's message: it may quote the input.
    return failure(500, "internal", N_("internal error"));
  }
}

findings::Language Api::language_of(const ApiRequest& request) const {
  const auto it = request.query.find("lang");
  if (it == request.query.end()) return options_.language;
  if (it->second == "en") return findings::Language::kEnglish;
  if (it->second == "zh-CN") return findings::Language::kChineseSimplified;
  throw Error(ErrorCode::kInvalidArgument, N_("lang: expected en or zh-CN"));
}

findings::Language Api::error_language(const ApiRequest& request) const noexcept {
  if (const auto it = request.query.find("lang"); it != request.query.end()) {
    if (it->second == "zh-CN") return findings::Language::kChineseSimplified;
    if (it->second == "en") return findings::Language::kEnglish;
  }
  // The first language named decides; q-values are not weighed (the page sends one).
  std::string_view accept = request.accept_language;
  while (!accept.empty() && (accept.front() == ' ' || accept.front() == '\t')) accept.remove_prefix(1);
  if (accept.starts_with("zh")) return findings::Language::kChineseSimplified;
  if (accept.starts_with("en")) return findings::Language::kEnglish;
  return options_.language;
}

store::Store& Api::store() {
  if (!options_.store) throw Error(ErrorCode::kNotFound, N_("this service runs without a report store"));
  if (!store_) store_ = store::Store::open(*options_.store);
  return *store_;
}

std::string Api::login_url() { return base_url_ + "/login?code=" + sessions_.new_login_code(); }

ApiResponse Api::health(const ApiRequest&, const std::vector<std::string>&) {
  return ApiResponse{
      200, "application/json", std::string("{\"ok\":true,\"version\":") + json_quote(kVersion) + "}", {}, {}};
}

ApiResponse Api::new_login(const ApiRequest& request, const std::vector<std::string>&) {
  // Only a holder of the token may mint a login: a session cannot extend itself.
  if (request.caller != Caller::kToken) {
    return ApiResponse{403,
                       "application/json",
                       error_json("auth", N_("only the token holder may create a login URL"), error_language(request)),
                       {},
                       {}};
  }
  return ApiResponse{201, "application/json", "{\"url\":" + json_quote(login_url()) + "}", {}, {}};
}

ApiResponse Api::statistics(const ApiRequest& request, const std::vector<std::string>&) {
  const auto language = language_of(request);
  const auto format = request.query.contains("format") ? request.query.find("format")->second : "json";
  store::Stats stats;
  {
    const std::lock_guard lock(store_mutex_);
    stats = store().stats();
  }
  if (format == "json") return ApiResponse{200, "application/json", stats_json(stats), {}, {}};
  if (format == "html") return ApiResponse{200, "text/html; charset=utf-8", store::stats_html(stats, language), {}, {}};
  if (format == "text")
    return ApiResponse{200, "text/plain; charset=utf-8", store::stats_text(stats, language), {}, {}};
  throw Error(ErrorCode::kInvalidArgument, N_("format: expected json, html or text"));
}

}  // namespace cc::service
