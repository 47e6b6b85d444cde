#include "service/http_status.hpp"

#include "store/export.hpp"

namespace cc::service {

unsigned http_status_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kBusy: return 409;
    case ErrorCode::kTimeout: return 504;
    case ErrorCode::kDisconnected: return 410;
    case ErrorCode::kMalformed: return 502;
    case ErrorCode::kDeviceRefused: return 422;
    case ErrorCode::kCancelled: return 409;
    case ErrorCode::kUnsupported: return 501;
    case ErrorCode::kVerificationFailed: return 422;
    case ErrorCode::kIo: return 500;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

std::string error_json(std::string_view code, std::string_view message) {
  return "{\"error\":{\"code\":" + store::json_string(code) + ",\"message\":" + store::json_string(message) + "}}";
}

}  // namespace cc::service
