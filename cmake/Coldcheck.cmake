# Shared compile settings and helpers for every coldcheck target.
add_library(cc_options INTERFACE)
target_compile_options(cc_options INTERFACE -Wall -Wextra -Wshadow -Wconversion -Wsign-conversion)
if(CC_WERROR)
  target_compile_options(cc_options INTERFACE -Werror)
endif()
if(CC_SANITIZE)
  target_compile_options(cc_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(cc_options INTERFACE -fsanitize=address,undefined)
endif()
if(CC_FUZZ)
  # Instrument the libraries too, so the fuzzer sees coverage inside the decoders.
  target_compile_options(cc_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(cc_options INTERFACE -fsanitize=address,undefined)
endif()

# cc_library(NAME SOURCES... DEPS...): one library per layer; DEPS are its only allowed links.
function(cc_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${A_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${A_DEPS} PRIVATE cc_options)
endfunction()

# cc_test(NAME SOURCES... DEPS...): one gtest binary, registered with CTest.
function(cc_test name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS} GTest::gtest GTest::gmock GTest::gtest_main cc_options)
  target_compile_definitions(${name} PRIVATE
    CC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    CC_BINARY_DIR="${PROJECT_BINARY_DIR}")
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 30 PROPERTIES TIMEOUT 120)
endfunction()

# cc_fuzzer(NAME SOURCE DEPS...): a libFuzzer target, built only with -DCC_FUZZ=ON.
function(cc_fuzzer name source)
  if(CC_FUZZ)
    add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${ARGN} cc_options)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  endif()
endfunction()
