#pragma once
// A person's hands on a simulated device, for end-to-end tests: a thread that watches
// the device's screen through its debug link and types or presses as the screen asks.
// Words go only from here to the simulated device, never to the host tool.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cc::sim {
class DebugClient;
}

namespace cc::test_support {

struct HandsScript {
  std::string word_count = "12";          // typed at "How many words"
  std::vector<std::string> words;         // typed one per "Type word N"
  std::optional<std::size_t> stop_after;  // type only this many words, then wait
  std::string press_no_on;                // press No once on a screen starting with this
};

class DeviceHands {
 public:
  DeviceHands(const std::string& debug_path, HandsScript script);
  ~DeviceHands();
  DeviceHands(const DeviceHands&) = delete;
  DeviceHands& operator=(const DeviceHands&) = delete;

  std::size_t words_typed() const noexcept { return typed_.load(); }

 private:
  void run();

  std::unique_ptr<sim::DebugClient> device_;
  HandsScript script_;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> typed_{0};
  std::thread thread_;
};

// What a person reads off the device's screen, for the host tool's prompts. Each call
// opens its own debug-link socket; the DebugClient overloads reuse one (tight loops).
// The PIN's digit positions on the current grid (keypad numbering).
std::string pin_positions(const std::string& debug_path, const std::string& pin);
// Trezor One word grid: the position of the cell holding `word`, or 0.
int word_cell(const std::string& debug_path, const std::string& word);
// The device's current screen text.
std::string device_screen(const std::string& debug_path);
int word_cell(sim::DebugClient& device, const std::string& word);

}  // namespace cc::test_support
