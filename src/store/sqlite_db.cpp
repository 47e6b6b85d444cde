// The SQLite backend of the SQL surface.
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/error.hpp"
#include "store/db.hpp"

namespace cc::store {

namespace {

// Writers wait this long for each other (two desks importing at once) before giving up.
constexpr int kBusyTimeoutMs = 30000;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  const ErrorCode ec = (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED      ? ErrorCode::kBusy
                       : (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB ? ErrorCode::kMalformed
                       : (code & 0xff) == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_PERM ? ErrorCode::kPermissionDenied
                                                                                          : ErrorCode::kIo;
  throw Error(ec, "sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// "$1" -> "?1": SQLite's numbered form of the same placeholder.
std::string sqlite_placeholders(std::string_view sql) {
  std::string out(sql);
  for (auto& c : out) {
    if (c == '$') c = '?';
  }
  return out;
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    const std::string text = sqlite_placeholders(sql);
    if (sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK) {
      fail(db_, "prepare");
    }
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void run(const std::vector<Value>& params, const std::function<void(const Row&)>& row) override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    for (std::size_t i = 0; i < params.size(); ++i) bind(static_cast<int>(i + 1), params[i]);
    Row current;
    for (;;) {
      const int rc = sqlite3_step(stmt_);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt_);
        fail(db_, "step");
      }
      const int n = sqlite3_column_count(stmt_);
      current.assign(static_cast<std::size_t>(n), Value{});
      for (int c = 0; c < n; ++c) current[static_cast<std::size_t>(c)] = column(c);
      row(current);
    }
    sqlite3_reset(stmt_);
  }

 private:
  void bind(int index, const Value& v) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(v)) {
      rc = sqlite3_bind_null(stmt_, index);
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt_, index, *i);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt_, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else {
      const auto& b = std::get<Blob>(v).bytes;
      rc = sqlite3_bind_blob64(stmt_, index, b.data(), b.size(), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) fail(db_, "bind");
  }

  Value column(int c) {
    switch (sqlite3_column_type(stmt_, c)) {
      case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(stmt_, c)};
      case SQLITE_NULL: return std::monostate{};
      case SQLITE_BLOB: {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, c));
        return Blob{std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)))};
      }
      default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
        return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)));
      }
    }
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string what = "open " + path;
      sqlite3* db = db_;
      db_ = nullptr;
      try {
        fail(db, what);
      } catch (...) {
        sqlite3_close(db);
        throw;
      }
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    try {
      exec("PRAGMA journal_mode=WAL");
      exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      // Imports insert into several indexes at random keys (digests, devices): a larger
      // page cache keeps them from re-reading the same pages.
      exec("PRAGMA cache_size=-65536");
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }
  ~SqliteConnection() override { sqlite3_close(db_); }

  Dialect dialect() const noexcept override { return Dialect::kSqlite; }

  void exec(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      sqlite3_free(message);
      fail(db_, "exec");
    }
  }

  std::unique_ptr<Statement> prepare(std::string_view sql) override {
    return std::make_unique<SqliteStatement>(db_, sql);
  }

  // BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy
  // timeout instead of failing halfway through a transaction.
  void begin_write() override {
    for (int attempt = 0;; ++attempt) {
      try {
        exec("BEGIN IMMEDIATE");
        return;
      } catch (const Error& e) {
        if (e.code() != ErrorCode::kBusy || attempt >= 5) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
      }
    }
  }
  void commit() override { exec("COMMIT"); }
  void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  const std::filesystem::path p(path);
  if (p.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec) throw Error(ErrorCode::kIo, p.parent_path().string() + ": cannot create: " + ec.message());
  }
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace cc::store
