// Arbitrary bytes as a Features message from a Trezor or a KeepKey: mapping it to
// DeviceFacts against the built-in catalog must never crash, whatever the device
// claims (unknown models, absurd versions, huge strings).
#include <cstddef>
#include <cstdint>

#include "catalog/catalog.hpp"
#include "coldcheck/keepkey.pb.h"
#include "coldcheck/trezor.pb.h"
#include "drivers/features_facts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& catalog = cc::catalog::Catalog::builtin();
  const int n = static_cast<int>(size);
  ::coldcheck::wire::trezor::Features trezor;
  if (trezor.ParseFromArray(data, n)) (void)cc::drivers::facts_from_features(trezor, catalog);
  ::coldcheck::wire::keepkey::Features keepkey;
  if (keepkey.ParseFromArray(data, n)) (void)cc::drivers::facts_from_features(keepkey, catalog);
  return 0;
}
