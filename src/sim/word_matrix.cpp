// How this differs from legacy/firmware/recovery.c (trezor/trezor-firmware):
// - Same shape: four picks per word (word_index % 4), Matrix9 for the first three and
//   Matrix6 for the last; a fresh random permutation of the cells on every grid; cells
//   without a choice select choice 0; on the 2x3 grid the middle column selects the
//   same as the right one (twolayout {0,1,1,2,3,3,4,5,5}); a digit outside 1-9 makes
//   the device ask again; backspace (0x08) goes back one level or one word.
// - Different grouping: the firmware splits the list with precomputed tables
//   (recovery-table.h) into ranges labelled by letter prefixes ("AB-AC", "RE[A-M]");
//   here each level splits what is left into nine near-equal index ranges labelled
//   "first-last" with whole words. 2048 words -> ~228 -> ~26 -> ~3 -> one word.
// TODO(issue 5): port the real recovery tables if interop needs identical grids.
#include "sim/word_matrix.hpp"

#include <numeric>

namespace cc::sim {

WordMatrix::WordMatrix(std::span<const std::string_view> words) : words_(words) {}

void WordMatrix::restart(Random& random) {
  ranges_.assign(1, Range{0, words_.size()});
  layout(random);
}

std::string WordMatrix::label(const Range& r) const {
  if (r.hi - r.lo == 1) return std::string(words_[r.lo]);
  return std::string(words_[r.lo]) + "-" + std::string(words_[r.hi - 1]);
}

void WordMatrix::layout(Random& random) {
  const Range current = ranges_.back();
  const std::size_t n = current.hi - current.lo;
  choices_.clear();
  if (six_cells()) {
    // Single words; the three levels before leave at most three of 2048.
    for (std::size_t i = current.lo; i < current.hi && choices_.size() < 6; ++i) choices_.push_back({i, i + 1});
  } else {
    for (std::size_t i = 0; i < 9; ++i) {
      const Range r{current.lo + n * i / 9, current.lo + n * (i + 1) / 9};
      if (r.hi > r.lo) choices_.push_back(r);
    }
  }
  const std::size_t shown = six_cells() ? 6 : 9;
  std::array<std::uint8_t, kCells> perm{};
  std::iota(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(shown), std::uint8_t{0});
  for (std::size_t i = shown - 1; i > 0; --i) std::swap(perm[i], perm[random.below(i + 1)]);
  static constexpr std::array<std::uint8_t, kCells> kTwoColumns = {0, 1, 1, 2, 3, 3, 4, 5, 5};
  for (std::size_t position = 0; position < kCells; ++position) {
    const std::uint8_t cell = six_cells() ? perm[kTwoColumns[position]] : perm[position];
    if (cell < choices_.size()) {
      cell_choice_[position] = cell;
      labels_[position] = label(choices_[cell]);
    } else {
      cell_choice_[position] = 0;
      labels_[position] = "-";
    }
  }
}

std::optional<std::string_view> WordMatrix::pick(int position, Random& random) {
  const Range chosen = choices_.at(cell_choice_.at(static_cast<std::size_t>(position - 1)));
  if (six_cells()) {
    const std::string_view word = words_[chosen.lo];
    restart(random);
    return word;
  }
  ranges_.push_back(chosen);
  layout(random);
  return std::nullopt;
}

bool WordMatrix::back(Random& random) {
  if (ranges_.size() <= 1) return false;
  ranges_.pop_back();
  layout(random);
  return true;
}

}  // namespace cc::sim
