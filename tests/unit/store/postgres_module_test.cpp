// The PostgreSQL backend is a module loaded on first use: a program that only ever uses
// SQLite never maps libpq, and one whose module is missing says where it looked.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/store.hpp"
#include "support/subprocess.hpp"

namespace cc::store {
namespace {

namespace fs = std::filesystem;

bool mapped(const std::string& name) {
  std::ifstream maps("/proc/self/maps");
  std::stringstream all;
  all << maps.rdbuf();
  return all.str().find(name) != std::string::npos;
}

fs::path fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("cc-pgmod-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// One test, in order: the "not mapped before" half is only true before the first open.
TEST(PostgresModule, LibpqIsMappedOnlyOnceAPostgresqlLocationIsOpened) {
  const auto dir = fresh_dir("lazy");
  ASSERT_FALSE(mapped("libpq.so")) << "libpq is linked into the store again";
  { Store sqlite(open_sqlite((dir / "r.db").string())); }
  EXPECT_FALSE(mapped("libpq.so"));
  EXPECT_FALSE(mapped("coldcheck-store-postgres.so"));
  // Port 1 refuses: the module is loaded, connects, fails, and its error reaches us as ours.
  try {
    Store::open(parse_location("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"));
    ADD_FAILURE() << "a refused connection opened a store";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDisconnected) << e.what();
    EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(mapped("coldcheck-store-postgres.so"));
  EXPECT_TRUE(mapped("libpq.so"));
  fs::remove_all(dir);
}

// An installed layout under any prefix: <prefix>/bin/coldcheck finds the module in
// <prefix>/<libdir>/coldcheck/, and without it names the path it looked at.
TEST(PostgresModule, AnInstalledProgramFindsItsModuleBesideItOrSaysWhereItLooked) {
  const auto prefix = fresh_dir("prefix");
  fs::create_directories(prefix / "bin");
  fs::copy_file(test_support::coldcheck_binary(), prefix / "bin" / "coldcheck");
  const std::vector<std::string> stats = {(prefix / "bin" / "coldcheck").string(), "reports", "stats", "--store",
                                          "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"};
  const fs::path module_dir = prefix / CC_STORE_MODULE_LIBDIR / "coldcheck";
  const auto missing = test_support::run(stats);
  EXPECT_NE(missing.exit_code, 0);
  const std::string said = missing.out + missing.err;
  EXPECT_NE(said.find("PostgreSQL support is not installed"), std::string::npos) << said;
  EXPECT_NE(said.find((module_dir / "coldcheck-store-postgres.so").string()), std::string::npos) << said;

  fs::create_directories(module_dir);
  fs::copy_file(CC_STORE_MODULE_BUILD_PATH, module_dir / "coldcheck-store-postgres.so");
  const auto found = test_support::run(stats);
  EXPECT_NE(found.exit_code, 0);
  const std::string said_now = found.out + found.err;
  EXPECT_EQ(said_now.find("not installed"), std::string::npos) << said_now;
  EXPECT_NE(said_now.find("cannot connect"), std::string::npos) << said_now;
  fs::remove_all(prefix);
}

}  // namespace
}  // namespace cc::store
