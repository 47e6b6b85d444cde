// `coldcheck report show|verify|explain|diff`: what a support agent runs on a report.
#include <iostream>

#include "app/binding.hpp"
#include "app/rendering.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "findings/findings.hpp"
#include "report/diff.hpp"
#include "report/read_report.hpp"
#include "report/seal.hpp"

namespace cc::cli {

namespace {

namespace rp = ::coldcheck::report;

findings::Language language_of(const po::variables_map& vm, const rp::Report& report) {
  if (vm.count("lang")) return findings::parse_language(vm["lang"].as<std::string>());
  return findings::parse_language(report.body().run().language());
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
  const auto report = report::read_report(vm["file"].as<std::string>());
  const auto format = vm["format"].as<std::string>();
  const auto rendered = app::render_report(report, format, language_of(vm, report));
  std::cout << (format == "json" ? json_line(rendered) : rendered);
  return 0;
}

int verify(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("file", po::value<std::string>()->required(), "report file (.json, .html or .pb)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse_options("report verify", "FILE", desc, args, vm, &pos)) return 0;
  const auto report = report::read_report(vm["file"].as<std::string>());
  const auto result = report::verify(report);
  if (result.ok) {
    std::cout << "ok: the report is intact (sha256 " << result.actual_hex << ")\n";
    const auto binding = app::check_binding(report);
    std::cout << "device binding: " << binding.summary << "\n";
    return binding.present && !binding.valid ? exit_code_for(ErrorCode::kVerificationFailed) : 0;
  }
  std::cout << "NOT INTACT: this report was changed after coldcheck wrote it, or damaged in transfer\n";
  for (const auto& p : result.problems) std::cout << "  " << p << "\n";
  return exit_code_for(ErrorCode::kVerificationFailed);
}

int explain(const std::vector<std::string>& args) {
  po::options_description desc("options");
  desc.add_options()("file", po::value<std::string>()->required(), "report file (.json, .html or .pb)")(
      "lang", po::value<std::string>(), "en or zh-CN (default: the report's language)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse_options("report explain", "FILE [--lang en|zh-CN]", desc, args, vm, &pos)) return 0;
  const auto report = report::read_report(vm["file"].as<std::string>());
  const auto language = language_of(vm, report);
  std::cout << app::explain_report(report, language);
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
    const auto r = report::read_report(file);
    return app::localized(r, findings::parse_language(r.body().run().language()));
  };
  const auto lines = report::diff(read_shown(vm["before"].as<std::string>()), read_shown(vm["after"].as<std::string>()),
                                  options);
  if (lines.empty()) std::cout << "no differences\n";
  for (const auto& l : lines) std::cout << l << "\n";
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
