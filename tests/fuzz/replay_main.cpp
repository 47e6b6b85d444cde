// Without libFuzzer (the ordinary gcc build): runs a fuzz target once over each file
// given, or each file in each directory given, so every committed seed is exercised
// by ctest and the target's code is compiled with the project's warnings.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg = argv[i];
    if (std::filesystem::is_directory(arg)) {
      for (const auto& e : std::filesystem::directory_iterator(arg)) {
        if (e.is_regular_file()) {
          run_file(e.path());
          ++runs;
        }
      }
    } else {
      run_file(arg);
      ++runs;
    }
  }
  LLVMFuzzerTestOneInput(nullptr, 0);  // the empty input, always
  std::cout << "replayed " << runs << " input(s)\n";
  return runs > 0 ? 0 : 1;  // a target without seeds is a mistake
}
