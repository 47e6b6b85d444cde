#pragma once
// Sealed reports for store tests and benchmarks, made the way the simulator scenarios
// would make them: each scenario's features through the driver's facts and the findings
// engine, then varied (date, device, language, host problems) from a seeded generator.
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"

namespace cc::testing {

class SampleReports {
 public:
  explicit SampleReports(std::uint64_t seed, std::size_t device_pool = 5000);
  ~SampleReports();
  SampleReports(const SampleReports&) = delete;
  SampleReports& operator=(const SampleReports&) = delete;
  // A new sealed report; never the same digest twice from one generator.
  ::coldcheck::report::Report next();
  // The scenarios the reports are drawn from.
  const std::vector<std::string>& scenario_names() const { return names_; }
  // Every PIN and recovery phrase the scenarios hold (must never reach a report).
  std::vector<std::string> scenario_secrets() const;

 private:
  struct Template;
  std::vector<std::unique_ptr<Template>> templates_;
  std::vector<std::string> names_;
  std::mt19937_64 rng_;
  std::size_t device_pool_;
  std::uint64_t serial_ = 0;
};

}  // namespace cc::testing
