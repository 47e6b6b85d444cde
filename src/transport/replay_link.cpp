#include "transport/replay_link.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "core/error.hpp"
#include "core/hex.hpp"

namespace cc::transport {
namespace {

using Clock = std::chrono::steady_clock;
using Bytes = std::span<const std::uint8_t>;

std::atomic<bool> g_delays{false};

bool is_probe(Bytes bytes) {
  static constexpr std::string_view kPing = "PINGPING";
  static constexpr std::string_view kPong = "PONGPONG";
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return text == kPing || text == kPong;
}

// Messages whose payload is one 32-byte random challenge (field 1) chosen by the host:
// GetFirmwareHash (88) and AuthenticateDevice (97). The replay accepts another one in
// the same place; the device's answer to it is then not comparable (see the doc).
bool is_challenge_report(Bytes r) {
  if (r.size() < 43 || r[0] != 0x3f || r[1] != 0x23 || r[2] != 0x23 || r[3] != 0) return false;
  if (r[4] != 88 && r[4] != 97) return false;
  return r[5] == 0 && r[6] == 0 && r[7] == 0 && r[8] == 34 && r[9] == 0x0a && r[10] == 0x20;
}
constexpr std::size_t kChallengeBegin = 11;
constexpr std::size_t kChallengeEnd = 43;

// Index of the first byte where `sent` and `recorded` differ, or nothing when they agree.
std::optional<std::size_t> difference(Bytes recorded, Bytes sent, bool& challenge_replaced) {
  const bool challenge = is_challenge_report(recorded) && is_challenge_report(sent);
  const std::size_t n = std::min(recorded.size(), sent.size());
  bool replaced = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (recorded[i] == sent[i]) continue;
    if (challenge && i >= kChallengeBegin && i < kChallengeEnd) {
      replaced = true;
      continue;
    }
    return i;
  }
  if (recorded.size() != sent.size()) return n;
  challenge_replaced = challenge_replaced || replaced;
  return std::nullopt;
}

std::string hex_around(Bytes bytes, std::size_t at) {
  const std::size_t begin = at > 8 ? at - 8 : 0;
  const std::size_t end = std::min(bytes.size(), begin + 24);
  std::string out = begin > 0 ? "…" : "";
  out += to_hex(bytes.subspan(begin, end - begin));
  if (end < bytes.size()) out += "…";
  return out.empty() ? "(nothing)" : out;
}

struct Conn {
  std::uint32_t id = 0;
  std::vector<std::size_t> host;  // record indices, in order
  std::vector<std::size_t> dev;
  std::size_t host_next = 0;
  std::size_t host_offset = 0;  // bytes of host[host_next] already matched (TCP streams)
  std::size_t dev_next = 0;
  std::size_t dev_offset = 0;
  bool claimed = false;
};

class Session {
 public:
  Session(std::string name, Transcript t) : name_(std::move(name)), t_(std::move(t)) {
    const bool udp = t_.header.transport == kTransportUdp;
    std::map<std::uint32_t, std::size_t> index;
    for (std::size_t i = 0; i < t_.records.size(); ++i) {
      const auto& r = t_.records[i];
      // Liveness probes belong to the emulator transport, not to the conversation.
      if (udp && is_probe(r.bytes)) continue;
      auto [it, fresh] = index.try_emplace(r.conn, conns_.size());
      if (fresh) conns_.push_back(Conn{r.conn, {}, {}, 0, 0, 0, 0, false});
      auto& c = conns_[it->second];
      (r.dir == Direction::kHostToDevice ? c.host : c.dev).push_back(i);
    }
  }

  const TranscriptHeader& header() const { return t_.header; }
  const std::vector<TranscriptRecord>& records() const { return t_.records; }
  std::mutex& mutex() { return mutex_; }

  std::string recorded_path() const {
    if (!t_.header.device_path.empty()) return t_.header.device_path;
    const auto& tr = t_.header.transport;
    if (tr == kTransportTcp) return "tcp:recorded";
    if (tr == kTransportHid) return "hid:recorded";
    if (tr == kTransportWebUsb) return "webusb:recorded";
    return "udp:recorded";
  }

  // The conn a new connection takes: the first unclaimed one whose first host bytes are `first`.
  std::size_t bind(Bytes first, bool stream) {
    const Conn* hint = nullptr;
    for (std::size_t i = 0; i < conns_.size(); ++i) {
      auto& c = conns_[i];
      if (c.claimed || c.host.empty()) continue;
      if (hint == nullptr) hint = &c;
      if (starts_conn(c, first, stream)) {
        c.claimed = true;
        return i;
      }
    }
    if (hint == nullptr) {
      fail("the host opened another connection and sent " + hex_around(first, 0) +
           ", but the transcript has no further connection");
    }
    const auto& r = t_.records[hint->host.front()];
    fail("the host opened a connection and sent " + hex_around(first, 0) +
         ", but no unplayed connection of the transcript starts with it (conn " + std::to_string(hint->id) +
         " starts at line " + std::to_string(r.line) + " with " + hex_around(r.bytes, 0) + ")");
  }

  bool host_done(std::size_t ci) const { return conns_[ci].host_next >= conns_[ci].host.size(); }

  // One whole report or datagram from the host.
  void host_report(std::size_t ci, Bytes sent) {
    auto& c = conns_[ci];
    if (c.host_next >= c.host.size()) {
      fail("conn " + std::to_string(c.id) + " has nothing more from the host, but the host sent " +
           hex_around(sent, 0));
    }
    const auto& r = t_.records[c.host[c.host_next]];
    if (const auto at = difference(r.bytes, sent, challenge_replaced_)) {
      fail(mismatch(r, *at, sent));
    }
    ++c.host_next;
    anchor(r);
  }

  // Bytes of a host stream (TCP), matched across recorded chunks.
  void host_stream(std::size_t ci, Bytes sent) {
    auto& c = conns_[ci];
    std::size_t done = 0;
    while (done < sent.size()) {
      if (c.host_next >= c.host.size()) {
        fail("conn " + std::to_string(c.id) + " has nothing more from the host, but the host sent " +
             hex_around(sent.subspan(done), 0));
      }
      const auto& r = t_.records[c.host[c.host_next]];
      const Bytes rest = Bytes(r.bytes).subspan(c.host_offset);
      const std::size_t n = std::min(rest.size(), sent.size() - done);
      bool unused = false;
      if (const auto at = difference(rest.first(n), sent.subspan(done, n), unused)) {
        fail(mismatch(r, c.host_offset + *at, sent.subspan(done)));
      }
      done += n;
      c.host_offset += n;
      if (c.host_offset == r.bytes.size()) {
        ++c.host_next;
        c.host_offset = 0;
        anchor(r);
      }
    }
  }

  // The next device record the host may see now (recorded before the host's next one).
  const TranscriptRecord* next_dev(std::size_t ci) const {
    const auto& c = conns_[ci];
    if (c.dev_next >= c.dev.size()) return nullptr;
    const std::size_t d = c.dev[c.dev_next];
    if (c.host_next < c.host.size() && d > c.host[c.host_next]) return nullptr;
    return &t_.records[d];
  }

  std::optional<std::vector<std::uint8_t>> take_report(std::size_t ci, std::chrono::milliseconds timeout) {
    const auto* r = next_dev(ci);
    if (r == nullptr) return std::nullopt;
    wait_for(*r, timeout);
    ++conns_[ci].dev_next;
    return r->bytes;
  }

  // Deliverable stream bytes from the device, without taking them.
  std::size_t stream_available(std::size_t ci) const {
    const auto& c = conns_[ci];
    std::size_t n = 0;
    for (std::size_t k = c.dev_next; k < c.dev.size(); ++k) {
      if (c.host_next < c.host.size() && c.dev[k] > c.host[c.host_next]) break;
      n += t_.records[c.dev[k]].bytes.size() - (k == c.dev_next ? c.dev_offset : 0);
    }
    return n;
  }

  std::vector<std::uint8_t> take_stream(std::size_t ci, std::size_t n, std::chrono::milliseconds timeout) {
    auto& c = conns_[ci];
    std::vector<std::uint8_t> out;
    while (out.size() < n) {
      const auto& r = t_.records[c.dev[c.dev_next]];
      if (c.dev_offset == 0) wait_for(r, timeout);
      const std::size_t k = std::min(n - out.size(), r.bytes.size() - c.dev_offset);
      out.insert(out.end(), r.bytes.begin() + static_cast<std::ptrdiff_t>(c.dev_offset),
                 r.bytes.begin() + static_cast<std::ptrdiff_t>(c.dev_offset + k));
      c.dev_offset += k;
      if (c.dev_offset == r.bytes.size()) {
        ++c.dev_next;
        c.dev_offset = 0;
      }
    }
    return out;
  }

  // Where the host stands in conn `ci`, for messages: "after line N".
  std::string position(std::size_t ci) const {
    const auto& c = conns_[ci];
    std::size_t line = 0;
    if (c.host_next > 0) line = t_.records[c.host[c.host_next - 1]].line;
    if (c.dev_next > 0) line = std::max(line, t_.records[c.dev[c.dev_next - 1]].line);
    return "conn " + std::to_string(c.id) + (line > 0 ? ", after line " + std::to_string(line) : "");
  }

  std::optional<std::vector<std::uint8_t>> take_challenge(std::uint16_t type) {
    std::size_t& cursor = challenge_cursor_[type];
    for (; cursor < t_.records.size(); ++cursor) {
      const auto& r = t_.records[cursor];
      if (r.dir == Direction::kHostToDevice && is_challenge_report(r.bytes) && r.bytes[4] == type) {
        ++cursor;
        return std::vector<std::uint8_t>(r.bytes.begin() + kChallengeBegin, r.bytes.begin() + kChallengeEnd);
      }
    }
    return std::nullopt;
  }

  ReplayProgress progress() const {
    ReplayProgress p;
    for (const auto& c : conns_) {
      if (!c.claimed) {
        p.unplayed_conns.push_back(c.id);
      } else {
        p.unplayed_host_records += c.host.size() - c.host_next;
      }
    }
    p.challenge_replaced = challenge_replaced_;
    return p;
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw Error(ErrorCode::kMalformed, "replay " + name_ + ": " + reason);
  }

 private:
  bool starts_conn(const Conn& c, Bytes first, bool stream) const {
    bool unused = false;
    if (!stream) return !difference(t_.records[c.host.front()].bytes, first, unused);
    std::size_t done = 0;
    for (std::size_t k = 0; k < c.host.size() && done < first.size(); ++k) {
      const auto& bytes = t_.records[c.host[k]].bytes;
      const std::size_t n = std::min(bytes.size(), first.size() - done);
      if (difference(Bytes(bytes).first(n), first.subspan(done, n), unused)) return false;
      done += n;
    }
    return done == first.size();
  }

  std::string mismatch(const TranscriptRecord& r, std::size_t at, Bytes sent) const {
    return "record at line " + std::to_string(r.line) + " (conn " + std::to_string(r.conn) + ", " +
           std::string(direction_name(r.dir)) + "): the host sent " + hex_around(sent, at) +
           " where the transcript has " + hex_around(r.bytes, at) + " (first difference at byte " + std::to_string(at) +
           ")";
  }

  void anchor(const TranscriptRecord& r) {
    last_t_ = r.t_ms;
    last_wall_ = Clock::now();
  }

  // With --replay-delays, the device answers no sooner than it did when recorded.
  void wait_for(const TranscriptRecord& r, std::chrono::milliseconds timeout) {
    if (g_delays.load() && last_t_) {
      const auto gap = std::chrono::microseconds(static_cast<std::int64_t>((r.t_ms - *last_t_) * 1000.0));
      const auto until = std::min(last_wall_ + gap, Clock::now() + timeout);
      std::this_thread::sleep_until(until);
    }
    anchor(r);
  }

  std::string name_;
  Transcript t_;
  std::vector<Conn> conns_;
  std::mutex mutex_;
  bool challenge_replaced_ = false;
  std::map<std::uint16_t, std::size_t> challenge_cursor_;
  std::optional<double> last_t_;
  Clock::time_point last_wall_{};
};

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, std::shared_ptr<Session>>& registry() {
  static std::map<std::string, std::shared_ptr<Session>> sessions;
  return sessions;
}

constexpr std::size_t kMaxTranscriptBytes = 16u * 1024 * 1024;

std::shared_ptr<Session> session_for(const DevicePath& path) {
  if (path.scheme != Scheme::kReplay) {
    throw Error(ErrorCode::kInvalidArgument, path.to_string() + ": not a replay: path");
  }
  std::lock_guard lock(registry_mutex());
  auto& slot = registry()[path.target];
  if (slot) return slot;
  std::ifstream in(path.target, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, path.to_string() + ": cannot open the transcript file");
  std::string text;
  char buffer[64 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxTranscriptBytes) {
      throw Error(ErrorCode::kMalformed,
                  path.to_string() + ": larger than " + std::to_string(kMaxTranscriptBytes) + " bytes");
    }
  }
  slot = std::make_shared<Session>(path.target, parse_transcript(text, path.to_string()));
  return slot;
}

[[noreturn]] void fail_timeout(const std::string& what, std::chrono::milliseconds waited) {
  if (g_delays.load()) std::this_thread::sleep_for(waited);
  throw Error(ErrorCode::kTimeout, what);
}

class ReplayLink final : public Link {
 public:
  explicit ReplayLink(std::shared_ptr<Session> s) : s_(std::move(s)), path_(s_->recorded_path()) {}
  std::string path() const override { return path_; }

  void write(std::span<const std::uint8_t> report) override {
    if (report.size() != kReportSize) {
      throw Error(ErrorCode::kInvalidArgument, path_ + ": report of " + std::to_string(report.size()) +
                                                   " bytes, expected " + std::to_string(kReportSize));
    }
    std::lock_guard lock(s_->mutex());
    // A client that keeps one link where the recorded one opened another (the family
    // probe's socket reused for the session) goes on in the next recorded connection.
    if (!conn_ || s_->host_done(*conn_)) conn_ = s_->bind(report, false);
    s_->host_report(*conn_, report);
  }

  std::size_t read(std::span<std::uint8_t> out, std::chrono::milliseconds timeout_ms) override {
    std::unique_lock lock(s_->mutex());
    std::optional<std::vector<std::uint8_t>> got;
    if (conn_) got = s_->take_report(*conn_, timeout_ms);
    if (!got) {
      const std::string where = conn_ ? s_->position(*conn_) : "before the host sent anything";
      lock.unlock();
      fail_timeout(path_ + ": no report within " + std::to_string(timeout_ms.count()) +
                       " ms (replay: the transcript has nothing more from the device here, " + where + ")",
                   timeout_ms);
    }
    const std::size_t n = std::min(out.size(), got->size());
    std::copy_n(got->begin(), n, out.begin());
    return n;
  }

 private:
  std::shared_ptr<Session> s_;
  std::string path_;
  std::optional<std::size_t> conn_;
};

class ReplayPipe final : public ApduStream {
 public:
  explicit ReplayPipe(std::shared_ptr<Session> s) : s_(std::move(s)), path_(s_->recorded_path()) {}
  std::string path() const override { return path_; }

  std::vector<std::uint8_t> exchange(std::span<const std::uint8_t> apdu,
                                     std::chrono::milliseconds timeout_ms) override {
    if (apdu.size() > 0xFFFF) throw Error(ErrorCode::kInvalidArgument, path_ + ": APDU too long");
    std::vector<std::uint8_t> request(4 + apdu.size());
    const auto size = static_cast<std::uint32_t>(apdu.size());
    for (int i = 0; i < 4; ++i) request[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(size >> (24 - 8 * i));
    std::copy(apdu.begin(), apdu.end(), request.begin() + 4);
    std::unique_lock lock(s_->mutex());
    if (!conn_) conn_ = s_->bind(request, true);
    s_->host_stream(*conn_, request);
    const std::size_t available = s_->stream_available(*conn_);
    if (available < 4) no_reply(lock, "reply length", available, 4, timeout_ms);
    const auto header = s_->take_stream(*conn_, 4, timeout_ms);
    const std::uint32_t length = (std::uint32_t{header[0]} << 24) | (std::uint32_t{header[1]} << 16) |
                                 (std::uint32_t{header[2]} << 8) | header[3];
    if (length > kMaxReply) {
      throw Error(ErrorCode::kMalformed, path_ + ": reply declares " + std::to_string(length) +
                                             " bytes, above the cap of " + std::to_string(kMaxReply));
    }
    const std::size_t want = std::size_t{length} + 2;
    const std::size_t rest = s_->stream_available(*conn_);
    if (rest < want) no_reply(lock, "reply", rest, want, timeout_ms);
    return s_->take_stream(*conn_, want, timeout_ms);
  }

 private:
  static constexpr std::size_t kMaxReply = 64 * 1024;

  [[noreturn]] void no_reply(std::unique_lock<std::mutex>& lock, const char* what, std::size_t got, std::size_t want,
                             std::chrono::milliseconds timeout_ms) {
    const std::string where = s_->position(*conn_);
    lock.unlock();
    fail_timeout(path_ + ": no complete " + what + " in time (" + std::to_string(got) + " of " + std::to_string(want) +
                     " bytes; replay: the transcript has no more from the device here, " + where + ")",
                 timeout_ms);
  }

  std::shared_ptr<Session> s_;
  std::string path_;
  std::optional<std::size_t> conn_;
};

}  // namespace

void set_replay_delays(bool honour) noexcept { g_delays.store(honour); }

const TranscriptHeader& replay_header(const DevicePath& path) { return session_for(path)->header(); }

Scheme replay_recorded_scheme(const DevicePath& path) {
  const auto& t = replay_header(path).transport;
  if (t == kTransportTcp) return Scheme::kTcp;
  if (t == kTransportHid) return Scheme::kHid;
  if (t == kTransportWebUsb) return Scheme::kWebUsb;
  return Scheme::kUdp;
}

bool replay_opens_with_ledger_frame(const DevicePath& path) {
  const auto s = session_for(path);
  const bool udp = s->header().transport == kTransportUdp;
  for (const auto& r : s->records()) {
    if (r.dir != Direction::kHostToDevice || (udp && is_probe(r.bytes))) continue;
    return r.bytes.size() >= 3 && r.bytes[0] == 0x01 && r.bytes[1] == 0x01 && r.bytes[2] == 0x05;
  }
  return false;
}

std::unique_ptr<Link> open_replay_link(const DevicePath& path) {
  auto s = session_for(path);
  if (s->header().transport == kTransportTcp) {
    throw Error(ErrorCode::kInvalidArgument, path.to_string() + ": a Speculos transcript carries APDUs, not reports");
  }
  return std::make_unique<ReplayLink>(std::move(s));
}

std::unique_ptr<ApduStream> open_replay_pipe(const DevicePath& path) {
  auto s = session_for(path);
  if (s->header().transport != kTransportTcp) {
    throw Error(ErrorCode::kInvalidArgument, path.to_string() + ": not a Speculos transcript");
  }
  return std::make_unique<ReplayPipe>(std::move(s));
}

std::optional<std::vector<std::uint8_t>> replay_take_challenge(const DevicePath& path, std::uint16_t message_type) {
  auto s = session_for(path);
  std::lock_guard lock(s->mutex());
  return s->take_challenge(message_type);
}

ReplayProgress replay_progress(const DevicePath& path) {
  auto s = session_for(path);
  std::lock_guard lock(s->mutex());
  return s->progress();
}

void reset_replays() noexcept {
  std::lock_guard lock(registry_mutex());
  registry().clear();
}

}  // namespace cc::transport
