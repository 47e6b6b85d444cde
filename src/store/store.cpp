#include "store/store.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/error.hpp"
#include "report/seal.hpp"
#include "store/columns.hpp"
#include "store/schema.hpp"
#include "store/sealed_bytes.hpp"

namespace cc::store {

namespace rp = ::coldcheck::report;

struct Store::Prepared {
  std::unique_ptr<Statement> insert_report, find_digest, insert_finding, insert_check, codes_of, add_tally, add_device;
};

namespace {

// What a batch adds to the stats summaries, summed first so each hot row is written
// once per batch; std::map keeps the rows in one order, so concurrent writers lock
// them in the same order and cannot deadlock.
class Summaries {
 public:
  void add(const Columns& c) {
    ++tallies_[{"model", c.model, ""}];
    ++tallies_[{"firmware", c.model, c.firmware}];
    ++tallies_[{"verdict", c.verdict, ""}];
    ++tallies_[{"week", c.week, ""}];
    bool outdated = false, security_fix = false;
    for (const auto& code : c.codes) {
      ++tallies_[{"code", code, ""}];
      ++tallies_[{"model_code", c.model, code}];
      outdated |= code == "CC-FW-OUTDATED";
      security_fix |= code == "CC-FW-SECURITY-FIX";
    }
    if (c.device.empty()) return;
    auto& flags = devices_[c.device];
    flags.first |= outdated;
    flags.second |= security_fix;
  }
  void write(Statement& add_tally, Statement& add_device) const {
    for (const auto& [key, n] : tallies_) {
      const auto& [dimension, name, sub] = key;
      add_tally.run({dimension, name, sub, n});
    }
    for (const auto& [device, flags] : devices_) {
      add_device.run({device, std::int64_t{flags.first ? 1 : 0}, std::int64_t{flags.second ? 1 : 0}});
    }
  }

 private:
  std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> tallies_;
  std::map<std::string, std::pair<bool, bool>> devices_;
};

// The WHERE clause for a filter, with its parameters in order.
std::string where_clause(const Filter& f, std::vector<Value>& params) {
  std::vector<std::string> terms;
  auto param = [&](std::string value) {
    params.emplace_back(std::move(value));
    return "$" + std::to_string(params.size());
  };
  if (!f.model.empty()) terms.push_back("r.model = " + param(f.model));
  if (!f.verdict.empty()) terms.push_back("r.verdict = " + param(f.verdict));
  if (!f.since.empty()) terms.push_back("r.created >= " + param(f.since));
  if (!f.before.empty()) terms.push_back("r.created < " + param(f.before));
  if (!f.code.empty()) {
    terms.push_back("EXISTS (SELECT 1 FROM findings f WHERE f.report_id = r.id AND f.code = " + param(f.code) + ")");
  }
  std::string sql;
  for (const auto& t : terms) sql += (sql.empty() ? " WHERE " : " AND ") + t;
  return sql;
}

constexpr std::string_view kSummaryColumns =
    "SELECT r.id, r.digest, r.created, r.week, r.model, r.firmware, r.verdict, r.catalog_date";

Summary summary_of(const Row& row) {
  Summary s;
  s.id = as_int(row[0]);
  s.digest = as_text(row[1]);
  s.created = as_text(row[2]);
  s.week = as_text(row[3]);
  s.model = as_text(row[4]);
  s.firmware = as_text(row[5]);
  s.verdict = as_text(row[6]);
  s.catalog_date = as_text(row[7]);
  return s;
}

std::vector<Count> counts(Connection& c, std::string_view sql, bool two_keys) {
  std::vector<Count> out;
  c.prepare(sql)->run({}, [&](const Row& row) {
    Count n;
    n.key = as_text(row[0]);
    if (two_keys) n.sub = as_text(row[1]);
    n.n = as_int(row[two_keys ? 2 : 1]);
    out.push_back(std::move(n));
  });
  return out;
}

std::int64_t single(Connection& c, std::string_view sql, const std::vector<Value>& params = {}) {
  std::int64_t n = 0;
  c.prepare(sql)->run(params, [&](const Row& row) { n = as_int(row[0]); });
  return n;
}

}  // namespace

std::unique_ptr<Store> Store::open(const Location& location) {
  try {
    auto connection =
        location.kind == Location::Kind::kPostgres ? open_postgres(location.target) : open_sqlite(location.target);
    return std::make_unique<Store>(std::move(connection));
  } catch (const Error& e) {
    throw e.with_context("store " + display_location(location));
  }
}

Store::Store(std::unique_ptr<Connection> connection) : db_(std::move(connection)) {
  migrate(*db_);
  prepared_ = std::make_unique<Prepared>();
  prepared_->insert_report = db_->prepare(
      "INSERT INTO reports (digest, created, model, firmware, verdict, device, sealed, catalog_date, week) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (digest) DO NOTHING RETURNING id");
  prepared_->find_digest = db_->prepare("SELECT id FROM reports WHERE digest = $1");
  prepared_->insert_finding = db_->prepare("INSERT INTO findings (report_id, position, code) VALUES ($1, $2, $3)");
  prepared_->insert_check =
      db_->prepare("INSERT INTO checks (report_id, position, check_id, status) VALUES ($1, $2, $3, $4)");
  prepared_->codes_of = db_->prepare("SELECT code FROM findings WHERE report_id = $1 ORDER BY position");
  prepared_->add_tally = db_->prepare(
      "INSERT INTO tallies (dimension, name, sub, n) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (dimension, name, sub) DO UPDATE SET n = tallies.n + excluded.n");
  prepared_->add_device = db_->prepare(dialect_sql(
      *db_,
      "INSERT INTO devices (device, outdated, security_fix) VALUES ($1, $2, $3) ON CONFLICT (device) DO UPDATE "
      "SET outdated = {MAX2}(devices.outdated, excluded.outdated), "
      "security_fix = {MAX2}(devices.security_fix, excluded.security_fix)"));
}

Store::~Store() = default;

PutResult Store::put_one(const rp::Report& sealed) {
  const auto verified = report::verify(sealed);
  if (!verified.ok) {
    std::string why;
    for (const auto& p : verified.problems) why += (why.empty() ? "" : "; ") + p;
    throw Error(ErrorCode::kVerificationFailed, "not stored: the report is not intact: " + why);
  }
  const Columns c = columns_of(sealed);
  PutResult result;
  prepared_->insert_report->run({c.digest, c.created, c.model, c.firmware, c.verdict, c.device,
                                 Blob{sealed_bytes(sealed)}, c.catalog_date, c.week},
                                [&](const Row& row) {
                                  result.id = as_int(row[0]);
                                  result.inserted = true;
                                });
  if (!result.inserted) {
    prepared_->find_digest->run({c.digest}, [&](const Row& row) { result.id = as_int(row[0]); });
    return result;
  }
  for (std::size_t i = 0; i < c.codes.size(); ++i) {
    prepared_->insert_finding->run({result.id, static_cast<std::int64_t>(i), c.codes[i]});
  }
  for (std::size_t i = 0; i < c.checks.size(); ++i) {
    prepared_->insert_check->run({result.id, static_cast<std::int64_t>(i), c.checks[i].first, c.checks[i].second});
  }
  return result;
}

PutResult Store::put(const rp::Report& sealed) { return put_many(std::span(&sealed, 1)).front(); }

std::vector<PutResult> Store::put_many(std::span<const rp::Report> sealed) {
  // A concurrent writer can still win a race (a PostgreSQL deadlock on the same digests):
  // the whole batch is retried, since it was rolled back whole.
  for (int attempt = 0;; ++attempt) {
    try {
      std::vector<PutResult> results;
      results.reserve(sealed.size());
      WriteTransaction tx(*db_);
      Summaries added;
      for (const auto& r : sealed) {
        results.push_back(put_one(r));
        if (results.back().inserted) added.add(columns_of(r));
      }
      added.write(*prepared_->add_tally, *prepared_->add_device);
      tx.commit();
      return results;
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kBusy || attempt >= 5) throw;
    }
  }
}

std::vector<Summary> Store::list(const Filter& filter) {
  std::vector<Value> params;
  std::string sql =
      std::string(kSummaryColumns) + " FROM reports r" + where_clause(filter, params) + " ORDER BY r.created, r.id";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
  std::vector<Summary> out;
  db_->prepare(sql)->run(params, [&](const Row& row) { out.push_back(summary_of(row)); });
  for (auto& s : out) {
    prepared_->codes_of->run({s.id}, [&](const Row& row) { s.codes.push_back(as_text(row[0])); });
  }
  return out;
}

void Store::for_each(const Filter& filter, const std::function<void(const Summary&, const rp::Report&)>& each) {
  std::vector<Value> params;
  const std::string sql = std::string(kSummaryColumns) + ", r.sealed FROM reports r" + where_clause(filter, params) +
                          " ORDER BY r.created, r.id";
  db_->prepare(sql)->run(params, [&](const Row& row) {
    Summary s = summary_of(row);
    const auto report = sealed_from_bytes(as_text(row[8]));
    for (const auto& f : report.body().findings()) s.codes.push_back(f.code());
    each(s, report);
  });
}

std::optional<rp::Report> Store::get(std::int64_t id) {
  std::optional<rp::Report> out;
  db_->prepare("SELECT sealed FROM reports WHERE id = $1")->run({id}, [&](const Row& row) {
    out = sealed_from_bytes(as_text(row[0]));
  });
  return out;
}

std::int64_t Store::purge_before(const std::string& date) {
  if (date.empty()) throw Error(ErrorCode::kInvalidArgument, "purge: no date");
  WriteTransaction tx(*db_);
  std::int64_t n = 0;
  db_->prepare("DELETE FROM reports WHERE created < $1 RETURNING id")->run({date}, [&](const Row&) { ++n; });
  // Retention is rare; recounting is simpler to trust than subtracting.
  if (n > 0) rebuild_summaries(*db_);
  tx.commit();
  return n;
}

std::int64_t Store::count() { return single(*db_, "SELECT COUNT(*) FROM reports"); }

Stats Store::stats() {
  Stats s;
  auto& c = *db_;
  auto tally = [&](const std::string& dimension, std::string_view order, bool two_keys) {
    return counts(c,
                  "SELECT name, " + std::string(two_keys ? "sub, " : "") + "n FROM tallies WHERE dimension = '" +
                      dimension + "' ORDER BY " + std::string(order),
                  two_keys);
  };
  s.by_model = tally("model", "n DESC, name", false);
  for (const auto& m : s.by_model) s.reports += m.n;
  s.by_firmware = tally("firmware", "name, n DESC, sub", true);
  s.by_verdict = tally("verdict", "n DESC, name", false);
  s.by_code = tally("code", "n DESC, name", false);
  s.by_week = tally("week", "name", false);
  std::map<std::string, int> taken;
  for (const auto& n : tally("model_code", "name, n DESC, sub", true)) {
    if (taken[n.key]++ < 3) s.top_findings_per_model.push_back(n);
  }
  s.devices = single(c, "SELECT COUNT(*) FROM devices");
  s.devices_outdated = single(c, "SELECT COUNT(*) FROM devices WHERE outdated = 1");
  s.devices_security_fix = single(c, "SELECT COUNT(*) FROM devices WHERE security_fix = 1");
  return s;
}

}  // namespace cc::store
