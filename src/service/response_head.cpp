#include "service/response_head.hpp"

#include <ostream>  // before Beast: its header-only status code streams a string_view

#include <boost/beast/http/status.hpp>

#include <array>
#include <charconv>

#include "service/ascii.hpp"

namespace cc::service {

namespace {

constexpr std::string_view kCommon =
    "Server: coldcheck\r\n"
    "Cache-Control: no-store\r\n"
    "Vary: Origin\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "Cross-Origin-Resource-Policy: same-origin\r\n";
constexpr std::string_view kDefaultCsp = "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n";

constexpr std::array<std::string_view, 10> kOwned = {"Server",
                                                     "Cache-Control",
                                                     "Vary",
                                                     "X-Content-Type-Options",
                                                     "X-Frame-Options",
                                                     "Referrer-Policy",
                                                     "Cross-Origin-Resource-Policy",
                                                     "Connection",
                                                     "Content-Length",
                                                     "Transfer-Encoding"};

bool is_token_char(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view name) noexcept {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

bool safe_value(std::string_view value) noexcept {
  for (const char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

void append_number(std::string& out, std::size_t n) {
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
  out.append(digits.data(), end);
}

}  // namespace

ResponseHead::ResponseHead(std::string& out, unsigned status, unsigned version)
    : out_(out), status_(status), version_(version) {
  out_.clear();
  out_ += "HTTP/";
  out_ += static_cast<char>('0' + (version / 10) % 10);
  out_ += '.';
  out_ += static_cast<char>('0' + version % 10);
  out_ += ' ';
  append_number(out_, status);
  out_ += ' ';
  const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  out_.append(reason.data(), reason.size());
  out_ += "\r\n";
}

bool ResponseHead::bodiless() const noexcept {
  return (status_ >= 100 && status_ < 200) || status_ == 204 || status_ == 304;
}

void ResponseHead::add(std::string_view name, std::string_view value) {
  if (!is_token(name) || !safe_value(value)) {
    safe_ = false;
    return;
  }
  for (const auto owned : kOwned) {
    if (equals_ignoring_case(name, owned)) return;
  }
  if (equals_ignoring_case(name, "Content-Security-Policy")) {
    if (csp_) return;  // the first one set stands
    csp_ = true;
  }
  out_.append(name);
  out_ += ": ";
  out_.append(value);
  out_ += "\r\n";
}

void ResponseHead::finish(bool keep_alive, std::size_t body_size) {
  out_.append(kCommon);
  if (!csp_) out_.append(kDefaultCsp);
  // HTTP/1.1 keeps a connection unless told; HTTP/1.0 closes it unless told.
  if (version_ >= 11 && !keep_alive) out_ += "Connection: close\r\n";
  if (version_ < 11 && keep_alive) out_ += "Connection: keep-alive\r\n";
  if (!bodiless()) {
    out_ += "Content-Length: ";
    append_number(out_, body_size);
    out_ += "\r\n";
  }
  out_ += "\r\n";
}

}  // namespace cc::service
