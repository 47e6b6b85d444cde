#pragma once
// Everything `report verify` establishes about a report file, in one place, so show,
// explain and diff can warn on exactly the same grounds: the digest (integrity
// against accidents), the form (the file is byte for byte what coldcheck writes for
// its data, and an HTML page shows what it carries), and authenticity (a device
// binding or an install signature; the digest alone proves nothing about who wrote it).
#include <filesystem>
#include <string>
#include <vector>

#include "app/binding.hpp"
#include "coldcheck/report.pb.h"
#include "report/install_signing.hpp"
#include "report/seal.hpp"

namespace cc::app {

struct ReportCheck {
  ::coldcheck::report::Report report;
  report::VerifyResult integrity;
  std::vector<std::string> form_problems;  // empty when the file is in coldcheck's own form
  BindingCheck binding;
  report::SignatureCheck signature;

  bool intact() const { return integrity.ok && form_problems.empty(); }
  // Intact, and no binding or signature it carries is broken.
  bool verifies() const {
    return intact() && !(binding.present && !binding.valid) && !(signature.present && !signature.valid);
  }
  // Bound to a device or signed by an install, validly.
  bool authentic() const { return verifies() && ((binding.present && binding.valid) || signature.valid); }
  // Every reason it does not verify, one line each.
  std::vector<std::string> problems() const;
};

// Reads (bounded, regular files only) and parses the file, then checks it. Throws
// cc::Error only when the file cannot be read or parsed at all.
ReportCheck check_report_file(const std::filesystem::path& path);

// The same checks on bytes already read (`name` for messages).
ReportCheck check_report_bytes(std::string_view bytes, const std::string& name);

}  // namespace cc::app
