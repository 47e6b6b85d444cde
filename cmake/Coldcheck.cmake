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
# Each library publishes only its own folder, through a per-library include root that
# holds one link (build/layer-include/<name>/<folder> -> src/<folder>). A header is then
# reachable only from the library itself and from those that declare it, directly or
# through a declared dependency; including anything else fails to compile.
function(cc_layer_include_root name out_var)
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  set(root ${PROJECT_BINARY_DIR}/layer-include/${name})
  get_filename_component(parent ${root}/${folder} DIRECTORY)
  file(MAKE_DIRECTORY ${parent})
  if(NOT EXISTS ${root}/${folder})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${folder} SYMBOLIC)
  endif()
  set(${out_var} ${root} PARENT_SCOPE)
endfunction()

# src/layers.txt: the allowed arrows, read once. CC_LAYER_<folder> lists what <folder> may use.
file(STRINGS ${PROJECT_SOURCE_DIR}/src/layers.txt cc_layer_lines REGEX "^[a-z]")
foreach(line IN LISTS cc_layer_lines)
  string(REGEX MATCH "^([a-z0-9_/]+):(.*)$" _ "${line}")
  set(layer "${CMAKE_MATCH_1}")
  string(STRIP "${CMAKE_MATCH_2}" allowed)
  string(REGEX REPLACE "[ \t]+" ";" allowed "${allowed}")
  set("CC_LAYER_${layer}" "${allowed}")
  set("CC_LAYER_KNOWN_${layer}" TRUE)
endforeach()

# cc_check_layer(<target> <folder> <deps...>): stops the configure when a cc_ dependency is
# not an allowed arrow of <folder> in src/layers.txt.
function(cc_check_layer name folder)
  if(NOT CC_LAYER_KNOWN_${folder})
    message(FATAL_ERROR "${name}: src/${folder} is not a layer in src/layers.txt")
  endif()
  set_property(TARGET ${name} PROPERTY CC_FOLDER ${folder})
  foreach(dep IN LISTS ARGN)
    if(dep MATCHES "^cc_" AND TARGET ${dep})
      get_property(dep_folder TARGET ${dep} PROPERTY CC_FOLDER)
      if(NOT dep_folder OR NOT dep_folder IN_LIST CC_LAYER_${folder})
        message(FATAL_ERROR "${name} (src/${folder}) may not depend on ${dep} (src/${dep_folder}): "
                            "not an arrow in src/layers.txt")
      endif()
    endif()
  endforeach()
endfunction()

function(cc_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${A_SOURCES})
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  cc_check_layer(${name} ${folder} ${A_DEPS})
  cc_layer_include_root(${name} root)
  target_include_directories(${name} PUBLIC ${root})
  target_link_libraries(${name} PUBLIC ${A_DEPS} PRIVATE cc_options)
  set_property(GLOBAL APPEND PROPERTY CC_LIBRARIES ${name})
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
  # Tests keep their report store and catalog bundles out of the user's data directory.
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 30 PROPERTIES TIMEOUT 120
    ENVIRONMENT "XDG_DATA_HOME=${PROJECT_BINARY_DIR}/test-data-home")
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
