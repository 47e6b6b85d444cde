#include "core/error.hpp"

namespace cc {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kBusy: return "busy";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kDisconnected: return "disconnected";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kDeviceRefused: return "device_refused";
    case ErrorCode::kCancelled: return "cancelled";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kVerificationFailed: return "verification_failed";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error::Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}

Error Error::with_context(std::string_view context) const {
  std::string msg(context);
  msg += ": ";
  msg += what();
  return Error(code_, msg);
}

int exit_code_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 2;
    case ErrorCode::kNotFound: return 3;
    case ErrorCode::kPermissionDenied: return 4;
    case ErrorCode::kBusy: return 5;
    case ErrorCode::kTimeout: return 6;
    case ErrorCode::kDisconnected: return 7;
    case ErrorCode::kMalformed: return 8;
    case ErrorCode::kDeviceRefused: return 9;
    case ErrorCode::kCancelled: return 10;
    case ErrorCode::kUnsupported: return 11;
    case ErrorCode::kVerificationFailed: return 12;
    case ErrorCode::kIo: return 13;
    case ErrorCode::kInternal: return 70;
  }
  return 70;
}

}  // namespace cc
