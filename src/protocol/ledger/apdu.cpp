#include "protocol/ledger/apdu.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cc::ledger {

namespace {

constexpr std::uint8_t kAppInfoFormat = 0x01;

[[noreturn]] void malformed(const char* what, const std::string& why) {
  throw Error(ErrorCode::kMalformed, std::string(what) + ": " + why);
}

// Reads length-prefixed fields with a bounds check on every byte.
class Reader {
 public:
  Reader(std::span<const std::uint8_t> data, const char* what) : data_(data), what_(what) {}

  bool empty() const noexcept { return at_ >= data_.size(); }

  std::uint8_t byte(const char* field) {
    if (empty()) malformed(what_, std::string("truncated before ") + field);
    return data_[at_++];
  }

  std::span<const std::uint8_t> take(std::size_t n, const char* field) {
    if (data_.size() - at_ < n) {
      malformed(what_, std::string(field) + " declares " + std::to_string(n) + " bytes, only " +
                           std::to_string(data_.size() - at_) + " left");
    }
    auto out = data_.subspan(at_, n);
    at_ += n;
    return out;
  }

  std::span<const std::uint8_t> lv(const char* field) { return take(byte(field), field); }

  std::uint32_t u32be(const char* field) {
    auto b = take(4, field);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
  }

  // Printable ASCII; trailing NULs (some MCU versions end with one) are dropped.
  std::string text(const char* field) {
    auto b = lv(field);
    while (!b.empty() && b.back() == 0) b = b.first(b.size() - 1);
    std::string s;
    for (auto c : b) {
      if (c < 0x20 || c > 0x7E) malformed(what_, std::string(field) + " is not printable text");
      s += static_cast<char>(c);
    }
    return s;
  }

  // Up to 4 bytes, little-endian (GET VERSION flags, app flags).
  std::uint32_t le_flags(std::span<const std::uint8_t> b, const char* field) {
    if (b.size() > 4) malformed(what_, std::string(field) + " has " + std::to_string(b.size()) + " bytes, at most 4");
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < b.size(); ++i) v |= std::uint32_t{b[i]} << (8 * i);
    return v;
  }

  // Big-endian number of 1 to 4 bytes.
  std::uint32_t be_number(std::span<const std::uint8_t> b, const char* field) {
    if (b.empty() || b.size() > 4) malformed(what_, std::string(field) + " must have 1 to 4 bytes");
    std::uint32_t v = 0;
    for (auto c : b) v = (v << 8) | c;
    return v;
  }

 private:
  std::span<const std::uint8_t> data_;
  const char* what_;
  std::size_t at_ = 0;
};

void put_lv(Bytes& out, std::span<const std::uint8_t> b) {
  if (b.size() > 255) throw Error(ErrorCode::kInvalidArgument, "Ledger field longer than 255 bytes");
  out.push_back(static_cast<std::uint8_t>(b.size()));
  out.insert(out.end(), b.begin(), b.end());
}

void put_lv(Bytes& out, const std::string& s) {
  put_lv(out, std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()));
}

Bytes le4(std::uint32_t v) {
  return {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v >> 16),
          static_cast<std::uint8_t>(v >> 24)};
}

Bytes be4(std::uint32_t v) {
  return {static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
          static_cast<std::uint8_t>(v)};
}

}  // namespace

Bytes command(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
              std::span<const std::uint8_t> data) {
  if (data.size() > 255) throw Error(ErrorCode::kInvalidArgument, "APDU data longer than 255 bytes");
  Bytes out{cla, ins, p1, p2, static_cast<std::uint8_t>(data.size())};
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

Bytes get_version_command() { return command(0xE0, 0x01, 0x00, 0x00); }
Bytes get_app_and_version_command() { return command(0xB0, 0x01, 0x00, 0x00); }

Reply split_reply(std::span<const std::uint8_t> raw) {
  if (raw.size() < 2) {
    throw Error(ErrorCode::kMalformed, "Ledger reply of " + std::to_string(raw.size()) + " bytes has no status word");
  }
  Reply r;
  r.data.assign(raw.begin(), raw.end() - 2);
  r.sw = static_cast<std::uint16_t>((raw[raw.size() - 2] << 8) | raw[raw.size() - 1]);
  return r;
}

Bytes join_reply(std::span<const std::uint8_t> data, std::uint16_t sw) {
  Bytes out(data.begin(), data.end());
  out.push_back(static_cast<std::uint8_t>(sw >> 8));
  out.push_back(static_cast<std::uint8_t>(sw & 0xFF));
  return out;
}

bool is_bootloader_target(std::uint32_t target_id) noexcept { return (target_id & 0xF0000000u) != 0x30000000u; }

VersionInfo parse_version(std::span<const std::uint8_t> data) {
  constexpr const char* kWhat = "GET VERSION reply";
  Reader r(data, kWhat);
  VersionInfo info;
  info.target_id = r.u32be("target id");
  info.bootloader = is_bootloader_target(info.target_id);
  const std::string version = r.text("version");
  info.flags = r.le_flags(r.lv("flags"), "flags");
  if (info.bootloader) {
    info.mcu_bootloader_version = version;
    if (r.empty()) return info;
    // Newer bootloaders add the SE version and target id; a short first part is the
    // older layout, which we do not interpret.
    auto part1 = r.lv("SE part");
    if (part1.size() >= 5) {
      std::string s;
      for (auto c : part1) {
        if (c < 0x20 || c > 0x7E) malformed(kWhat, "SE version is not printable text");
        s += static_cast<char>(c);
      }
      info.se_version = s;
      if (!r.empty()) info.se_target_id = r.be_number(r.lv("SE target id"), "SE target id");
    }
    return info;
  }
  info.se_version = version;
  if (!r.empty()) info.mcu_version = r.text("MCU version");
  if (!r.empty()) info.mcu_bootloader_version = r.text("MCU bootloader version");
  if (!r.empty()) info.hw_version = r.be_number(r.lv("hardware version"), "hardware version");
  if (!r.empty()) info.language = r.be_number(r.lv("language"), "language");
  // Later firmware appends more fields (recover state...): ignored on purpose.
  return info;
}

Bytes encode_version(const VersionInfo& info) {
  Bytes out = be4(info.target_id);
  put_lv(out, info.bootloader ? info.mcu_bootloader_version : info.se_version);
  put_lv(out, le4(info.flags));
  if (info.bootloader) {
    if (!info.se_version.empty()) {
      put_lv(out, info.se_version);
      if (info.se_target_id) put_lv(out, be4(*info.se_target_id));
    }
    return out;
  }
  put_lv(out, info.mcu_version);
  if (!info.mcu_bootloader_version.empty() || info.hw_version || info.language) {
    put_lv(out, info.mcu_bootloader_version);
    put_lv(out, Bytes{static_cast<std::uint8_t>(info.hw_version.value_or(0))});
    put_lv(out, Bytes{static_cast<std::uint8_t>(info.language.value_or(0))});
  }
  return out;
}

AppInfo parse_app_and_version(std::span<const std::uint8_t> data) {
  constexpr const char* kWhat = "GET APP AND VERSION reply";
  Reader r(data, kWhat);
  const std::uint8_t format = r.byte("format");
  if (format != kAppInfoFormat) malformed(kWhat, "format byte " + std::to_string(format) + ", expected 1");
  AppInfo info;
  info.name = r.text("app name");
  info.version = r.text("app version");
  if (!r.empty()) info.flags = r.le_flags(r.lv("app flags"), "app flags");
  if (info.name.empty()) malformed(kWhat, "app name is empty");
  return info;
}

Bytes encode_app_and_version(const AppInfo& info) {
  Bytes out{kAppInfoFormat};
  put_lv(out, info.name);
  put_lv(out, info.version);
  put_lv(out, Bytes{static_cast<std::uint8_t>(info.flags)});
  return out;
}

}  // namespace cc::ledger
