#pragma once
// Runs a piece of a test as an ordinary user. These tests run as root in CI, and root
// ignores file modes; to see EACCES for real, the work is done in a forked child that
// has dropped to nobody (65534), and only its text result comes back over a pipe.
// When the test already runs unprivileged, `work` simply runs in this process.
#include <functional>
#include <optional>
#include <string>

namespace cc::host::test {

inline constexpr unsigned kNobody = 65534;

// nullopt when the child could not be started or could not drop privileges.
std::optional<std::string> run_unprivileged(const std::function<std::string()>& work);

}  // namespace cc::host::test
