#pragma once
// Randomness for the simulator: session ids and garbage bytes. Not for secrets: a
// simulated device protects nothing.
#include <cstdint>
#include <random>
#include <span>

namespace cc::sim {

class Random {
 public:
  Random();  // seeded from std::random_device
  void fill(std::span<std::uint8_t> out);
  // Uniform in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n);

 private:
  std::mt19937_64 engine_;
};

}  // namespace cc::sim
