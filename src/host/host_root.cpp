#include "host/host_root.hpp"

namespace cc::host {

std::filesystem::path HostRoot::at(std::string_view absolute) const {
  while (!absolute.empty() && absolute.front() == '/') absolute.remove_prefix(1);
  return dir_ / std::filesystem::path(absolute);
}

bool HostRoot::is_real() const {
  std::error_code ec;
  return std::filesystem::equivalent(dir_, "/", ec);
}

}  // namespace cc::host
