# cmake -DINPUT=data/bip39/english.txt -DOUTPUT=<build>/bip39_english.cpp -P embed_wordlist.cmake
# Checks the BIP39 list (hash, 2048 sorted unique a-z words) and writes it as a C++ array.
set(expected_sha256 2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda)
file(SHA256 ${INPUT} actual)
if(NOT actual STREQUAL expected_sha256)
  message(FATAL_ERROR "${INPUT}: SHA-256 ${actual}, expected ${expected_sha256} (see data/bip39/README)")
endif()
file(STRINGS ${INPUT} words)
list(LENGTH words count)
if(NOT count EQUAL 2048)
  message(FATAL_ERROR "${INPUT}: ${count} words, expected 2048")
endif()
set(sorted ${words})
list(SORT sorted)
list(REMOVE_DUPLICATES sorted)
if(NOT sorted STREQUAL words)
  message(FATAL_ERROR "${INPUT}: words are not sorted and unique")
endif()
set(body "")
set(line "")
foreach(w ${words})
  if(NOT w MATCHES "^[a-z][a-z][a-z][a-z]?[a-z]?[a-z]?[a-z]?[a-z]?$")
    message(FATAL_ERROR "${INPUT}: '${w}' is not 3-8 lower-case letters")
  endif()
  string(APPEND line "\"${w}\",")
  string(LENGTH "${line}" len)
  if(len GREATER 80)
    string(APPEND body "    ${line}\n")
    set(line "")
  endif()
endforeach()
if(NOT line STREQUAL "")
  string(APPEND body "    ${line}\n")
endif()
set(out "// Generated from data/bip39/english.txt by src/guard/embed_wordlist.cmake. Do not edit.
#include \"guard/wordlist.hpp\"

namespace cc::guard {
namespace {

constexpr std::array<std::string_view, kBip39WordCount> kWords = {
${body}};

constexpr bool sorted_unique(const std::array<std::string_view, kBip39WordCount>& w) {
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (!(w[i - 1] < w[i])) return false;
  }
  return true;
}
static_assert(sorted_unique(kWords), \"BIP39 list must be sorted and unique\");
static_assert(kWords.back() == \"zoo\", \"BIP39 list must have 2048 entries\");

}  // namespace

std::span<const std::string_view, kBip39WordCount> bip39_english() noexcept { return kWords; }

}  // namespace cc::guard
")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
  if(old STREQUAL out)
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${out}")
