#include "attest/trust_store.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>

#include "attest/p256.hpp"
#include "coldcheck/trust.pb.h"
#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::attest {
namespace {

namespace pb = ::coldcheck::trust;

class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    if (error_.empty()) {
      error_ = std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
    }
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

[[noreturn]] void fail(std::string_view origin, const std::string& what) {
  throw Error(ErrorCode::kInvalidArgument, std::string(origin) + ": " + what);
}

std::vector<std::uint8_t> decode_point(std::string_view origin, const std::string& where, const std::string& hex) {
  std::vector<std::uint8_t> bytes;
  try {
    bytes = from_hex(hex);
  } catch (const Error& e) {
    fail(origin, where + ": " + e.what());
  }
  if (!p256_public_key(bytes)) fail(origin, where + ": not a P-256 point");
  return bytes;
}

bool is_test(std::string_view origin, const std::string& where, pb::KeyUse use) {
  if (use == pb::PRODUCTION) return false;
  if (use == pb::TEST) return true;
  fail(origin, where + ": use must be PRODUCTION or TEST");
}

}  // namespace

TrustStore TrustStore::from_text(std::string_view text, std::string_view origin) {
  pb::TrustStore msg;
  google::protobuf::TextFormat::Parser parser;
  FirstError errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(text), &msg)) fail(origin, errors.error());

  TrustStore store;
  for (int i = 0; i < msg.roots_size(); ++i) {
    const pb::Root& r = msg.roots(i);
    const std::string where = "root #" + std::to_string(i + 1) + " (" + r.name() + ")";
    if (r.name().empty()) fail(origin, where + ": name is empty");
    if (r.internal_models().empty()) fail(origin, where + ": no internal_models");
    if (r.curve() != pb::P256) fail(origin, where + ": curve must be P256");
    TrustedRoot root;
    root.name = r.name();
    root.device = r.device();
    root.internal_models.assign(r.internal_models().begin(), r.internal_models().end());
    root.public_key = decode_point(origin, where, r.public_key_hex());
    root.test = is_test(origin, where, r.use());
    root.source = r.source();
    store.roots_.push_back(std::move(root));
  }
  for (int i = 0; i < msg.blacklisted_cas_size(); ++i) {
    const pb::BlacklistedCa& b = msg.blacklisted_cas(i);
    const std::string where = "blacklisted_cas #" + std::to_string(i + 1);
    BlacklistedCa entry;
    const auto point = decode_point(origin, where, b.public_key_hex());
    entry.public_key = uncompressed_point(p256_public_key(point).get());
    entry.test = is_test(origin, where, b.use());
    entry.reason = b.reason();
    entry.source = b.source();
    store.blacklist_.push_back(std::move(entry));
  }
  return store;
}

void TrustStore::merge(const TrustStore& other) {
  roots_.insert(roots_.end(), other.roots_.begin(), other.roots_.end());
  blacklist_.insert(blacklist_.end(), other.blacklist_.begin(), other.blacklist_.end());
}

std::vector<const TrustedRoot*> TrustStore::roots_for(std::string_view internal_model) const {
  std::vector<const TrustedRoot*> out;
  for (const TrustedRoot& r : roots_) {
    if (std::find(r.internal_models.begin(), r.internal_models.end(), internal_model) != r.internal_models.end()) {
      out.push_back(&r);
    }
  }
  return out;
}

const BlacklistedCa* TrustStore::find_blacklisted(std::span<const std::uint8_t> ca_public_key) const {
  const std::vector<std::uint8_t> key = uncompressed_point(p256_public_key(ca_public_key).get());
  if (key.empty()) return nullptr;
  for (const BlacklistedCa& b : blacklist_) {
    if (b.public_key == key) return &b;
  }
  return nullptr;
}

}  // namespace cc::attest
