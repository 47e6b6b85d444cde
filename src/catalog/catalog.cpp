#include "catalog/catalog.hpp"

#include <algorithm>
#include <span>
#include <sstream>

#include "catalog/location.hpp"
#include "catalog/parse.hpp"
#include "catalog/validate.hpp"
#include "core/bounded_file.hpp"
#include "core/embedded_file.hpp"

namespace cc::catalog {

namespace detail {
// devices/*.textproto (cc_embed_files in src/catalog/CMakeLists.txt).
std::span<const EmbeddedFile> embedded_devices() noexcept;
}  // namespace detail

Catalog Catalog::from_texts(const std::vector<NamedText>& files) {
  std::vector<ParsedFile> parsed;
  parsed.reserve(files.size());
  Catalog out;
  bool have_info = false;
  for (const NamedText& file : files) {
    if (std::filesystem::path(file.name).filename() == kInfoFileName) {
      if (have_info) throw file_error(file.name, {}, "a second catalog.textproto");
      out.info_ = parse_info(file);
      have_info = true;
      continue;
    }
    parsed.push_back(parse_file(file));
  }
  validate(parsed);

  out.models_.reserve(parsed.size());
  for (ParsedFile& file : parsed) out.models_.push_back(std::move(file.model));
  // Sorted by id so that every listing and the udev rules are deterministic.
  std::sort(out.models_.begin(), out.models_.end(), [](const Model& a, const Model& b) { return a.id() < b.id(); });
  return out;
}

Catalog Catalog::load_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw Error(ErrorCode::kNotFound, dir.string() + ": not a catalog directory");
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".textproto") {
      paths.push_back(entry.path());
    }
  }
  if (paths.empty()) {
    throw Error(ErrorCode::kInvalidArgument, dir.string() + ": no *.textproto files");
  }
  std::sort(paths.begin(), paths.end());

  std::vector<NamedText> files;
  for (const auto& path : paths) {
    constexpr std::size_t kMaxCatalogFileBytes = 1u << 20;
    files.push_back({path.string(), read_bounded_file(path, kMaxCatalogFileBytes, "catalog file")});
  }
  Catalog out = from_texts(files);
  out.set_origin(dir.string());
  return out;
}

const Catalog& Catalog::builtin() {
  static const Catalog catalog = [] {
    std::vector<NamedText> files;
    for (const EmbeddedFile& file : detail::embedded_devices()) {
      files.push_back({"devices/" + std::string(file.name), std::string(file.bytes)});
    }
    Catalog built = from_texts(files);
    built.set_origin("built-in");
    return built;
  }();
  return catalog;
}

const Model* Catalog::find(std::string_view id) const noexcept {
  for (const Model& model : models_) {
    if (model.id() == id) return &model;
  }
  return nullptr;
}

std::vector<std::uint16_t> Catalog::vendor_ids() const {
  std::vector<std::uint16_t> ids;
  for (const Model& model : models_) {
    for (const UsbId& usb : model.usb()) ids.push_back(static_cast<std::uint16_t>(usb.vendor_id()));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace cc::catalog

namespace cc::catalog {

std::optional<int> compare_catalog_versions(std::string_view a, std::string_view b) {
  const auto split = [](std::string_view text) -> std::optional<std::vector<unsigned long>> {
    std::vector<unsigned long> parts;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = text.find('.', start);
      const std::string_view part = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
      if (part.empty() || part.size() > 9 || part.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
      }
      parts.push_back(std::stoul(std::string(part)));
      if (dot == std::string_view::npos) return parts;
      start = dot + 1;
    }
  };
  const auto x = split(a);
  const auto y = split(b);
  if (!x || !y) return std::nullopt;
  for (std::size_t i = 0; i < std::max(x->size(), y->size()); ++i) {
    const unsigned long l = i < x->size() ? (*x)[i] : 0;
    const unsigned long r = i < y->size() ? (*y)[i] : 0;
    if (l != r) return l < r ? -1 : 1;
  }
  return 0;
}

}  // namespace cc::catalog
