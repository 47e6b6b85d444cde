#include "service/page.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <array>
#include <span>

#include "core/embedded_file.hpp"
#include "core/error.hpp"

namespace cc::service {

namespace detail {
std::span<const EmbeddedFile> embedded_page() noexcept;
}

std::string csp_hash(std::string_view text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
  std::array<unsigned char, 4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1> b64{};
  const int n = EVP_EncodeBlock(b64.data(), digest.data(), static_cast<int>(digest.size()));
  return "'sha256-" + std::string(reinterpret_cast<const char*>(b64.data()), static_cast<std::size_t>(n)) + "'";
}

namespace {

// The text between the first `<tag>` and `</tag>`: the page has one of each.
std::string_view inner(std::string_view html, std::string_view tag) {
  const auto open = "<" + std::string(tag) + ">";
  const auto close = "</" + std::string(tag) + ">";
  const auto begin = html.find(open);
  const auto end = html.find(close);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
    throw Error(ErrorCode::kInternal, "the embedded page has no <" + std::string(tag) + ">");
  }
  return html.substr(begin + open.size(), end - begin - open.size());
}

Page make_page() {
  const auto files = detail::embedded_page();
  if (files.empty()) throw Error(ErrorCode::kInternal, "the page is not embedded");
  Page p;
  p.html = files.front().bytes;
  p.csp = "default-src 'none'; script-src " + csp_hash(inner(p.html, "script")) + "; style-src " +
          csp_hash(inner(p.html, "style")) +
          "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return p;
}

}  // namespace

const Page& page() {
  static const Page p = make_page();
  return p;
}

}  // namespace cc::service
