// Import rate into the store: batches of pre-made sealed reports through put_many, as
// `reports import` does. Goal: >= 20 000 reports/s into SQLite on 2 cores. PostgreSQL on
// a throwaway local server (Unix socket) when its binaries are installed.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/import.hpp"
#include "store/sealed_bytes.hpp"
#include "store/store.hpp"
#include "support/postgres_server.hpp"
#include "support/sample_reports.hpp"

namespace {

namespace rp = ::coldcheck::report;

const std::vector<rp::Report>& reports() {
  static const std::vector<rp::Report> made = [] {
    cc::testing::SampleReports gen(99, 100000);
    std::vector<rp::Report> out;
    for (int i = 0; i < 200000; ++i) out.push_back(gen.next());
    return out;
  }();
  return made;
}

void run_import(benchmark::State& state, cc::store::Store& store) {
  const auto batch = static_cast<std::size_t>(state.range(0));
  const auto& all = reports();
  std::size_t at = 0;
  for (auto _ : state) {
    if (at + batch > all.size()) {
      state.SkipWithError("ran out of distinct reports");
      break;
    }
    store.put_many(std::span(all.data() + at, batch));
    at += batch;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(at));
}

void BM_ImportSqlite(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / ("cc-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    cc::store::Store store(cc::store::open_sqlite((dir / "reports.db").string()));
    run_import(state, store);
    const auto bytes =
        std::filesystem::file_size(dir / "reports.db") +
        (std::filesystem::exists(dir / "reports.db-wal") ? std::filesystem::file_size(dir / "reports.db-wal") : 0);
    state.counters["bytes_per_report"] = static_cast<double>(bytes) / static_cast<double>(store.count());
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ImportSqlite)->Arg(1)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ImportPostgres(benchmark::State& state) {
  auto* server = cc::test_support::PostgresServer::shared();
  if (!server) {
    state.SkipWithError(cc::test_support::PostgresServer::unavailable_reason().c_str());
    return;
  }
  cc::store::Store store(cc::store::open_postgres(server->create_database()));
  run_import(state, store);
}
BENCHMARK(BM_ImportPostgres)->Arg(1)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole `reports import` path: .pb files read, parsed, verified on one thread and
// stored on the other. Each iteration imports the same files into a fresh database.
void BM_ImportFilesSqlite(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  const auto dir = std::filesystem::temp_directory_path() / ("cc-bench-files-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "inbox");
  std::vector<std::filesystem::path> files;
  for (std::size_t i = 0; i < count; ++i) {
    files.push_back(dir / "inbox" / (std::to_string(i) + ".pb"));
    std::ofstream(files.back(), std::ios::binary) << cc::store::sealed_bytes(reports()[i]);
  }
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto db = dir / ("r" + std::to_string(round++) + ".db");
    auto store = std::make_unique<cc::store::Store>(cc::store::open_sqlite(db.string()));
    state.ResumeTiming();
    const auto summary = cc::store::import_files(*store, files, {});
    if (summary.stored != count) state.SkipWithError("not every file was stored");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(count));
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ImportFilesSqlite)->Arg(20000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
