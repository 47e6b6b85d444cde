// The PostgreSQL backend of the SQL surface (libpq), built as its own loadable module
// (postgres_module.hpp). Parameters go as text, blobs as binary bytea; results come back
// as text and are typed from the column's type.
#include <libpq-fe.h>

#include <atomic>
#include <memory>
#include <type_traits>

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/postgres_module.hpp"

namespace cc::store {

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across releases.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23;

struct ResultFree {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultFree>;

[[noreturn]] void fail(PGconn* conn, const PGresult* result, const std::string& what) {
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state ? state : "";
  // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available: worth a retry.
  const ErrorCode code = sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" ? ErrorCode::kBusy
                         : PQstatus(conn) != CONNECTION_OK                                 ? ErrorCode::kDisconnected
                                                                                           : ErrorCode::kIo;
  throw Error(code, "postgresql: " + what + ": " + message);
}

void check(PGconn* conn, const Result& r, const std::string& what) {
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn, r.get(), what);
}

Value cell(const PGresult* r, int row, int col) {
  if (PQgetisnull(r, row, col)) return std::monostate{};
  const char* text = PQgetvalue(r, row, col);
  const auto length = static_cast<std::size_t>(PQgetlength(r, row, col));
  switch (PQftype(r, col)) {
    case kInt8:
    case kInt4:
    case kInt2: return std::int64_t{std::stoll(text)};
    case kBool: return std::int64_t{text[0] == 't' ? 1 : 0};
    case kBytea: {
      std::size_t n = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
      if (!raw) throw Error(ErrorCode::kMalformed, "postgresql: bad bytea value");
      Blob blob{std::string(reinterpret_cast<const char*>(raw), n)};
      PQfreemem(raw);
      return blob;
    }
    default: return std::string(text, length);
  }
}

class PgStatement final : public Statement {
 public:
  PgStatement(PGconn* conn, std::string_view sql) : conn_(conn) {
    static std::atomic<unsigned> counter{0};
    name_ = "cc_s" + std::to_string(counter++);
    const std::string text(sql);
    Result r(PQprepare(conn_, name_.c_str(), text.c_str(), 0, nullptr));
    check(conn_, r, "prepare");
  }

  void run(const std::vector<Value>& params, const std::function<void(const Row&)>& row) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (const auto* b = std::get_if<Blob>(&v)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;
        continue;
      }
      texts[i] = as_text(v);
      values[i] = texts[i].c_str();
    }
    Result r(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
                            formats.data(), 0));
    check(conn_, r, "query");
    const int rows = PQntuples(r.get());
    const int cols = PQnfields(r.get());
    Row current(static_cast<std::size_t>(cols));
    for (int i = 0; i < rows; ++i) {
      for (int c = 0; c < cols; ++c) current[static_cast<std::size_t>(c)] = cell(r.get(), i, c);
      row(current);
    }
  }

 private:
  PGconn* conn_;
  std::string name_;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& uri) : conn_(PQconnectdb(uri.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      throw Error(ErrorCode::kDisconnected, "postgresql: cannot connect: " + message);
    }
    // Notices (e.g. "relation already exists, skipping") are not for the person.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const noexcept override { return Dialect::kPostgres; }

  void exec(std::string_view sql) override {
    const std::string text(sql);
    Result r(PQexec(conn_, text.c_str()));
    check(conn_, r, "exec");
  }

  std::unique_ptr<Statement> prepare(std::string_view sql) override {
    return std::make_unique<PgStatement>(conn_, sql);
  }

  void begin_write() override { exec("BEGIN"); }
  void commit() override { exec("COMMIT"); }
  void rollback() noexcept override { PQclear(PQexec(conn_, "ROLLBACK")); }

 private:
  PGconn* conn_;
};

}  // namespace

}  // namespace cc::store

// The module's only exported symbol (the rest is hidden); see postgres_module.hpp.
extern "C" __attribute__((visibility("default"))) cc::store::Connection* coldcheck_store_open_postgres(
    const char* uri) {
  static_assert(std::is_same_v<decltype(&coldcheck_store_open_postgres), cc::store::OpenPostgresEntry>);
  return new cc::store::PgConnection(uri);
}
