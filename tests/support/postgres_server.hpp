#pragma once
// A throwaway PostgreSQL server for tests: initdb in a temporary directory as an
// unprivileged user (the `postgres` system user when the tests run as root), listening
// only on a Unix socket in that directory, stopped and removed on destruction.
#include <memory>
#include <string>

namespace cc::test_support {

class PostgresServer {
 public:
  // The server for this test process, started on first use; nullptr when the server
  // binaries are not installed (then unavailable_reason() says why). Throws when they
  // are installed but the server does not start: that is a failure, not a skip.
  static PostgresServer* shared();
  static std::string unavailable_reason();

  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // A new empty database; returns its connection URI.
  std::string create_database();
  std::string uri(const std::string& database) const;

 private:
  PostgresServer(std::string bin_dir, std::string dir);
  std::string run_as_owner(const std::string& command) const;
  std::string bin_;
  std::string dir_;
  bool as_root_ = false;
  int databases_ = 0;
};

}  // namespace cc::test_support
