// A Trezor-family device made of fuzz bytes at the Link boundary (HID and WebUSB
// reports, emulator datagrams: all reach the session as 64-byte reports): identify,
// ping and firmware hash must end with facts or a cc::Error, in bounded steps, never
// crash, and the Features mapping must hold for whatever the device claims.
// Input: one byte picks the table and the call, then the device's reports.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "catalog/catalog.hpp"
#include "core/error.hpp"
#include "drivers/trezor_driver.hpp"
#include "fuzz_input.hpp"
#include "fuzz_link.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cc::fuzz::Input in(data, size);
  const std::uint8_t selector = in.byte();
  cc::drivers::SessionOptions options;
  options.reply_timeout = std::chrono::milliseconds(10000);
  options.button_timeout = std::chrono::milliseconds(10000);
  options.max_payload = 4096;
  const auto table = (selector & 1) ? cc::trezor::Table::kKeepKey : cc::trezor::Table::kTrezor;
  cc::drivers::TrezorDriver driver(std::make_unique<cc::fuzz::FuzzLink>(in), cc::catalog::Catalog::builtin(), table,
                                   options);
  std::size_t prompts = 0;
  driver.session().on_button([&](const cc::drivers::ButtonPrompt&) { ++prompts; });
  try {
    switch ((selector >> 1) & 3) {
      case 0: (void)driver.identify(true); break;
      case 1: (void)driver.identify(false); break;
      case 2: (void)driver.ping("fuzz", true); break;
      default: (void)driver.firmware_hash(std::vector<std::uint8_t>(32, 0x11)); break;
    }
  } catch (const cc::Error&) {
  }
  if (prompts > options.max_button_requests) __builtin_trap();
  return 0;
}
