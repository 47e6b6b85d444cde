#include "report/install_key.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "core/error.hpp"
#include "sample_body.hpp"

namespace cc::report {
namespace {

namespace fs = std::filesystem;

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

void write_file(const fs::path& p, const std::string& bytes, mode_t mode) {
  std::ofstream(p, std::ios::binary) << bytes;
  ASSERT_EQ(::chmod(p.c_str(), mode), 0);
}

TEST(InstallKey, CreatesA32ByteKeyWithMode0600InA0700DirectoryWhateverTheUmask) {
  test::TempDir dir;
  const fs::path path = dir.path() / "config" / "coldcheck" / "install.key";
  const mode_t old_umask = ::umask(0);  // the most permissive umask must not leak into the modes
  const auto key = load_or_create_install_key(path);
  ::umask(old_umask);
  EXPECT_EQ(key.size(), kInstallKeySize);
  EXPECT_EQ(mode_of(path), 0600u);
  EXPECT_EQ(mode_of(path.parent_path()), 0700u);
  EXPECT_EQ(mode_of(path.parent_path().parent_path()), 0700u);
  EXPECT_EQ(fs::file_size(path), kInstallKeySize);
  // Nothing else (no temp file) is left next to it.
  EXPECT_EQ(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()), 1);
}

TEST(InstallKey, SecondLoadReturnsTheSameKey) {
  test::TempDir dir;
  const fs::path path = dir.path() / "install.key";
  const auto first = load_or_create_install_key(path);
  const auto second = load_or_create_install_key(path);
  EXPECT_EQ(first, second);
}

TEST(InstallKey, TwoInstallsGetDifferentKeys) {
  test::TempDir dir;
  EXPECT_NE(load_or_create_install_key(dir.path() / "a.key"), load_or_create_install_key(dir.path() / "b.key"));
}

TEST(InstallKey, RefusesAGroupOrWorldReadableKey) {
  test::TempDir dir;
  const fs::path path = dir.path() / "install.key";
  for (mode_t mode : {0644u, 0640u, 0604u, 0660u}) {
    write_file(path, std::string(32, 'k'), mode);
    try {
      load_or_create_install_key(path);
      ADD_FAILURE() << "mode " << std::oct << mode << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kPermissionDenied);
      EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
    }
  }
}

TEST(InstallKey, RefusesAKeyOfTheWrongSize) {
  test::TempDir dir;
  const fs::path path = dir.path() / "install.key";
  for (std::size_t size : {0u, 16u, 31u, 33u, 64u}) {
    write_file(path, std::string(size, 'k'), 0600);
    try {
      load_or_create_install_key(path);
      ADD_FAILURE() << size << " bytes were accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find("expected 32"), std::string::npos) << e.what();
    }
  }
}

TEST(InstallKey, RefusesASymbolicLink) {
  test::TempDir dir;
  write_file(dir.path() / "real.key", std::string(32, 'k'), 0600);
  fs::create_symlink(dir.path() / "real.key", dir.path() / "install.key");
  EXPECT_THROW(load_or_create_install_key(dir.path() / "install.key"), Error);
}

TEST(InstallKey, AcceptsAnExisting0600Key) {
  test::TempDir dir;
  const fs::path path = dir.path() / "install.key";
  write_file(path, std::string(32, '\x07'), 0600);
  EXPECT_EQ(load_or_create_install_key(path), std::vector<std::uint8_t>(32, 7));
}

TEST(InstallKey, KeyIdIsEightHexDigitsOfSha256) {
  const std::vector<std::uint8_t> zeros(32, 0);
  // SHA-256 of 32 zero bytes is 66687aadf862bd77...
  EXPECT_EQ(key_id(zeros), "66687aad");
}

TEST(InstallKey, DefaultPathFollowsXdgConfigHome) {
  const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old_xdg != nullptr ? old_xdg : "";
  ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  EXPECT_EQ(default_key_path(), fs::path("/tmp/xdg-test/coldcheck/install.key"));
  ::unsetenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') {
    EXPECT_EQ(default_key_path(), fs::path(home) / ".config/coldcheck/install.key");
  }
  if (old_xdg != nullptr) ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
}

}  // namespace
}  // namespace cc::report
