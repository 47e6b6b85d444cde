# cmake -DINPUT=<list.txt> -DEXPECTED=<sha256> -DCOUNT=<words> -DSTAMP=<file> -P check_wordlist.cmake
# Fails the build unless INPUT has the recorded SHA-256 (data/*/README) and exactly COUNT
# unique non-empty lines; on success touches STAMP, which the embedding step depends on.
file(SHA256 ${INPUT} actual)
if(NOT actual STREQUAL EXPECTED)
  message(FATAL_ERROR "${INPUT}: SHA-256 ${actual}, expected ${EXPECTED} (see data/bip39/README)")
endif()
file(STRINGS ${INPUT} words ENCODING UTF-8)
list(LENGTH words count)
if(NOT count EQUAL COUNT)
  message(FATAL_ERROR "${INPUT}: ${count} words, expected ${COUNT}")
endif()
set(unique ${words})
list(REMOVE_DUPLICATES unique)
list(LENGTH unique unique_count)
if(NOT unique_count EQUAL COUNT)
  message(FATAL_ERROR "${INPUT}: words are not unique")
endif()
file(TOUCH ${STAMP})
