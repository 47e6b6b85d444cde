// The simulator's network side: arbitrary datagrams from any peer on the main and
// debug channels, and APDUs on the Ledger side. Reassembling and answering must never
// crash; the simulator is also a test tool other programs talk to.
// Input: one byte picks the scenario, then records of one channel byte and a report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "fuzz_input.hpp"
#include "protocol/trezor/codec.hpp"
#include "sim/device.hpp"
#include "sim/ledger_device.hpp"
#include "sim/simulator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> names = cc::sim::builtin_scenario_names();
  cc::fuzz::Input in(data, size);
  const auto scenario = cc::sim::builtin_scenario(names[in.byte() % names.size()]);
  cc::sim::Device device(scenario);
  cc::trezor::Decoder main_decoder(4096);
  cc::trezor::Decoder debug_decoder(4096);
  std::size_t records = 0;
  while (!in.empty() && ++records < 256) {
    const std::uint8_t channel = in.byte();
    const auto report = in.bytes(channel & 0x3F ? (channel & 0x3F) + 1 : 64);
    try {
      switch (channel >> 6) {
        case 0:
        case 1:
          if (main_decoder.feed(report) == cc::trezor::Decoder::Step::kComplete) {
            (void)device.handle_wire(main_decoder.take());
          }
          break;
        case 2:
          if (debug_decoder.feed(report) == cc::trezor::Decoder::Step::kComplete) {
            (void)device.handle_debug_wire(debug_decoder.take());
          }
          break;
        default:
          if (scenario.has_ledger()) (void)cc::sim::ledger_answer(scenario.ledger(), report);
          break;
      }
    } catch (const cc::Error&) {
      main_decoder.reset();
      debug_decoder.reset();
    }
  }
  return 0;
}
