#pragma once
// The store suite runs against both backends: a SQLite file in a temporary directory
// and a fresh database on the throwaway PostgreSQL server.
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "store/db.hpp"
#include "store/store.hpp"

namespace cc::store {

enum class Backend { kSqlite, kPostgres };

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  std::unique_ptr<Connection> connect();
  std::unique_ptr<Store> open_store() { return std::make_unique<Store>(connect()); }
  Location location() const;
  std::filesystem::path dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::string uri_;
};

std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

}  // namespace cc::store
