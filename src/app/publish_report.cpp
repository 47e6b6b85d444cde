#include "app/publish_report.hpp"

#include <map>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

#include "app/rendering.hpp"
#include "core/error.hpp"
#include "guard/secret_guard.hpp"
#include "report/read_report.hpp"
#include "core/write_atomic.hpp"

namespace cc::app {

namespace {

namespace pb = google::protobuf;

std::string_view extension_of(report::Format format) {
  switch (format) {
    case report::Format::kText: return ".txt";
    case report::Format::kJson: return ".json";
    case report::Format::kHtml: return ".html";
    case report::Format::kPb: return ".pb";
  }
  return ".txt";
}

void fail_on(const guard::GuardResult& hit) {
  if (hit.kind == guard::SecretKind::kNone) return;
  throw Error(ErrorCode::kInternal,
              "the report tripped the secret guard (" + std::string(guard::category_name(hit.kind)) + "); not written");
}

// Every string field of `message`, each scanned on its own: words of a field name or
// of the neighbouring field cannot join a run, and a secret inside one field is caught.
void scan_strings(const pb::Message& message) {
  const pb::Reflection& reflection = *message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection.FieldSize(message, field); ++i) {
          scan_strings(reflection.GetRepeatedMessage(message, field, i));
        }
      } else {
        scan_strings(reflection.GetMessage(message, field));
      }
    } else if (field->type() == pb::FieldDescriptor::TYPE_STRING) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection.FieldSize(message, field); ++i) {
          fail_on(guard::scan(reflection.GetRepeatedString(message, field, i)));
        }
      } else {
        fail_on(guard::scan(reflection.GetString(message, field)));
      }
    }
  }
}

}  // namespace

std::vector<ReportFile> report_files(const std::optional<std::filesystem::path>& out,
                                     const std::optional<std::string>& format, const std::filesystem::path& dir,
                                     std::string_view stamp) {
  if (out) return {{*out, format ? report::parse_format(*format) : report::format_from_extension(*out)}};
  const bool every = !format.has_value();
  const report::Format only = every ? report::Format::kText : report::parse_format(*format);
  std::vector<ReportFile> files;
  for (const auto f : {report::Format::kText, report::Format::kJson, report::Format::kHtml, report::Format::kPb}) {
    if (!every && only != f) continue;
    files.push_back({dir / ("coldcheck-report-" + std::string(stamp) + std::string(extension_of(f))), f, true});
  }
  return files;
}

void require_clean_rendering(const ::coldcheck::report::Report& report, report::Format format,
                             std::string_view rendered, findings::Language language) {
  // The description first and alone: it is the one field a person typed.
  fail_on(guard::scan(report.body().description().text()));
  if (format == report::Format::kText) {
    scan_strings(localized(report, language));  // the text page shows these fields among fixed labels
    return;
  }
  // What actually leaves: the data read back from the bytes (for HTML the embedded
  // report, not its markup or CSS).
  ::coldcheck::report::Report carried;
  try {
    carried = report::parse_report(rendered);
  } catch (const Error& e) {
    throw Error(ErrorCode::kInternal, std::string("a rendering cannot be read back: ") + e.what());
  }
  fail_on(guard::scan(carried.body().description().text()));
  scan_strings(carried);
}

Published publish_report(const ::coldcheck::report::Report& report, const std::vector<ReportFile>& files,
                         bool want_text, findings::Language language) {
  return publish_report(report, files, want_text, language, "coldcheck-report-");
}

Published publish_report(const ::coldcheck::report::Report& report, const std::vector<ReportFile>& files,
                         bool want_text, findings::Language language, std::string_view set_prefix) {
  std::map<report::Format, std::string> rendered;
  const auto render_once = [&](report::Format format) -> const std::string& {
    auto it = rendered.find(format);
    if (it == rendered.end()) {
      std::string bytes = render_report(report, report::format_name(format), language);
      require_clean_rendering(report, format, bytes, language);
      it = rendered.emplace(format, std::move(bytes)).first;
    }
    return it->second;
  };
  for (const auto& file : files) render_once(file.format);
  Published out;
  if (want_text) out.text = render_once(report::Format::kText);
  std::vector<cc::RenderedFile> set;
  std::filesystem::path set_dir;
  for (const auto& file : files) {
    if (file.in_set) {
      set_dir = file.path.parent_path();
      set.push_back({std::string(extension_of(file.format)), rendered.at(file.format)});
      continue;
    }
    cc::write_file_atomic(file.path, rendered.at(file.format));
    out.written.push_back(file.path);
  }
  if (!set.empty()) {
    for (auto& path : cc::write_report_set(set_dir.empty() ? "." : set_dir, set_prefix, set)) {
      out.written.push_back(std::move(path));
    }
  }
  return out;
}

}  // namespace cc::app
