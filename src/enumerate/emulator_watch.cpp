// watch_emulators(): emulators have no hotplug, so this is a liveness probe on a timer,
// documented as such; the USB side never polls.
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "enumerate/bus.hpp"
#include "transport/speculos_client.hpp"
#include "transport/udp_link.hpp"

namespace cc::enumerate {
namespace {

bool answers(const transport::DevicePath& path, std::chrono::milliseconds timeout) {
  try {
    if (path.scheme == transport::Scheme::kUdp) return transport::probe_udp(path, timeout);
    if (path.scheme == transport::Scheme::kTcp) return transport::probe_tcp(path, timeout);
  } catch (const Error&) {
  }
  return false;
}

class EmulatorWatch final : public Watch {
 public:
  EmulatorWatch(std::vector<transport::DevicePath> endpoints, std::function<void(const BusEvent&)> on_event,
                EmulatorProbeOptions options)
      : endpoints_(std::move(endpoints)), on_event_(std::move(on_event)), options_(options) {
    for (const auto& e : endpoints_) {
      if (e.scheme != transport::Scheme::kUdp && e.scheme != transport::Scheme::kTcp) {
        throw Error(ErrorCode::kInvalidArgument, e.to_string() + ": only udp: and tcp: emulators can be watched");
      }
    }
    thread_ = std::thread([this] { run(); });
  }
  ~EmulatorWatch() override {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    std::vector<bool> up(endpoints_.size(), false);
    std::vector<int> missed(endpoints_.size(), 0);
    while (true) {
      std::vector<std::future<bool>> probes;
      probes.reserve(endpoints_.size());
      for (const auto& e : endpoints_) probes.push_back(std::async(std::launch::async, answers, e, options_.timeout));
      for (std::size_t i = 0; i < endpoints_.size(); ++i) {
        const bool alive = probes[i].get();
        missed[i] = alive ? 0 : missed[i] + 1;
        if (alive == up[i] || (!alive && missed[i] < options_.misses)) continue;
        up[i] = alive;
        BusEvent event;
        event.kind = alive ? BusEvent::Kind::kArrived : BusEvent::Kind::kLeft;
        event.node.path = endpoints_[i].to_string();
        event.node.state = alive ? ::coldcheck::ACCESS_READY : ::coldcheck::ACCESS_UNREACHABLE;
        event.node.detail = "emulator, watched by a liveness probe";
        event.port = event.node.path;
        try {
          on_event_(event);
        } catch (...) {
        }
      }
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, options_.interval, [this] { return stopping_; })) return;
    }
  }

  std::vector<transport::DevicePath> endpoints_;
  std::function<void(const BusEvent&)> on_event_;
  EmulatorProbeOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

std::unique_ptr<Watch> watch_emulators(const std::vector<transport::DevicePath>& endpoints,
                                       std::function<void(const BusEvent&)> on_event, EmulatorProbeOptions options) {
  return std::make_unique<EmulatorWatch>(endpoints, std::move(on_event), options);
}

}  // namespace cc::enumerate
