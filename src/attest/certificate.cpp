#include "attest/certificate.hpp"

#include <openssl/objects.h>
#include <openssl/x509v3.h>

namespace cc::attest {

crypto::X509Ptr parse_der_certificate(std::span<const std::uint8_t> der, std::string& why) {
  if (der.empty()) {
    why = "empty certificate";
    return nullptr;
  }
  if (der.size() > kMaxCertificateSize) {
    why = "certificate larger than " + std::to_string(kMaxCertificateSize) + " bytes";
    return nullptr;
  }
  const unsigned char* p = der.data();
  crypto::X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert) {
    why = "not a DER X.509 certificate";
    return nullptr;
  }
  const auto used = static_cast<std::size_t>(p - der.data());
  if (used != der.size()) {
    why = std::to_string(der.size() - used) + " trailing bytes after the certificate";
    return nullptr;
  }
  return cert;
}

std::string subject_text(const X509* cert) {
  crypto::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio) return {};
  if (X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
    return {};
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  if (len <= 0 || data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(len));
}

std::optional<std::string> first_common_name(const X509* cert) {
  const X509_NAME* name = X509_get_subject_name(cert);
  if (name == nullptr || X509_NAME_entry_count(name) <= 0) return std::nullopt;
  const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, 0);
  if (entry == nullptr || OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry)) != NID_commonName) {
    return std::nullopt;
  }
  unsigned char* utf8 = nullptr;
  const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
  if (len < 0 || utf8 == nullptr) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return out;
}

namespace {

std::string object_text(const ASN1_OBJECT* obj) {
  char buf[80] = {};
  if (OBJ_obj2txt(buf, sizeof buf, obj, 1) <= 0) return "?";
  return buf;
}

}  // namespace

bool check_ca_extensions(X509* ca, int certs_below, std::string& why) {
  // Caches and validates the extensions; a duplicate or undecodable one sets EXFLAG_INVALID.
  const std::uint32_t flags = X509_get_extension_flags(ca);
  if ((flags & EXFLAG_INVALID) != 0) {
    why = "extensions do not parse (or repeat)";
    return false;
  }
  for (int i = 0; i < X509_get_ext_count(ca); ++i) {
    X509_EXTENSION* ext = X509_get_ext(ca, i);
    if (X509_EXTENSION_get_critical(ext) == 0) continue;
    const ASN1_OBJECT* obj = X509_EXTENSION_get_object(ext);
    const int nid = OBJ_obj2nid(obj);
    if (nid != NID_basic_constraints && nid != NID_key_usage) {
      why = "unknown critical extension " + object_text(obj);
      return false;
    }
  }
  if ((flags & EXFLAG_KUSAGE) == 0) {
    why = "keyUsage missing";
    return false;
  }
  if ((X509_get_key_usage(ca) & KU_KEY_CERT_SIGN) == 0) {
    why = "keyUsage lacks keyCertSign";
    return false;
  }
  if ((flags & EXFLAG_BCONS) == 0) {
    why = "basicConstraints missing";
    return false;
  }
  if ((flags & EXFLAG_CA) == 0) {
    why = "basicConstraints cA is not set";
    return false;
  }
  const long path_len = X509_get_pathlen(ca);
  if (path_len < 0) {
    why = "basicConstraints pathLenConstraint missing";
    return false;
  }
  if (path_len < certs_below) {
    why = "pathLenConstraint " + std::to_string(path_len) + " does not allow " + std::to_string(certs_below) +
          " CA certificate(s) below it";
    return false;
  }
  return true;
}

bool signed_with_ecdsa_sha256(const X509* cert) { return X509_get_signature_nid(cert) == NID_ecdsa_with_SHA256; }

}  // namespace cc::attest
