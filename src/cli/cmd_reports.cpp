// `coldcheck reports import|list|show|export|purge|stats`: the support desk's store.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/binding.hpp"
#include "app/rendering.hpp"
#include "cli/command.hpp"
#include "cli/console_output.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "findings/findings.hpp"
#include "i18n/format.hpp"
#include "render/terminal_text.hpp"
#include "core/write_atomic.hpp"
#include "store/export.hpp"
#include "store/import.hpp"
#include "store/stats_view.hpp"
#include "store/store.hpp"

namespace cc::cli {

namespace {

using findings::tr;

void add_store_option(po::options_description& desc) {
  desc.add_options()("store", po::value<std::string>()->value_name("PATH|URI"),
                     "the report store: a SQLite file or postgresql://... (default: "
                     "~/.local/share/coldcheck/reports.db)");
}

std::unique_ptr<store::Store> open_store(const po::variables_map& vm) {
  const auto location = vm.count("store")
                            ? store::parse_location(vm["store"].as<std::string>())
                            : store::Location{store::Location::Kind::kSqlite, store::default_store_path().string()};
  return store::Store::open(location);
}

findings::Language language_of(const po::variables_map& vm) { return lang_option(vm); }

void add_filter_options(po::options_description& desc) {
  desc.add_options()("model", po::value<std::string>()->value_name("ID"), "only this model (catalog id)")(
      "code", po::value<std::string>()->value_name("CODE"), "only reports with this finding code")(
      "verdict", po::value<std::string>()->value_name("V"), "only this verdict: ok, attention, stop, no-device")(
      "since", po::value<std::string>()->value_name("DATE"), "only reports created on or after DATE (YYYY-MM-DD)");
}

// A date as the store compares it: YYYY-MM-DD, optionally with a time.
std::string checked_date(const std::string& text, const std::string& option) {
  const bool ok =
      text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
      std::all_of(text.begin(), text.begin() + 10, [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!ok) throw Error(ErrorCode::kInvalidArgument, option + ": expected a date YYYY-MM-DD, got '" + text + "'");
  return text;
}

store::Filter filter_from(const po::variables_map& vm) {
  store::Filter f;
  if (vm.count("model")) f.model = vm["model"].as<std::string>();
  if (vm.count("code")) f.code = vm["code"].as<std::string>();
  if (vm.count("verdict")) f.verdict = vm["verdict"].as<std::string>();
  if (vm.count("since")) f.since = checked_date(vm["since"].as<std::string>(), "--since");
  return f;
}

// A one-line bar on stderr, redrawn at most ten times a second; only on a terminal.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1) {}
  void update(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = done * kWidth / total;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] " << done << "/" << total
              << std::flush;
    if (done == total) std::cerr << "\n";
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

int import(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("path", po::value<std::vector<std::string>>()->required(), "report files or directories")(
      "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
  add_store_option(desc);
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  if (!parse_options("reports import", "FILE|DIR... [--store PATH|URI]", desc, args, vm, &pos)) return 0;
  const auto lang = language_of(vm);
  std::vector<std::filesystem::path> paths;
  for (const auto& p : vm["path"].as<std::vector<std::string>>()) paths.emplace_back(p);
  const auto files = store::report_files(paths);
  auto store = open_store(vm);
  ProgressBar bar;
  store::ImportOptions options;
  options.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  options.check_binding = [](const ::coldcheck::report::Report& report) {
    const auto binding = app::check_binding(report);
    return binding.valid ? std::string() : binding.summary;
  };
  const auto summary = store::import_files(*store, files, options);
  for (const auto& r : summary.refused) {
    std::cout << render::terminal_text(i18n::format(tr("refused: %1$s: %2$s", lang), {r.file.string(), r.reason}))
              << "\n";
  }
  std::cout << i18n::format(tr("%1$s files: %2$s stored, %3$s already in the store, %4$s refused", lang),
                            {std::to_string(summary.files), std::to_string(summary.stored),
                             std::to_string(summary.duplicates), std::to_string(summary.refused.size())})
            << "\n";
  return summary.refused.empty() ? 0 : exit_code_for(ErrorCode::kVerificationFailed);
}

int list(const std::vector<std::string>& args) {
  po::options_description desc("options");
  add_filter_options(desc);
  desc.add_options()("json", "print JSON")("limit", po::value<std::int64_t>()->value_name("N"), "at most N reports");
  add_store_option(desc);
  po::variables_map vm;
  if (!parse_options("reports list", "[--model M] [--code CODE] [--verdict V] [--since DATE] [--json]", desc, args,
                     vm)) {
    return 0;
  }
  auto filter = filter_from(vm);
  if (vm.count("limit")) filter.limit = vm["limit"].as<std::int64_t>();
  const auto rows = open_store(vm)->list(filter);
  if (vm.count("json")) {
    print_rendered(std::cout, store::summaries_json(rows), "json");
    return 0;
  }
  for (const auto& r : rows) {
    std::string codes;
    for (const auto& c : r.codes) codes += (codes.empty() ? "" : " ") + c;
    // Stored reports came from anywhere (reports import): every field is shown cleaned.
    const auto shown = [](const std::string& v) { return v.empty() ? std::string("-") : render::terminal_field(v); };
    std::cout << r.id << "  " << shown(r.created) << "  " << shown(r.model) << "  " << shown(r.firmware) << "  "
              << shown(r.verdict) << "  " << render::terminal_field(codes, render::kTerminalLineMax) << "\n";
  }
  return 0;
}

int show(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("id", po::value<std::int64_t>()->required(), "report id (from reports list)")(
      "format,f", po::value<std::string>()->default_value("text"), "text, json, html or pb")(
      "lang", po::value<std::string>(), "en or zh-CN (default: the report's language)");
  add_store_option(desc);
  po::positional_options_description pos;
  pos.add("id", 1);
  po::variables_map vm;
  if (!parse_options("reports show", "ID [--format text|json|html|pb] [--lang en|zh-CN]", desc, args, vm, &pos))
    return 0;
  const auto id = vm["id"].as<std::int64_t>();
  const auto report = open_store(vm)->get(id);
  if (!report) throw Error(ErrorCode::kNotFound, "no report with id " + std::to_string(id));
  const auto lang = vm.count("lang") ? parse_lang_option(vm["lang"].as<std::string>())
                                     : findings::parse_language(report->body().run().language());
  const auto format = vm["format"].as<std::string>();
  print_rendered(std::cout, app::render_report(*report, format, lang), format);
  return 0;
}

int export_reports(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("format,f", po::value<std::string>()->required()->value_name("FMT"), "jsonl or csv")(
      "out,o", po::value<std::string>()->value_name("FILE"), "write to FILE (default: standard output)");
  add_filter_options(desc);
  add_store_option(desc);
  po::variables_map vm;
  if (!parse_options("reports export", "--format jsonl|csv [--out FILE] [filters]", desc, args, vm)) return 0;
  const std::string format = vm["format"].as<std::string>();
  if (format != "jsonl" && format != "csv") {
    throw Error(ErrorCode::kInvalidArgument, "--format: jsonl or csv, not '" + format + "'");
  }
  auto store = open_store(vm);
  const auto filter = filter_from(vm);
  std::ostringstream buffer;
  std::ostream& out = vm.count("out") ? static_cast<std::ostream&>(buffer) : std::cout;
  format == "csv" ? store::export_csv(*store, filter, out) : store::export_jsonl(*store, filter, out);
  if (vm.count("out")) cc::write_file_atomic(vm["out"].as<std::string>(), buffer.str());
  return 0;
}

int purge(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("before", po::value<std::string>()->required()->value_name("DATE"),
                     "delete reports created before DATE (YYYY-MM-DD)")(
      "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
  add_store_option(desc);
  po::variables_map vm;
  if (!parse_options("reports purge", "--before DATE", desc, args, vm)) return 0;
  const auto n = open_store(vm)->purge_before(checked_date(vm["before"].as<std::string>(), "--before"));
  std::cout << i18n::format(tr("%s reports deleted", language_of(vm)), {std::to_string(n)}) << "\n";
  return 0;
}

int stats(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("format,f", po::value<std::string>()->default_value("text"), "text or html")(
      "out,o", po::value<std::string>()->value_name("FILE"), "write to FILE (needed for html)")(
      "lang", po::value<std::string>()->value_name("LANG"), "en or zh-CN (default: from LANG)");
  add_store_option(desc);
  po::variables_map vm;
  if (!parse_options("reports stats", "[--format text|html --out FILE]", desc, args, vm)) return 0;
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "html") {
    throw Error(ErrorCode::kInvalidArgument, "--format: text or html, not '" + format + "'");
  }
  if (format == "html" && !vm.count("out")) throw Error(ErrorCode::kInvalidArgument, "--format html needs --out FILE");
  const auto lang = language_of(vm);
  const auto s = open_store(vm)->stats();
  const std::string page = format == "html" ? store::stats_html(s, lang) : store::stats_text(s, lang);
  if (vm.count("out")) {
    cc::write_file_atomic(vm["out"].as<std::string>(), page);
  } else {
    std::cout << render::terminal_text(page);
  }
  return 0;
}

}  // namespace

int run_reports(const std::vector<std::string>& args) {
  return guarded([&] {
    const std::string usage = "usage: coldcheck reports import|list|show|export|purge|stats ... (--help on each)\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
      std::cout << usage;
      return args.empty() ? 2 : 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "import") return import(rest);
    if (args[0] == "list") return list(rest);
    if (args[0] == "show") return show(rest);
    if (args[0] == "export") return export_reports(rest);
    if (args[0] == "purge") return purge(rest);
    if (args[0] == "stats") return stats(rest);
    throw Error(ErrorCode::kInvalidArgument,
                "unknown reports command '" + args[0] + "' (import, list, show, export, purge, stats)");
  });
}

}  // namespace cc::cli
