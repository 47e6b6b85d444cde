#pragma once
// The device catalog: devices/*.textproto, embedded into the binary at build time
// (so `list` reads no files) and loadable from a directory to try an edited catalog.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coldcheck/catalog.pb.h"

namespace cc::catalog {

using Model = ::coldcheck::catalog::Model;
using UsbId = ::coldcheck::catalog::UsbId;

struct NamedText {
  std::string name;  // shown in errors, e.g. "devices/trezor-safe-3.textproto"
  std::string text;
};

struct UsbMatch {
  const Model* model;
  const UsbId* usb;
};

class Catalog {
 public:
  // Parses and validates every file. Throws cc::Error{kInvalidArgument} with
  // "<name>:<line>:<column>: <reason>" for the first bad file.
  static Catalog from_texts(const std::vector<NamedText>& files);
  static Catalog load_dir(const std::filesystem::path& dir);
  // The catalog compiled into the binary.
  static const Catalog& builtin();

  const std::vector<Model>& models() const noexcept { return models_; }
  const Model* find(std::string_view id) const noexcept;

  // Every (model, usb id) whose vendor/product id match (through product_id_mask when
  // set). When interface or usage page are known they must agree with the entry's (if it
  // sets them). A non-empty product string must start with the entry's prefix (if set),
  // and only the longest matching prefix counts ("BitBox02BTC" is not also "BitBox02").
  // Results follow catalog order (models sorted by id).
  std::vector<UsbMatch> match_usb(std::uint16_t vendor_id, std::uint16_t product_id,
                                  std::optional<int> interface_number = std::nullopt,
                                  std::optional<std::uint16_t> usage_page = std::nullopt,
                                  std::string_view product_string = {}) const;

  // For Trezor-v1 devices: the model whose features_match agrees with what the device
  // said. internal_model wins when present; nullptr when nothing matches.
  const Model* match_features(std::string_view vendor, std::string_view model,
                              std::string_view internal_model) const;

  // OneKey: the model listing this Features.onekey_device_type name ("CLASSIC1S"); it
  // decides even when Features.vendor says "trezor.io". nullptr when none lists it.
  const Model* match_onekey_device_type(std::string_view type_name) const;

  // The message table whose models name themselves `features_vendor` in Features
  // ("keepkey.com" -> TABLE_KEEPKEY); TABLE_UNSPECIFIED when no Trezor-v1 model does.
  ::coldcheck::catalog::MessageTable table_for_features_vendor(std::string_view features_vendor) const;

  // The maker of every model of `protocol` when they agree ("Ledger"), else "".
  std::string maker_of_protocol(::coldcheck::catalog::ProtocolFamily protocol) const;

  // Distinct USB vendor ids in the catalog, ascending (for a cheap enumeration filter).
  std::vector<std::uint16_t> vendor_ids() const;

 private:
  std::vector<Model> models_;
};

// udev rules for every USB id in the catalog (TAG+="uaccess", plugdev fallback).
std::string render_udev_rules(const Catalog& catalog);

}  // namespace cc::catalog
