// Arbitrary bytes as a system.posix_acl_access xattr: parse must refuse or read it,
// and what it reads must encode back to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "host/posix_acl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view blob(reinterpret_cast<const char*>(data), size);
  const auto acl = cc::host::parse_posix_acl(blob);
  if (acl) {
    const auto again = cc::host::parse_posix_acl(cc::host::encode_posix_acl(*acl));
    if (!again || again->size() != acl->size()) __builtin_trap();
  }
  return 0;
}
