#pragma once
// Trezor firmware image headers, parsed from untrusted bytes (a release file or a
// simulator's flash). Three layouts exist [trezor-firmware: python/src/trezorlib/
// firmware/{legacy,core,vendor}.py, legacy/firmware/fw_signatures.h]:
//   legacy-v1  Trezor One before 1.8: 256-byte `TRZR` header + code.
//   legacy-v2  Trezor One 1.8 and later: 1024-byte `TRZF` header + code, usually
//              shipped inside a `TRZR` container so that old bootloaders accept it.
//              Its header_len field holds the reset handler address instead.
//   core       Model T and Safe: `TRZV` vendor header, then a 1024-byte `TRZF` header.
// Parsing checks every length against the buffer; a bad image is a
// cc::Error{kInvalidArgument} naming the structure and field, never a crash.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace cc::firmware {

struct Version {
  std::uint8_t major = 0;
  std::uint8_t minor = 0;
  std::uint8_t patch = 0;
  std::uint8_t build = 0;
  // "major.minor.patch", the form Features reports and release lists use.
  std::string to_string() const;
  // "major.minor.patch.build".
  std::string to_string_with_build() const;
  friend bool operator==(const Version&, const Version&) = default;
};

// Which signatures a header carries. Presence only: verifying them needs keys.
struct Signatures {
  std::string scheme;    // "v1-secp256k1" (indexed slots) or "cosi-ed25519" (sigmask)
  unsigned slots = 0;    // room in the format: 3 indexed slots, or 8 sigmask bits
  unsigned present = 0;  // slots with a non-zero key index, or bits set in sigmask
};

struct ImageInfo {
  std::string kind;  // "legacy-v1", "legacy-v2" or "core"
  // "T1B1", "T2B1", ...; empty only when nothing says. When no header field names the
  // model it is inferred from the layout (Trezor One for legacy images, T2T1 for core
  // images with an all-zero hw_model, as trezorlib does) and internal_model_inferred is set.
  std::string internal_model;
  bool internal_model_inferred = false;
  std::string version;              // "1.12.1"; empty for legacy-v1 (no version field)
  Version version_number;           // all zero for legacy-v1
  Version fix_version;              // lowest version this one may not be downgraded below
  std::string vendor;               // vendor string (core only), non-printable bytes as '?'
  std::size_t code_length = 0;      // code after the firmware header, as declared
  std::size_t code_offset = 0;      // where that code starts in the parsed buffer
  std::size_t trailing_bytes = 0;   // bytes after the declared code
  bool has_legacy_header = false;   // a 256-byte TRZR container header leads the image
  std::uint32_t header_length = 0;  // firmware header (TRZF); 256 for legacy-v1 (TRZR)
  // legacy-v2: the word after TRZF, which a Trezor One image uses for its reset handler
  // address, not for header_len [legacy/firmware/header.S]; 0 for the other layouts.
  std::uint32_t reset_handler = 0;
  std::uint32_t expiry = 0;                // firmware header expiry (0 = none)
  std::uint32_t vendor_header_length = 0;  // core only
  std::uint8_t vendor_sig_m = 0;           // core: signatures the vendor keys require ...
  std::uint8_t vendor_sig_n = 0;           // ... out of this many vendor keys
  Signatures legacy_header_signatures;     // TRZR header slots (when has_legacy_header)
  Signatures firmware_signatures;          // TRZF: v1 slots (legacy-v2) or sigmask (core)
  Signatures vendor_header_signatures;     // TRZV sigmask (core)
};

// Throws cc::Error{kInvalidArgument} when the bytes are not a well-formed image.
ImageInfo parse_image(std::span<const std::uint8_t> bytes);

}  // namespace cc::firmware
