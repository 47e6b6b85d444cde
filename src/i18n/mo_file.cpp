#include "i18n/mo_file.hpp"

namespace cc::i18n {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::size_t kHeaderSize = 28;  // magic, revision, count, two table offsets, hash size/offset

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  bool detect_order() {
    if (bytes_.size() < kHeaderSize) return false;
    big_endian_ = false;
    if (u32(0) == kMagic) return true;
    big_endian_ = true;
    return u32(0) == kMagic;
  }

  std::uint32_t u32(std::size_t at) const {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const std::size_t index = big_endian_ ? at + i : at + 3 - i;
      v = (v << 8) | bytes_[index];
    }
    return v;
  }

  // The string described by the (length, offset) pair at table + 8 * index.
  std::optional<std::string_view> string_at(std::size_t table, std::size_t index) const {
    const std::size_t entry = table + 8 * index;
    if (entry + 8 > bytes_.size()) return std::nullopt;
    const std::size_t length = u32(entry);
    const std::size_t offset = u32(entry + 4);
    // The string is followed by a NUL that its length does not count.
    if (offset > bytes_.size() || length >= bytes_.size() - offset) return std::nullopt;
    if (bytes_[offset + length] != 0) return std::nullopt;
    return std::string_view(reinterpret_cast<const char*>(bytes_.data() + offset), length);
  }

  std::size_t size() const noexcept { return bytes_.size(); }

 private:
  std::span<const std::uint8_t> bytes_;
  bool big_endian_ = false;
};

// A plural entry is "singular\0plural"; a context entry is "context\x04msgid".
std::string_view first_part(std::string_view s) { return s.substr(0, s.find('\0')); }

}  // namespace

std::optional<MoFile> MoFile::parse(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  if (!r.detect_order()) return std::nullopt;
  const std::uint32_t revision = r.u32(4);
  if ((revision >> 16) > 1) return std::nullopt;  // major revisions 0 and 1 share this layout
  const std::size_t count = r.u32(8);
  const std::size_t originals = r.u32(12);
  const std::size_t translations = r.u32(16);
  if (count > r.size() / 8) return std::nullopt;
  MoFile mo;
  for (std::size_t i = 0; i < count; ++i) {
    const auto original = r.string_at(originals, i);
    const auto translation = r.string_at(translations, i);
    if (!original || !translation) return std::nullopt;
    if (original->empty()) continue;  // the header
    mo.messages_.emplace(std::string(first_part(*original)), std::string(first_part(*translation)));
  }
  return mo;
}

std::optional<std::string_view> MoFile::find(std::string_view msgid) const {
  const auto it = messages_.find(std::string(msgid));
  if (it == messages_.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace cc::i18n
