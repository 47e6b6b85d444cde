#include "catalog/validate.hpp"

#include <algorithm>
#include <map>
#include <cstdio>
#include <tuple>

#include "catalog/capabilities.hpp"

namespace cc::catalog {
namespace {

namespace pb = ::coldcheck::catalog;

constexpr std::uint32_t kMaxUsbId = 0xFFFF;

void validate_usb(const ParsedFile& file, int index) {
  const UsbId& usb = file.model.usb(index);
  const Location loc = file.usb[static_cast<std::size_t>(index)];
  const std::string which = "usb entry " + std::to_string(index + 1);
  if (usb.vendor_id() == 0) throw file_error(file.name, loc, which + " has no vendor_id");
  if (usb.vendor_id() > kMaxUsbId) {
    throw file_error(file.name, loc, which + ": vendor_id is larger than 0xFFFF");
  }
  if (usb.product_id() > kMaxUsbId) {
    throw file_error(file.name, loc, which + ": product_id is larger than 0xFFFF");
  }
  if (usb.product_id_mask() > kMaxUsbId) {
    throw file_error(file.name, loc, which + ": product_id_mask is larger than 0xFFFF");
  }
  if (usb.transport() == pb::TRANSPORT_UNSPECIFIED || !pb::Transport_IsValid(usb.transport())) {
    throw file_error(file.name, loc, which + " has no valid transport");
  }
  if (usb.mode() == pb::MODE_UNSPECIFIED || !pb::Mode_IsValid(usb.mode())) {
    throw file_error(file.name, loc, which + " has no valid mode");
  }
  if (usb.has_usage_page() && usb.usage_page() > kMaxUsbId) {
    throw file_error(file.name, loc, which + ": usage_page is larger than 0xFFFF");
  }
}

void validate_capabilities(const ParsedFile& file) {
  const Model& m = file.model;
  if (m.capabilities_size() == 0) {
    throw file_error(file.name, file.start, "model has no capabilities (use CAPABILITY_IDENTIFY_ONLY)");
  }
  for (int i = 0; i < m.capabilities_size(); ++i) {
    const Location loc = file.capabilities[static_cast<std::size_t>(i)];
    const int cap = m.capabilities(i);
    if (cap == pb::CAPABILITY_UNSPECIFIED || !pb::Capability_IsValid(cap)) {
      throw file_error(file.name, loc, "unknown capability " + std::to_string(cap));
    }
    if (cap == pb::CAPABILITY_IDENTIFY_ONLY && m.capabilities_size() != 1) {
      throw file_error(file.name, loc, "CAPABILITY_IDENTIFY_ONLY cannot be combined with other capabilities");
    }
  }
}

// A firmware area past this is a typo, not a device.
constexpr std::uint32_t kMaxAreaKib = 64 * 1024;

void validate_capability_data(const ParsedFile& file) {
  const Model& m = file.model;
  for (const auto& entry : m.capability_firmware()) {
    const std::string name = pb::Capability_Name(entry.capability());
    if (!has_capability(m, entry.capability())) {
      throw file_error(file.name, file.start,
                       "capability_firmware names " + name + ", which capabilities does not list");
    }
    if (!parse_firmware_version(entry.min_version())) {
      throw file_error(
          file.name, file.start,
          "capability_firmware for " + name + ": min_version \"" + entry.min_version() + "\" is not major.minor.patch");
    }
  }
  const auto& listed = m.features_match().internal_model();
  for (const auto& area : m.firmware_areas()) {
    if (std::find(listed.begin(), listed.end(), area.internal_model()) == listed.end()) {
      throw file_error(
          file.name, file.start,
          "firmware_areas names internal model \"" + area.internal_model() + "\", which features_match does not list");
    }
    if (area.size_kib() == 0 || area.size_kib() > kMaxAreaKib) {
      throw file_error(file.name, file.start,
                       "firmware_areas for " + area.internal_model() + ": size_kib out of range");
    }
  }
}

void validate_file(const ParsedFile& file) {
  const Model& m = file.model;
  if (m.id().empty()) throw file_error(file.name, file.start, "model has no id");
  if (!is_slug(m.id())) {
    throw file_error(file.name, file.id, "id \"" + m.id() + "\" is not a lower-case slug like \"trezor-safe-3\"");
  }
  if (m.name().empty()) throw file_error(file.name, file.start, "model has no name");
  if (m.protocol() == pb::PROTOCOL_UNSPECIFIED || !pb::ProtocolFamily_IsValid(m.protocol())) {
    throw file_error(file.name, file.protocol.line ? file.protocol : file.start, "model has no valid protocol");
  }
  if (m.protocol() == pb::PROTOCOL_TREZOR_V1) {
    const int table = m.message_table();
    if (table == pb::TABLE_UNSPECIFIED || !pb::MessageTable_IsValid(table)) {
      throw file_error(file.name, file.start, "trezor-v1 model has no message_table");
    }
    if (!m.has_features_match() || m.features_match().vendor_size() == 0) {
      throw file_error(file.name, file.features_match.line ? file.features_match : file.start,
                       "trezor-v1 model needs features_match with at least one vendor");
    }
  }
  for (int i = 0; i < m.usb_size(); ++i) validate_usb(file, i);
  validate_capabilities(file);
  validate_capability_data(file);
}

void validate_unique_ids(const std::vector<ParsedFile>& files) {
  std::map<std::string, const ParsedFile*> seen;
  for (const ParsedFile& file : files) {
    auto [it, inserted] = seen.emplace(file.model.id(), &file);
    if (!inserted) {
      throw file_error(
          file.name, file.id,
          "duplicate model id \"" + file.model.id() + "\" (also in " + where(it->second->name, it->second->id) + ")");
    }
  }
}

// Two entries conflict when a device could not tell them apart by USB descriptors.
using UsbKey = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, int, std::string>;

UsbKey usb_key(const UsbId& usb) {
  const std::uint32_t mask = usb.product_id_mask() ? usb.product_id_mask() : kMaxUsbId;
  return {usb.vendor_id(), usb.product_id() & mask, mask, usb.has_interface_number() ? usb.interface_number() : -1,
          usb.product_string_prefix()};
}

void validate_usb_conflicts(const std::vector<ParsedFile>& files) {
  struct Claim {
    const ParsedFile* file;
    int index;
  };
  std::map<UsbKey, Claim> claims;
  for (const ParsedFile& file : files) {
    for (int i = 0; i < file.model.usb_size(); ++i) {
      const UsbId& usb = file.model.usb(i);
      auto [it, inserted] = claims.emplace(usb_key(usb), Claim{&file, i});
      if (inserted) continue;
      const Claim& other = it->second;
      const UsbId& other_usb = other.file->model.usb(other.index);
      if (usb.shared() && other_usb.shared()) continue;
      char id[16];
      std::snprintf(id, sizeof id, "%04x:%04x", usb.vendor_id(), usb.product_id());
      throw file_error(file.name, file.usb[static_cast<std::size_t>(i)],
                       std::string("usb ") + id + " is also claimed by " +
                           where(other.file->name, other.file->usb[static_cast<std::size_t>(other.index)]) +
                           " (set shared: true on both if the protocol must tell them apart)");
    }
  }
}

}  // namespace

bool is_slug(std::string_view id) noexcept {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char prev = 0;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

void validate(const std::vector<ParsedFile>& files) {
  for (const ParsedFile& file : files) validate_file(file);
  validate_unique_ids(files);
  validate_usb_conflicts(files);
}

}  // namespace cc::catalog
