// Fills a store with generated reports for the stats benchmark:
//   generate_reports LOCATION COUNT [SEED]
// Reports vary model, firmware, findings and verdict as the simulator scenarios do,
// over a year of dates and a pool of devices. Prints the rate it stored them at.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"
#include "support/sample_reports.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: generate_reports LOCATION COUNT [SEED]\n";
    return 2;
  }
  try {
    const auto location = cc::store::parse_location(argv[1]);
    const auto count = std::stoull(argv[2]);
    const auto seed = argc > 3 ? std::stoull(argv[3]) : 1;
    auto store = cc::store::Store::open(location);
    // About one device per three reports: people come back with the same device.
    cc::testing::SampleReports gen(seed, count / 3 + 1);
    constexpr std::size_t kBatch = 2000;
    std::vector<::coldcheck::report::Report> batch;
    double storing = 0;
    for (std::size_t done = 0; done < count;) {
      batch.clear();
      for (std::size_t i = 0; i < kBatch && done + i < count; ++i) batch.push_back(gen.next());
      const auto start = std::chrono::steady_clock::now();
      store->put_many(batch);
      storing += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      done += batch.size();
      if (done % 100000 < kBatch) std::cerr << "\r" << done << "/" << count << std::flush;
    }
    std::cerr << "\n";
    std::printf("stored %llu reports in %.2f s of storing: %.0f reports/s\n", static_cast<unsigned long long>(count),
                storing, static_cast<double>(count) / storing);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "generate_reports: " << e.what() << "\n";
    return 1;
  }
}
