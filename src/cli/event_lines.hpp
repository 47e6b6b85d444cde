#pragma once
// One line per event, for people (text) and for a desk's tooling (JSON Lines): what
// `coldcheck watch` prints and what `coldcheck bench` prints without a terminal.
#include <string>

#include "app/device_sessions.hpp"
#include "enumerate/bus.hpp"

namespace cc::cli {

// "ready", "no-permission", "busy", "unreachable", "unknown".
std::string access_name(::coldcheck::AccessState state);

std::string bus_event_text(const enumerate::BusEvent& event);
std::string bus_event_json(const enumerate::BusEvent& event);
std::string session_event_json(const app::SessionEvent& event);

}  // namespace cc::cli
