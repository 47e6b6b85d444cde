#pragma once
// Report files: writing atomically, naming formats, reading back.
#include "report/format.hpp"       // IWYU pragma: export
#include "report/read_report.hpp"  // IWYU pragma: export
#include "core/write_atomic.hpp"   // IWYU pragma: export
