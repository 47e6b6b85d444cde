#pragma once
// Signed catalog bundles: newer release data without a new binary (docs/catalog-bundles.md).
// A bundle is a serialized coldcheck.catalog.Bundle: the body (every catalog file) and an
// Ed25519 signature over a fixed prefix plus the body bytes exactly as stored, so that
// no re-serialization has to agree byte for byte with the signer's.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"

namespace cc::catalog {

inline constexpr std::string_view kBundleFormat = "coldcheck-catalog-bundle/1";
inline constexpr std::string_view kBundleSignedPrefix = "coldcheck catalog bundle v1\n";
// Far above the ~60 KiB the catalog takes today; anything bigger is refused unread.
inline constexpr std::size_t kMaxBundleSize = 4u * 1024 * 1024;

struct BundleKey {
  std::string_view name;
  std::array<std::uint8_t, 32> public_key;  // raw Ed25519
};

// The keys pinned into this build: bundles signed by anything else are refused.
std::span<const BundleKey> production_bundle_keys();

// Checks, in this order: size, Bundle encoding, signature present, signature by one of
// `keys`, body encoding and format, then every file as a catalog (schema, version,
// date, models). Throws cc::Error{kVerificationFailed} for a missing or bad signature
// and {kInvalidArgument} for the rest, each naming the reason. The returned catalog's
// origin() is "bundle signed by <key name>".
Catalog verify_bundle(std::span<const std::uint8_t> bytes, std::span<const BundleKey> keys);

// The part of verify_bundle() after the signature: a serialized BundleBody to a
// catalog, with the same refusals. Exposed for the fuzzer; callers want verify_bundle().
Catalog catalog_from_bundle_body(std::string_view signed_body);

// $XDG_DATA_HOME/coldcheck/catalog, else $HOME/.local/share/coldcheck/catalog.
// Throws cc::Error{kNotFound} when neither variable is an absolute path.
std::filesystem::path default_bundle_dir();
inline constexpr std::string_view kInstalledBundleName = "catalog.bundle";

struct InstallOutcome {
  CatalogInfo previous;  // what was in use before
  CatalogInfo installed;
  std::filesystem::path path;
};

// Verifies `bytes` and stores them as `dir`/catalog.bundle (atomically) when their
// version is above `current`'s. Refuses (cc::Error{kInvalidArgument}) a bundle whose
// version is not higher, naming both versions; nothing is written then.
InstallOutcome install_bundle(std::span<const std::uint8_t> bytes, const Catalog& current,
                              std::span<const BundleKey> keys, const std::filesystem::path& dir);

// The catalog a normal run uses: the bundle installed in `dir` when it still verifies
// with `keys` and is newer than `builtin`, else `builtin`. `note` (when given) says why
// an installed bundle was passed over; a bad bundle never stops a diagnosis.
Catalog load_active_catalog(const Catalog& builtin, std::span<const BundleKey> keys, const std::filesystem::path& dir,
                            std::string* note = nullptr);

// load_active_catalog(Catalog::builtin(), production_bundle_keys(), default_bundle_dir()),
// computed once per process; the built-in catalog when there is no data directory.
const Catalog& active_catalog();

}  // namespace cc::catalog
