#include "service/json_body.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <cmath>

#include "core/error.hpp"
#include "i18n/catalog.hpp"

namespace cc::service {

namespace {

constexpr std::size_t kMaxDepth = 8;

// Nesting depth counted over brackets outside strings: refused before the parser recurses.
bool too_deep(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

Error bad(std::string_view field, std::string_view what) {
  return Error(ErrorCode::kInvalidArgument, std::string(field) + ": " + std::string(what));
}

}  // namespace

JsonBody::JsonBody(std::string_view text, std::string_view allowed)
    : object_(std::make_unique<google::protobuf::Struct>()) {
  if (text.empty()) text = "{}";
  if (too_deep(text)) throw Error(ErrorCode::kInvalidArgument, N_("the JSON body is nested too deeply"));
  // Struct's JSON form is any JSON object; anything else (an array, a number) fails here.
  const auto status = google::protobuf::util::JsonStringToMessage(std::string(text), object_.get());
  if (!status.ok()) throw Error(ErrorCode::kInvalidArgument, N_("the body is not a JSON object"));
  for (const auto& [name, value] : object_->fields()) {
    bool known = false;
    std::string_view rest = allowed;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      if (rest.substr(0, comma) == name) known = true;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    if (!known) throw Error(ErrorCode::kInvalidArgument, N_("unknown field in the JSON body"));
  }
}

JsonBody::~JsonBody() = default;
JsonBody::JsonBody(JsonBody&&) noexcept = default;

std::optional<std::string> JsonBody::string(std::string_view name, std::size_t max_bytes) const {
  const auto it = object_->fields().find(std::string(name));
  if (it == object_->fields().end() || it->second.has_null_value()) return std::nullopt;
  if (!it->second.has_string_value()) throw bad(name, "expected a string");
  if (it->second.string_value().size() > max_bytes) throw bad(name, "too long");
  return it->second.string_value();
}

std::optional<std::int64_t> JsonBody::integer(std::string_view name, std::int64_t min, std::int64_t max) const {
  const auto it = object_->fields().find(std::string(name));
  if (it == object_->fields().end() || it->second.has_null_value()) return std::nullopt;
  if (!it->second.has_number_value()) throw bad(name, "expected a number");
  const double v = it->second.number_value();
  if (!std::isfinite(v) || v != std::floor(v)) throw bad(name, "expected a whole number");
  if (v < static_cast<double>(min) || v > static_cast<double>(max)) {
    throw bad(name, "out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
  }
  return static_cast<std::int64_t>(v);
}

std::optional<bool> JsonBody::boolean(std::string_view name) const {
  const auto it = object_->fields().find(std::string(name));
  if (it == object_->fields().end() || it->second.has_null_value()) return std::nullopt;
  if (!it->second.has_bool_value()) throw bad(name, "expected true or false");
  return it->second.bool_value();
}

}  // namespace cc::service
