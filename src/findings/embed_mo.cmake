# cmake -DINPUT=zh_CN.mo -DOUTPUT=embedded_zh_cn_mo.cpp -P embed_mo.cmake
# Writes the .mo bytes msgfmt produced into a .cpp, so no file is read at run time.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
if(hex_length EQUAL 0)
  message(FATAL_ERROR "${INPUT} is empty")
endif()
# 16 bytes per line.
set(bytes "")
set(pos 0)
while(pos LESS hex_length)
  string(SUBSTRING "${hex}" ${pos} 32 chunk)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," chunk "${chunk}")
  string(APPEND bytes "    ${chunk}\n")
  math(EXPR pos "${pos} + 32")
endwhile()
set(out "// Generated from po/zh_CN.po (msgfmt --check) by src/findings/embed_mo.cmake. Do not edit.
#include \"findings/translations.hpp\"

namespace cc::findings {
namespace {

constexpr std::uint8_t kZhCnMo[] = {
${bytes}};

}  // namespace

std::span<const std::uint8_t> embedded_zh_cn_mo() noexcept { return kZhCnMo; }

}  // namespace cc::findings
")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
  if(old STREQUAL out)
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${out}")
