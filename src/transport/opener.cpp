#include "transport/opener.hpp"

#include "transport/open.hpp"
#include "transport/speculos_client.hpp"

namespace cc::transport {

std::unique_ptr<Link> SystemOpener::open_link(const DevicePath& path) { return transport::open_link(path); }

std::unique_ptr<ApduStream> SystemOpener::open_apdu_stream(const DevicePath& path) {
  return SpeculosClient::open(path);
}

Opener& system_opener() {
  static SystemOpener opener;  // stateless: sharing it between threads is safe
  return opener;
}

}  // namespace cc::transport
