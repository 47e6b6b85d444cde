#include "i18n/catalog.hpp"

#include <stdexcept>

#include "core/embedded_file.hpp"

namespace cc::i18n {

namespace detail {
// zh_CN.mo as msgfmt made it (cc_embed_files in src/i18n/CMakeLists.txt).
std::span<const EmbeddedFile> embedded_catalogs() noexcept;
}  // namespace detail

std::span<const std::uint8_t> embedded_zh_cn_mo() noexcept {
  for (const EmbeddedFile& file : detail::embedded_catalogs()) {
    if (file.name == "zh_CN.mo") {
      return {reinterpret_cast<const std::uint8_t*>(file.bytes.data()), file.bytes.size()};
    }
  }
  return {};
}

const MoFile& message_catalog(Language language) {
  static const MoFile english;  // no translations: every string is its own
  if (language == Language::kEnglish) return english;
  static const MoFile chinese = [] {
    auto mo = MoFile::parse(embedded_zh_cn_mo());
    // The build made this file with msgfmt; failing to read it is a build defect.
    if (!mo) throw std::logic_error("embedded zh_CN message catalog is not a valid .mo file");
    return *std::move(mo);
  }();
  return chinese;
}

std::string tr(std::string_view english, Language language) {
  if (language == Language::kEnglish) return std::string(english);
  const auto found = message_catalog(language).find(english);
  if (!found || found->empty()) return std::string(english);
  return std::string(*found);
}

}  // namespace cc::i18n
