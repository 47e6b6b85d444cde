#pragma once
// A response head written by us into one reused string: the status line, this answer's
// own headers, the headers every answer carries (one constant block), then the framing
// (Connection, Content-Length). Cheaper per request than a general header container,
// and it is the one place that decides what may go into a header line.
#include <cstddef>
#include <string>
#include <string_view>

namespace cc::service {

class ResponseHead {
 public:
  // Clears `out` (its capacity is kept) and writes the status line. `version` is the
  // request's, as 10 * major + minor.
  ResponseHead(std::string& out, unsigned status, unsigned version);

  // Adds `name: value`. A name that is not a token or a value holding CR, LF or NUL is
  // not written and marks the head unsafe (header injection). Names this writer owns
  // (the common headers, Connection, Content-Length, Transfer-Encoding) are skipped:
  // the common values win.
  void add(std::string_view name, std::string_view value);

  // The common headers, the default Content-Security-Policy unless one was added,
  // Connection as the version needs it, Content-Length (none for 1xx, 204, 304), and
  // the blank line.
  void finish(bool keep_alive, std::size_t body_size);

  bool safe() const noexcept { return safe_; }
  // No body may follow (1xx, 204, 304).
  bool bodiless() const noexcept;

 private:
  std::string& out_;
  unsigned status_;
  unsigned version_;
  bool csp_ = false;
  bool safe_ = true;
};

}  // namespace cc::service
