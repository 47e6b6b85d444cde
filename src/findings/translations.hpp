#pragma once
// The findings layer speaks through cc_i18n; these names keep its call sites short.
#include "i18n/catalog.hpp"
#include "i18n/format.hpp"

namespace cc::findings {

using i18n::embedded_zh_cn_mo;
using i18n::format;
using i18n::message_catalog;
using i18n::MoFile;
using i18n::ui_strings;

}  // namespace cc::findings
