#pragma once
// The little SQL surface both backends offer, so the store's schema, migrations and
// queries are written once. Parameters are numbered $1, $2, ... in every statement;
// the SQLite side rewrites them to ?1, ?2.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cc::store {

// A blob is kept apart from text: PostgreSQL sends it as bytea, SQLite as a BLOB.
struct Blob {
  std::string bytes;
};
using Value = std::variant<std::monostate, std::int64_t, std::string, Blob>;
using Row = std::vector<Value>;

std::int64_t as_int(const Value& v);  // NULL reads as 0
std::string as_text(const Value& v);  // NULL reads as ""; a blob gives its bytes

enum class Dialect { kSqlite, kPostgres };

class Statement {
 public:
  virtual ~Statement() = default;
  // Runs with `params`, calling `row` once per result row (rows are not kept).
  virtual void run(const std::vector<Value>& params, const std::function<void(const Row&)>& row) = 0;
  void run(const std::vector<Value>& params) {
    run(params, [](const Row&) {});
  }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const noexcept = 0;
  // One or more statements without parameters.
  virtual void exec(std::string_view sql) = 0;
  // Prepared once, run many times. `sql` uses $1.. placeholders.
  virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;
  // A write transaction that waits for other writers (busy timeout / row locks).
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

// Rolls back unless commit() was called: an exception leaves nothing half-written.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& c) : c_(c) { c_.begin_write(); }
  ~WriteTransaction() {
    if (!done_) c_.rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit() {
    c_.commit();
    done_ = true;
  }

 private:
  Connection& c_;
  bool done_ = false;
};

// Opens a SQLite file (created with its directory when missing) with WAL,
// synchronous=FULL, foreign keys on and a busy timeout.
std::unique_ptr<Connection> open_sqlite(const std::string& path);
// Connects with a libpq connection URI.
std::unique_ptr<Connection> open_postgres(const std::string& uri);

}  // namespace cc::store
