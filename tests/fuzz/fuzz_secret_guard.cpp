// Arbitrary bytes, valid UTF-8 or not, through the secret guard: nothing may crash,
// hang or read out of bounds. Also checks the guard's own promises: normalize() emits
// only printable ASCII, '\n' and the foreign-letter marker; require_clean() throws
// exactly when scan() fires; a refusal never contains the input when it is long.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "guard/normalize.hpp"
#include "guard/secret_guard.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const std::string folded = cc::guard::normalize(text);
  if (folded.size() > text.size()) __builtin_trap();  // folding never grows the text
  for (const char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = (u >= 0x20 && u < 0x7F) || c == '\n' || c == cc::guard::kForeignLetter;
    if (!ok) __builtin_trap();
  }

  const cc::guard::GuardResult r = cc::guard::scan(text);
  bool threw = false;
  try {
    cc::guard::require_clean(text, "fuzz");
  } catch (const cc::Error& e) {
    threw = true;
    if (e.code() != cc::ErrorCode::kInvalidArgument) __builtin_trap();
    if (size >= 24 && std::string_view(e.what()).find(text) != std::string_view::npos) __builtin_trap();
  }
  if (threw != (r.kind != cc::guard::SecretKind::kNone)) __builtin_trap();
  return 0;
}
