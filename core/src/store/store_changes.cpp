// The SQLite store's change log and schema, and opening the store.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <filesystem>

#include "schema.h"
#include "store_rows.h"
#include "audit_chain.h"
#include "store_sqlite.h"

namespace beslut {

Store::~Store() = default;

namespace detail {
void appendChange(Session& s, const std::string& entity, Poco::Int64 id, const std::string& op) {
  std::string e = entity, o = op, at = nowIso();
  s << "INSERT INTO change_log(entity, entity_id, op, at) VALUES(?, ?, ?, ?)", use(e), bind(id), use(o), use(at), now;
}

SqliteStore::SqliteStore(const SqliteStoreOptions& options)
    : pool_(options.path, options.max_sessions, options.busy_timeout_ms) {}

Status SqliteStore::migrate() {
  return read(pool_, "schema migration failed", [&](Session& s) {
    std::string mode;
    s << "PRAGMA journal_mode=WAL", into(mode), now;
    if (mode != "wal") return Status::ioError("cannot switch the database to WAL mode");
    s << "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
         "description TEXT NOT NULL, applied_at TEXT NOT NULL)",
        now;
    for (const auto& m : schemaMigrations()) {
      Poco::Int64 present = 0;
      s << "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", into(present), bind(m.version), now;
      if (present > 0) continue;
      Status st = inTransaction(s, [&] {
        for (const auto& sql : m.statements) s << sql, now;
        std::string description = m.description, at = nowIso();
        s << "INSERT INTO schema_migrations(version, description, applied_at) VALUES(?, ?, ?)", bind(m.version),
            use(description), use(at), now;
      });
      if (!st.ok()) return st;
    }
    return inTransaction(s, [&] { sealAuditLog(s); });  // rows from before the chain (migration 11), once
  });
}

Status SqliteStore::checkIntegrity() const {
  return read(pool_, "could not check the database", [&](Session& s) -> Status {
    std::vector<std::string> rows;
    s << "PRAGMA integrity_check", into(rows), now;
    if (rows.size() == 1 && rows.front() == "ok") return Status::okStatus();
    std::string found;
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i) found += (i ? "; " : "") + rows[i];
    return Status::corruption("the database fails its integrity check: " + found);
  });
}

Result<std::vector<ChangeEntry>> SqliteStore::changesSince(Sequence after, std::size_t limit) const {
  return read(pool_, "could not read the change log", [&](Session& s) -> Result<std::vector<ChangeEntry>> {
    std::vector<Poco::Int64> seqs, ids;
    std::vector<std::string> entities, ops;
    Poco::Int64 lim = static_cast<Poco::Int64>(limit);
    s << "SELECT seq, entity, entity_id, op FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?", into(seqs),
        into(entities), into(ids), into(ops), bind(after), bind(lim), now;
    std::vector<ChangeEntry> out(seqs.size());
    for (std::size_t i = 0; i < seqs.size(); ++i) out[i] = {seqs[i], entities[i], ids[i], ops[i]};
    return out;
  });
}

Result<Sequence> SqliteStore::lastSequence() const {
  return read(pool_, "could not read the change log", [&](Session& s) -> Result<Sequence> {
    Poco::Int64 seq = 0;
    s << "SELECT COALESCE(MAX(seq), 0) FROM change_log", into(seq), now;
    return static_cast<Sequence>(seq);
  });
}

Result<int> SqliteStore::schemaVersion() const {
  return read(pool_, "could not read the schema version", [&](Session& s) -> Result<int> {
    int v = 0;
    s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(v), now;
    return v;
  });
}

}  // namespace detail

Result<std::unique_ptr<Store>> openSqliteStore(const SqliteStoreOptions& options) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  // Poco's SQLite connector retries a failing open for its login timeout
  // (a minute); a missing folder is a plain error, so say so at once.
  const std::filesystem::path folder = std::filesystem::path(options.path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
    return Status::ioError("cannot open the database " + options.path + ": the folder does not exist");
  }
  try {
    auto store = std::make_unique<detail::SqliteStore>(options);
    Status st = store->migrate();
    if (!st.ok()) return st;
    return std::unique_ptr<Store>(std::move(store));
  } catch (const Poco::Exception& e) {
    return Status::ioError("cannot open the database " + options.path + ": " + e.displayText());
  }
}

}  // namespace beslut
