#include "catalog/catalog.hpp"

#include <algorithm>
#include <span>
#include <sstream>

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
  for (const NamedText& file : files) parsed.push_back(parse_file(file));
  validate(parsed);

  Catalog out;
  out.models_.reserve(parsed.size());
  for (ParsedFile& file : parsed) out.models_.push_back(std::move(file.model));
  // Sorted by id so that every listing and the udev rules are deterministic.
  std::sort(out.models_.begin(), out.models_.end(),
            [](const Model& a, const Model& b) { return a.id() < b.id(); });
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
  return from_texts(files);
}

const Catalog& Catalog::builtin() {
  static const Catalog catalog = [] {
    std::vector<NamedText> files;
    for (const EmbeddedFile& file : detail::embedded_devices()) {
      files.push_back({"devices/" + std::string(file.name), std::string(file.bytes)});
    }
    return from_texts(files);
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
