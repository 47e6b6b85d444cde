#include "firmware/models.hpp"

#include <string>

#include "core/error.hpp"

namespace cc::firmware {

std::size_t firmware_area_size(std::string_view internal_model) {
  if (internal_model == "T1B1") return kAreaT1B1;
  if (internal_model == "T2T1" || internal_model == "T2B1") return kAreaT2;
  if (internal_model == "T3B1" || internal_model == "T3T1") return kAreaT3;
  if (internal_model == "T3W1") return kAreaT3W1;
  throw Error(ErrorCode::kUnsupported,
              "firmware hash: no known firmware area size for model '" + std::string(internal_model) + "'");
}

std::size_t firmware_area_size(std::string_view internal_model, const Version& running) {
  const std::size_t size = firmware_area_size(internal_model);
  if (internal_model == "T3W1" && running.major == 2 && running.minor == 9 && running.patch == 3) {
    return size - 16 * kKiB;
  }
  return size;
}

}  // namespace cc::firmware
