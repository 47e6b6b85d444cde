#pragma once
// Shared by the findings tests: a small catalog with known releases, a healthy device,
// and the set of codes a run produced.
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "coldcheck/facts.pb.h"
#include "coldcheck/report.pb.h"
#include "findings/findings.hpp"

namespace cc::findings::testing {

// Models:
//  test-trezor     vendor Trezor, 1209:53c1 (shared); releases 1.0.0, 1.1.0 (security
//                  fix), 1.2.0, and 1.3.0 marked unverified. Newest verified: 1.2.0.
//  test-clone      vendor CloneCo on the same shared 1209:53c1; release 3.0.0.
//  test-own        vendor OwnCo on its own id f00d:0001; no releases.
//  test-unverified vendor OwnCo on f00d:0002; only an unverified release 5.0.0.
const catalog::Catalog& test_catalog();

// test-trezor on 1.2.0 in firmware mode: initialized, PIN set and unlocked, passphrase
// off, backup done, not busy, firmware present and intact. Raises no finding.
::coldcheck::DeviceFacts healthy_facts();

std::set<std::string> codes_of(const std::vector<::coldcheck::report::Finding>& findings);

// evaluate() with only facts, in English, against test_catalog().
std::vector<::coldcheck::report::Finding> run(const ::coldcheck::DeviceFacts& facts);
std::set<std::string> codes_for(const ::coldcheck::DeviceFacts& facts);

const ::coldcheck::report::Finding* find(const std::vector<::coldcheck::report::Finding>& findings,
                                         const std::string& code);

}  // namespace cc::findings::testing
