#pragma once
// The report store: sealed reports kept whole, with language-neutral columns to find and
// count them. One class over two backends (SQLite file, PostgreSQL server); the same
// schema, migrations and queries on both.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "coldcheck/report.pb.h"
#include "store/db.hpp"
#include "store/location.hpp"

namespace cc::store {

struct PutResult {
  std::int64_t id = 0;
  bool inserted = false;  // false: a report with this digest was already there
};

// Which reports: every field left empty matches all.
struct Filter {
  std::string model;       // catalog id
  std::string code;        // a finding code the report carries
  std::string verdict;     // "ok", "attention", "stop", "no-device"
  std::string since;       // created at or after (YYYY-MM-DD or RFC 3339)
  std::string before;      // created before
  std::int64_t limit = 0;  // 0: no limit
};

struct Summary {
  std::int64_t id = 0;
  std::string digest, created, week, model, firmware, verdict, catalog_date;
  std::vector<std::string> codes;
};

struct Count {
  std::string key;
  std::string sub;  // second key where there is one (firmware under a model, code under a model)
  std::int64_t n = 0;
};

struct Stats {
  std::int64_t reports = 0;
  std::int64_t devices = 0;  // distinct device pseudonyms
  std::vector<Count> by_model, by_firmware, by_verdict, by_code, by_week;
  std::vector<Count> top_findings_per_model;  // key model, sub code; at most 3 per model
  std::int64_t devices_outdated = 0;          // devices seen with CC-FW-OUTDATED
  std::int64_t devices_security_fix = 0;      // devices seen with CC-FW-SECURITY-FIX
};

class Store {
 public:
  // Opens (and migrates) the store. Errors name the location, without a password.
  static std::unique_ptr<Store> open(const Location& location);
  // Over an open connection, migrated to the latest schema.
  explicit Store(std::unique_ptr<Connection> connection);
  ~Store();

  // Keeps a sealed report; the same digest twice is stored once. Throws
  // Error{kVerificationFailed} when the report's digest does not match its body.
  PutResult put(const ::coldcheck::report::Report& sealed);
  // Several in one transaction (all or none): what import uses for speed.
  std::vector<PutResult> put_many(std::span<const ::coldcheck::report::Report> sealed);

  std::vector<Summary> list(const Filter& filter);
  // Calls `each` for every matching report, oldest first, with its sealed report.
  void for_each(const Filter& filter,
                const std::function<void(const Summary&, const ::coldcheck::report::Report&)>& each);
  std::optional<::coldcheck::report::Report> get(std::int64_t id);
  // Deletes reports created before `date` with their rows; returns how many.
  std::int64_t purge_before(const std::string& date);
  Stats stats();
  std::int64_t count();

  Connection& connection() { return *db_; }

 private:
  struct Prepared;
  PutResult put_one(const ::coldcheck::report::Report& sealed);
  std::unique_ptr<Connection> db_;
  std::unique_ptr<Prepared> prepared_;
};

}  // namespace cc::store
