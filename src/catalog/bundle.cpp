#include "catalog/bundle.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "crypto/openssl_ptr.hpp"
#include "core/write_atomic.hpp"

namespace cc::catalog {
namespace {

using ::coldcheck::catalog::Bundle;
using ::coldcheck::catalog::BundleBody;

// Reading only the schema number first: parse errors are reported later, with lines.
class Quiet : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
};

[[noreturn]] void refuse(ErrorCode code, const std::string& why) {
  throw Error(code, "catalog bundle refused: " + why);
}

bool signed_by(const BundleKey& key, std::string_view body, std::string_view signature) {
  const crypto::PkeyPtr pkey(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.public_key.data(), key.public_key.size()));
  const crypto::MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx) {
    ERR_clear_error();
    throw Error(ErrorCode::kInternal, "catalog bundle: OpenSSL cannot load an Ed25519 key");
  }
  std::string message(kBundleSignedPrefix);
  message += body;
  const bool ok =
      EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  ERR_clear_error();
  return ok;
}

std::vector<std::uint8_t> read_small_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kNotFound, path.string() + ": " + ec.message());
  if (size > kMaxBundleSize) refuse(ErrorCode::kInvalidArgument, path.string() + " is larger than 4 MiB");
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::kIo, path.string() + ": cannot read");
  return bytes;
}

}  // namespace

Catalog catalog_from_bundle_body(std::string_view signed_body) {
  BundleBody body;
  if (signed_body.size() > kMaxBundleSize ||
      !body.ParseFromArray(signed_body.data(), static_cast<int>(signed_body.size()))) {
    refuse(ErrorCode::kInvalidArgument, "its signed body does not decode");
  }
  if (body.format() != kBundleFormat) {
    refuse(ErrorCode::kInvalidArgument,
           "format \"" + body.format() + "\" is not " + std::string(kBundleFormat) + " (made for another coldcheck)");
  }
  std::vector<NamedText> files;
  bool has_info = false;
  for (const auto& f : body.files()) {
    if (f.name().empty() || f.name().find('/') != std::string::npos || !f.name().ends_with(".textproto")) {
      refuse(ErrorCode::kInvalidArgument, "file name \"" + f.name() + "\" is not a plain NAME.textproto");
    }
    has_info = has_info || f.name() == kInfoFileName;
    files.push_back({"bundle/" + f.name(), f.text()});
  }
  if (!has_info) refuse(ErrorCode::kInvalidArgument, "it has no catalog.textproto (version, date, schema)");
  // A schema mismatch is the likeliest failure of a well-signed bundle: name it plainly.
  for (const auto& f : body.files()) {
    if (f.name() != kInfoFileName) continue;
    CatalogInfo info;
    Quiet quiet;
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&quiet);
    if (parser.ParseFromString(f.text(), &info) && info.schema() != kSchema) {
      refuse(ErrorCode::kInvalidArgument, "it is for catalog schema " + std::to_string(info.schema()) +
                                              ", this coldcheck reads schema " + std::to_string(kSchema));
    }
  }
  Catalog catalog = [&] {
    try {
      return Catalog::from_texts(files);
    } catch (const Error& e) {
      refuse(ErrorCode::kInvalidArgument, e.what());
    }
  }();
  if (catalog.models().empty()) refuse(ErrorCode::kInvalidArgument, "it lists no device models");
  return catalog;
}

Catalog verify_bundle(std::span<const std::uint8_t> bytes, std::span<const BundleKey> keys) {
  if (bytes.size() > kMaxBundleSize) {
    refuse(ErrorCode::kInvalidArgument, std::to_string(bytes.size()) + " bytes is more than the 4 MiB limit");
  }
  Bundle bundle;
  if (bytes.empty() || !bundle.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) || bundle.body().empty()) {
    refuse(ErrorCode::kInvalidArgument, "not a coldcheck catalog bundle");
  }
  if (bundle.signature().empty()) refuse(ErrorCode::kVerificationFailed, "it is not signed");
  const BundleKey* signer = nullptr;
  for (const auto& key : keys) {
    if (signed_by(key, bundle.body(), bundle.signature())) {
      signer = &key;
      break;
    }
  }
  if (signer == nullptr) {
    refuse(ErrorCode::kVerificationFailed,
           "its signature does not verify with the key pinned in this build (tampered, or signed by another key)");
  }
  // Only signed bytes are read from here on.
  Catalog catalog = catalog_from_bundle_body(bundle.body());
  catalog.set_origin("bundle signed by " + std::string(signer->name));
  return catalog;
}

std::filesystem::path default_bundle_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/') {
    return std::filesystem::path(xdg) / "coldcheck" / "catalog";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    return std::filesystem::path(home) / ".local" / "share" / "coldcheck" / "catalog";
  }
  throw Error(ErrorCode::kNotFound, "no data directory: neither XDG_DATA_HOME nor HOME is an absolute path");
}

InstallOutcome install_bundle(std::span<const std::uint8_t> bytes, const Catalog& current,
                              std::span<const BundleKey> keys, const std::filesystem::path& dir) {
  const Catalog incoming = verify_bundle(bytes, keys);
  const std::string& now = current.info().version();
  const std::string& next = incoming.info().version();
  const auto order = compare_catalog_versions(next, now);
  if (order && *order <= 0) {
    refuse(ErrorCode::kInvalidArgument, "its version " + next + " (dated " + incoming.info().date() +
                                            ") is not newer than the catalog in use, " + now + " (dated " +
                                            current.info().date() + ")");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::kIo, dir.string() + ": " + ec.message());
  const auto path = dir / kInstalledBundleName;
  cc::write_file_atomic(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  return {current.info(), incoming.info(), path};
}

Catalog load_active_catalog(const Catalog& builtin, std::span<const BundleKey> keys, const std::filesystem::path& dir,
                            std::string* note) {
  const auto path = dir / kInstalledBundleName;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return builtin;
  try {
    Catalog installed = verify_bundle(read_small_file(path), keys);
    const auto order = compare_catalog_versions(installed.info().version(), builtin.info().version());
    if (order && *order > 0) {
      installed.set_origin(path.string() + " (" + installed.origin() + ")");
      return installed;
    }
    if (note) *note = path.string() + " is not newer than the built-in catalog; using the built-in one";
  } catch (const Error& e) {
    if (note) *note = path.string() + ": " + e.what() + "; using the built-in catalog";
  }
  return builtin;
}

const Catalog& active_catalog() {
  static const Catalog active = [] {
    try {
      return load_active_catalog(Catalog::builtin(), production_bundle_keys(), default_bundle_dir());
    } catch (const Error&) {
      return Catalog::builtin();  // no data directory: nothing can be installed either
    }
  }();
  return active;
}

}  // namespace cc::catalog
