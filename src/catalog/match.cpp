#include <algorithm>

#include "catalog/catalog.hpp"

namespace cc::catalog {
namespace {

bool product_matches(const UsbId& usb, std::uint16_t product_id) {
  const std::uint32_t mask = usb.product_id_mask() ? usb.product_id_mask() : 0xFFFFu;
  return (product_id & mask) == (usb.product_id() & mask);
}

bool contains(const google::protobuf::RepeatedPtrField<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::vector<UsbMatch> Catalog::match_usb(std::uint16_t vendor_id, std::uint16_t product_id,
                                         std::optional<int> interface_number, std::optional<std::uint16_t> usage_page,
                                         std::string_view product_string) const {
  std::vector<UsbMatch> out;
  std::size_t longest_prefix = 0;
  for (const Model& model : models_) {
    for (const UsbId& usb : model.usb()) {
      if (usb.vendor_id() != vendor_id || !product_matches(usb, product_id)) continue;
      if (interface_number && usb.has_interface_number() && usb.interface_number() != *interface_number) {
        continue;
      }
      if (usage_page && usb.has_usage_page() && usb.usage_page() != *usage_page) continue;
      const std::string& prefix = usb.product_string_prefix();
      if (!product_string.empty() && !product_string.starts_with(prefix)) continue;
      if (!product_string.empty()) longest_prefix = std::max(longest_prefix, prefix.size());
      out.push_back({&model, &usb});
    }
  }
  // A shorter prefix that also matched is a different edition, not a second candidate.
  std::erase_if(out, [&](const UsbMatch& m) {
    const std::size_t len = m.usb->product_string_prefix().size();
    return len != 0 && len < longest_prefix;
  });
  return out;
}

const Model* Catalog::match_features(std::string_view vendor, std::string_view model,
                                     std::string_view internal_model) const {
  std::vector<const Model*> candidates;
  for (const Model& m : models_) {
    if (!m.has_features_match()) continue;
    if (!vendor.empty() && !contains(m.features_match().vendor(), vendor)) continue;
    candidates.push_back(&m);
  }
  if (!internal_model.empty()) {
    for (const Model* m : candidates) {
      if (contains(m->features_match().internal_model(), internal_model)) return m;
    }
  }
  if (!model.empty()) {
    for (const Model* m : candidates) {
      if (contains(m->features_match().model(), model)) return m;
    }
  }
  // A vendor that makes one model lists no model strings (KeepKey's are part numbers).
  if (!vendor.empty()) {
    for (const Model* m : candidates) {
      const auto& fm = m->features_match();
      if (fm.model_size() == 0 && fm.internal_model_size() == 0) return m;
    }
  }
  return nullptr;
}

const Model* Catalog::match_onekey_device_type(std::string_view type_name) const {
  if (type_name.empty()) return nullptr;
  for (const Model& m : models_) {
    if (contains(m.features_match().onekey_device_type(), type_name)) return &m;
  }
  return nullptr;
}

::coldcheck::catalog::MessageTable Catalog::table_for_features_vendor(std::string_view features_vendor) const {
  for (const Model& m : models_) {
    if (m.protocol() != ::coldcheck::catalog::PROTOCOL_TREZOR_V1) continue;
    if (contains(m.features_match().vendor(), features_vendor)) return m.message_table();
  }
  return ::coldcheck::catalog::TABLE_UNSPECIFIED;
}

std::string Catalog::maker_of_protocol(::coldcheck::catalog::ProtocolFamily protocol) const {
  std::string maker;
  for (const Model& m : models_) {
    if (m.protocol() != protocol) continue;
    if (!maker.empty() && maker != m.vendor()) return {};
    maker = m.vendor();
  }
  return maker;
}

}  // namespace cc::catalog
