// Catalog bundles come from files a person downloads: any bytes must end in a verified
// catalog or a cc::Error, never a crash. Past the signature a fuzzer cannot forge, the
// body parser is fed the same bytes directly.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "catalog/bundle.hpp"
#include "core/error.hpp"

namespace {
// Public half of firmware_fixtures/catalog-bundles/test-signing-key.pem: the seed corpus
// holds bundles signed with it, so mutations of a valid bundle reach the body parser too.
constexpr cc::catalog::BundleKey kTestKey{
    "test", {0x55, 0xf4, 0xf9, 0x56, 0x61, 0xfe, 0x73, 0x7f, 0xbf, 0xa8, 0x9f, 0xe5, 0x94, 0x05, 0x5b, 0x0d,
             0x25, 0x5e, 0x6d, 0x1b, 0xd0, 0xdf, 0x83, 0x7c, 0xb5, 0x38, 0xf4, 0xf7, 0x18, 0xd5, 0x59, 0x49}};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  try {
    const auto catalog = cc::catalog::verify_bundle(bytes, std::span(&kTestKey, 1));
    if (catalog.models().empty()) __builtin_trap();  // verify_bundle promises at least one model
  } catch (const cc::Error&) {
  }
  try {
    (void)cc::catalog::catalog_from_bundle_body(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const cc::Error&) {
  }
  return 0;
}
