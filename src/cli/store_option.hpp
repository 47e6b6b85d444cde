#pragma once
// --store / --no-store for the commands that make a report: after the report files are
// written, the sealed report also goes into the report store.
#include <string>

#include "cli/options.hpp"
#include "coldcheck/report.pb.h"

namespace cc::cli {

void add_store_options(po::options_description& desc);

// Stores `sealed` unless --no-store and says so on stdout ("report stored: id N in ...");
// when the store cannot take it, warns on stderr: the report files stand either way.
void store_report(const ::coldcheck::report::Report& sealed, const po::variables_map& vm);

}  // namespace cc::cli
