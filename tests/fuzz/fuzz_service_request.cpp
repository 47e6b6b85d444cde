// What a client sends the service: a request target, header values and a JSON body, cut
// from the input at NUL bytes. Each parser must succeed or throw cc::Error; a decoded
// query never holds a NUL; the access policy never lets a request through without the
// token; a typed JSON field is always in its range.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "service/access_policy.hpp"
#include "service/api.hpp"
#include "service/json_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= input.size() && parts.size() < 6; ++i) {
    if (i == input.size() || input[i] == '\0') {
      parts.push_back(input.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.resize(6);
  try {
    std::string path;
    std::map<std::string, std::string, std::less<>> query;
    cc::service::split_target(parts[0], path, query);
    for (const auto& [k, v] : query) {
      if (k.find('\0') != std::string::npos || v.find('\0') != std::string::npos) __builtin_trap();
    }
  } catch (const cc::Error&) {
  }
  (void)cc::service::cookie_value(parts[1], "cc_session");
  cc::service::Sessions sessions;
  cc::service::AccessPolicy policy(std::string(64, 'a'), sessions);
  policy.allow_port(21340);
  cc::service::RequestFacts facts;
  facts.method = parts[2].empty() ? std::string_view("GET") : parts[2];
  facts.host = parts[3];
  facts.authorization = parts[4];
  facts.cookie = parts[1];
  facts.content_type = "application/json";
  const bool holds_token = parts[4].find(std::string(64, 'a')) != std::string_view::npos;
  if (!policy.check_api(facts) && !holds_token) __builtin_trap();
  try {
    const cc::service::JsonBody body(parts[5], "device,words,yes,positions");
    (void)body.string("device", 256);
    if (const auto n = body.integer("words", 12, 33); n && (*n < 12 || *n > 33)) __builtin_trap();
    (void)body.boolean("yes");
    if (const auto p = body.string("positions", 9); p && p->size() > 9) __builtin_trap();
  } catch (const cc::Error&) {
  }
  return 0;
}
