#include "support/sample_reports.hpp"

#include <cstdio>

#include "catalog/catalog.hpp"
#include "drivers/features_facts.hpp"
#include "findings/findings.hpp"
#include "report/seal.hpp"
#include "sim/simulator.hpp"

namespace cc::testing {

namespace rp = ::coldcheck::report;

// One scenario as the findings engine judges it, with and without a host problem.
struct SampleReports::Template {
  std::string scenario;
  bool device_read = true;
  ::coldcheck::DeviceFacts facts;
  std::vector<rp::CheckResult> host_checks[2];
  std::vector<rp::Finding> findings[2];
  rp::Verdict verdict[2] = {};
  int weight = 1;
};

namespace {

rp::CheckResult host_check(const std::string& id, rp::CheckStatus status) {
  rp::CheckResult r;
  r.set_id(id);
  r.set_title(id);
  r.set_status(status);
  return r;
}

std::string hex_of(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

SampleReports::SampleReports(std::uint64_t seed, std::size_t device_pool) : rng_(seed), device_pool_(device_pool) {
  const auto& catalog = catalog::Catalog::builtin();
  for (const auto& name : sim::builtin_scenario_names()) {
    const auto scenario = sim::builtin_scenario(name);
    if (scenario.has_ledger()) continue;  // Ledger facts come from APDUs, not Features
    Template t;
    t.scenario = name;
    t.facts = scenario.table() == ::coldcheck::sim::TABLE_KEEPKEY
                  ? drivers::facts_from_features(scenario.keepkey_features(), catalog)
                  : drivers::facts_from_features(scenario.features(), catalog);
    t.facts.clear_device_id();  // never stored: only its pseudonym is
    t.facts.set_path("udp:pseudonym");
    // A device that answers garbage or nothing gives a report without a device.
    t.device_read = !scenario.has_fault();
    // Healthy devices are what most people have; the rest come up less often.
    t.weight = name.rfind("healthy", 0) == 0 ? 8 : name.find("outdated") != std::string::npos ? 4 : 1;
    for (int host_problem = 0; host_problem < 2; ++host_problem) {
      auto& checks = t.host_checks[host_problem];
      checks.push_back(host_check("host.on_bus", rp::CHECK_PASS));
      checks.push_back(host_check("host.udev_rules", host_problem ? rp::CHECK_FAIL : rp::CHECK_PASS));
      checks.push_back(host_check("host.permission", host_problem ? rp::CHECK_FAIL : rp::CHECK_PASS));
      findings::Inputs in;
      in.facts = t.device_read ? &t.facts : nullptr;
      in.host_checks = checks;
      t.findings[host_problem] = findings::evaluate(in, catalog, findings::Language::kEnglish);
      t.verdict[host_problem] = findings::verdict(t.findings[host_problem], t.device_read);
    }
    names_.push_back(name);
    templates_.push_back(std::make_unique<Template>(std::move(t)));
  }
}

SampleReports::~SampleReports() = default;

rp::Report SampleReports::next() {
  int total = 0;
  for (const auto& t : templates_) total += t->weight;
  int pick = static_cast<int>(rng_() % static_cast<std::uint64_t>(total));
  std::size_t index = 0;
  while (pick >= templates_[index]->weight) pick -= templates_[index++]->weight;
  const auto& t = *templates_[index];
  const int host_problem = rng_() % 10 == 0 ? 1 : 0;

  rp::Body body;
  body.set_schema_version(rp::REPORT_SCHEMA_VERSION);
  auto* run = body.mutable_run();
  run->set_tool_version("0.1.0");
  // A year of reports, one second apart at most a few times: the serial keeps them distinct.
  const auto day = rng_() % 365;
  char created[32];
  const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned month = 0, d = static_cast<unsigned>(day);
  while (d >= static_cast<unsigned>(month_days[month])) d -= static_cast<unsigned>(month_days[month++]);
  std::snprintf(created, sizeof created, "2026-%02u-%02uT%02u:%02u:%02uZ", month + 1, d + 1,
                static_cast<unsigned>(rng_() % 24), static_cast<unsigned>(rng_() % 60),
                static_cast<unsigned>(rng_() % 60));
  run->set_created_at(created);
  run->set_os_family("linux");
  run->set_pseudonym_key_id(hex_of(rng_() % 64).substr(8));
  run->set_language(rng_() % 4 == 0 ? "zh-CN" : "en");
  run->set_catalog_version("1");
  if (rng_() % 2) run->set_catalog_date("2026-11-20");
  for (const auto& c : t.host_checks[host_problem]) *body.add_host_checks() = c;
  if (t.device_read) {
    auto* device = body.mutable_device();
    *device->mutable_facts() = t.facts;
    const std::uint64_t device_number = std::hash<std::string>{}(t.scenario) ^ (rng_() % device_pool_);
    device->set_device_pseudonym(hex_of(device_number) + hex_of(~device_number));
  }
  for (const auto& f : t.findings[host_problem]) *body.add_findings() = f;
  body.set_verdict(t.verdict[host_problem]);
  // The serial makes every body distinct even when everything else repeats.
  body.mutable_description()->set_text("sample " + std::to_string(serial_++));
  return report::seal(std::move(body));
}

std::vector<std::string> SampleReports::scenario_secrets() const {
  std::vector<std::string> out;
  for (const auto& name : sim::builtin_scenario_names()) {
    const auto s = sim::builtin_scenario(name);
    if (s.has_pin() && !s.pin().empty()) out.push_back(s.pin());
    if (!s.mnemonic().empty()) out.push_back(s.mnemonic());
  }
  return out;
}

}  // namespace cc::testing
