#include "support/verdict_table.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "report/status_names.hpp"

namespace cc::test_support {

namespace rp = ::coldcheck::report;

namespace {

std::string key_of(const std::string& row) {
  std::istringstream in(row);
  std::string scenario, transport;
  in >> scenario >> transport;
  return scenario + " " + transport;
}

}  // namespace

std::string verdict_row(const std::string& scenario, const std::string& transport, int exit_code,
                        const rp::Report& report) {
  const auto& body = report.body();
  std::string verdict = rp::Verdict_Name(body.verdict());
  if (verdict.starts_with("VERDICT_")) verdict.erase(0, 8);
  std::string codes;
  for (const auto& f : body.findings()) {
    if (f.code().starts_with("CC-HOST-")) continue;
    codes += (codes.empty() ? "" : ",") + f.code();
  }
  std::string checks;
  for (const auto& c : body.device().checks()) {
    checks += (checks.empty() ? "" : ",") + c.id() + ":" + std::string(report::check_status_name(c.status()));
  }
  return scenario + " " + transport + " exit=" + std::to_string(exit_code) + " verdict=" + verdict +
         " findings=" + (codes.empty() ? "-" : codes) + " checks=" + (checks.empty() ? "-" : checks);
}

std::map<std::string, std::string> load_verdict_table() {
  const std::string path = std::string(CC_SOURCE_DIR) + "/tests/data/verdicts.table";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::map<std::string, std::string> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!rows.emplace(key_of(line), line).second) throw std::runtime_error("duplicate row in " + path + ": " + line);
  }
  return rows;
}

std::string verdict_diff(const std::map<std::string, std::string>& table, const std::string& scenario,
                         const std::vector<std::string>& transports, const std::vector<std::string>& got) {
  std::string diff;
  std::set<std::string> seen;
  for (const auto& row : got) {
    const auto key = key_of(row);
    seen.insert(key);
    const auto it = table.find(key);
    if (it == table.end()) {
      diff += "+ " + row + "   (no row in the table)\n";
    } else if (it->second != row) {
      diff += "- " + it->second + "\n+ " + row + "\n";
    }
  }
  for (const auto& t : transports) {
    const auto key = scenario + " " + t;
    if (table.count(key) != 0 && seen.count(key) == 0) diff += "- " + table.at(key) + "   (not produced)\n";
  }
  return diff;
}

}  // namespace cc::test_support
