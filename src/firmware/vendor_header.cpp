// TRZV: the vendor header in front of core firmware (Model T, Safe family).
// Layout [trezorlib firmware/vendor.py VendorHeader; core/embed .../image.c
// read_vendor_header]:
//    0 magic "TRZV"   4 header_len u32   8 expiry u32   12 version u8[2]
//   14 sig_m u8      15 sig_n u8 (<= 8) 16 trust u16    18 hw_model[4] (zero in old images)
//   22 runtime_limit u16   24 reserved[8]   32 pubkeys 32[sig_n]
//   then vendor string (u8 length + bytes, padded to 4), TOIF image, padding,
//   and at header_len - 65: sigmask u8, signature[64].
#include "firmware/byte_reader.hpp"
#include "firmware/headers.hpp"

namespace cc::firmware::detail {
namespace {
constexpr std::size_t kMaxVendorKeys = 8;
constexpr std::size_t kFixedPart = 32;
}  // namespace

VendorHeader parse_vendor_header(std::span<const std::uint8_t> bytes) {
  const ByteReader r(bytes, "vendor header");
  if (!r.has_magic(0, "TRZV")) r.fail("magic", "is not TRZV");

  VendorHeader h;
  h.header_length = r.u32(4, "header_len");
  if (h.header_length > kMaxVendorHeaderSize) {
    r.fail("header_len", std::to_string(h.header_length) + " exceeds the " + std::to_string(kMaxVendorHeaderSize) +
                             "-byte limit of the bootloader");
  }
  if (h.header_length < kFixedPart + 1 + kSignatureBlockSize) {
    r.fail("header_len", std::to_string(h.header_length) + " is too small for a vendor header");
  }
  r.require(0, h.header_length, "header_len");
  h.expiry = r.u32(8, "expiry");
  h.sig_m = r.u8(14, "sig_m");
  h.sig_n = r.u8(15, "sig_n");
  if (h.sig_n > kMaxVendorKeys) r.fail("sig_n", std::to_string(h.sig_n) + " is more than 8 keys");
  if (h.sig_m > h.sig_n) {
    r.fail("sig_m", std::to_string(h.sig_m) + " is more than sig_n " + std::to_string(h.sig_n));
  }
  h.hw_model = model_name(r.bytes(18, 4, "hw_model"), "vendor header", "hw_model");

  // Everything variable must end before the signature block.
  const std::size_t signature_offset = h.header_length - kSignatureBlockSize;
  const std::size_t vstr_len_offset = kFixedPart + std::size_t{h.sig_n} * 32;
  if (vstr_len_offset >= signature_offset) {
    r.fail("sig_n", std::to_string(h.sig_n) + " keys do not fit before the signature");
  }
  const std::size_t vstr_len = r.u8(vstr_len_offset, "vendor string length");
  if (vstr_len > signature_offset - (vstr_len_offset + 1)) {
    r.fail("vendor string length", std::to_string(vstr_len) + " runs into the signature block");
  }
  h.vendor = printable(r.bytes(vstr_len_offset + 1, vstr_len, "vendor string"));

  h.signatures.scheme = "cosi-ed25519";
  h.signatures.slots = 8;
  h.signatures.present = popcount8(r.u8(signature_offset, "sigmask"));
  return h;
}

}  // namespace cc::firmware::detail
