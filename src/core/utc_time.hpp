#pragma once
#include <string>

namespace cc {

// The current UTC time through strftime(`format`), e.g. "%Y-%m-%dT%H:%M:%SZ".
std::string utc_now(const char* format);

}  // namespace cc
