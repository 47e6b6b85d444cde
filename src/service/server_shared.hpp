#pragma once
// What the server and its connections share (private to src/service).
#include <boost/asio.hpp>
#include <atomic>
#include <filesystem>
#include <memory>
#include <vector>

#include "service/server.hpp"

namespace cc::service {

struct Server::Shared {
  Shared(Api& a, AccessPolicy& p, Sessions& s, EventHub& h, const Limits& l, std::atomic<std::size_t>& c)
      : api(a), policy(p), sessions(s), hub(h), limits(l), connections(c) {}
  Api& api;
  AccessPolicy& policy;
  Sessions& sessions;
  EventHub& hub;
  const Limits& limits;
  std::atomic<std::size_t>& connections;
  boost::asio::thread_pool pool{2};  // routes that block (device I/O, the store)
  std::vector<std::unique_ptr<boost::asio::ip::tcp::acceptor>> tcp_acceptors;
  std::vector<std::unique_ptr<boost::asio::local::stream_protocol::acceptor>> unix_acceptors;
  std::vector<std::filesystem::path> unix_paths;  // removed when the server stops
};

}  // namespace cc::service
