#pragma once
// Importing report files a desk has received: each is read (pb, JSON or HTML) and
// verified before it is kept; a bad one is refused with its reason and the rest go on.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"
#include "store/store.hpp"

namespace cc::store {

struct Refusal {
  std::filesystem::path file;
  std::string reason;
};

struct ImportSummary {
  std::size_t files = 0;
  std::size_t stored = 0;      // new in the store
  std::size_t duplicates = 0;  // already there (same digest), or twice in this import
  std::vector<Refusal> refused;
};

struct ImportOptions {
  // Checks a device binding when the report carries one; returns the reason to refuse,
  // or "" to accept. Unset: bindings are not checked. Called on the reading thread.
  std::function<std::string(const ::coldcheck::report::Report&)> check_binding;
  // After each file: files done, files in all. Called on the calling thread.
  std::function<void(std::size_t, std::size_t)> progress;
  std::size_t batch = 1000;  // reports per transaction: fewer commits (each one fsyncs)
};

// Files named directly, and every regular file under a named directory (sorted).
// Throws Error{kNotFound} for a path that does not exist.
std::vector<std::filesystem::path> report_files(const std::vector<std::filesystem::path>& paths);

ImportSummary import_files(Store& store, const std::vector<std::filesystem::path>& files, const ImportOptions& options);

}  // namespace cc::store
