#pragma once
// Reader for GNU gettext .mo files (the format msgfmt writes): a header, then two
// tables of (length, offset) pairs for the original and translated strings. We read
// it from bytes compiled into the binary, so no file is opened at run time.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cc::i18n {

class MoFile {
 public:
  // nullopt when the bytes are not a well-formed .mo (bad magic, a table or string
  // outside the data, a string without its NUL terminator).
  static std::optional<MoFile> parse(std::span<const std::uint8_t> bytes);

  // The translation of msgid, or nullopt. The header entry (msgid "") is not listed.
  // Plural entries are looked up by their singular msgid and give the first form.
  std::optional<std::string_view> find(std::string_view msgid) const;
  std::size_t size() const noexcept { return messages_.size(); }
  const std::unordered_map<std::string, std::string>& messages() const noexcept { return messages_; }

 private:
  std::unordered_map<std::string, std::string> messages_;
};

}  // namespace cc::i18n
