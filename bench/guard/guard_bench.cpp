// Secret guard throughput. Target: >= 100 MB/s on typical text (English support prose,
// report JSON); Chinese prose is reported too. Reported, never asserted.
#include <benchmark/benchmark.h>

#include <string>

#include "guard/normalize.hpp"
#include "guard/secret_guard.hpp"
#include "guard_texts.hpp"

namespace {

using cc::guard::bench::make_prose;
using cc::guard::bench::make_report;

void BM_Scan(benchmark::State& state, bool unicode) {
  const std::string text = make_report(static_cast<std::size_t>(state.range(0)), unicode);
  for (auto _ : state) {
    auto r = cc::guard::scan(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

void BM_ScanProse(benchmark::State& state, bool chinese) {
  const std::string text = make_prose(static_cast<std::size_t>(state.range(0)), chinese);
  for (auto _ : state) {
    auto r = cc::guard::scan(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

void BM_Normalize(benchmark::State& state) {
  const std::string text = make_report(static_cast<std::size_t>(state.range(0)), false);
  for (auto _ : state) {
    auto s = cc::guard::normalize(text);
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

void BM_ScanMnemonicHeavy(benchmark::State& state) {
  // Worst case for the word matcher: every token is a list word and runs fire.
  std::string text;
  while (text.size() < static_cast<std::size_t>(state.range(0)))
    text += "legal winner thank year wave sausage worth useful ";
  for (auto _ : state) {
    auto r = cc::guard::scan(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

}  // namespace

BENCHMARK_CAPTURE(BM_Scan, ascii_report, false)->Arg(128)->Arg(1 << 10)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_Scan, unicode_prose, true)->Arg(64 << 10);
BENCHMARK_CAPTURE(BM_ScanProse, english_support, false)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_ScanProse, chinese_support, true)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK(BM_Normalize)->Arg(64 << 10);
BENCHMARK(BM_ScanMnemonicHeavy)->Arg(64 << 10);
BENCHMARK_MAIN();
