#pragma once
// The service started in this process on an ephemeral loopback port (and a Unix socket),
// on its own network thread, over a store in a fresh temporary directory.
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "service/service.hpp"

namespace cc::service::testing {

inline constexpr const char* kToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

class RunningService {
 public:
  // `reports`: how many sample reports the store starts with.
  // `device_poll`: how often the device list is refreshed for its event stream (0: never).
  explicit RunningService(Limits limits = {}, int reports = 0, ServiceOptions options = {},
                          std::chrono::milliseconds device_poll = std::chrono::milliseconds(0));
  ~RunningService();

  unsigned port() const noexcept { return port_; }
  const std::filesystem::path& dir() const noexcept { return dir_; }
  std::filesystem::path socket_path() const { return dir_ / "s.sock"; }
  Service& service() { return *service_; }
  std::string bearer() const { return std::string("Authorization: Bearer ") + kToken + "\r\n"; }
  std::string origin() const { return "Origin: http://127.0.0.1:" + std::to_string(port_) + "\r\n"; }
  // Signs in through a one-time login URL; returns the "Cookie: ..." line.
  std::string sign_in();

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Service> service_;
  std::thread thread_;
  unsigned port_ = 0;
};

// Resident set size of this process, in KiB.
long rss_kib();

}  // namespace cc::service::testing
