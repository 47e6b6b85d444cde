#include "support/device_hands.hpp"

#include <chrono>

#include "core/error.hpp"
#include "sim/debug_client.hpp"

namespace cc::test_support {

DeviceHands::DeviceHands(const std::string& debug_path, HandsScript script)
    : device_(std::make_unique<sim::DebugClient>(debug_path)), script_(std::move(script)) {
  thread_ = std::thread([this] { run(); });
}

DeviceHands::~DeviceHands() {
  stop_.store(true);
  thread_.join();
}

void DeviceHands::run() {
  bool pressed_no = false;
  while (!stop_.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string screen;
    try {
      screen = device_->screen();
    } catch (const Error&) {
      continue;  // the simulator is gone (unplug tests) or busy
    }
    if (!script_.press_no_on.empty() && screen.rfind(script_.press_no_on, 0) == 0) {
      if (!pressed_no) device_->press(false);
      pressed_no = true;
    } else if (screen.rfind("How many words", 0) == 0) {
      device_->type(script_.word_count);
    } else if (screen.rfind("Type word ", 0) == 0) {
      const std::size_t n = std::stoul(screen.substr(10));
      if (n != typed_.load() + 1 || n > script_.words.size()) continue;
      if (script_.stop_after && typed_.load() >= *script_.stop_after) continue;
      device_->type(script_.words[n - 1]);
      typed_.store(n);
    }
  }
}

std::string pin_positions(const std::string& debug_path, const std::string& pin) {
  sim::DebugClient device(debug_path);
  const std::string matrix = device.state().matrix();
  std::string out;
  for (char c : pin) out += static_cast<char>('1' + matrix.find(c));
  return out;
}

int word_cell(const std::string& debug_path, const std::string& word) {
  sim::DebugClient device(debug_path);
  return word_cell(device, word);
}

int word_cell(sim::DebugClient& device, const std::string& word) {
  const auto state = device.state();
  // Left and right columns first: on the 2x3 word grid the middle column repeats the
  // right one, and some clients (trezorctl) accept only 1 4 7 / 3 6 9 there.
  for (int k : {0, 2, 3, 5, 6, 8, 1, 4, 7}) {
    if (k >= state.tokens_size()) continue;
    const std::string& cell = state.tokens(k);
    if (cell == "-") continue;
    const auto dash = cell.find('-');
    const std::string first = dash == std::string::npos ? cell : cell.substr(0, dash);
    const std::string last = dash == std::string::npos ? cell : cell.substr(dash + 1);
    if (first <= word && word <= last) return k + 1;
  }
  return 0;
}

std::string device_screen(const std::string& debug_path) { return sim::DebugClient(debug_path).screen(); }

}  // namespace cc::test_support
