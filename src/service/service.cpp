#include "service/service.hpp"

#include <boost/asio/executor_work_guard.hpp>

namespace cc::service {

Service::Service(const catalog::Catalog& catalog, ServiceConfig config)
    : io_(std::make_unique<boost::asio::io_context>(1)),
      policy_(std::move(config.token), sessions_),
      api_(catalog, std::move(config.api), hub_, sessions_),
      server_(*io_, api_, policy_, sessions_, hub_, config.limits),
      device_poll_(config.device_poll) {}

Service::~Service() {
  api_.stop_device_watch();
  stop();
  server_.shutdown();
  io_.reset();  // pending handlers (and the connections they own) go while all they use lives
}

unsigned Service::listen_tcp(const std::string& host, unsigned port) {
  const auto bound = server_.listen_tcp(host, port);
  if (api_.base_url().empty()) {
    const bool v6 = host.find(':') != std::string::npos;
    api_.set_base_url(std::string("http://") + (v6 ? "[::1]" : "127.0.0.1") + ":" + std::to_string(bound));
  }
  return bound;
}

void Service::listen_unix(const std::filesystem::path& path) { server_.listen_unix(path); }

std::size_t Service::adopt_systemd_sockets() {
  const auto n = server_.adopt_systemd_sockets();
  const auto& hosts = policy_.hosts();
  if (api_.base_url().empty() && !hosts.empty()) {
    for (const auto& h : hosts) {
      if (h.rfind("127.0.0.1:", 0) == 0) api_.set_base_url("http://" + h);
    }
  }
  return n;
}

void Service::run() {
  if (device_poll_.count() > 0) api_.start_device_watch(device_poll_);
  auto work = boost::asio::make_work_guard(*io_);
  io_->run();
}

void Service::stop() {
  if (io_) io_->stop();
}

}  // namespace cc::service
