#pragma once
// Our error codes as HTTP: a status and a JSON body {"error":{"code","message"}}.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace cc::service {

unsigned http_status_for(ErrorCode code) noexcept;

// {"error":{"code":CODE,"message":MESSAGE}}
std::string error_json(std::string_view code, std::string_view message);

}  // namespace cc::service
