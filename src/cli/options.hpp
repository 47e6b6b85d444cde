#pragma once
// Helpers shared by every subcommand: parsing, --help, catalog choice, exit codes.
#include <functional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "catalog/catalog.hpp"
#include "findings/findings.hpp"

namespace cc::cli {

namespace po = boost::program_options;

enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

// Parses `args` against `desc`. Returns false when --help was given (help printed).
// Throws cc::Error{kInvalidArgument} for unknown options or bad values.
bool parse_options(const std::string& command, const std::string& usage, const po::options_description& desc,
                   const std::vector<std::string>& args, po::variables_map& vm,
                   const po::positional_options_description* positional = nullptr);

// Adds --catalog DIR to `desc`; catalog_from() honours it.
void add_catalog_option(po::options_description& desc);
const catalog::Catalog& catalog_from(const po::variables_map& vm);

// The value of --lang: "en" or "zh-CN" (any case, '_' for '-'). Anything else, "fr" or
// "english" included, is Error{kInvalidArgument} naming the accepted values, rather
// than a silent fall back to English.
findings::Language parse_lang_option(const std::string& value);

// Runs `body`, printing any cc::Error as "coldcheck: <code>: <message>" on stderr and
// returning the documented exit code.
int guarded(const std::function<int()>& body);

}  // namespace cc::cli
