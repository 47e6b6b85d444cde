#include <span>
#include <string>

#include "attest/trust_store.hpp"
#include "core/embedded_file.hpp"

namespace cc::attest {

namespace detail {
std::span<const EmbeddedFile> embedded_trust_files() noexcept;  // generated from data/trust/
}

const TrustStore& builtin_trust_store() {
  // The embedded data is validated by the unit tests; a bad file is a build defect,
  // so letting the cc::Error escape here is the right failure.
  static const TrustStore store = [] {
    TrustStore all;
    for (const EmbeddedFile& f : detail::embedded_trust_files()) {
      all.merge(TrustStore::from_text(f.bytes, "data/trust/" + std::string(f.name)));
    }
    return all;
  }();
  return store;
}

}  // namespace cc::attest
