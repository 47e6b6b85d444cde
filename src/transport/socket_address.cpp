#include "transport/socket_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <climits>

#include "core/error.hpp"

namespace cc::transport {

SocketAddress socket_address(const DevicePath& device, const std::string& path) {
  if (device.port == 0) throw Error(ErrorCode::kInvalidArgument, path + ": port 0 is not valid");
  SocketAddress out;
  const std::string host = device.target == "localhost" ? "127.0.0.1" : device.target;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out.storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(device.port);
    out.length = sizeof(sockaddr_in);
  } else if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(device.port);
    out.length = sizeof(sockaddr_in6);
  } else {
    throw Error(ErrorCode::kInvalidArgument, path + ": host '" + device.target + "' is not an IP address");
  }
  return out;
}

int poll_timeout_ms(std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, INT_MAX));
}

}  // namespace cc::transport
