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
using CatalogInfo = ::coldcheck::catalog::CatalogInfo;

// The Model layout this binary reads (CatalogInfo.schema).
inline constexpr std::uint32_t kSchema = 1;
// The file among the catalog files that holds the CatalogInfo instead of a Model.
inline constexpr std::string_view kInfoFileName = "catalog.textproto";

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
  // "<name>:<line>:<column>: <reason>" for the first bad file. A file named
  // catalog.textproto is the CatalogInfo; without one, info() is empty (an unversioned
  // catalog, e.g. a test directory).
  static Catalog from_texts(const std::vector<NamedText>& files);
  static Catalog load_dir(const std::filesystem::path& dir);
  // The catalog compiled into the binary.
  static const Catalog& builtin();

  const std::vector<Model>& models() const noexcept { return models_; }
  const CatalogInfo& info() const noexcept { return info_; }
  // Where this catalog came from: "built-in", a bundle file or a directory.
  const std::string& origin() const noexcept { return origin_; }
  void set_origin(std::string origin) { origin_ = std::move(origin); }
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
  const Model* match_features(std::string_view vendor, std::string_view model, std::string_view internal_model) const;

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
  CatalogInfo info_;
  std::string origin_;
};

// Catalog versions are dotted numbers compared number by number; nullopt when either
// side is not one ("" included).
std::optional<int> compare_catalog_versions(std::string_view a, std::string_view b);

// udev rules for every USB id in the catalog (TAG+="uaccess", plugdev fallback).
std::string render_udev_rules(const Catalog& catalog);

}  // namespace cc::catalog
