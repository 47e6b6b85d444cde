#include "cli/device_chooser.hpp"

#include <cstddef>

#include <openssl/crypto.h>

#include "core/error.hpp"
#include "i18n/format.hpp"
#include "render/terminal_text.hpp"

namespace cc::cli {

namespace {

// "2" or " 2 " → 2; anything else (letters, signs, huge numbers) → 0.
int parse_choice(const std::string& line, int count) {
  std::size_t begin = line.find_first_not_of(' ');
  std::size_t end = line.find_last_not_of(' ');
  if (begin == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = begin; i <= end; ++i) {
    const char c = line[i];
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
    if (n > count) return 0;
  }
  return n;
}

}  // namespace

std::string choose_device(const ::coldcheck::DeviceList& list, Console& console, std::ostream& out,
                          findings::Language language) {
  using findings::tr;
  const int count = list.devices_size();
  out << tr("several devices found:", language) << "\n";
  for (int i = 0; i < count; ++i) {
    out << "  " << (i + 1) << ") " << render::terminal_field(list.devices(i).path()) << "  "
        << render::terminal_field(list.devices(i).model_name()) << "\n";
  }
  out << i18n::format(tr("which one? [1-%s] (what you type is not shown)", language), {std::to_string(count)}) << " "
      << std::flush;
  auto line = console.read_hidden_line();
  out << "\n";
  if (!line) throw Error(ErrorCode::kCancelled, "no device chosen");
  const int n = parse_choice(*line, count);
  OPENSSL_cleanse(line->data(), line->size());
  if (n < 1) {
    throw Error(ErrorCode::kInvalidArgument,
                "that was not a number from the list (1-" + std::to_string(count) + "); nothing was chosen");
  }
  const auto& chosen = list.devices(n - 1);
  out << i18n::format(tr("chosen: %1$s) %2$s", language), {std::to_string(n), render::terminal_field(chosen.path())})
      << "\n"
      << std::flush;
  return chosen.path();
}

}  // namespace cc::cli
