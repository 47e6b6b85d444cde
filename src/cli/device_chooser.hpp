#pragma once
// Several devices and a person at a terminal: ask which one. What is typed is never
// shown again: the terminal's echo is off while the answer is read, and a wrong answer
// is refused without quoting it (a person under stress may type anything here, even
// recovery words). A valid answer is confirmed by the device it picked.
#include <ostream>
#include <string>

#include "cli/console.hpp"
#include "coldcheck/facts.pb.h"
#include "findings/findings.hpp"

namespace cc::cli {

std::string choose_device(const ::coldcheck::DeviceList& list, Console& console, std::ostream& out,
                          findings::Language language);

}  // namespace cc::cli
