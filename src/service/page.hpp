#pragma once
// The service's one page: a self-contained HTML file compiled into the binary, served
// with a Content-Security-Policy that allows exactly its own inline script and style
// (by hash) and connections back to this service, nothing else.
#include <string>
#include <string_view>

namespace cc::service {

struct Page {
  std::string_view html;
  std::string csp;  // the Content-Security-Policy header value
};

const Page& page();

// "sha256-<base64>" of `text`, as CSP names an inline script or style.
std::string csp_hash(std::string_view text);

}  // namespace cc::service
