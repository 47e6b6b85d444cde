#pragma once
// The compiled-in message catalogs and lookups. English strings are the msgids;
// po/zh_CN.po is checked with `msgfmt --check`, compiled to a .mo and embedded at build
// time, so translations work from any directory with no files around.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/language.hpp"
#include "i18n/mo_file.hpp"

// Marks an English string for xgettext (--keyword=N_) where it is not passed to tr()
// directly, e.g. in tables. Expands to the string itself.
#define N_(text) text

namespace cc::i18n {

// The embedded .mo bytes for Simplified Chinese (generated from po/zh_CN.po).
std::span<const std::uint8_t> embedded_zh_cn_mo() noexcept;

// The parsed catalog for a language; English has an empty one. Parsed once.
const MoFile& message_catalog(Language language);

// The translation of an English msgid, or the msgid itself when it has none.
std::string tr(std::string_view english, Language language);

// UI strings other layers pass to tr(): labels, severity names, verdict lines.
const std::vector<std::string_view>& ui_strings();

}  // namespace cc::i18n
