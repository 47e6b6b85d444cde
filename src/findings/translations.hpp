#pragma once
// The compiled-in message catalogs. English strings are the msgids; po/zh_CN.po is
// checked with `msgfmt --check`, compiled to a .mo and embedded at build time.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.hpp"
#include "findings/mo_file.hpp"

// Marks an English string for xgettext (--keyword=N_) where it is not passed to tr()
// directly, e.g. in tables. Expands to the string itself.
#define N_(text) text

namespace cc::findings {

// The embedded .mo bytes for Simplified Chinese (generated from po/zh_CN.po).
std::span<const std::uint8_t> embedded_zh_cn_mo() noexcept;

// The parsed catalog for a language; English has an empty one. Parsed once.
const MoFile& message_catalog(Language language);

// UI strings other layers pass to tr(): labels, severity names, verdict lines.
const std::vector<std::string_view>& ui_strings();

}  // namespace cc::findings
