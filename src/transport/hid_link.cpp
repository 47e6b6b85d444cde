#include "transport/hid_link.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cerrno>
#include <cstring>

#include <unistd.h>

#include "core/error.hpp"
#include "transport/node_access.hpp"

namespace cc::transport {

std::unique_ptr<HidLink> HidLink::open(const DevicePath& path) {
  const std::string shown = path.to_string();
  if (path.scheme != Scheme::kHid) {
    throw Error(ErrorCode::kInvalidArgument, shown + ": not a hid: path");
  }
  std::string error;
  HidDevicePtr device = open_hid(path.target.c_str(), error);
  if (!device) {
    // hidapi's own message does not say which of "absent" or "forbidden" applies.
    if (auto why = explain_node_access(path.target, shown)) throw *why;
    throw Error(ErrorCode::kIo, "cannot open " + shown + ": " + error);
  }
  return std::unique_ptr<HidLink>(new HidLink(shown, path.target, std::move(device)));
}

void HidLink::fail(const char* operation) const {
  throw Error(ErrorCode::kDisconnected,
              path_ + ": " + operation + " failed, device unplugged? (" + hid_error_text(device_.get()) + ")");
}

void HidLink::write(std::span<const std::uint8_t> report) {
  if (report.size() != kReportSize) {
    throw Error(ErrorCode::kInvalidArgument, path_ + ": report of " + std::to_string(report.size()) +
                                                 " bytes, expected " + std::to_string(kReportSize));
  }
  std::array<std::uint8_t, kReportSize + 1> buffer{};  // [0] = report id 0
  std::copy(report.begin(), report.end(), buffer.begin() + 1);
  const int written = hid_write(device_.get(), buffer.data(), buffer.size());
  if (written < 0) fail("write");
  if (static_cast<std::size_t>(written) != buffer.size()) {
    throw Error(ErrorCode::kIo, path_ + ": short write of " + std::to_string(written) + " bytes");
  }
}

std::size_t HidLink::read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) {
  const auto ms = static_cast<int>(std::clamp<long long>(timeout.count(), 0, INT_MAX));
  const int got = hid_read_timeout(device_.get(), out.data(), out.size(), ms);
  if (got < 0) fail("read");
  if (got == 0) {
    // A read that ran out on a node that is no longer there was cut by an unplug: a
    // disconnect, not a silent device (some stacks never wake the reader).
    if (::access(node_.c_str(), F_OK) != 0 && errno == ENOENT) {
      throw Error(ErrorCode::kDisconnected, path_ + ": the device was unplugged (" + node_ + " is gone)");
    }
    throw Error(ErrorCode::kTimeout, path_ + ": no report within " + std::to_string(timeout.count()) + " ms");
  }
  return static_cast<std::size_t>(got);
}

}  // namespace cc::transport
