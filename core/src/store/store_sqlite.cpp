// The SQLite store, through Poco::Data. The only file that knows SQL.
#include <Poco/Data/LOB.h>
#include <Poco/Nullable.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>

#include "beslut/document_json.h"
#include "beslut/store.h"
#include "beslut/visibility.h"
#include "schema.h"
#include "sqlite_util.h"
#include "store_rows.h"

namespace beslut {

Store::~Store() = default;

namespace {

using Poco::Data::Session;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::bind;

using detail::ConfiguredPool;
using detail::fromException;
using detail::inTransaction;
using detail::lastInsertId;
using detail::nowIso;
using detail::publicationStateOf;
using detail::reviewStateOf;

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
        outcome.id = insertDocument(s, d);
        outcome.created = true;
        detail::syncDocumentRows(s, outcome.id, d);
        appendChange(s, "document", outcome.id, "upsert");
      });
      if (!st.ok()) return st;
      return outcome;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the document");
    }
  }

  std::vector<Result<ImportOutcome>> importDocuments(const std::vector<PendingImport>& batch) override {
    std::vector<Result<ImportOutcome>> results(batch.size(), Status::internal("not stored"));
    if (batch.empty()) return results;
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status st = inTransaction(s, [&] {
        for (std::size_t i = 0; i < batch.size(); ++i) {
          const Document& d = *batch[i].document;
          s << "SAVEPOINT one_import", now;
          try {
            ImportOutcome outcome;
            std::vector<Poco::Int64> existing;
            std::string sha = d.original.sha256;
            s << "SELECT id FROM documents WHERE sha256 = ?", into(existing), use(sha), now;
            if (!existing.empty()) {
              outcome.id = existing.front();
            } else {
              insertOriginal(s, d, batch[i].original_bytes);
              outcome.id = insertDocument(s, d);
              outcome.created = true;
              detail::syncDocumentRows(s, outcome.id, d);
              appendChange(s, "document", outcome.id, "upsert");
            }
            s << "RELEASE one_import", now;
            results[i] = outcome;
          } catch (const Poco::Exception& e) {
            s << "ROLLBACK TO one_import", now;
            s << "RELEASE one_import", now;
            results[i] = fromException(e.displayText(), "could not store the document");
          }
        }
      });
      if (!st.ok()) std::fill(results.begin(), results.end(), Result<ImportOutcome>(st));
    } catch (const Poco::Exception& e) {
      Status failed = fromException(e.displayText(), "could not store the documents");
      std::fill(results.begin(), results.end(), Result<ImportOutcome>(failed));
    }
    return results;
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
      return loadEffective(s, id);
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read document " + std::to_string(id));
    }
  }

  Result<Document> extraction(Id id) const override {
    try {
      Session s = pool_.get();
      return loadExtraction(s, id);
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read document " + std::to_string(id));
    }
  }

  Result<std::vector<Correction>> corrections(Id document_id) const override {
    try {
      Session s = pool_.get();
      return loadCorrections(s, document_id);
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read corrections");
    }
  }

  Result<Correction> addCorrection(Id document_id, Correction c) override {
    if (c.author.empty()) return Status::invalidArgument("En rättelse måste ha en författare.");
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status applied;
      Status st = inTransaction(s, [&] {
        auto current = loadEffective(s, document_id);
        if (!current.ok()) {
          applied = current.status();
          return;
        }
        applied = applyCorrection(current.value(), c);
        if (!applied.ok()) return;
        c.created_at = nowIso();
        s << "INSERT INTO corrections(document_id, path, value, author, reason, created_at) "
             "VALUES(?, ?, ?, ?, ?, ?)",
            bind(document_id), use(c.path), use(c.value_json), use(c.author), use(c.reason), use(c.created_at), now;
        c.id = lastInsertId(s);
        detail::syncDocumentRows(s, document_id, current.value());
        appendChange(s, "document", document_id, "upsert");
      });
      if (!st.ok()) return st;
      if (!applied.ok()) return applied;
      return c;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the correction");
    }
  }

  Status replaceExtraction(Id document_id, const Document& fresh) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status found;
      Status st = inTransaction(s, [&] {
        Poco::Int64 count = 0;
        s << "SELECT COUNT(*) FROM documents WHERE id = ?", into(count), bind(document_id), now;
        if (count == 0) {
          found = Status::notFound("no document " + std::to_string(document_id));
          return;
        }
        std::string extraction = extractionJson(fresh), at = nowIso();
        std::string kind = documentKindName(fresh.kind);
        s << "UPDATE documents SET kind = ?, plugin = ?, text = ?, extraction = ?, extracted_at = ? WHERE id = ?",
            use(kind), bind(fresh.plugin), bind(fresh.text), use(extraction), use(at), bind(document_id), now;
        Document effective = fresh;
        applyCorrections(effective, loadCorrections(s, document_id));
        detail::syncDocumentRows(s, document_id, effective);
        appendChange(s, "document", document_id, "upsert");
      });
      if (!st.ok()) return st;
      return found;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the new extraction");
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
      if (auto pub = loadPublication(s, p.document.id, false); pub.ok()) {
        p.item.adjusted_immediately = std::find(pub->immediate_items.begin(), pub->immediate_items.end(),
                                                p.item.number) != pub->immediate_items.end();
      }
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

  Result<std::vector<DocumentSummary>> listDocuments(const std::string& kind, const std::string& organization,
                                                     const std::string& state, std::size_t limit) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids;
      std::vector<std::string> kinds, titles, orgs, dates, states, created;
      std::string k = kind, o = organization, st = state;
      Poco::Int64 lim = static_cast<Poco::Int64>(limit);
      s << "SELECT d.id, d.kind, d.title, COALESCE(o.name, ''), d.date, d.publication_state, d.created_at "
           "FROM documents d LEFT JOIN organizations o ON o.id = d.organization_id "
           "WHERE (? = '' OR d.kind = ?) AND (? = '' OR o.name = ?) AND (? = '' OR d.publication_state = ?) "
           "ORDER BY d.date DESC, d.id DESC LIMIT ?",
          into(ids), into(kinds), into(titles), into(orgs), into(dates), into(states), into(created), use(k), use(k),
          use(o), use(o), use(st), use(st), use(lim), now;
      std::vector<DocumentSummary> out(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) {
        out[i] = {ids[i], parseDocumentKind(kinds[i]).value_or(DocumentKind::kOther), titles[i], orgs[i], dates[i],
                  publicationStateOf(states[i]), created[i]};
      }
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not list documents");
    }
  }

  Result<Publication> publication(Id document_id) const override {
    try {
      Session s = pool_.get();
      return loadPublication(s, document_id);
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read the publication");
    }
  }

  Status setPublication(Id document_id, const Publication& p) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      bool found = false;
      Status st = inTransaction(s, [&] {
        Poco::Int64 count = 0;
        s << "SELECT COUNT(*) FROM documents WHERE id = ?", into(count), bind(document_id), now;
        if (count == 0) return;
        found = true;
        std::string items;
        for (const auto& n : p.immediate_items) items += (items.empty() ? "" : "\n") + n;
        std::string state = publicationStateName(p.state), sent = p.sent_at, adjusted = p.adjusted_date, posted = p.posted_date;
        s << "INSERT INTO publications(document_id, state, sent_at, adjusted_date, posted_date, immediate_items) "
             "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, "
             "sent_at = excluded.sent_at, adjusted_date = excluded.adjusted_date, posted_date = excluded.posted_date, "
             "immediate_items = excluded.immediate_items",
            bind(document_id), use(state), use(sent), use(adjusted), use(posted), use(items), now;
        s << "UPDATE documents SET publication_state = ? WHERE id = ?", use(state), bind(document_id), now;
        appendChange(s, "document", document_id, "upsert");
      });
      if (!st.ok()) return st;
      return found ? Status::okStatus() : Status::notFound("Dokumentet " + std::to_string(document_id) + " finns inte.");
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the publication");
    }
  }

  Status addApproval(Id document_id, const Approval& a) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      return inTransaction(s, [&] {
        std::string person = a.person, scope = a.scope, at = a.approved_at.empty() ? nowIso() : a.approved_at;
        s << "INSERT INTO approvals(document_id, person, scope, approved_at) VALUES(?, ?, ?, ?) "
             "ON CONFLICT(document_id, person, scope) DO UPDATE SET approved_at = excluded.approved_at",
            bind(document_id), use(person), use(scope), use(at), now;
      });
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the approval");
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

  Result<SavedSearch> addSavedSearch(SavedSearch search) override {
    if (search.name.empty() || search.query.empty()) {
      return Status::invalidArgument("En sparad sökning måste ha namn och sökfråga.");
    }
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      search.created_at = nowIso();
      Status st = inTransaction(s, [&] {
        s << "INSERT INTO saved_searches(name, query, created_at) VALUES(?, ?, ?)", use(search.name),
            use(search.query), use(search.created_at), now;
        search.id = lastInsertId(s);
        appendChange(s, "saved_search", search.id, "upsert");
      });
      if (!st.ok()) return st;
      return search;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not save the search");
    }
  }

  Result<SavedSearch> savedSearch(Id id) const override {
    auto all = loadSavedSearches("WHERE id = " + std::to_string(id));
    if (!all.ok()) return all.status();
    if (all->empty()) return Status::notFound("Den sparade sökningen " + std::to_string(id) + " finns inte.");
    return all->front();
  }

  Result<std::vector<SavedSearch>> savedSearches() const override { return loadSavedSearches(""); }

  Result<std::vector<AssignmentRecord>> assignments() const override { return loadAssignments(0); }

  Result<AssignmentRecord> assignment(Id id) const override {
    auto found = loadAssignments(id);
    if (!found.ok()) return found.status();
    if (found->empty()) return Status::notFound("Uppdraget " + std::to_string(id) + " finns inte.");
    return found->front();
  }

  Result<FollowUp> addFollowUp(Id assignment_id, FollowUp f) override {
    if (f.author.empty()) return Status::invalidArgument("En uppföljning måste ha en författare.");
    if (f.progress > 100) return Status::invalidArgument("Andelen klart ska vara 0–100.");
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status found;
      Status st = inTransaction(s, [&] {
        Poco::Int64 count = 0;
        s << "SELECT COUNT(*) FROM assignments WHERE id = ?", into(count), bind(assignment_id), now;
        if (count == 0) {
          found = Status::notFound("Uppdraget " + std::to_string(assignment_id) + " finns inte.");
          return;
        }
        insertFollowUp(s, assignment_id, f);
      });
      if (!st.ok()) return st;
      if (!found.ok()) return found;
      return f;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the follow-up");
    }
  }

  // Records a follow-up of an assignment (in the caller's transaction) and
  // re-indexes the assignment's document, whose passages carry its status.
  static void insertFollowUp(Session& s, Id assignment_id, FollowUp& f) {
    f.created_at = nowIso();
    if (f.date.empty()) f.date = f.created_at.substr(0, 10);
    std::string status = assignmentStatusName(f.status);
    Poco::Nullable<double> progress;
    if (f.progress >= 0) progress = f.progress;
    Poco::Nullable<Poco::Int64> source;
    if (f.source_document_id) source = *f.source_document_id;
    s << "INSERT INTO followups(assignment_id, date, status, comment, source_document_id, source_item_number, "
         "author, progress, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(assignment_id), use(f.date), use(status), use(f.comment), use(source), use(f.source_item_number),
        use(f.author), use(progress), use(f.created_at), now;
    f.id = lastInsertId(s);
    f.assignment_id = assignment_id;
    appendChange(s, "assignment", assignment_id, "followup");
    Poco::Int64 doc_id = 0;
    s << "SELECT i.document_id FROM assignments a JOIN items i ON i.id = a.item_id WHERE a.id = ?", into(doc_id),
        bind(assignment_id), now;
    appendChange(s, "document", doc_id, "upsert");
  }

  Result<std::size_t> matchAssignments(Id document_id) override {
    auto threads = matchThreads(document_id);
    if (!threads.ok()) return threads;
    auto reports = matchReportBacks(document_id);
    if (!reports.ok()) return reports;
    return threads.value() + reports.value();
  }

  Result<std::map<std::string, std::int64_t>> linkCounts(const std::string& scheme, const std::string& code,
                                                         bool published_only) const override {
    try {
      Session s = pool_.get();
      std::vector<std::string> types;
      std::vector<Poco::Int64> counts;
      std::string sc = scheme, c = code, children = code + ".%";
      int published = published_only ? 1 : 0;
      // For the public: published documents, and of their items only the public ones.
      s << "SELECT l.object_type, COUNT(DISTINCT l.object_id) FROM links l JOIN documents d ON d.id = l.document_id "
           "WHERE l.scheme = ? AND (l.code = ? OR l.code LIKE ?) AND (? = 0 OR (d.publication_state = 'published' AND "
           "(l.object_type = 'document' OR EXISTS (SELECT 1 FROM items i WHERE i.is_public = 1 AND i.id = "
           "CASE l.object_type WHEN 'item' THEN l.object_id "
           "WHEN 'decision' THEN (SELECT item_id FROM decisions WHERE id = l.object_id) "
           "WHEN 'assignment' THEN (SELECT item_id FROM assignments WHERE id = l.object_id) END)))) "
           "GROUP BY l.object_type",
          into(types), into(counts), use(sc), use(c), use(children), use(published), now;
      std::map<std::string, std::int64_t> out;
      for (std::size_t i = 0; i < types.size(); ++i) out[types[i]] = counts[i];
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not count links");
    }
  }

  Result<std::vector<Id>> linkedItems(const std::string& scheme, const std::string& code,
                                      std::size_t limit) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids;
      std::string sc = scheme, c = code, children = code + ".%";
      Poco::Int64 lim = static_cast<Poco::Int64>(limit);
      s << "SELECT i.id FROM items i JOIN documents d ON d.id = i.document_id WHERE i.id IN ("
           "SELECT CASE l.object_type WHEN 'item' THEN l.object_id "
           "WHEN 'decision' THEN (SELECT item_id FROM decisions WHERE id = l.object_id) "
           "WHEN 'assignment' THEN (SELECT item_id FROM assignments WHERE id = l.object_id) END "
           "FROM links l WHERE l.object_type <> 'document' AND l.scheme = ? AND (l.code = ? OR l.code LIKE ?)) "
           "ORDER BY d.date DESC, d.id DESC, i.position LIMIT ?",
          into(ids), use(sc), use(c), use(children), use(lim), now;
      return std::vector<Id>(ids.begin(), ids.end());
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not list linked items");
    }
  }

  Result<std::vector<ReportBack>> reportBacks(Id assignment_id) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids, assignments, docs, followups;
      std::vector<std::string> titles, dates, orgs, pub_states, numbers, evidence, statuses, states, by;
      std::vector<double> scores;
      std::vector<int> item_public;
      s << "SELECT rb.id, rb.assignment_id, d.id, d.title, d.date, COALESCE(o.name, ''), d.publication_state, "
           "i.is_public, i.number, rb.score, rb.evidence, rb.reported_status, rb.state, rb.decided_by, "
           "COALESCE(rb.followup_id, 0) FROM report_backs rb "
           "JOIN items i ON i.id = rb.item_id JOIN documents d ON d.id = i.document_id "
           "LEFT JOIN organizations o ON o.id = d.organization_id "
           "WHERE ? = 0 OR rb.assignment_id = ? ORDER BY rb.assignment_id, d.date, rb.id",
          into(ids), into(assignments), into(docs), into(titles), into(dates), into(orgs), into(pub_states),
          into(item_public), into(numbers), into(scores), into(evidence), into(statuses), into(states), into(by),
          into(followups), bind(assignment_id), bind(assignment_id), now;
      std::vector<ReportBack> out(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) {
        out[i] = {ids[i], assignments[i], docs[i], titles[i], dates[i], orgs[i],
                  item_public[i] != 0 && publicationStateOf(pub_states[i]) == PublicationState::kPublished, numbers[i],
                  scores[i], evidence[i], parseAssignmentStatus(statuses[i]).value_or(AssignmentStatus::kInProgress),
                  reviewStateOf(states[i]), by[i],
                  followups[i]};
      }
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read report-backs");
    }
  }

  Status decideReportBack(Id report_back_id, bool confirm, const std::string& by) override {
    if (by.empty()) return Status::invalidArgument("Ange vem som bekräftar eller avvisar.");
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status result = Status::okStatus();
      Status st = inTransaction(s, [&] {
        std::vector<Poco::Int64> assignments, items;
        std::vector<std::string> states;
        s << "SELECT assignment_id, item_id, state FROM report_backs WHERE id = ?", into(assignments), into(items),
            into(states), bind(report_back_id), now;
        if (assignments.empty()) {
          result = Status::notFound("Återrapporten " + std::to_string(report_back_id) + " finns inte.");
          return;
        }
        if (states[0] != "proposed") {
          result = Status::unprocessable(states[0] == "confirmed" ? "Återrapporten är redan bekräftad."
                                                                  : "Återrapporten är redan avvisad.");
          return;
        }
        confirmOrReject(s, report_back_id, assignments[0], items[0], confirm, by);
      });
      if (!st.ok()) return st;
      return result;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the decision");
    }
  }

  // A report-back decided: confirmed ones become a follow-up with the item as source.
  static void confirmOrReject(Session& s, Id report_back_id, Id assignment_id, Id item_id, bool confirm,
                              const std::string& by) {
    std::string state = confirm ? "confirmed" : "rejected", at = nowIso(), who = by;
    Poco::Nullable<Poco::Int64> followup;
    if (confirm) {
      std::vector<std::string> numbers, dates, titles, evidence, statuses;
      std::vector<Poco::Int64> docs;
      s << "SELECT i.number, d.date, d.title, d.id, rb.evidence, rb.reported_status FROM report_backs rb "
           "JOIN items i ON i.id = rb.item_id JOIN documents d ON d.id = i.document_id WHERE rb.id = ?",
          into(numbers), into(dates), into(titles), into(docs), into(evidence), into(statuses), bind(report_back_id),
          now;
      FollowUp f;
      f.status = parseAssignmentStatus(statuses.at(0)).value_or(AssignmentStatus::kInProgress);
      f.date = dates.at(0);
      f.comment = "Återrapporterat i " + titles.at(0) + ", § " + numbers.at(0) + " (" + evidence.at(0) + ").";
      f.source_document_id = docs.at(0);
      f.source_item_number = numbers.at(0);
      f.author = by == "beslut" ? "" : by;  // found by Beslut: an extracted follow-up, like an annual report's
      insertFollowUp(s, assignment_id, f);
      followup = f.id;
    }
    s << "UPDATE report_backs SET state = ?, decided_by = ?, decided_at = ?, followup_id = ? WHERE id = ?",
        use(state), use(who), use(at), use(followup), bind(report_back_id), now;
    (void)item_id;
  }

  // Items of later documents that report on assignments of earlier ones, in
  // both directions from `document_id`: its items against earlier assignments,
  // and its assignments against later items that name the assignee.
  Result<std::size_t> matchReportBacks(Id document_id) {
    struct Found {
      Id assignment_id, item_id;
      double score;
      std::string evidence;
      AssignmentStatus status;
    };
    std::vector<Found> found;
    try {
      Session s = pool_.get();
      auto doc = loadEffective(s, document_id);
      if (!doc.ok()) return doc.status();
      if (doc->date.empty() || doc->kind == DocumentKind::kOther) return std::size_t{0};
      // Only what the public may read reports back: a draft's or a non-public item's words must
      // not reach a public assignment's follow-ups. Publishing runs this again.
      auto visible = [](const Document& d, const Item& item) { return itemVisibleToPublic(d.publication_state, item); };
      // Forward: earlier assignments reported on in this document.
      std::vector<Poco::Int64> ids;
      std::vector<std::string> assignees, tasks;
      std::string date = doc->date;
      s << "SELECT a.id, a.assignee, a.task FROM assignments a JOIN items i ON i.id = a.item_id "
           "JOIN documents d ON d.id = i.document_id WHERE d.id <> ? AND d.date <> '' AND d.date < ?",
          into(ids), into(assignees), into(tasks), bind(document_id), use(date), now;
      for (std::size_t k = 0; k < ids.size(); ++k) {
        Assignment a;
        a.assignee = assignees[k];
        a.task = tasks[k];
        for (const auto& item : doc->items) {
          if (!visible(doc.value(), item)) continue;
          std::string evidence;
          const double score = reportBackScore(a, item, &evidence);
          if (score >= kProposeMatch) found.push_back({ids[k], item.id, score, evidence, reportedStatus(item)});
        }
      }
      // Backward: this document's assignments reported on in later documents.
      std::map<Id, Document> later;
      for (const auto& item : doc->items) {
        for (const auto& a : item.assignments) {
          std::string name = a.assignee.substr(0, a.assignee.find_first_of("(,"));
          while (!name.empty() && name.back() == ' ') name.pop_back();
          const std::string surname = name.substr(name.rfind(' ') + 1);
          if (surname.size() < 3 || a.id == 0) continue;
          std::vector<Poco::Int64> items, docs;
          std::string like = "%" + surname + "%";
          s << "SELECT i.id, i.document_id FROM items i JOIN documents d ON d.id = i.document_id "
               "WHERE d.id <> ? AND d.date > ? AND d.kind <> 'other' AND (i.text LIKE ? OR i.title LIKE ?) LIMIT 200",
              into(items), into(docs), bind(document_id), use(date), use(like), use(like), now;
          for (std::size_t k = 0; k < items.size(); ++k) {
            auto it = later.find(docs[k]);
            if (it == later.end()) {
              auto other = loadEffective(s, docs[k]);
              if (!other.ok()) continue;
              it = later.emplace(docs[k], std::move(other).value()).first;
            }
            for (const auto& candidate : it->second.items) {
              if (candidate.id != items[k] || !visible(it->second, candidate)) continue;
              std::string evidence;
              const double score = reportBackScore(a, candidate, &evidence);
              if (score >= kProposeMatch) found.push_back({a.id, candidate.id, score, evidence, reportedStatus(candidate)});
            }
          }
        }
      }
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not look for report-backs");
    }
    if (found.empty()) return std::size_t{0};
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status st = inTransaction(s, [&] {
        for (const auto& f : found) {
          std::vector<Poco::Int64> existing;
          std::vector<std::string> states;
          s << "SELECT id, state FROM report_backs WHERE assignment_id = ? AND item_id = ?", into(existing),
              into(states), bind(f.assignment_id), bind(f.item_id), now;
          std::string status = assignmentStatusName(f.status);
          Poco::Int64 id = 0;
          if (existing.empty()) {
            s << "INSERT INTO report_backs(assignment_id, item_id, score, evidence, reported_status) "
                 "VALUES(?, ?, ?, ?, ?)",
                bind(f.assignment_id), bind(f.item_id), bind(f.score), bind(f.evidence), use(status), now;
            id = lastInsertId(s);
          } else {
            id = existing[0];
            // A decision stands; a new reading only refreshes what was found.
            s << "UPDATE report_backs SET score = ?, evidence = ?, reported_status = ? WHERE id = ?", bind(f.score),
                bind(f.evidence), use(status), bind(id), now;
            if (states[0] != "proposed") continue;
          }
          if (f.score >= kConfirmMatch) confirmOrReject(s, id, f.assignment_id, f.item_id, true, "beslut");
        }
      });
      if (!st.ok()) return st;
      return found.size();
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store report-backs");
    }
  }

  // The same assignment given in several documents: matches by task and assignee.
  Result<std::size_t> matchThreads(Id document_id) {
    try {  // most documents give no assignment: no need to load every assignment for them
      Session s = pool_.get();
      Poco::Int64 mine = 0;
      s << "SELECT COUNT(*) FROM assignments a JOIN items i ON i.id = a.item_id WHERE i.document_id = ?", into(mine),
          bind(document_id), now;
      if (mine == 0) return std::size_t{0};
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not count assignments");
    }
    auto all = loadAssignments(0);
    if (!all.ok()) return all.status();
    struct Found {
      Id mine, other;
      double score;
      std::string evidence;
    };
    std::vector<Found> found;
    for (const auto& mine : all.value()) {
      if (mine.document_id != document_id) continue;
      std::vector<Found> candidates;
      for (const auto& other : all.value()) {
        if (other.document_id == document_id) continue;
        std::string evidence;
        double score = assignmentSimilarity(mine.assignment, other.assignment, &evidence);
        if (score >= kProposeMatch) candidates.push_back({mine.assignment.id, other.assignment.id, score, evidence});
      }
      std::sort(candidates.begin(), candidates.end(), [](const Found& a, const Found& b) { return a.score > b.score; });
      if (candidates.size() > 3) candidates.resize(3);
      found.insert(found.end(), candidates.begin(), candidates.end());
    }
    if (found.empty()) return std::size_t{0};
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status st = inTransaction(s, [&] {
        for (const auto& f : found) {
          std::string state = f.score >= kConfirmMatch ? "confirmed" : "proposed";
          std::string by = f.score >= kConfirmMatch ? "beslut" : "";
          std::string at = f.score >= kConfirmMatch ? nowIso() : "";
          // A person's decision on the pair stands; a new reading only refreshes score and evidence.
          s << "INSERT INTO assignment_matches(assignment_id, other_id, score, evidence, state, decided_by, "
               "decided_at) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(assignment_id, other_id) DO UPDATE SET "
               "score = excluded.score, evidence = excluded.evidence",
              bind(f.mine), bind(f.other), bind(f.score), bind(f.evidence), use(state), use(by), use(at), now;
        }
        appendChange(s, "document", document_id, "matched");
      });
      if (!st.ok()) return st;
      return found.size();
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store assignment matches");
    }
  }

  Result<std::vector<AssignmentMatch>> assignmentMatches(Id assignment_id) const override {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids, mine, others;
      std::vector<double> scores;
      std::vector<std::string> evidence, states, by;
      s << "SELECT id, assignment_id, other_id, score, evidence, state, decided_by FROM assignment_matches "
           "WHERE ? = 0 OR assignment_id = ? OR other_id = ? ORDER BY score DESC, id",
          into(ids), into(mine), into(others), into(scores), into(evidence), into(states), into(by),
          bind(assignment_id), bind(assignment_id), bind(assignment_id), now;
      std::vector<AssignmentMatch> out(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) {
        out[i] = {ids[i], mine[i], others[i], scores[i], evidence[i], reviewStateOf(states[i]), by[i]};
      }
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read assignment matches");
    }
  }

  Status decideMatch(Id match_id, bool confirm, const std::string& by) override {
    if (by.empty()) return Status::invalidArgument("Ange vem som bekräftar eller avvisar.");
    std::lock_guard<std::mutex> lock(write_mutex_);
    try {
      Session s = pool_.get();
      Status found = Status::notFound("Matchningen " + std::to_string(match_id) + " finns inte.");
      Status st = inTransaction(s, [&] {
        std::string state = confirm ? "confirmed" : "rejected", at = nowIso();
        std::string who = by;
        s << "UPDATE assignment_matches SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?", use(state),
            use(who), use(at), bind(match_id), now;
        Poco::Int64 changed = 0;
        s << "SELECT changes()", into(changed), now;
        if (changed > 0) {
          found = Status::okStatus();
          appendChange(s, "assignment_match", match_id, state);
        }
      });
      if (!st.ok()) return st;
      return found;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not store the decision");
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
  Result<std::vector<SavedSearch>> loadSavedSearches(const std::string& where) const {
    try {
      Session s = pool_.get();
      std::vector<Poco::Int64> ids;
      std::vector<std::string> names, queries, created;
      s << "SELECT id, name, query, created_at FROM saved_searches " + where + " ORDER BY id", into(ids),
          into(names), into(queries), into(created), now;
      std::vector<SavedSearch> out(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) out[i] = {ids[i], names[i], queries[i], created[i]};
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read saved searches");
    }
  }

  // All assignments (only_id == 0) or one, with follow-ups and areas.
  Result<std::vector<AssignmentRecord>> loadAssignments(Id only_id) const {
    try {
      Session s = pool_.get();
      const std::string where = only_id != 0 ? " WHERE a.id = " + std::to_string(only_id) : "";
      std::vector<Poco::Int64> ids, item_ids, doc_ids;
      std::vector<std::string> assignees, tasks, dues, due_texts, statuses, numbers, item_titles, doc_titles,
          doc_dates, doc_kinds, orgs, states;
      std::vector<double> progress, confidence;
      std::vector<int> item_public;
      s << "SELECT a.id, a.item_id, a.assignee, a.task, a.due, a.due_text, a.status, a.progress, a.confidence, "
           "i.number, i.title, d.id, d.title, d.date, d.kind, COALESCE(o.name, ''), i.is_public, "
           "d.publication_state FROM assignments a "
           "JOIN items i ON i.id = a.item_id JOIN documents d ON d.id = i.document_id "
           "LEFT JOIN organizations o ON o.id = d.organization_id" + where + " ORDER BY a.id",
          into(ids), into(item_ids), into(assignees), into(tasks), into(dues), into(due_texts), into(statuses),
          into(progress), into(confidence), into(numbers), into(item_titles), into(doc_ids), into(doc_titles),
          into(doc_dates), into(doc_kinds), into(orgs), into(item_public), into(states), now;
      std::vector<AssignmentRecord> out(ids.size());
      std::map<Poco::Int64, AssignmentRecord*> by_id;
      std::map<Poco::Int64, std::vector<AssignmentRecord*>> by_item;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        AssignmentRecord& r = out[i];
        Assignment& a = r.assignment;
        a.id = ids[i];
        a.assignee = assignees[i];
        a.task = tasks[i];
        a.due = dues[i];
        a.due_text = due_texts[i];
        a.status = parseAssignmentStatus(statuses[i]).value_or(AssignmentStatus::kOpen);
        a.progress = progress[i];
        a.confidence = confidence[i];
        r.document_id = doc_ids[i];
        r.document_kind = parseDocumentKind(doc_kinds[i]).value_or(DocumentKind::kOther);
        r.document_title = doc_titles[i];
        r.document_date = doc_dates[i];
        r.organization = orgs[i];
        r.is_public = item_public[i] != 0 && states[i] == "published";
        r.item_number = numbers[i];
        r.item_title = item_titles[i];
        by_id[a.id] = &r;
        by_item[item_ids[i]].push_back(&r);
      }
      if (out.empty()) return out;
      attachFollowUps(s, by_id, only_id);
      attachAreas(s, by_id, by_item);
      return out;
    } catch (const Poco::Exception& e) {
      return fromException(e.displayText(), "could not read assignments");
    }
  }

  static void attachFollowUps(Session& s, std::map<Poco::Int64, AssignmentRecord*>& by_id, Id only_id) {
    for (auto& f : detail::loadFollowUps(s, "? IN (0, a.id)", only_id)) {
      if (auto it = by_id.find(f.assignment_id); it != by_id.end()) it->second->assignment.followups.push_back(std::move(f));
    }
  }

  // An assignment serves the nodes it is linked to; without links of its own,
  // those of its item.
  static void attachAreas(Session& s, std::map<Poco::Int64, AssignmentRecord*>& by_id,
                          std::map<Poco::Int64, std::vector<AssignmentRecord*>>& by_item) {
    std::vector<std::string> types, schemes, codes, explanations, origins, confirmed;
    std::vector<Poco::Int64> objects;
    std::vector<double> scores;
    s << "SELECT object_type, object_id, scheme, code, score, explanation, origin, confirmed_by FROM links "
         "WHERE object_type IN ('assignment', 'item') ORDER BY score DESC",
        into(types), into(objects), into(schemes), into(codes), into(scores), into(explanations), into(origins),
        into(confirmed), now;
    std::map<AssignmentRecord*, std::vector<Link>> own, inherited;
    for (std::size_t i = 0; i < types.size(); ++i) {
      Link l;
      l.object_type = types[i];
      l.object_id = objects[i];
      l.scheme = schemes[i];
      l.code = codes[i];
      l.score = scores[i];
      l.explanation = explanations[i];
      l.origin = origins[i];
      l.confirmed_by = confirmed[i];
      if (types[i] == "assignment") {
        if (auto it = by_id.find(objects[i]); it != by_id.end()) own[it->second].push_back(l);
      } else if (auto it = by_item.find(objects[i]); it != by_item.end()) {
        for (auto* r : it->second) inherited[r].push_back(l);
      }
    }
    for (auto& [id, r] : by_id) r->areas = own.count(r) ? own[r] : inherited[r];
  }

  static void insertOriginal(Session& s, const Document& d, std::string_view bytes) {
    Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string sha = d.original.sha256, media = d.original.media_type;
    Poco::Int64 size = static_cast<Poco::Int64>(bytes.size());
    s << "INSERT OR IGNORE INTO originals(sha256, media_type, size, bytes) VALUES(?, ?, ?, ?)",
        use(sha), use(media), use(size), use(blob), now;
  }

  // The extraction (everything the plugin read, without the texts, which have
  // their own columns) is kept as JSON; items, decisions, assignments and
  // follow-ups are also rows, for ids and queries.
  static Poco::Int64 insertDocument(Session& s, const Document& d) {
    std::string extraction = extractionJson(d);
    std::string kind = documentKindName(d.kind), created = nowIso();
    s << "INSERT INTO documents(kind, title, language, publication_state, plugin, sha256, filename, text, "
         "extraction, created_at, extracted_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        use(kind), bind(d.title), bind(d.language), bind(std::string(publicationStateName(d.publication_state))), bind(d.plugin),
        bind(d.original.sha256), bind(d.original.filename), bind(d.text), use(extraction), use(created),
        use(created), now;
    return lastInsertId(s);
  }

  // The extraction as kept: everything the plugin read but the whole text
  // (documents.text). Item texts are in it as extracted; items.text holds the
  // effective (possibly corrected) text for search.
  static std::string extractionJson(const Document& d) {
    return toJsonString(documentToJson(d, {false, true}));
  }

  // The raw extraction of a document, with its texts and row ids.
  static Result<Document> loadExtraction(Session& s, Id id) {
    std::vector<std::string> extraction, text;
    s << "SELECT extraction, text FROM documents WHERE id = ?", into(extraction), into(text), bind(id), now;
    if (extraction.empty()) return Status::notFound("no document " + std::to_string(id));
    auto parsed = documentFromJson(extraction.front());
    if (!parsed.ok()) return parsed.status();
    Document d = std::move(parsed).value();
    d.id = id;
    d.text = std::move(text.front());
    return d;
  }

  static std::vector<Correction> loadCorrections(Session& s, Id document_id) {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> paths, values, authors, reasons, created;
    s << "SELECT id, path, value, author, reason, created_at FROM corrections WHERE document_id = ? ORDER BY id",
        into(ids), into(paths), into(values), into(authors), into(reasons), into(created), bind(document_id), now;
    std::vector<Correction> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i], paths[i], values[i], authors[i], reasons[i], created[i]};
    }
    return out;
  }

  // The record; its approvals only when asked (reading a document or a passage does not need them).
  static Result<Publication> loadPublication(Session& s, Id id, bool with_approvals = true) {
    std::vector<std::string> states, sent, adjusted, posted, items, extracted;
    s << "SELECT publication_state FROM documents WHERE id = ?", into(extracted), bind(id), now;
    if (extracted.empty()) return Status::notFound("Dokumentet " + std::to_string(id) + " finns inte.");
    s << "SELECT state, sent_at, adjusted_date, posted_date, immediate_items FROM publications WHERE document_id = ?",
        into(states), into(sent), into(adjusted), into(posted), into(items), bind(id), now;
    Publication p;
    p.state = publicationStateOf(extracted.front());
    if (!states.empty()) {
      p.has_record = true;
      p.state = publicationStateOf(states[0]);
      p.sent_at = sent[0];
      p.adjusted_date = adjusted[0];
      p.posted_date = posted[0];
      std::istringstream lines(items[0]);
      for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) p.immediate_items.push_back(line);
      }
    }
    if (!with_approvals) return p;
    std::vector<std::string> persons, scopes, ats;
    s << "SELECT person, scope, approved_at FROM approvals WHERE document_id = ? ORDER BY id", into(persons),
        into(scopes), into(ats), bind(id), now;
    for (std::size_t i = 0; i < persons.size(); ++i) p.approvals.push_back({persons[i], scopes[i], ats[i]});
    return p;
  }

  // Extraction + corrections + publication, with item texts and row ids.
  static Result<Document> loadEffective(Session& s, Id id) {
    auto d = loadExtraction(s, id);
    if (!d.ok()) return d;
    applyCorrections(d.value(), loadCorrections(s, id));
    if (auto p = loadPublication(s, id, false); p.ok()) {
      d->publication_state = p->state;
      if (!p->adjusted_date.empty()) d->adjusted_date = p->adjusted_date;
      for (auto& item : d->items) {
        item.adjusted_immediately = std::find(p->immediate_items.begin(), p->immediate_items.end(), item.number) !=
                                    p->immediate_items.end();
      }
    }
    detail::attachRowIds(s, id, d.value());  // rows mirror the effective document, position by position
    return d;
  }

  static void appendChange(Session& s, const std::string& entity, Poco::Int64 id,
                           const std::string& op) {
    std::string e = entity, o = op, at = nowIso();
    s << "INSERT INTO change_log(entity, entity_id, op, at) VALUES(?, ?, ?, ?)", use(e), bind(id),
        use(o), use(at), now;
  }

  static std::vector<DocumentSummary> summaries(Session& s, const std::string& where, Poco::Int64 arg) {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> kinds, titles, orgs, dates, states, created;
    s << "SELECT d.id, d.kind, d.title, COALESCE(o.name, ''), d.date, d.publication_state, d.created_at "
         "FROM documents d LEFT JOIN organizations o ON o.id = d.organization_id WHERE " + where,
        into(ids), into(kinds), into(titles), into(orgs), into(dates), into(states), into(created), bind(arg), now;
    std::vector<DocumentSummary> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i], parseDocumentKind(kinds[i]).value_or(DocumentKind::kOther), titles[i],
                orgs[i], dates[i], publicationStateOf(states[i]), created[i]};
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
