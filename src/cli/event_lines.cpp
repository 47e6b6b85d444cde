#include "cli/event_lines.hpp"

#include "core/utc_time.hpp"
#include "store/export.hpp"

namespace cc::cli {

namespace {

std::string_view kind_name(enumerate::BusEvent::Kind kind) {
  switch (kind) {
    case enumerate::BusEvent::Kind::kArrived: return "arrival";
    case enumerate::BusEvent::Kind::kLeft: return "departure";
    case enumerate::BusEvent::Kind::kModeChanged: return "mode_change";
  }
  return "unknown";
}

void field(std::string& out, std::string_view name, std::string_view value) {
  out += out.size() > 1 ? "," : "";
  out += store::json_string(name) + ":" + store::json_string(value);
}

void field_raw(std::string& out, std::string_view name, const std::string& value) {
  out += out.size() > 1 ? "," : "";
  out += store::json_string(name) + ":" + value;
}

}  // namespace

std::string access_name(::coldcheck::AccessState state) {
  switch (state) {
    case ::coldcheck::ACCESS_READY: return "ready";
    case ::coldcheck::ACCESS_NO_PERMISSION: return "no-permission";
    case ::coldcheck::ACCESS_BUSY: return "busy";
    case ::coldcheck::ACCESS_UNREACHABLE: return "unreachable";
    default: return "unknown";
  }
}

std::string bus_event_text(const enumerate::BusEvent& e) {
  std::string line = std::string(kind_name(e.kind)) + "  " + e.port;
  line += "  " + (e.model.empty() ? std::string("?") : e.model);
  if (!e.mode.empty()) line += " (" + e.mode + ")";
  line += "  " + e.node.path;
  if (e.kind != enumerate::BusEvent::Kind::kLeft) line += "  " + access_name(e.node.state);
  if (!e.node.detail.empty() && e.kind != enumerate::BusEvent::Kind::kLeft) line += "  " + e.node.detail;
  if (!e.previous_path.empty()) line += "  (was " + e.previous_path + ")";
  return line;
}

std::string bus_event_json(const enumerate::BusEvent& e) {
  std::string out = "{";
  field(out, "event", kind_name(e.kind));
  field(out, "time", utc_now("%Y-%m-%dT%H:%M:%SZ"));
  field(out, "path", e.node.path);
  field(out, "port", e.port);
  field(out, "port_chain", e.port_chain);
  field(out, "model", e.model);
  field(out, "mode", e.mode);
  field(out, "access", access_name(e.node.state));
  field(out, "detail", e.node.detail);
  field_raw(out, "vendor_id", std::to_string(e.node.vendor_id));
  field_raw(out, "product_id", std::to_string(e.node.product_id));
  if (!e.previous_path.empty()) field(out, "previous_path", e.previous_path);
  return out + "}";
}

std::string session_event_json(const app::SessionEvent& e) {
  using K = app::SessionEvent::Kind;
  std::string out = "{";
  field(out, "event", app::to_string(e.kind));
  field(out, "time", utc_now("%Y-%m-%dT%H:%M:%SZ"));
  if (!e.session_id.empty()) field(out, "session", e.session_id);
  field(out, "path", e.device_path);
  field(out, "port", e.port);
  if (!e.model.empty()) field(out, "model", e.model);
  switch (e.kind) {
    case K::kArrived:
    case K::kLeft:
    case K::kModeChanged:
      field(out, "access", e.access);
      if (!e.detail.empty()) field(out, "detail", e.detail);
      break;
    case K::kStep:
      field(out, "step", e.step);
      field_raw(out, "progress", std::to_string(e.progress));
      break;
    case K::kVerdict:
      field(out, "verdict", ::coldcheck::report::Verdict_Name(e.verdict));
      field(out, "finding", e.finding);
      if (!e.held_by.empty()) field(out, "held_by", e.held_by);
      break;
    case K::kReportWritten: {
      std::string list = "[";
      for (const auto& p : e.reports) list += (list.size() > 1 ? "," : "") + store::json_string(p.string());
      field_raw(out, "reports", list + "]");
      break;
    }
    case K::kFailed:
      field(out, "error", to_string(e.error));
      field(out, "reason", e.reason);
      break;
    case K::kReleased: field(out, "reason", e.reason); break;
  }
  return out + "}";
}

}  // namespace cc::cli
