// Signed catalog bundles: what is accepted, what is refused and why, and which catalog
// a normal run ends up with. Fixtures: firmware_fixtures/catalog-bundles/ (TEST key).
#include "catalog/bundle.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.hpp"

namespace cc::catalog {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Bytes = std::vector<std::uint8_t>;

// Public half of firmware_fixtures/catalog-bundles/test-signing-key.pem.
constexpr BundleKey kTestKey{"coldcheck TEST key", {0x55, 0xf4, 0xf9, 0x56, 0x61, 0xfe, 0x73, 0x7f, 0xbf, 0xa8, 0x9f,
                                                    0xe5, 0x94, 0x05, 0x5b, 0x0d, 0x25, 0x5e, 0x6d, 0x1b, 0xd0, 0xdf,
                                                    0x83, 0x7c, 0xb5, 0x38, 0xf4, 0xf7, 0x18, 0xd5, 0x59, 0x49}};
const std::vector<BundleKey> kTestKeys{kTestKey};

Bytes fixture(const std::string& name) {
  std::ifstream in(std::string(CC_SOURCE_DIR) + "/firmware_fixtures/catalog-bundles/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void expect_refused(const Bytes& bytes, std::span<const BundleKey> keys, ErrorCode code, const std::string& needle) {
  try {
    (void)verify_bundle(bytes, keys);
    ADD_FAILURE() << "accepted; expected a refusal mentioning '" << needle << "'";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_THAT(e.what(), HasSubstr("catalog bundle refused"));
    EXPECT_THAT(e.what(), HasSubstr(needle));
  }
}

class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() / ("cc_bundle_" + std::to_string(::getpid()) + "_" + std::to_string(n_++))) {
    fs::remove_all(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  static inline int n_ = 0;
  fs::path path_;
};

TEST(Bundle, TestSignedBundleVerifiesWithTheTestKey) {
  const Catalog c = verify_bundle(fixture("newer.bundle"), kTestKeys);
  EXPECT_EQ(c.info().version(), "9999.1.1");
  EXPECT_EQ(c.info().date(), "2099-01-01");
  ASSERT_EQ(c.models().size(), 1u);
  EXPECT_EQ(c.models()[0].id(), "trezor-one");
  EXPECT_EQ(c.origin(), "bundle signed by coldcheck TEST key");
}

TEST(Bundle, TestKeyIsNeverTrustedInANormalRun) {
  for (const auto& key : production_bundle_keys()) EXPECT_NE(key.public_key, kTestKey.public_key);
  expect_refused(fixture("newer.bundle"), production_bundle_keys(), ErrorCode::kVerificationFailed,
                 "does not verify with the key pinned in this build");
}

TEST(Bundle, UnsignedIsRefused) {
  expect_refused(fixture("unsigned.bundle"), kTestKeys, ErrorCode::kVerificationFailed, "it is not signed");
}

TEST(Bundle, TamperedIsRefused) {
  expect_refused(fixture("tampered.bundle"), kTestKeys, ErrorCode::kVerificationFailed, "tampered");
  // Any single changed byte of the signed part breaks it.
  Bytes good = fixture("newer.bundle");
  for (const std::size_t at : {std::size_t{5}, good.size() / 2, good.size() - 70}) {
    Bytes bad = good;
    bad[at] ^= 0x01;
    EXPECT_THROW((void)verify_bundle(bad, kTestKeys), Error) << at;
  }
}

TEST(Bundle, OtherSchemaIsRefusedEvenWhenSigned) {
  expect_refused(fixture("other-schema.bundle"), kTestKeys, ErrorCode::kInvalidArgument,
                 "catalog schema 2, this coldcheck reads schema 1");
}

TEST(Bundle, GarbageIsRefused) {
  expect_refused({}, kTestKeys, ErrorCode::kInvalidArgument, "not a coldcheck catalog bundle");
  expect_refused({0xff, 0xff, 0xff, 0xff}, kTestKeys, ErrorCode::kInvalidArgument, "not a coldcheck catalog bundle");
  expect_refused(Bytes(kMaxBundleSize + 1, 0), kTestKeys, ErrorCode::kInvalidArgument, "4 MiB");
}

TEST(Bundle, InstallsOnlyWhatIsNewer) {
  const TempDir dir;
  const auto out = install_bundle(fixture("newer.bundle"), Catalog::builtin(), kTestKeys, dir.path());
  EXPECT_EQ(out.installed.version(), "9999.1.1");
  EXPECT_EQ(out.previous.version(), Catalog::builtin().info().version());
  EXPECT_EQ(out.path, dir.path() / "catalog.bundle");
  EXPECT_EQ(fs::file_size(out.path), fixture("newer.bundle").size());

  std::string note;
  const Catalog active = load_active_catalog(Catalog::builtin(), kTestKeys, dir.path(), &note);
  EXPECT_EQ(active.info().version(), "9999.1.1");
  EXPECT_THAT(active.origin(), HasSubstr("catalog.bundle"));
  EXPECT_EQ(note, "");

  // Older than what is now in use, and the same version again: refused, file untouched.
  for (const auto* name : {"older.bundle", "newer.bundle"}) {
    try {
      (void)install_bundle(fixture(name), active, kTestKeys, dir.path());
      ADD_FAILURE() << name << " installed";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_THAT(e.what(), HasSubstr("is not newer than the catalog in use, 9999.1.1 (dated 2099-01-01)")) << name;
    }
  }
  EXPECT_EQ(fs::file_size(out.path), fixture("newer.bundle").size());
}

TEST(Bundle, OlderThanBuiltinIsRefused) {
  const TempDir dir;
  EXPECT_THROW((void)install_bundle(fixture("older.bundle"), Catalog::builtin(), kTestKeys, dir.path()), Error);
  EXPECT_FALSE(fs::exists(dir.path() / "catalog.bundle"));
}

TEST(Bundle, ABadInstalledBundleFallsBackToBuiltin) {
  const TempDir dir;
  fs::create_directories(dir.path());
  const auto tampered = fixture("tampered.bundle");
  std::ofstream(dir.path() / "catalog.bundle", std::ios::binary)
      .write(reinterpret_cast<const char*>(tampered.data()), static_cast<std::streamsize>(tampered.size()));
  std::string note;
  const Catalog active = load_active_catalog(Catalog::builtin(), kTestKeys, dir.path(), &note);
  EXPECT_EQ(active.origin(), "built-in");
  EXPECT_THAT(note, HasSubstr("does not verify"));
  // Nothing installed at all: the built-in catalog, no note.
  const TempDir empty;
  note.clear();
  EXPECT_EQ(load_active_catalog(Catalog::builtin(), kTestKeys, empty.path(), &note).origin(), "built-in");
  EXPECT_EQ(note, "");
}

TEST(Bundle, DataDirectoryFollowsXdg) {
  const char* old_xdg = std::getenv("XDG_DATA_HOME");
  const std::string saved = old_xdg ? old_xdg : "";
  const char* old_home = std::getenv("HOME");
  const std::string saved_home = old_home ? old_home : "";
  ::setenv("XDG_DATA_HOME", "/tmp/cc-xdg", 1);
  EXPECT_EQ(default_bundle_dir(), fs::path("/tmp/cc-xdg/coldcheck/catalog"));
  ::setenv("XDG_DATA_HOME", "relative", 1);  // not absolute: ignored, as the spec says
  ::setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(default_bundle_dir(), fs::path("/home/someone/.local/share/coldcheck/catalog"));
  if (old_xdg) {
    ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
  } else {
    ::unsetenv("XDG_DATA_HOME");
  }
  if (old_home) {
    ::setenv("HOME", saved_home.c_str(), 1);
  } else {
    ::unsetenv("HOME");
  }
}

TEST(CatalogInfo, BuiltinCatalogKnowsItsVersionAndDate) {
  const auto& info = Catalog::builtin().info();
  EXPECT_TRUE(compare_catalog_versions(info.version(), info.version()).has_value()) << info.version();
  EXPECT_EQ(info.date().size(), 10u);
  EXPECT_EQ(info.schema(), kSchema);
  EXPECT_EQ(Catalog::builtin().origin(), "built-in");
  EXPECT_EQ(Catalog::builtin().find("catalog"), nullptr);  // the info file is not a model
}

TEST(CatalogInfo, VersionsCompareNumberByNumber) {
  EXPECT_EQ(compare_catalog_versions("2026.12.1", "2026.12.1"), 0);
  EXPECT_EQ(compare_catalog_versions("2026.12.10", "2026.12.9"), 1);
  EXPECT_EQ(compare_catalog_versions("2026.12", "2026.12.0"), 0);
  EXPECT_EQ(compare_catalog_versions("2025.99.99", "2026.1"), -1);
  EXPECT_EQ(compare_catalog_versions("", "1"), std::nullopt);
  EXPECT_EQ(compare_catalog_versions("1.x", "1"), std::nullopt);
  EXPECT_EQ(compare_catalog_versions("1..2", "1"), std::nullopt);
}

TEST(CatalogInfo, BadInfoFileIsNamed) {
  const auto model = NamedText{"devices/m.textproto",
                               "id: \"m\" vendor: \"V\" name: \"M\" protocol: PROTOCOL_LEDGER_APDU "
                               "capabilities: CAPABILITY_IDENTIFY_ONLY\n"};
  const auto error_of = [&](const std::string& info) {
    try {
      (void)Catalog::from_texts({model, {"devices/catalog.textproto", info}});
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_THAT(error_of("version: \"1\" date: \"2026-02-30\" schema: 1"), HasSubstr("is not YYYY-MM-DD"));
  EXPECT_THAT(error_of("version: \"v1\" date: \"2026-02-28\" schema: 1"), HasSubstr("not dotted numbers"));
  EXPECT_THAT(error_of("version: \"1\" date: \"2026-02-28\" schema: 7"), HasSubstr("schema 7 is not"));
  EXPECT_THAT(error_of("version: \"1\" datum: \"x\""), HasSubstr("devices/catalog.textproto:1:"));
  EXPECT_EQ(error_of("version: \"1\" date: \"2024-02-29\" schema: 1"), "accepted");
}

}  // namespace
}  // namespace cc::catalog
