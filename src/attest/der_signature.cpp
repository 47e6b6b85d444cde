#include "attest/der_signature.hpp"

#include <algorithm>

#include "crypto/openssl_ptr.hpp"

namespace cc::attest {
namespace {

constexpr std::size_t kMaxSignature = 73;
constexpr std::size_t kMaxInteger = 33;

// Reads INTEGER at `pos`; returns its content bytes or nullopt.
std::optional<std::span<const std::uint8_t>> read_integer(std::span<const std::uint8_t> in, std::size_t& pos,
                                                          std::string& why) {
  if (pos + 2 > in.size() || in[pos] != 0x02) {
    why = "not an INTEGER";
    return std::nullopt;
  }
  const std::size_t len = in[pos + 1];
  if (len > kMaxInteger) {
    why = "integer longer than 33 bytes";
    return std::nullopt;
  }
  if (pos + 2 + len > in.size()) {
    why = "integer runs past the end";
    return std::nullopt;
  }
  auto out = in.subspan(pos + 2, len);
  pos += 2 + len;
  return out;
}

}  // namespace

std::optional<DerSignature> normalize_der_signature(std::span<const std::uint8_t> sig, std::string& why) {
  if (sig.empty()) {
    why = "empty signature";
    return std::nullopt;
  }
  if (sig.size() > kMaxSignature) {
    why = "signature longer than 73 bytes";
    return std::nullopt;
  }
  if (sig.size() < 2 || sig[0] != 0x30) {
    why = "not a DER SEQUENCE";
    return std::nullopt;
  }
  if (sig[1] != sig.size() - 2) {
    why = "SEQUENCE length does not match the signature size";
    return std::nullopt;
  }
  std::size_t pos = 2;
  const auto r = read_integer(sig, pos, why);
  if (!r) return std::nullopt;
  const auto s = read_integer(sig, pos, why);
  if (!s) return std::nullopt;
  if (pos != sig.size()) {
    why = "trailing bytes after the signature";
    return std::nullopt;
  }

  crypto::BnPtr rb(BN_bin2bn(r->data(), static_cast<int>(r->size()), nullptr));
  crypto::BnPtr sb(BN_bin2bn(s->data(), static_cast<int>(s->size()), nullptr));
  crypto::EcdsaSigPtr es(ECDSA_SIG_new());
  if (!rb || !sb || !es || ECDSA_SIG_set0(es.get(), rb.get(), sb.get()) != 1) {
    why = "out of memory";
    return std::nullopt;
  }
  (void)rb.release();  // owned by es now
  (void)sb.release();
  unsigned char* der = nullptr;
  const int len = i2d_ECDSA_SIG(es.get(), &der);
  if (len <= 0) {
    why = "cannot re-encode the signature";
    return std::nullopt;
  }
  DerSignature out;
  out.der.assign(der, der + len);
  OPENSSL_free(der);
  out.was_canonical = std::equal(out.der.begin(), out.der.end(), sig.begin(), sig.end());
  return out;
}

}  // namespace cc::attest
