#pragma once
// Turns what a Trezor-family device says about itself into vendor-neutral facts.
// Pure: no I/O, table-tested.
#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/keepkey.pb.h"
#include "coldcheck/trezor.pb.h"

namespace cc::drivers {

::coldcheck::DeviceFacts facts_from_features(const ::coldcheck::wire::trezor::Features& features,
                                             const catalog::Catalog& catalog);
::coldcheck::DeviceFacts facts_from_features(const ::coldcheck::wire::keepkey::Features& features,
                                             const catalog::Catalog& catalog);

// "2.8.1" from three numbers.
std::string version_string(std::uint32_t major, std::uint32_t minor, std::uint32_t patch);

}  // namespace cc::drivers
