#include "transport/opener.hpp"

#include "transport/open.hpp"
#include "transport/record_link.hpp"
#include "transport/replay_link.hpp"
#include "transport/speculos_client.hpp"

namespace cc::transport {

std::unique_ptr<Link> SystemOpener::open_link(const DevicePath& path) { return transport::open_link(path); }

// Under --record every stream is tapped; a replay of a Speculos recording plays it back.
std::unique_ptr<ApduStream> SystemOpener::open_apdu_stream(const DevicePath& path) {
  if (path.scheme == Scheme::kReplay) return record_pipe_if_active(open_replay_pipe(path), path);
  auto client = SpeculosClient::open(path);
  tap_if_active(*client, path);
  return client;
}

Opener& system_opener() {
  static SystemOpener opener;  // stateless: sharing it between threads is safe
  return opener;
}

}  // namespace cc::transport
