#include "service/server.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "service/connection.hpp"
#include "service/listen_fds.hpp"

namespace cc::service {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using local = asio::local::stream_protocol;

namespace {

// Our sockets are not inherited by programs this process starts: a child holding the
// listening socket would keep taking connections that nobody answers.
void close_on_exec(int fd) noexcept {
  const int flags = ::fcntl(fd, F_GETFD);
  if (flags >= 0) ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

// Accepted sockets are bound to the io_context's own executor type, not the polymorphic
// one: every operation on them then skips a type-erased executor copy.
template <class Protocol>
void accept_loop(typename Protocol::acceptor& acceptor, Server::Shared& shared, bool local_socket) {
  close_on_exec(acceptor.native_handle());
  auto& io = static_cast<asio::io_context&>(asio::query(acceptor.get_executor(), asio::execution::context));
  acceptor.async_accept(
      io.get_executor(),
      [&acceptor, &shared, local_socket](boost::system::error_code ec, typename Connection<Protocol>::Socket socket) {
        if (ec == asio::error::operation_aborted) return;
        if (!ec) {
          close_on_exec(socket.native_handle());
          const bool over_cap = shared.connections.load() >= shared.limits.max_connections;
          std::make_shared<Connection<Protocol>>(std::move(socket), shared, local_socket)->start(over_cap);
          return accept_loop<Protocol>(acceptor, shared, local_socket);
        }
        // Out of descriptors or similar: pause instead of spinning, then accept again.
        auto timer = std::make_shared<asio::steady_timer>(acceptor.get_executor(), std::chrono::milliseconds(50));
        timer->async_wait([timer, &acceptor, &shared, local_socket](boost::system::error_code) {
          accept_loop<Protocol>(acceptor, shared, local_socket);
        });
      });
}

asio::ip::address loopback_address(std::string host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) throw Error(ErrorCode::kInvalidArgument, "--listen: '" + host + "' is not an IP address");
  // A wallet's neighbour should not be reachable from the network.
  if (!address.is_loopback())
    throw Error(ErrorCode::kInvalidArgument, "--listen: serve listens on loopback addresses only");
  return address;
}

}  // namespace

Server::Server(asio::io_context& io, Api& api, AccessPolicy& policy, Sessions& sessions, EventHub& hub, Limits limits)
    : io_(io), limits_(limits), shared_(std::make_unique<Shared>(api, policy, sessions, hub, limits_, connections_)) {}

Server::~Server() { shutdown(); }

void Server::shutdown() {
  std::error_code ec;
  shared_->tcp_acceptors.clear();
  shared_->unix_acceptors.clear();
  for (const auto& p : shared_->unix_paths) std::filesystem::remove(p, ec);
  shared_->unix_paths.clear();
  shared_->pool.join();
}

unsigned Server::listen_tcp(const std::string& host, unsigned port) {
  if (port > 65535) throw Error(ErrorCode::kInvalidArgument, "--listen: port out of range");
  const tcp::endpoint endpoint(loopback_address(host), static_cast<unsigned short>(port));
  auto acceptor = std::make_unique<tcp::acceptor>(io_);
  boost::system::error_code ec;
  acceptor->open(endpoint.protocol(), ec);
  if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec && endpoint.address().is_v6()) acceptor->set_option(asio::ip::v6_only(true), ec);
  if (!ec) acceptor->bind(endpoint, ec);
  if (!ec) acceptor->listen(1024, ec);
  if (ec) {
    throw Error(ec == asio::error::address_in_use ? ErrorCode::kBusy : ErrorCode::kIo,
                "cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
  const unsigned bound = acceptor->local_endpoint().port();
  shared_->policy.allow_port(bound);
  accept_loop<tcp>(*acceptor, *shared_, false);
  shared_->tcp_acceptors.push_back(std::move(acceptor));
  return bound;
}

void Server::listen_unix(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) throw Error(ErrorCode::kBusy, path.string() + ": exists and is not a socket");
    std::filesystem::remove(path);  // a stale socket from an earlier run
  }
  auto acceptor = std::make_unique<local::acceptor>(io_);
  boost::system::error_code ec;
  acceptor->open(local(), ec);
  const auto old_mask = ::umask(0177);  // the socket is born 0600: only this user may connect
  if (!ec) acceptor->bind(local::endpoint(path.string()), ec);
  ::umask(old_mask);
  if (!ec) acceptor->listen(1024, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot listen on " + path.string() + ": " + ec.message());
  accept_loop<local>(*acceptor, *shared_, true);
  shared_->unix_acceptors.push_back(std::move(acceptor));
  shared_->unix_paths.push_back(path);
}

std::size_t Server::adopt_systemd_sockets() {
  const auto fds = take_listen_fds();
  for (const int fd : fds) {
    const auto family = listening_stream_family(fd);
    if (family == AF_UNIX) {
      auto acceptor = std::make_unique<local::acceptor>(io_, local(), fd);
      accept_loop<local>(*acceptor, *shared_, true);
      shared_->unix_acceptors.push_back(std::move(acceptor));
    } else if (family == AF_INET || family == AF_INET6) {
      const bool v6 = family == AF_INET6;
      auto acceptor = std::make_unique<tcp::acceptor>(io_, v6 ? tcp::v6() : tcp::v4(), fd);
      if (!acceptor->local_endpoint().address().is_loopback()) {
        throw Error(ErrorCode::kInvalidArgument, "systemd passed a socket that is not on a loopback address");
      }
      shared_->policy.allow_port(acceptor->local_endpoint().port());
      accept_loop<tcp>(*acceptor, *shared_, false);
      shared_->tcp_acceptors.push_back(std::move(acceptor));
    } else {
      throw Error(ErrorCode::kInvalidArgument, "systemd passed a socket that is not a listening stream socket");
    }
  }
  return fds.size();
}

}  // namespace cc::service
