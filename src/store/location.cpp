#include "store/location.hpp"

#include <cstdlib>

#include "core/error.hpp"

namespace cc::store {

namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char a = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (a != prefix[i]) return false;
  }
  return true;
}

// "scheme://" with a scheme of letters, digits, + - . (RFC 3986), or npos.
std::size_t scheme_end(std::string_view text) {
  const auto colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0) return std::string_view::npos;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = text[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return std::string_view::npos;
  }
  return colon;
}

}  // namespace

Location parse_location(std::string_view text) {
  if (text.empty()) throw Error(ErrorCode::kInvalidArgument, "--store: empty location");
  if (text.find('\0') != std::string_view::npos) throw Error(ErrorCode::kInvalidArgument, "--store: NUL byte");
  if (text.size() > 4096) throw Error(ErrorCode::kInvalidArgument, "--store: location longer than 4096 bytes");
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (starts_with_nocase(text, scheme)) {
      // "postgresql://" alone is valid libpq (all defaults), but as a --store it is a typo.
      if (text.size() == scheme.size()) {
        throw Error(ErrorCode::kInvalidArgument, "--store: the PostgreSQL URI names no server or database");
      }
      return {Location::Kind::kPostgres, std::string(text)};
    }
  }
  if (starts_with_nocase(text, "sqlite:")) {
    std::string_view path = text.substr(7);
    if (path.rfind("//", 0) == 0) path.remove_prefix(2);
    if (path.empty()) throw Error(ErrorCode::kInvalidArgument, "--store: sqlite: names no file");
    return {Location::Kind::kSqlite, std::string(path)};
  }
  if (scheme_end(text) != std::string_view::npos) {
    throw Error(ErrorCode::kInvalidArgument, "--store: unknown store type '" +
                                                 std::string(text.substr(0, scheme_end(text))) +
                                                 "' (a file path, sqlite:PATH or postgresql://...)");
  }
  return {Location::Kind::kSqlite, std::string(text)};
}

std::filesystem::path default_store_path() {
  const char* data = std::getenv("XDG_DATA_HOME");
  if (data && *data == '/') return std::filesystem::path(data) / "coldcheck" / "reports.db";
  const char* home = std::getenv("HOME");
  if (!home || !*home) throw Error(ErrorCode::kNotFound, "HOME is not set: give --store PATH");
  return std::filesystem::path(home) / ".local" / "share" / "coldcheck" / "reports.db";
}

std::string display_location(const Location& location) {
  if (location.kind != Location::Kind::kPostgres) return location.target;
  std::string text = location.target;
  const auto start = text.find("://") + 3;
  const auto at = text.find('@', start);
  const auto slash = text.find('/', start);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    const auto colon = text.find(':', start);
    if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
  }
  // A password can also come as a query parameter.
  for (auto p = text.find("password="); p != std::string::npos; p = text.find("password=", p + 12)) {
    const auto end = text.find('&', p);
    text.replace(p + 9, (end == std::string::npos ? text.size() : end) - p - 9, "***");
  }
  return text;
}

}  // namespace cc::store
