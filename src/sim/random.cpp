#include "sim/random.hpp"

namespace cc::sim {

Random::Random() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device()};
  engine_.seed(seed);
}

void Random::fill(std::span<std::uint8_t> out) {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i % 8 == 0) word = engine_();
    out[i] = static_cast<std::uint8_t>(word >> (8 * (i % 8)));
  }
}

std::uint64_t Random::below(std::uint64_t n) { return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(engine_); }

}  // namespace cc::sim
