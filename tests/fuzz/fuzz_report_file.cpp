// Arbitrary bytes as a report file someone sends to support (.pb, .json or .html with
// its embedded JSON): reading and checking it must never crash, hang or leak, only
// cc::Error{kInvalidArgument} may escape, and a file that verifies must survive a
// second reading of its own rendering unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/report_check.hpp"
#include "core/error.hpp"
#include "render/json.hpp"
#include "report/html_embed.hpp"
#include "report/json_keys.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)cc::report::first_duplicate_key(bytes);
  (void)cc::report::extract_embedded_report(bytes);
  try {
    const auto check = cc::app::check_report_bytes(bytes, "fuzz");
    (void)check.problems();
    if (check.verifies()) {
      // What verified must read back as the same report from its own JSON.
      const auto again = cc::app::check_report_bytes(cc::render::render_json(check.report), "again");
      if (!again.intact() || again.integrity.actual_hex != check.integrity.actual_hex) __builtin_trap();
    }
  } catch (const cc::Error& e) {
    if (e.code() != cc::ErrorCode::kInvalidArgument) __builtin_trap();
  }
  return 0;
}
