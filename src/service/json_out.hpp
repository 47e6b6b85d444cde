#pragma once
// JSON the service writes: one line each (an SSE data field cannot hold a newline).
#include <string>
#include <string_view>

#include <google/protobuf/message.h>

#include "store/store.hpp"

namespace cc::service {

// Protobuf's JSON mapping with the .proto field names, on one line.
std::string message_json(const google::protobuf::Message& message);

// The store's statistics as one JSON object.
std::string stats_json(const store::Stats& stats);

// A JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace cc::service
