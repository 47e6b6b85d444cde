# cmake -DDEVICES_DIR=... -DOUTPUT=... -P embed_devices.cmake
# Writes a .cpp holding every devices/*.textproto as a raw string literal.
set(delim "cc_catalog")
file(GLOB files ${DEVICES_DIR}/*.textproto)  # sorted, so the output is deterministic
set(body "")
foreach(path ${files})
  get_filename_component(base ${path} NAME)
  file(READ ${path} text)
  string(FIND "${text}" ")${delim}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw string delimiter )${delim}\"")
  endif()
  string(APPEND body "    {\"devices/${base}\",\n     R\"${delim}(${text})${delim}\"},\n")
endforeach()
set(out "// Generated from devices/*.textproto by src/catalog/embed_devices.cmake. Do not edit.
#include \"catalog/embedded.hpp\"

namespace cc::catalog {
namespace {

constexpr EmbeddedFile kFiles[] = {
${body}};

}  // namespace

std::span<const EmbeddedFile> embedded_files() noexcept { return kFiles; }

}  // namespace cc::catalog
")
# Only touch the file when it changes, so an unrelated re-run does not rebuild.
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
  if(old STREQUAL out)
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${out}")
