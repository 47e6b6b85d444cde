#include "transport/speculos_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "core/error.hpp"
#include "transport/socket_address.hpp"

namespace cc::transport {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& path, const char* operation, int err) {
  if (err == ECONNREFUSED) {
    throw Error(ErrorCode::kDisconnected, path + ": nothing is listening (connection refused); is Speculos running?");
  }
  if (err == ECONNRESET || err == EPIPE)
    throw Error(ErrorCode::kDisconnected, path + ": the emulator closed the connection");
  throw Error(ErrorCode::kIo, path + ": " + operation + " failed: " + std::strerror(err));
}

// Waits for `events` on `fd` until the deadline; false on timeout.
bool wait_for(int fd, short events, Clock::time_point deadline, const std::string& path) {
  while (true) {
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, poll_timeout_ms(deadline));
    if (n > 0) return true;
    if (n == 0) return false;
    if (errno != EINTR) fail(path, "poll", errno);
  }
}

}  // namespace

std::unique_ptr<SpeculosClient> SpeculosClient::open(const DevicePath& device, const SpeculosOptions& options) {
  const std::string path = device.to_string();
  if (device.scheme != Scheme::kTcp) throw Error(ErrorCode::kInvalidArgument, path + ": not a tcp: path");
  const SocketAddress addr = socket_address(device, path);
  // Non-blocking, so a connect to a silent host is bounded by connect_timeout.
  UniqueFd fd(::socket(addr.family(), SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!fd) fail(path, "socket", errno);
  const int one = 1;
  // APDUs are tiny request/reply pairs; Nagle would only add latency.
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd.get(), addr.get(), addr.length) != 0) {
    if (errno != EINPROGRESS) fail(path, "connect", errno);
    if (!wait_for(fd.get(), POLLOUT, Clock::now() + options.connect_timeout, path)) {
      throw Error(ErrorCode::kTimeout, path + ": no answer to the TCP connect within " +
                                           std::to_string(options.connect_timeout.count()) + " ms");
    }
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) fail(path, "connect", err);
  }
  return std::unique_ptr<SpeculosClient>(new SpeculosClient(path, std::move(fd), options.max_reply));
}

void SpeculosClient::send_all(std::span<const std::uint8_t> bytes) {
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      if (tap_) tap_(true, bytes.first(static_cast<std::size_t>(n)));
      bytes = bytes.subspan(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(fd_.get(), POLLOUT, deadline, path_)) throw Error(ErrorCode::kTimeout, path_ + ": send stalled");
      continue;
    }
    fail(path_, "send", errno);
  }
}

void SpeculosClient::read_exact(std::span<std::uint8_t> out, Clock::time_point deadline, const char* what) {
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::recv(fd_.get(), out.data() + got, out.size() - got, 0);
    if (n > 0) {
      if (tap_) tap_(false, out.subspan(got, static_cast<std::size_t>(n)));
      got += static_cast<std::size_t>(n);
      continue;
    }
    if (n == 0) {
      throw Error(ErrorCode::kDisconnected,
                  path_ + ": the emulator closed the connection " +
                      (got == 0 ? std::string("before the ") + what : std::string("in the middle of the ") + what) +
                      " (" + std::to_string(got) + " of " + std::to_string(out.size()) + " bytes)");
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) fail(path_, "recv", errno);
    if (!wait_for(fd_.get(), POLLIN, deadline, path_)) {
      throw Error(ErrorCode::kTimeout, path_ + ": no complete " + what + " in time (" + std::to_string(got) + " of " +
                                           std::to_string(out.size()) + " bytes)");
    }
  }
}

std::vector<std::uint8_t> SpeculosClient::exchange(std::span<const std::uint8_t> apdu,
                                                   std::chrono::milliseconds timeout) {
  if (apdu.size() > 0xFFFF) throw Error(ErrorCode::kInvalidArgument, path_ + ": APDU too long");
  std::vector<std::uint8_t> request(4 + apdu.size());
  const auto size = static_cast<std::uint32_t>(apdu.size());
  request[0] = static_cast<std::uint8_t>(size >> 24);
  request[1] = static_cast<std::uint8_t>(size >> 16);
  request[2] = static_cast<std::uint8_t>(size >> 8);
  request[3] = static_cast<std::uint8_t>(size);
  std::copy(apdu.begin(), apdu.end(), request.begin() + 4);
  send_all(request);

  const auto deadline = Clock::now() + std::max(timeout, std::chrono::milliseconds(0));
  std::uint8_t header[4];
  read_exact(header, deadline, "reply length");
  const std::uint32_t length =
      (std::uint32_t{header[0]} << 24) | (std::uint32_t{header[1]} << 16) | (std::uint32_t{header[2]} << 8) | header[3];
  if (length > max_reply_) {
    throw Error(ErrorCode::kMalformed, path_ + ": reply declares " + std::to_string(length) +
                                           " bytes, above the cap of " + std::to_string(max_reply_));
  }
  std::vector<std::uint8_t> reply(std::size_t{length} + 2);  // data, then the status word
  read_exact(reply, deadline, "reply");
  return reply;
}

bool probe_tcp(const DevicePath& path, std::chrono::milliseconds timeout) {
  try {
    SpeculosOptions options;
    options.connect_timeout = timeout;
    SpeculosClient::open(path, options);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace cc::transport
