#include "transport/record_link.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "core/error.hpp"
#include "transport/replay_link.hpp"

namespace cc::transport {
namespace {

using Clock = std::chrono::steady_clock;

struct Recording {
  Transcript transcript;
  std::uint32_t conns = 0;
  std::optional<Clock::time_point> first;
};

std::mutex& mutex() {
  static std::mutex m;
  return m;
}

std::optional<Recording>& active() {
  static std::optional<Recording> recording;
  return recording;
}

std::string_view transport_of(Scheme scheme) {
  switch (scheme) {
    case Scheme::kUdp: return kTransportUdp;
    case Scheme::kTcp: return kTransportTcp;
    case Scheme::kHid: return kTransportHid;
    case Scheme::kWebUsb: return kTransportWebUsb;
    case Scheme::kReplay: break;
  }
  return {};
}

// A new conn number, or nothing when no recording is active.
std::optional<std::uint32_t> open_conn(const DevicePath& path) {
  std::lock_guard lock(mutex());
  auto& r = active();
  if (!r) return std::nullopt;
  // A replay is recorded as the transport it replays, so the new transcript replays too.
  const bool replay = path.scheme == Scheme::kReplay;
  const std::string_view transport = transport_of(replay ? replay_recorded_scheme(path) : path.scheme);
  auto& h = r->transcript.header;
  // One command talks to one device; a second transport in the same run is not mixed in.
  if (h.transport.empty()) {
    h.transport = std::string(transport);
    h.device_path = replay ? replay_header(path).device_path : path.to_string();
  } else if (h.transport != transport) {
    return std::nullopt;
  }
  return ++r->conns;
}

void add(std::uint32_t conn, Direction dir, std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return;
  std::lock_guard lock(mutex());
  auto& r = active();
  if (!r) return;
  const auto now = Clock::now();
  if (!r->first) r->first = now;
  TranscriptRecord record;
  // Tenths of a millisecond, as the format rounds them.
  record.t_ms =
      static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(now - *r->first).count() / 100) / 10.0;
  record.dir = dir;
  record.bytes.assign(bytes.begin(), bytes.end());
  record.conn = conn;
  r->transcript.records.push_back(std::move(record));
}

}  // namespace

void start_recording(TranscriptHeader header) {
  std::lock_guard lock(mutex());
  if (active()) throw Error(ErrorCode::kInvalidArgument, "a recording is already active");
  Recording r;
  r.transcript.header = std::move(header);
  active() = std::move(r);
}

Transcript stop_recording() {
  std::lock_guard lock(mutex());
  if (!active()) throw Error(ErrorCode::kInvalidArgument, "no recording is active");
  Transcript out = std::move(active()->transcript);
  active().reset();
  return out;
}

std::unique_ptr<Link> record_if_active(std::unique_ptr<Link> link, const DevicePath& path) {
  const auto conn = open_conn(path);
  if (!conn) return link;
  return std::make_unique<RecordLink>(std::move(link), *conn);
}

void tap_if_active(SpeculosClient& client, const DevicePath& path) {
  const auto conn = open_conn(path);
  if (!conn) return;
  client.set_tap([c = *conn](bool to_device, std::span<const std::uint8_t> chunk) {
    add(c, to_device ? Direction::kHostToDevice : Direction::kDeviceToHost, chunk);
  });
}

namespace {

// Whole requests and replies, for pipes that have no socket to tap (a replay).
class RecordPipe final : public ApduStream {
 public:
  RecordPipe(std::unique_ptr<ApduStream> inner, std::uint32_t conn) : inner_(std::move(inner)), conn_(conn) {}
  std::string path() const override { return inner_->path(); }
  std::vector<std::uint8_t> exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) override {
    std::vector<std::uint8_t> request(4 + apdu.size());
    const auto size = static_cast<std::uint32_t>(apdu.size());
    for (std::size_t i = 0; i < 4; ++i) request[i] = static_cast<std::uint8_t>(size >> (24 - 8 * i));
    std::copy(apdu.begin(), apdu.end(), request.begin() + 4);
    add(conn_, Direction::kHostToDevice, request);
    auto reply = inner_->exchange(apdu, timeout);
    const auto length = static_cast<std::uint32_t>(reply.size() >= 2 ? reply.size() - 2 : 0);
    std::vector<std::uint8_t> framed = {static_cast<std::uint8_t>(length >> 24),
                                        static_cast<std::uint8_t>(length >> 16), static_cast<std::uint8_t>(length >> 8),
                                        static_cast<std::uint8_t>(length)};
    framed.insert(framed.end(), reply.begin(), reply.end());
    add(conn_, Direction::kDeviceToHost, framed);
    return reply;
  }

 private:
  std::unique_ptr<ApduStream> inner_;
  std::uint32_t conn_;
};

}  // namespace

std::unique_ptr<ApduStream> record_pipe_if_active(std::unique_ptr<ApduStream> pipe, const DevicePath& path) {
  const auto conn = open_conn(path);
  if (!conn) return pipe;
  return std::make_unique<RecordPipe>(std::move(pipe), *conn);
}

void RecordLink::write(std::span<const std::uint8_t> report) {
  inner_->write(report);
  add(conn_, Direction::kHostToDevice, report);
}

std::size_t RecordLink::read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout) {
  const std::size_t n = inner_->read(out, timeout);
  add(conn_, Direction::kDeviceToHost, out.first(std::min(n, out.size())));
  return n;
}

}  // namespace cc::transport
