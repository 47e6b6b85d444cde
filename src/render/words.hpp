#pragma once
// Turning report enums and device facts into the words of a Labels set; shared by the
// text and HTML renderings so they always say the same thing.
#include <string>
#include <utility>
#include <vector>

#include "coldcheck/report.pb.h"
#include "render/labels.hpp"

namespace cc::render {

std::string status_word(::coldcheck::report::CheckStatus status, const Labels& labels);
std::string severity_word(::coldcheck::report::Severity severity, const Labels& labels);
std::string verdict_word(::coldcheck::report::Verdict verdict, const Labels& labels);
std::string verdict_sentence(::coldcheck::report::Verdict verdict, const Labels& labels);
// "firmware", "bootloader"; labels.unknown otherwise.
std::string mode_word(::coldcheck::DeviceMode mode, const Labels& labels);
// "NOT BACKED UP", "done (bip39)", ...; empty when the device did not say.
std::string backup_word(const ::coldcheck::DeviceFacts& facts, const Labels& labels);

// Stable ASCII names for CSS classes: "pass", "warn", "critical", "attention", ...
std::string status_class(::coldcheck::report::CheckStatus status);
std::string severity_class(::coldcheck::report::Severity severity);
std::string verdict_class(::coldcheck::report::Verdict verdict);

// The device facts worth showing, as (label, value) rows; empty facts are left out.
std::vector<std::pair<std::string, std::string>> fact_rows(const ::coldcheck::report::DeviceSection& device,
                                                           const Labels& labels);

// Findings in reading order: urgency (1 first, 0 = unset last), then severity, then code.
std::vector<const ::coldcheck::report::Finding*> findings_in_order(const ::coldcheck::report::Body& body);

// The "About this report" rows (label, value), empty values left out.
// Days from catalog_date to created_at, as text ("" when either is not a date).
std::string catalog_age_days(const std::string& catalog_date, const std::string& created_at);
std::vector<std::pair<std::string, std::string>> about_rows(const ::coldcheck::report::Report& report,
                                                            const Labels& labels);

}  // namespace cc::render
