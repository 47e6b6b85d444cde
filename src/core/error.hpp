#pragma once
// One error type for the whole tool: a code that callers branch on, and a message
// that gains context ("udp:127.0.0.1:21324: ...") as it travels up.
#include <stdexcept>
#include <string>
#include <string_view>

namespace cc {

enum class ErrorCode {
  kInvalidArgument,     // bad input from the user or a file
  kNotFound,            // no such device / endpoint / file
  kPermissionDenied,    // the OS refused to open the device
  kBusy,                // another process holds the device
  kTimeout,             // nothing arrived within the bounded wait
  kDisconnected,        // the device went away or the peer refused
  kMalformed,           // bytes that break the wire protocol
  kDeviceRefused,       // the device answered Failure
  kCancelled,           // the person cancelled
  kUnsupported,         // not possible on this model / build
  kVerificationFailed,  // a genuineness check failed
  kIo,                  // any other OS-level failure
  kInternal,            // a bug in coldcheck
};

// Stable lower-case names, used in JSON and logs.
std::string_view to_string(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message);
  ErrorCode code() const noexcept { return code_; }
  // A copy whose message reads "<context>: <message>".
  Error with_context(std::string_view context) const;

 private:
  ErrorCode code_;
};

// Documented process exit codes (see README "Exit codes").
int exit_code_for(ErrorCode code) noexcept;

}  // namespace cc
