#pragma once
// A simulated Ledger's answers: one APDU in, data + status word out. Pure.
#include <cstdint>
#include <span>
#include <vector>

#include "coldcheck/scenario.pb.h"

namespace cc::sim {

std::vector<std::uint8_t> ledger_answer(const ::coldcheck::sim::LedgerDevice& device,
                                        std::span<const std::uint8_t> apdu);

}  // namespace cc::sim
