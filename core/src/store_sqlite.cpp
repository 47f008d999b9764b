// The SQLite store, through Poco::Data. The only file that knows SQL.
#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "beslut/document_json.h"
#include "beslut/store.h"
#include "schema.h"

namespace beslut {

Store::~Store() = default;

namespace {

using Poco::Data::Session;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::bind;

// Per-connection settings: SQLite keeps pragmas per connection, so every
// pooled session gets them when it is created.
class ConfiguredPool : public Poco::Data::SessionPool {
 public:
  ConfiguredPool(const std::string& path, int max_sessions, int busy_timeout_ms)
      : SessionPool("SQLite", path, 1, max_sessions, 600), busy_timeout_ms_(busy_timeout_ms) {}

 protected:
  void customizeSession(Session& session) override {
    session << "PRAGMA busy_timeout=" + std::to_string(busy_timeout_ms_), now;
    session << "PRAGMA synchronous=FULL", now;
    session << "PRAGMA foreign_keys=ON", now;
  }

 private:
  int busy_timeout_ms_;
};

std::string nowIso() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT);
}

Poco::Int64 lastInsertId(Session& s) {
  Poco::Int64 id = 0;
  s << "SELECT last_insert_rowid()", into(id), now;
  return id;
}

// Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back on any exception.
template <typename Fn>
Status inTransaction(Session& s, Fn&& body) {
  s << "BEGIN IMMEDIATE", now;
  try {
    body();
    s << "COMMIT", now;
    return Status::okStatus();
  } catch (...) {
    try {
      s << "ROLLBACK", now;
    } catch (...) {
      // A session still inside a transaction must not go back to the pool:
      // closing it makes the pool drop it.
      try {
        s.close();
      } catch (...) {
      }
    }
    throw;
  }
}

Status fromException(const std::string& what, const std::string& context) {
  return Status::ioError(context + ": " + what);
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const SqliteStoreOptions& options)
      : pool_(options.path, options.max_sessions, options.busy_timeout_ms) {}

  Status migrate() {
    try {
      Session s = pool_.get();
      std::string mode;
      s << "PRAGMA journal_mode=WAL", into(mode), now;
      if (mode != "wal") return Status::ioError("cannot switch the database to WAL mode");
      s << "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, "
           "description TEXT NOT NULL, applied_at TEXT NOT NULL)",
          now;
      for (const auto& m : detail::schemaMigrations()) {
        Poco::Int64 present = 0;
        s << "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", into(present),
            bind(m.version), now;
        if (present > 0) continue;
        Status st = inTransaction(s, [&] {
          for (const auto& sql : m.statements) s << sql, now;
          std::string description = m.description, at = nowIso();
          s << "INSERT INTO schema_migrations(version, description, applied_at) VALUES(?, ?, ?)",
              bind(m.version), use(description), use(at), now;
        });
        if (!st.ok()) return st;
      }
      return Status::okStatus();
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "schema migration failed");
    }
  }

  Result<ImportOutcome> importDocument(const Document& d, std::string_view bytes) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      ImportOutcome outcome;
      Status st = inTransaction(s, [&] {
        std::vector<Poco::Int64> existing;
        std::string sha = d.original.sha256;
        s << "SELECT id FROM documents WHERE sha256 = ?", into(existing), use(sha), now;
        if (!existing.empty()) {
          outcome.id = existing.front();
          return;  // commits an empty transaction
        }
        insertOriginal(s, d, bytes);
        Poco::Int64 org_id = upsertOrganization(s, d.organization);
        outcome.id = insertDocument(s, d, org_id);
        outcome.created = true;
        insertItems(s, outcome.id, d.items);
        if (d.kind == DocumentKind::kMinutes) insertMeeting(s, outcome.id, org_id, d);
        appendChange(s, "document", outcome.id, "upsert");
      });
      if (!st.ok()) return st;
      return outcome;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the document");
    }
  }

  Status deleteDocument(Id id) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      bool found = false;
      Status st = inTransaction(s, [&] {
        Poco::Int64 count = 0;
        s << "SELECT COUNT(*) FROM documents WHERE id = ?", into(count), bind(id), now;
        if (count == 0) return;
        found = true;
        s << "DELETE FROM documents WHERE id = ?", bind(id), now;
        appendChange(s, "document", id, "delete");
      });
      if (!st.ok()) return st;
      return found ? Status::okStatus() : Status::notFound("no document " + std::to_string(id));
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not delete the document");
    }
  }

  Result<Document> document(Id id) const override {
    try {
      Session s = pool_.get();
      std::vector<std::string> extraction, text;
      s << "SELECT extraction, text FROM documents WHERE id = ?", into(extraction), into(text),
          bind(id), now;
      if (extraction.empty()) return Status::notFound("no document " + std::to_string(id));
      auto parsed = documentFromJson(extraction.front());
      if (!parsed.ok()) return parsed.status();
      Document d = std::move(parsed).value();
      d.id = id;
      d.text = std::move(text.front());
      attachItemRows(s, id, d.items);
      return d;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read document " + std::to_string(id));
    }
  }

  Result<DocumentSummary> documentSummary(Id id) const override {
    try {
      Session s = pool_.get();
      std::vector<DocumentSummary> found = summaries(s, "d.id = ?", id);
      if (found.empty()) return Status::notFound("no document " + std::to_string(id));
      return found.front();
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read document " + std::to_string(id));
    }
  }

  Result<Passage> passage(Id item_id) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> doc_ids;
      s << "SELECT document_id FROM items WHERE id = ?", into(doc_ids), bind(item_id), now;
      if (doc_ids.empty()) return Status::notFound("no item " + std::to_string(item_id));
      Passage p;
      auto found = summaries(s, "d.id = ?", doc_ids.front());
      if (found.empty()) return Status::notFound("no document for item " + std::to_string(item_id));
      p.document = found.front();
      auto items = loadItemRows(s, "id = ?", item_id);
      if (items.empty()) return Status::notFound("no item " + std::to_string(item_id));
      p.item = std::move(items.front());
      return p;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read item " + std::to_string(item_id));
    }
  }

  Result<std::optional<Id>> findBySha256(const std::string& sha256) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids;
      std::string sha = sha256;
      s << "SELECT id FROM documents WHERE sha256 = ?", into(ids), use(sha), now;
      if (ids.empty()) return std::optional<Id>();
      return std::optional<Id>(ids.front());
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not look up a file");
    }
  }

  Result<std::string> original(const std::string& sha256) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Data::BLOB> blobs;
      std::string sha = sha256;
      s << "SELECT bytes FROM originals WHERE sha256 = ?", into(blobs), use(sha), now;
      if (blobs.empty()) return Status::notFound("no original " + sha256);
      const auto& content = blobs.front().content();
      return std::string(content.begin(), content.end());
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read an original file");
    }
  }

  Result<std::vector<Id>> documentIds() const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids;
      s << "SELECT id FROM documents ORDER BY id", into(ids), now;
      return std::vector<Id>(ids.begin(), ids.end());
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not list documents");
    }
  }

  Result<std::int64_t> documentCount() const override {
    try {
      Session s = pool_.get();
      Poco::Int64 n = 0;
      s << "SELECT COUNT(*) FROM documents", into(n), now;
      return static_cast<std::int64_t>(n);
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not count documents");
    }
  }

  Result<std::vector<ChangeEntry>> changesSince(Sequence after, std::size_t limit) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> seqs, ids;
      std::vector<std::string> entities, ops;
      Poco::Int64 lim = static_cast<Poco::Int64>(limit);
      s << "SELECT seq, entity, entity_id, op FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?",
          into(seqs), into(entities), into(ids), into(ops), bind(after), bind(lim), now;
      std::vector<ChangeEntry> out(seqs.size());
      for (std::size_t i = 0; i < seqs.size(); ++i) out[i] = {seqs[i], entities[i], ids[i], ops[i]};
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read the change log");
    }
  }

  Result<Sequence> lastSequence() const override {
    try {
      Session s = pool_.get();
      Poco::Int64 seq = 0;
      s << "SELECT COALESCE(MAX(seq), 0) FROM change_log", into(seq), now;
      return static_cast<Sequence>(seq);
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read the change log");
    }
  }

  Result<int> schemaVersion() const override {
    try {
      Session s = pool_.get();
      int v = 0;
      s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(v), now;
      return v;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read the schema version");
    }
  }

 private:
  static void insertOriginal(Session& s, const Document& d, std::string_view bytes) {
    Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string sha = d.original.sha256, media = d.original.media_type;
    Poco::Int64 size = static_cast<Poco::Int64>(bytes.size());
    s << "INSERT OR IGNORE INTO originals(sha256, media_type, size, bytes) VALUES(?, ?, ?, ?)",
        use(sha), use(media), use(size), use(blob), now;
  }

  static Poco::Int64 upsertOrganization(Session& s, const std::string& name) {
    if (name.empty()) return 0;
    std::string n = name;
    s << "INSERT OR IGNORE INTO organizations(name) VALUES(?)", use(n), now;
    Poco::Int64 id = 0;
    s << "SELECT id FROM organizations WHERE name = ?", into(id), use(n), now;
    return id;
  }

  // The extraction (everything the plugin read, without the texts, which have
  // their own columns) is kept as JSON; items, decisions, assignments and
  // follow-ups are also rows, for ids and queries.
  static Poco::Int64 insertDocument(Session& s, const Document& d, Poco::Int64 org_id) {
    std::string extraction = toJsonString(documentToJson(d, {false, false}));
    std::string kind = documentKindName(d.kind), created = nowIso();
    s << "INSERT INTO documents(kind, title, organization_id, date, registry_number, language, "
         "publication_state, plugin, sha256, filename, text, extraction, created_at) "
         "VALUES(?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(kind), bind(d.title), bind(org_id), bind(d.date), bind(d.registry_number), bind(d.language),
        bind(d.publication_state), bind(d.plugin), bind(d.original.sha256), bind(d.original.filename),
        bind(d.text), use(extraction), use(created), now;
    return lastInsertId(s);
  }

  static void insertItems(Session& s, Poco::Int64 doc_id, const std::vector<Item>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      Poco::Int64 pos = static_cast<Poco::Int64>(i);
      Poco::Int64 sb = static_cast<Poco::Int64>(it.span.begin), se = static_cast<Poco::Int64>(it.span.end);
      int is_public = it.is_public ? 1 : 0;
      std::string number = it.number, title = it.title, text = it.text, dnr = it.registry_number;
      s << "INSERT INTO items(document_id, position, number, title, text, registry_number, "
           "is_public, span_begin, span_end) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
          bind(doc_id), use(pos), use(number), use(title), use(text), use(dnr), use(is_public),
          use(sb), use(se), now;
      Poco::Int64 item_id = lastInsertId(s);
      insertDecisions(s, item_id, it.decisions);
      insertAssignments(s, item_id, doc_id, it.assignments);
    }
  }

  static void insertDecisions(Session& s, Poco::Int64 item_id, const std::vector<Decision>& ds) {
    for (std::size_t i = 0; i < ds.size(); ++i) {
      const Decision& d = ds[i];
      Poco::Int64 pos = static_cast<Poco::Int64>(i);
      Poco::Int64 sb = static_cast<Poco::Int64>(d.span.begin), se = static_cast<Poco::Int64>(d.span.end);
      std::string text = d.text, kind = decisionKindName(d.kind);
      double confidence = d.confidence;
      s << "INSERT INTO decisions(item_id, position, text, kind, span_begin, span_end, confidence) "
           "VALUES(?, ?, ?, ?, ?, ?, ?)",
          bind(item_id), use(pos), use(text), use(kind), use(sb), use(se), use(confidence), now;
    }
  }

  static void insertAssignments(Session& s, Poco::Int64 item_id, Poco::Int64 doc_id,
                                const std::vector<Assignment>& as) {
    for (std::size_t i = 0; i < as.size(); ++i) {
      const Assignment& a = as[i];
      Poco::Int64 pos = static_cast<Poco::Int64>(i);
      Poco::Int64 sb = static_cast<Poco::Int64>(a.span.begin), se = static_cast<Poco::Int64>(a.span.end);
      std::string assignee = a.assignee, task = a.task, due = a.due, due_text = a.due_text,
                  status = assignmentStatusName(a.status);
      double progress = a.progress, confidence = a.confidence;
      s << "INSERT INTO assignments(item_id, position, assignee, task, due, due_text, status, "
           "progress, span_begin, span_end, confidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          bind(item_id), use(pos), use(assignee), use(task), use(due), use(due_text), use(status),
          use(progress), use(sb), use(se), use(confidence), now;
      insertFollowUps(s, lastInsertId(s), doc_id, a.followups);
    }
  }

  static void insertFollowUps(Session& s, Poco::Int64 assignment_id, Poco::Int64 doc_id,
                              const std::vector<FollowUp>& followups) {
    for (const auto& f : followups) {
      std::string status = assignmentStatusName(f.status), created = nowIso();
      std::string comment = f.comment.empty() ? f.evidence_text : f.comment;
      s << "INSERT INTO followups(assignment_id, date, status, comment, source_document_id, "
           "source_item_number, created_at) VALUES(?, ?, ?, ?, ?, ?, ?)",
          bind(assignment_id), bind(f.date), use(status), use(comment),
          bind(f.source_document_id.value_or(doc_id)), bind(f.source_item_number), use(created), now;
    }
  }

  static void insertMeeting(Session& s, Poco::Int64 doc_id, Poco::Int64 org_id, const Document& d) {
    std::string date = d.date, location = d.place, start, end;
    if (auto dash = d.time.find_first_of("-\xE2"); dash != std::string::npos) {
      start = d.time.substr(0, 5);
      end = d.time.size() >= 5 ? d.time.substr(d.time.size() - 5) : std::string();
    } else {
      start = d.time;
    }
    std::string state = d.adjusted_date.empty() ? "held" : "minutes_approved";
    s << "INSERT INTO meetings(organization_id, document_id, date, start_time, end_time, location, "
         "state) VALUES(NULLIF(?, 0), ?, ?, ?, ?, ?, ?)",
        bind(org_id), bind(doc_id), use(date), use(start), use(end), use(location), use(state), now;
    Poco::Int64 meeting_id = lastInsertId(s);
    for (const auto& a : d.attendees) {
      std::string name = a.name, party = a.party, aff = a.affiliation, role = a.role;
      int adjuster = a.adjuster ? 1 : 0;
      s << "INSERT OR IGNORE INTO persons(name, party, affiliation) VALUES(?, ?, ?)", use(name),
          use(party), use(aff), now;
      Poco::Int64 person_id = 0;
      s << "SELECT id FROM persons WHERE name = ? AND affiliation = ?", into(person_id), use(name),
          use(aff), now;
      s << "INSERT OR IGNORE INTO attendances(meeting_id, person_id, role, adjuster) "
           "VALUES(?, ?, ?, ?)",
          bind(meeting_id), bind(person_id), use(role), use(adjuster), now;
    }
  }

  static void appendChange(Session& s, const std::string& entity, Poco::Int64 id,
                           const std::string& op) {
    std::string e = entity, o = op, at = nowIso();
    s << "INSERT INTO change_log(entity, entity_id, op, at) VALUES(?, ?, ?, ?)", use(e), bind(id),
        use(o), use(at), now;
  }

  static std::vector<DocumentSummary> summaries(Session& s, const std::string& where, Poco::Int64 arg) {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> kinds, titles, orgs, dates, states;
    s << "SELECT d.id, d.kind, d.title, COALESCE(o.name, ''), d.date, d.publication_state "
         "FROM documents d LEFT JOIN organizations o ON o.id = d.organization_id WHERE " + where,
        into(ids), into(kinds), into(titles), into(orgs), into(dates), into(states), bind(arg), now;
    std::vector<DocumentSummary> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i], parseDocumentKind(kinds[i]).value_or(DocumentKind::kOther), titles[i],
                orgs[i], dates[i], states[i]};
    }
    return out;
  }

  static std::vector<Item> loadItemRows(Session& s, const std::string& where, Poco::Int64 arg) {
    std::vector<Poco::Int64> ids, sb, se;
    std::vector<std::string> numbers, titles, texts, dnrs;
    std::vector<int> pub;
    s << "SELECT id, number, title, text, registry_number, is_public, span_begin, span_end "
         "FROM items WHERE " + where + " ORDER BY position",
        into(ids), into(numbers), into(titles), into(texts), into(dnrs), into(pub), into(sb),
        into(se), bind(arg), now;
    std::vector<Item> items(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      Item& it = items[i];
      it.id = ids[i];
      it.number = numbers[i];
      it.title = titles[i];
      it.text = texts[i];
      it.registry_number = dnrs[i];
      it.is_public = pub[i] != 0;
      it.span = {static_cast<std::size_t>(sb[i]), static_cast<std::size_t>(se[i])};
    }
    return items;
  }

  // Fills in what the extraction JSON leaves out: each item's text and the
  // ids of items, decisions, assignments and follow-ups (matched by position).
  static void attachItemRows(Session& s, Poco::Int64 doc_id, std::vector<Item>& items) {
    std::vector<Poco::Int64> ids, positions;
    std::vector<std::string> texts;
    s << "SELECT id, position, text FROM items WHERE document_id = ? ORDER BY position", into(ids),
        into(positions), into(texts), bind(doc_id), now;
    std::map<Poco::Int64, Item*> by_id;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (positions[i] < 0 || static_cast<std::size_t>(positions[i]) >= items.size()) continue;
      Item& item = items[static_cast<std::size_t>(positions[i])];
      item.id = ids[i];
      item.text = std::move(texts[i]);
      by_id[ids[i]] = &item;
    }
    std::vector<Poco::Int64> item_ids, rows;
    s << "SELECT d.item_id, d.position, d.id FROM decisions d JOIN items i ON i.id = d.item_id "
         "WHERE i.document_id = ?",
        into(item_ids), into(positions), into(rows), bind(doc_id), now;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto it = by_id.find(item_ids[i]);
      if (it != by_id.end() && static_cast<std::size_t>(positions[i]) < it->second->decisions.size()) {
        it->second->decisions[static_cast<std::size_t>(positions[i])].id = rows[i];
      }
    }
    item_ids.clear(), positions.clear(), rows.clear();
    s << "SELECT a.item_id, a.position, a.id FROM assignments a JOIN items i ON i.id = a.item_id "
         "WHERE i.document_id = ?",
        into(item_ids), into(positions), into(rows), bind(doc_id), now;
    std::map<Poco::Int64, Assignment*> assignments;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto it = by_id.find(item_ids[i]);
      if (it != by_id.end() && static_cast<std::size_t>(positions[i]) < it->second->assignments.size()) {
        Assignment& a = it->second->assignments[static_cast<std::size_t>(positions[i])];
        a.id = rows[i];
        assignments[rows[i]] = &a;
      }
    }
    std::vector<Poco::Int64> assignment_ids, followup_ids;
    s << "SELECT f.assignment_id, f.id FROM followups f JOIN assignments a ON a.id = f.assignment_id "
         "JOIN items i ON i.id = a.item_id WHERE i.document_id = ? AND f.source_document_id = ? "
         "ORDER BY f.id",
        into(assignment_ids), into(followup_ids), bind(doc_id), bind(doc_id), now;
    std::map<Poco::Int64, std::size_t> next;
    for (std::size_t i = 0; i < followup_ids.size(); ++i) {
      auto it = assignments.find(assignment_ids[i]);
      if (it == assignments.end()) continue;
      std::size_t k = next[assignment_ids[i]]++;
      if (k < it->second->followups.size()) it->second->followups[k].id = followup_ids[i];
    }
  }

  mutable ConfiguredPool pool_;
  std::mutex write_mutex_;  // SQLite has one writer; queue ours instead of spinning on busy
};

}  // namespace

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
    auto store = std::make_unique<SqliteStore>(options);
    Status st = store->migrate();
    if (!st.ok()) return st;
    return std::unique_ptr<Store>(std::move(store));
  } catch (const Poco::Exception& e) {
    return Status::ioError("cannot open the database " + options.path + ": " + e.displayText());
  }
}

}  // namespace beslut
