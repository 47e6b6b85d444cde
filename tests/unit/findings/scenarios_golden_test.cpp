// The builtin simulator scenarios through facts_from_features and the builtin catalog,
// as the simulator is seen (emulator = true): the exact codes each one raises.
// Firmware 2.8.10 and 1.8.3 are below releases the catalog lists (2.10.0 and 1.14.0
// fix a BIP-39 side channel), hence CC-FW-OUTDATED and CC-FW-SECURITY-FIX.
#include <gtest/gtest.h>

#include "drivers/features_facts.hpp"
#include "findings/findings.hpp"
#include "sim/simulator.hpp"

namespace cc::findings {
namespace {

using Codes = std::set<std::string>;

Codes scenario_codes(const std::string& name) {
  const auto scenario = sim::builtin_scenario(name);
  auto facts = drivers::facts_from_features(scenario.features(), catalog::Catalog::builtin());
  facts.set_emulator(true);
  Inputs in;
  in.facts = &facts;
  Codes out;
  for (const auto& f : evaluate(in, catalog::Catalog::builtin(), Language::kEnglish)) out.insert(f.code());
  return out;
}

TEST(ScenarioGolden, ExactCodes) {
  const std::pair<const char*, Codes> cases[] = {
      {"healthy-safe3", {"CC-AUTH-TEST-ROOT"}},
      {"healthy-model-t", {"CC-AUTH-TEST-ROOT"}},
      {"outdated-trezor-one", {"CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT"}},
      {"bootloader-mode", {"CC-DEV-BOOTLOADER", "CC-AUTH-TEST-ROOT"}},
      {"uninitialized", {"CC-DEV-NOT-INITIALIZED", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT"}},
      {"locked", {"CC-DEV-LOCKED", "CC-FW-OUTDATED", "CC-FW-SECURITY-FIX", "CC-AUTH-TEST-ROOT"}},
  };
  for (const auto& [name, want] : cases) EXPECT_EQ(scenario_codes(name), want) << name;
}

}  // namespace
}  // namespace cc::findings
