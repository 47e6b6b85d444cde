#pragma once
// Who may talk to the service, decided before any route runs: the Host header names this
// service (no DNS rebinding), an Origin is one of ours exactly (no "*", no "null"), the
// caller holds the install token or a session from a one-time login, and a request that
// changes state is JSON (a cross-site text/plain form cannot reach it).
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "service/secrets.hpp"

namespace cc::service {

// The parts of a request the policy reads; absent headers are nullopt.
struct RequestFacts {
  std::string_view method;
  std::optional<std::string_view> host, origin, authorization, cookie, content_type, fetch_site;
  bool local_socket = false;  // arrived on the Unix socket (file permissions guard it)
};

struct Refusal {
  unsigned status = 403;
  std::string code;     // stable, for the JSON body: "host", "origin", "auth", "content-type"
  std::string message;  // for people
};

enum class Caller { kAnonymous, kToken, kSession };

inline constexpr std::string_view kSessionCookie = "cc_session";

class AccessPolicy {
 public:
  AccessPolicy(std::string token, Sessions& sessions);

  // Adds 127.0.0.1:PORT, [::1]:PORT and localhost:PORT to the hosts, and their http://
  // forms to the origins.
  void allow_port(unsigned port);

  // Host and Origin, for every request (the page and the login too).
  std::optional<Refusal> check_site(const RequestFacts& request) const;
  Caller caller(const RequestFacts& request) const;
  // check_site, then: a known caller, and JSON for a method that changes state.
  std::optional<Refusal> check_api(const RequestFacts& request) const;
  // The same with the caller already known (caller(request)): the secrets are compared once.
  std::optional<Refusal> check_api(const RequestFacts& request, Caller who) const;

  // The Origin to echo in Access-Control-Allow-Origin, when it is one of ours.
  std::optional<std::string> allowed_origin(const RequestFacts& request) const;

  const std::set<std::string, std::less<>>& hosts() const noexcept { return hosts_; }

 private:
  std::string token_;
  Sessions& sessions_;
  std::set<std::string, std::less<>> hosts_;    // lower case
  std::set<std::string, std::less<>> origins_;  // exact
};

// The value of cookie `name` in a Cookie header, if present.
std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name);

// A method that can change state (anything but GET, HEAD, OPTIONS).
bool changes_state(std::string_view method) noexcept;

}  // namespace cc::service
