#pragma once
// Trezor One "Matrix" word entry, simplified (see word_matrix.cpp for how it differs
// from legacy/firmware/recovery.c): each word is chosen in four grid picks, three on a
// scrambled 3x3 grid of word ranges (WordRequest Matrix9) and a last one on a
// scrambled 2x3 grid of single words (Matrix6). The host only ever sends a grid
// position 1-9; the labels exist only "on the device screen" (the debug link).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/random.hpp"

namespace cc::sim {

class WordMatrix {
 public:
  static constexpr int kLevels = 4;
  static constexpr std::size_t kCells = 9;

  // `words`: a sorted word list (BIP39 English); must outlive this object.
  explicit WordMatrix(std::span<const std::string_view> words);

  // Back to the first level for a new word, and a new scrambled grid.
  void restart(Random& random);
  int level() const noexcept { return static_cast<int>(ranges_.size()) - 1; }
  bool six_cells() const noexcept { return level() == kLevels - 1; }  // Matrix6
  // What grid position k+1 selects, as shown on the screen ("-" for an empty cell).
  const std::array<std::string, kCells>& cells() const noexcept { return labels_; }

  // A grid position 1..9. Returns the chosen word at the last level (and restarts),
  // nullopt after narrowing to the next level (with a new scrambled grid).
  std::optional<std::string_view> pick(int position, Random& random);
  // Backspace within a word: back one level. False at the first level.
  bool back(Random& random);

 private:
  struct Range {
    std::size_t lo = 0;
    std::size_t hi = 0;  // exclusive
  };
  void layout(Random& random);
  std::string label(const Range& r) const;

  std::span<const std::string_view> words_;
  std::vector<Range> ranges_;   // ranges_[level]: what is left to choose from
  std::vector<Range> choices_;  // the current level's choices
  std::array<std::uint8_t, kCells> cell_choice_{};
  std::array<std::string, kCells> labels_;
};

}  // namespace cc::sim
