#include "service/access_policy.hpp"

#include <algorithm>
#include <array>

#include "service/ascii.hpp"

namespace cc::service {

namespace {

// Longer than any host we serve ("localhost:65535", "127.0.0.1:65535", "[::1]:65535").
constexpr std::size_t kLongestHost = 64;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Refusal refuse(unsigned status, std::string code, std::string message) {
  return Refusal{status, std::move(code), std::move(message)};
}

// "application/json", optionally with "; charset=utf-8" (any case); nothing else.
bool is_json(std::string_view content_type) {
  const auto semi = content_type.find(';');
  if (!equals_ignoring_case(trim(content_type.substr(0, semi)), "application/json")) return false;
  if (semi == std::string_view::npos) return true;
  return equals_ignoring_case(trim(content_type.substr(semi + 1)), "charset=utf-8");
}

}  // namespace

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    const auto pair = trim(header.substr(0, semi));
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

bool changes_state(std::string_view method) noexcept {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

AccessPolicy::AccessPolicy(std::string token, Sessions& sessions) : token_(std::move(token)), sessions_(sessions) {}

void AccessPolicy::allow_port(unsigned port) {
  const auto p = std::to_string(port);
  for (const auto* host : {"127.0.0.1", "[::1]", "localhost"}) {
    hosts_.insert(std::string(host) + ":" + p);
    origins_.insert("http://" + std::string(host) + ":" + p);
  }
}

std::optional<Refusal> AccessPolicy::check_site(const RequestFacts& request) const {
  if (!request.host) return refuse(400, "host", "a Host header is required");
  const auto given = trim(*request.host);
  // Lower-cased on the stack: a name longer than any of ours is not ours either.
  std::array<char, kLongestHost> buffer{};
  const auto size = std::min(given.size(), buffer.size());
  std::transform(given.begin(), given.begin() + static_cast<std::ptrdiff_t>(size), buffer.begin(), ascii_lower);
  const std::string_view host(buffer.data(), size);
  const bool known = given.size() <= buffer.size() && hosts_.contains(host);
  const bool local_name = request.local_socket && host == "localhost" && given.size() == host.size();
  if (!local_name && !known) {
    // A name we do not serve: a rebinding page or a mistyped address. Never echo it.
    return refuse(421, "host", "this service answers only for its loopback address");
  }
  if (request.origin && !origins_.contains(*request.origin)) {
    return refuse(403, "origin", "requests from other sites are refused");
  }
  if (request.fetch_site && *request.fetch_site == "cross-site") {
    return refuse(403, "origin", "requests from other sites are refused");
  }
  return std::nullopt;
}

Caller AccessPolicy::caller(const RequestFacts& request) const {
  if (request.authorization) {
    constexpr std::string_view kBearer = "Bearer ";
    const auto value = *request.authorization;
    if (value.size() > kBearer.size() && equals_ignoring_case(value.substr(0, kBearer.size()), kBearer) &&
        secrets_equal(trim(value.substr(kBearer.size())), token_)) {
      return Caller::kToken;
    }
    return Caller::kAnonymous;  // a wrong token is not rescued by a cookie
  }
  if (request.cookie) {
    if (const auto session = cookie_value(*request.cookie, kSessionCookie);
        session && sessions_.valid_session(*session)) {
      return Caller::kSession;
    }
  }
  return Caller::kAnonymous;
}

std::optional<Refusal> AccessPolicy::check_api(const RequestFacts& request) const {
  return check_api(request, caller(request));
}

std::optional<Refusal> AccessPolicy::check_api(const RequestFacts& request, Caller who) const {
  if (auto refusal = check_site(request)) return refusal;
  if (who == Caller::kAnonymous) {
    return refuse(401, "auth", "send Authorization: Bearer TOKEN (the service token file) or open the login URL");
  }
  if (changes_state(request.method)) {
    if (!request.content_type || !is_json(*request.content_type)) {
      return refuse(415, "content-type", "this route takes application/json only");
    }
    // A browser always sends Origin with a POST: a cookie without one is not our page.
    if (who == Caller::kSession && !request.origin) {
      return refuse(403, "origin", "a request that changes state needs the page's Origin");
    }
  }
  return std::nullopt;
}

std::optional<std::string> AccessPolicy::allowed_origin(const RequestFacts& request) const {
  if (request.origin && origins_.contains(*request.origin)) return std::string(*request.origin);
  return std::nullopt;
}

}  // namespace cc::service
