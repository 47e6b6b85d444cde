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

# cc_embed_files(<out_var> NAMESPACE <ns> FUNCTION <name> FILES <files...> [DEPENDS <more...>]):
# compiles FILES into the binary. Adds a command that writes
# ${CMAKE_CURRENT_BINARY_DIR}/<name>.embedded.cpp defining
# `std::span<const cc::EmbeddedFile> <ns>::<name>() noexcept` (core/embedded_file.hpp),
# sorted by file name, and returns that path in <out_var> to list among a target's sources.
# It re-runs when a file, a DEPENDS entry or the script changes, and rewrites the .cpp only
# when its content changes. FILES should come from a CONFIGURE_DEPENDS glob or be fixed.
function(cc_embed_files out_var)
  cmake_parse_arguments(A "" "NAMESPACE;FUNCTION" "FILES;DEPENDS" ${ARGN})
  if(NOT A_NAMESPACE OR NOT A_FUNCTION OR A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cc_embed_files(<out_var> NAMESPACE <ns> FUNCTION <name> FILES ... [DEPENDS ...])")
  endif()
  set(script ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedFiles.cmake)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${A_FUNCTION}.embedded.cpp)
  # $<SEMICOLON> keeps the list one argument on the command line.
  string(REPLACE ";" "$<SEMICOLON>" files_arg "${A_FILES}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${A_NAMESPACE}
            -DFUNCTION=${A_FUNCTION} "-DFILES=${files_arg}" -P ${script}
    DEPENDS ${A_FILES} ${A_DEPENDS} ${script}
    COMMENT "Embedding ${A_NAMESPACE}::${A_FUNCTION}()"
    VERBATIM)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
