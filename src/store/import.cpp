#include "store/import.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "report/read_report.hpp"
#include "report/seal.hpp"

namespace cc::store {

namespace fs = std::filesystem;
namespace rp = ::coldcheck::report;

std::vector<fs::path> report_files(const std::vector<fs::path>& paths) {
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorCode::kNotFound, p.string() + ": no such file or directory");
    if (!fs::is_directory(status)) {
      out.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) found.push_back(it->path());
    }
    if (ec) throw Error(ErrorCode::kIo, p.string() + ": " + ec.message());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

// Why a report that parsed is not kept; "" when it is fine.
std::string refusal_reason(const rp::Report& report, const ImportOptions& options) {
  const auto verified = report::verify(report);
  if (!verified.ok) {
    std::string why = "not intact";
    for (const auto& p : verified.problems) why += "; " + p;
    return why;
  }
  if (report.has_binding() && options.check_binding) {
    if (auto why = options.check_binding(report); !why.empty()) return "device binding: " + why;
  }
  return {};
}

}  // namespace

ImportSummary import_files(Store& store, const std::vector<fs::path>& files, const ImportOptions& options) {
  ImportSummary summary;
  summary.files = files.size();
  std::vector<rp::Report> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    for (const auto& r : store.put_many(batch)) ++(r.inserted ? summary.stored : summary.duplicates);
    batch.clear();
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      auto report = report::read_report(files[i]);
      if (auto why = refusal_reason(report, options); !why.empty()) {
        summary.refused.push_back({files[i], why});
      } else {
        batch.push_back(std::move(report));
        if (batch.size() >= std::max<std::size_t>(1, options.batch)) flush();
      }
    } catch (const Error& e) {
      // read_report names the file; the refusal list does too, so keep only the reason.
      std::string why = e.what();
      const std::string prefix = files[i].string() + ": ";
      if (why.rfind(prefix, 0) == 0) why.erase(0, prefix.size());
      summary.refused.push_back({files[i], why});
    }
    if (options.progress) options.progress(i + 1, files.size());
  }
  flush();
  return summary;
}

}  // namespace cc::store
