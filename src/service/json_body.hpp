#pragma once
// A request body as a JSON object, read by protobuf's JSON parser (depth and size are
// bounded before it runs), with typed fields that refuse what is out of range.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace google::protobuf {
class Struct;
}

namespace cc::service {

class JsonBody {
 public:
  // Throws Error{kInvalidArgument} when `text` is not one JSON object, or holds a field
  // not in `allowed` (comma-separated names).
  JsonBody(std::string_view text, std::string_view allowed);
  ~JsonBody();
  JsonBody(JsonBody&&) noexcept;

  // Each throws Error{kInvalidArgument} naming the field when it has the wrong type or
  // is out of range; nullopt when the field is absent.
  std::optional<std::string> string(std::string_view name, std::size_t max_bytes) const;
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max) const;
  std::optional<bool> boolean(std::string_view name) const;

 private:
  std::unique_ptr<google::protobuf::Struct> object_;
};

}  // namespace cc::service
