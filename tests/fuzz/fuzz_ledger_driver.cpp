// A Ledger made of fuzz replies (data + status word for each APDU the driver sends):
// identify must map whatever it answers to facts or a cc::Error, never crash.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "drivers/apdu_channel.hpp"
#include "drivers/ledger_driver.hpp"
#include "fuzz_input.hpp"

namespace {

class FuzzChannel final : public cc::drivers::ApduChannel {
 public:
  explicit FuzzChannel(cc::fuzz::Input& in) : in_(in) {}
  std::string path() const override { return "tcp:127.0.0.1:1"; }
  cc::ledger::Reply exchange(std::span<const std::uint8_t>, std::chrono::milliseconds) override {
    if (in_.empty()) throw cc::Error(cc::ErrorCode::kTimeout, "fuzz input ended");
    const auto raw = in_.bytes(in_.byte());
    return cc::ledger::split_reply(raw);
  }

 private:
  cc::fuzz::Input& in_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  cc::drivers::LedgerDriver driver(std::make_unique<FuzzChannel>(in), cc::catalog::Catalog::builtin(),
                                   std::chrono::milliseconds(10000));
  try {
    (void)driver.identify();
  } catch (const cc::Error&) {
  }
  return 0;
}
