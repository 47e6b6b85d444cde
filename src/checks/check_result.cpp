#include "checks/check_result.hpp"

namespace cc::checks {

namespace rp = ::coldcheck::report;

rp::CheckResult make_check(std::string id, std::string title, rp::CheckStatus status, std::string detail) {
  rp::CheckResult c;
  c.set_id(std::move(id));
  c.set_title(std::move(title));
  c.set_status(status);
  c.set_detail(std::move(detail));
  return c;
}

void add_evidence(rp::CheckResult& check, std::string name, std::string observed, std::string expected) {
  auto* e = check.add_evidence();
  e->set_name(std::move(name));
  e->set_observed(std::move(observed));
  e->set_expected(std::move(expected));
}

}  // namespace cc::checks
