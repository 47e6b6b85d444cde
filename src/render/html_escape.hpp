#pragma once
#include <string>
#include <string_view>

namespace cc::render {

// Escapes & < > " ' so the text is safe both as element content and as a quoted attribute.
std::string html_escape(std::string_view text);

}  // namespace cc::render
