#include "fake_tree.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace cc::host::test {

namespace fs = std::filesystem;

FakeTree::FakeTree() {
  std::string pattern = (fs::temp_directory_path() / "cc-host-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = buf.data();
  // Traversable by the unprivileged child some tests fork (mkdtemp makes it 0700).
  ::chmod(dir_.c_str(), 0755);
}

FakeTree::~FakeTree() {
  std::error_code ec;
  // Restore permissions a test removed, so that the tree can be deleted.
  for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::end(it); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) ::chmod(it->path().c_str(), 0755);
  }
  fs::remove_all(dir_, ec);
}

void FakeTree::write(std::string_view absolute, std::string_view text) const {
  const fs::path path = at(absolute);
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void FakeTree::symlink(std::string_view absolute, const std::string& target) const {
  const fs::path path = at(absolute);
  fs::create_directories(path.parent_path());
  fs::create_symlink(target, path);
}

void FakeTree::mkdir(std::string_view absolute) const { fs::create_directories(at(absolute)); }

void FakeTree::chmod(std::string_view absolute, mode_t mode) const {
  if (::chmod(at(absolute).c_str(), mode) != 0) throw std::runtime_error("chmod failed");
}

}  // namespace cc::host::test
