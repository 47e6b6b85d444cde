#pragma once
// The sealed report as the store keeps it: the deterministic binary protobuf, the same
// bytes the report writer's .pb file holds.
#include <string>
#include <string_view>

#include "coldcheck/report.pb.h"

namespace cc::store {

std::string sealed_bytes(const ::coldcheck::report::Report& sealed);
// Throws Error{kMalformed} when the bytes are not a report.
::coldcheck::report::Report sealed_from_bytes(std::string_view bytes);

}  // namespace cc::store
