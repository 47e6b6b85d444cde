// `coldcheck report show|verify|explain|diff`: what a support agent runs on a report.
#include <iostream>

#include "app/binding.hpp"
#include "app/rendering.hpp"
#include "app/report_check.hpp"
#include "cli/command.hpp"
#include "cli/console_output.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "findings/findings.hpp"
#include "render/terminal_text.hpp"
#include "report/diff.hpp"

namespace cc::cli {

namespace {

namespace rp = ::coldcheck::report;

findings::Language language_of(const po::variables_map& vm, const rp::Report& report) {
  if (vm.count("lang")) return parse_lang_option(vm["lang"].as<std::string>());
  return findings::parse_language(report.body().run().language());
}

// On stderr, so `report show --format json` output stays clean.
void warn_unless_verified(const app::ReportCheck& check, const std::string& file) {
  if (check.verifies()) return;
  std::cerr << "warning: " << render::terminal_field(file)
            << " does not verify; do not rely on it (coldcheck report verify says why)\n";
  for (const auto& p : check.problems())
    std::cerr << "  " << render::terminal_field(p, render::kTerminalLineMax) << "\n";
}

int show(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("file", po::value<std::string>()->required(), "report file (.json, .html or .pb)")(
      "format,f", po::value<std::string>()->default_value("text"), "text, json, html or pb")(
      "lang", po::value<std::string>(), "en or zh-CN (default: the report's language)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse_options("report show", "FILE [--format text|json|html|pb]", desc, args, vm, &pos)) return 0;
  const std::string file = vm["file"].as<std::string>();
  const auto check = app::check_report_file(file);
  warn_unless_verified(check, file);
  const auto& report = check.report;
  const auto format = vm["format"].as<std::string>();
  const auto rendered = app::render_report(report, format, language_of(vm, report));
  print_rendered(std::cout, format == "json" ? json_line(rendered) : rendered, format);
  return 0;
}

int verify(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("file", po::value<std::string>()->required(), "report file (.json, .html or .pb)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse_options("report verify", "FILE", desc, args, vm, &pos)) return 0;
  const auto check = app::check_report_file(vm["file"].as<std::string>());
  if (!check.intact()) {
    std::cout << "NOT INTACT: this report was changed after coldcheck wrote it, or damaged in transfer\n";
    for (const auto& p : check.problems())
      std::cout << "  " << render::terminal_field(p, render::kTerminalLineMax) << "\n";
    return exit_code_for(ErrorCode::kVerificationFailed);
  }
  std::cout << "ok: the report is intact (sha256 " << check.integrity.actual_hex << ")\n"
            << "  The digest shows that nothing was changed or damaged by accident since the report was written.\n"
            << "  It does not show who wrote it: anyone who edits a report can compute a new digest.\n"
            << "install signature: " << check.signature.summary << "\n"
            << "device binding: " << check.binding.summary << "\n";
  if (!check.verifies()) {
    std::cout << "NOT AUTHENTIC: a signature or binding it carries does not verify\n";
    return exit_code_for(ErrorCode::kVerificationFailed);
  }
  if (check.binding.present && check.binding.valid) {
    std::cout << "authentic: made with the genuine device that signed it present\n";
  } else if (check.signature.valid) {
    std::cout << "authentic: made by install " << check.signature.key_id
              << " (whoever holds its key; compare the id with reports known to come from that install)\n";
  } else {
    std::cout << "authentic: not established (neither signed by an install nor bound to a device)\n";
  }
  return 0;
}

int explain(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("file", po::value<std::string>()->required(), "report file (.json, .html or .pb)")(
      "lang", po::value<std::string>(), "en or zh-CN (default: the report's language)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse_options("report explain", "FILE [--lang en|zh-CN]", desc, args, vm, &pos)) return 0;
  const auto check = app::check_report_file(vm["file"].as<std::string>());
  const auto& report = check.report;
  const auto language = language_of(vm, report);
  if (!check.verifies()) std::cout << app::labels_for(language).not_intact << "\n\n";
  std::cout << render::terminal_text(app::explain_report(report, language));
  return 0;
}

int diff(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("before", po::value<std::string>()->required(), "the earlier report")(
      "after", po::value<std::string>()->required(), "the later report")(
      "force", "compare even when the reports are about different devices");
  po::positional_options_description pos;
  pos.add("before", 1).add("after", 1);
  po::variables_map vm;
  if (!parse_options("report diff", "BEFORE AFTER [--force]", desc, args, vm, &pos)) return 0;
  report::DiffOptions options;
  options.force = vm.count("force") > 0;
  // Compared as each was made (its own language), so v1 and v2 reports read alike.
  const auto read_shown = [](const std::string& file) {
    const auto check = app::check_report_file(file);
    warn_unless_verified(check, file);
    return app::localized(check.report, findings::parse_language(check.report.body().run().language()));
  };
  const auto lines =
      report::diff(read_shown(vm["before"].as<std::string>()), read_shown(vm["after"].as<std::string>()), options);
  if (lines.empty()) std::cout << "no differences\n";
  for (const auto& l : lines) std::cout << render::terminal_text(l) << "\n";
  return 0;
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
  return guarded([&] {
    const std::string usage = "usage: coldcheck report show|verify|explain|diff FILE... (--help on each)\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
      std::cout << usage;
      return args.empty() ? 2 : 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "show") return show(rest);
    if (args[0] == "verify") return verify(rest);
    if (args[0] == "explain") return explain(rest);
    if (args[0] == "diff") return diff(rest);
    throw Error(ErrorCode::kInvalidArgument, "unknown report command '" + args[0] + "' (show, verify, explain, diff)");
  });
}

}  // namespace cc::cli
