// What `catalog update` and every run with an installed bundle pay: Ed25519 over the
// bundle, then parsing every catalog file in it. Two sizes: the small test fixture and
// a bundle of the whole built-in catalog (built here, signed with the TEST key through
// the same openssl calls scripts/make_catalog_bundle.sh uses). Reported, never asserted.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "catalog/bundle.hpp"

namespace {

constexpr cc::catalog::BundleKey kTestKey{
    "test", {0x55, 0xf4, 0xf9, 0x56, 0x61, 0xfe, 0x73, 0x7f, 0xbf, 0xa8, 0x9f, 0xe5, 0x94, 0x05, 0x5b, 0x0d,
             0x25, 0x5e, 0x6d, 0x1b, 0xd0, 0xdf, 0x83, 0x7c, 0xb5, 0x38, 0xf4, 0xf7, 0x18, 0xd5, 0x59, 0x49}};

std::vector<std::uint8_t> read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The whole devices/ directory as a bundle, made by the maintainer script.
std::vector<std::uint8_t> full_bundle() {
  const std::string root = CC_SOURCE_DIR;
  const std::string out = "/tmp/cc_bench_full_" + std::to_string(::getpid()) + ".bundle";
  const std::string cmd = root + "/scripts/make_catalog_bundle.sh --key " + root +
                          "/firmware_fixtures/catalog-bundles/test-signing-key.pem " + root + "/devices " + out +
                          " >/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  auto bytes = read(out);
  std::remove(out.c_str());
  return bytes;
}

void run(benchmark::State& state, const std::vector<std::uint8_t>& bytes) {
  if (bytes.empty()) {
    state.SkipWithError("no bundle");
    return;
  }
  for (auto _ : state) {
    auto catalog = cc::catalog::verify_bundle(bytes, std::span(&kTestKey, 1));
    benchmark::DoNotOptimize(catalog);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes.size()));
  state.counters["bundle_bytes"] = static_cast<double>(bytes.size());
}

void BM_VerifySmallBundle(benchmark::State& state) {
  static const auto bytes = read(std::string(CC_SOURCE_DIR) + "/firmware_fixtures/catalog-bundles/newer.bundle");
  run(state, bytes);
}
BENCHMARK(BM_VerifySmallBundle)->Unit(benchmark::kMicrosecond);

void BM_VerifyFullCatalogBundle(benchmark::State& state) {
  static const auto bytes = full_bundle();
  run(state, bytes);
}
BENCHMARK(BM_VerifyFullCatalogBundle)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
