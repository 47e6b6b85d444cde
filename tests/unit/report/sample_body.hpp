#pragma once
// Sample reports for tests: an outdated, never backed-up Trezor One ("before") and the
// same device after a firmware update ("after").
#include <filesystem>
#include <string>

#include "coldcheck/report.pb.h"

namespace cc::test {

::coldcheck::report::Body sample_body();
::coldcheck::report::Body sample_body_after_update();

// A fresh private directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace cc::test
