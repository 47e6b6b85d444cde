#include "running_service.hpp"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

#include "catalog/catalog.hpp"
#include "http_client.hpp"
#include "store/store.hpp"
#include "support/sample_reports.hpp"

namespace cc::service::testing {

RunningService::RunningService(Limits limits, int reports, ServiceOptions options,
                               std::chrono::milliseconds device_poll) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "cc-serve-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  const store::Location location{store::Location::Kind::kSqlite, (dir_ / "reports.db").string()};
  if (reports > 0) {
    auto s = store::Store::open(location);
    cc::testing::SampleReports gen(7, 50);
    std::vector<::coldcheck::report::Report> batch;
    for (int i = 0; i < reports; ++i) batch.push_back(gen.next());
    s->put_many(batch);
  }
  ServiceConfig config;
  config.api = std::move(options);
  if (!config.api.store) config.api.store = location;
  if (config.api.key_path.empty()) config.api.key_path = dir_ / "install.key";
  config.api.reports_dir = dir_ / "reports";
  config.api.watch_usb = false;  // no udev in a test: the emulator endpoints are the devices
  config.limits = limits;
  config.token = kToken;
  config.device_poll = device_poll;
  service_ = std::make_unique<Service>(catalog::Catalog::builtin(), std::move(config));
  port_ = service_->listen_tcp("127.0.0.1", 0);
  service_->listen_unix(socket_path());
  thread_ = std::thread([this] { service_->run(); });
}

RunningService::~RunningService() {
  service_->stop();
  thread_.join();
  service_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string RunningService::sign_in() {
  const auto url = service_->login_url();
  const auto target = url.substr(url.find("/login"));
  const auto r = round_trip(port_, request("GET", target, port_));
  const auto cookie = r.header("set-cookie");
  if (r.status != 303 || !cookie) throw std::runtime_error("sign in failed");
  return "Cookie: " + cookie->substr(0, cookie->find(';')) + "\r\n";
}

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace cc::service::testing
