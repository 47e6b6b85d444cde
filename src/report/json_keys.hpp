#pragma once
// A JSON object with the same key twice reads differently in different parsers (the
// first or the last wins), so a report could verify as one thing and display as
// another. Protobuf's parser keeps the last; we refuse such input outright.
#include <optional>
#include <string>
#include <string_view>

namespace cc::report {

// The first key that occurs twice in one object (its raw text, escapes undecoded), or
// nullopt. Input that is not well-formed JSON yields nullopt: the real parser rejects
// it with a better message. Nesting deeper than 200 levels also yields "(nesting)" so
// the walk stays bounded.
std::optional<std::string> first_duplicate_key(std::string_view json);

}  // namespace cc::report
