// Ledger HID framing throughput, same target as the Trezor codec (>= 1 GB/s): the host
// must never be what limits a 64-byte-report link. Bytes counted are APDU bytes.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "protocol/ledger/framing.hpp"

namespace {

std::vector<std::uint8_t> make_apdu(std::size_t n) {
  std::vector<std::uint8_t> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(i * 31 + 7);
  return p;
}

void bm_encode(benchmark::State& state) {
  const auto apdu = make_apdu(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto reports = cc::ledger::encode(apdu);
    benchmark::DoNotOptimize(reports.data());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

void bm_decode(benchmark::State& state) {
  const auto reports = cc::ledger::encode(make_apdu(static_cast<std::size_t>(state.range(0))));
  cc::ledger::Decoder decoder;
  for (auto _ : state) {
    for (const auto& r : reports) {
      if (decoder.feed(r)) break;
    }
    auto apdu = decoder.take();
    benchmark::DoNotOptimize(apdu.data());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

// 5: GET VERSION; 255: a short APDU; 4 KiB and 64 KiB - 1: the largest the u16 length allows.
BENCHMARK(bm_encode)->Arg(5)->Arg(255)->Arg(4096)->Arg(65535);
BENCHMARK(bm_decode)->Arg(5)->Arg(255)->Arg(4096)->Arg(65535);

}  // namespace

BENCHMARK_MAIN();
