#pragma once
// Makes a report body shareable: correlating identifiers become keyed pseudonyms and
// host details (home directory, user name, host name) leave every free-text field.
#include "coldcheck/report.pb.h"
#include "report/host_details.hpp"
#include "report/pseudonym.hpp"

namespace cc::report {

// Kinds passed to the Pseudonymizer, so every caller names things the same way.
inline constexpr std::string_view kPseudonymPort = "port";
inline constexpr std::string_view kPseudonymDevice = "dev";

// device.facts.path "hid:/dev/hidraw7" becomes "hid:port-<12 hex>": the transport stays
// visible (an agent must see "udp:" = emulator), the rest does not. Occurrences of the
// raw path elsewhere in the body get the same pseudonym, and other device paths in free
// text ("webusb:001-1.4") get theirs. Every string field (found by
// reflection, so new fields are covered) is then scrubbed with scrub_host_details,
// except machine identifiers that our own code writes (finding codes, check ids,
// pseudonyms, versions, timestamps, language). Unknown fields are dropped.
void redact(::coldcheck::report::Body& body, const Pseudonymizer& pseudonymize, const HostIdentity& identity);
void redact(::coldcheck::report::Body& body, const Pseudonymizer& pseudonymize);

// "hid:/dev/hidraw7" -> "hid:port-…"; paths with an unknown scheme get no visible prefix.
std::string pseudonymize_path(std::string_view path, const Pseudonymizer& pseudonymize);

}  // namespace cc::report
