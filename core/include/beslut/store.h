// The store is the truth: documents, their items, decisions and assignments,
// the original files (content-addressed by SHA-256) and an ordered, persistent
// change log that the search index (and later the follow-up tracker) tails.
//
// Every write is one transaction that also appends to the change log; a write
// call returns only after the transaction has committed. Implementations are
// safe to call from many threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/accounts.h"
#include "beslut/corrections.h"
#include "beslut/followup.h"
#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

using Sequence = std::int64_t;

struct ChangeEntry {
  Sequence seq = 0;
  std::string entity;  // "document"
  Id entity_id = 0;
  std::string op;  // "upsert", "delete"
};

struct ImportOutcome {
  Id id = 0;
  bool created = false;  // false: the same bytes were imported before
};

// One document of a batch import and the bytes of its original.
struct PendingImport {
  const Document* document = nullptr;
  std::string_view original_bytes;
  const AuditEntry* audit = nullptr;  // recorded with the document (its entity_id set), if given
};

// A document's identifying fields without its text and items.
struct DocumentSummary {
  Id id = 0;
  DocumentKind kind = DocumentKind::kOther;
  std::string title;
  std::string organization;
  std::string date;
  PublicationState publication_state = PublicationState::kPublished;
  std::string created_at;  // when it was imported (ISO 8601 UTC)
};

// One person's approval (justering) of minutes: of the whole (scope "") or of
// one item adjusted at once (scope: the item's number).
struct Approval {
  std::string person;
  std::string scope;
  std::string approved_at;  // ISO 8601 UTC
};

// Where a document stands in publishing. Documents imported as they were
// published (an archive) have no record and read as their extracted state.
struct Publication {
  bool has_record = false;  // false: never went through publishing here (an archive import)
  PublicationState state = PublicationState::kPublished;
  std::string sent_at;                       // when it was sent for justering
  std::string adjusted_date;                 // YYYY-MM-DD of the last approval
  std::string posted_date;                   // YYYY-MM-DD: on the notice board from this day
  std::vector<std::string> immediate_items;  // numbers of items adjusted at once
  std::vector<Approval> approvals;
};

// A search someone follows as a feed.
// A search an official saved. Personal: only its owner sees it (canSee in
// visibility.h); its Atom feed is read without logging in, so the feed's
// address carries `feed_key`, a random secret, not just the id.
struct SavedSearch {
  Id id = 0;
  std::string name;
  std::string query;
  std::string created_at;
  Id owner_id = 0;
  std::string feed_key;
};

// One item together with the summary of the document it belongs to.
struct Passage {
  DocumentSummary document;
  Item item;
};

class Store {
 public:
  virtual ~Store();

  // Stores the original bytes, the document and its items, decisions and
  // assignments, and appends ("document", id, "upsert") to the change log, in
  // one transaction, together with `audit` (if given; its entity_id becomes
  // the new id) in the audit log. If a document with the same original bytes
  // exists, nothing is written and its id is returned with created == false.
  // REQUIRES: document.original.sha256 == sha256Hex(original_bytes).
  virtual Result<ImportOutcome> importDocument(const Document& document, std::string_view original_bytes,
                                               const AuditEntry* audit = nullptr) = 0;
  // Imports several documents in one transaction, so a bulk import waits for
  // one disk sync instead of one per file. Each document is stored as
  // importDocument would, inside a savepoint of its own: one that fails leaves
  // the others stored. The results follow the order of `batch`; if the
  // transaction as a whole cannot commit, every result carries that error.
  virtual std::vector<Result<ImportOutcome>> importDocuments(const std::vector<PendingImport>& batch) = 0;
  // SQLite's integrity check of the whole database: ok, or kCorruption with what it found.
  virtual Status checkIntegrity() const = 0;
  // Deletes a document (its items, decisions, assignments) and logs ("document", id, "delete").
  virtual Status deleteDocument(Id id) = 0;

  // The document as it stands: the extraction with its corrections applied.
  // kNotFound if absent.
  virtual Result<Document> document(Id id) const = 0;
  // What the plugins extracted, without corrections.
  virtual Result<Document> extraction(Id id) const = 0;
  // The document's corrections, oldest first.
  virtual Result<std::vector<Correction>> corrections(Id document_id) const = 0;
  // Records a correction (author required) and applies it: the effective
  // document's rows and the change log are updated in the same transaction.
  // kInvalidArgument if it does not apply to the document as it stands.
  virtual Result<Correction> addCorrection(Id document_id, Correction correction) = 0;
  // Replaces a document's extraction (a re-extraction of its original by newer
  // plugins) and re-applies its corrections. Ids of items, decisions and
  // assignments are kept by position; follow-ups added by people are kept.
  virtual Status replaceExtraction(Id document_id, const Document& fresh) = 0;
  virtual Result<DocumentSummary> documentSummary(Id id) const = 0;
  virtual Result<Passage> passage(Id item_id) const = 0;
  virtual Result<std::optional<Id>> findBySha256(const std::string& sha256) const = 0;
  // The original bytes; kNotFound if absent.
  virtual Result<std::string> original(const std::string& sha256) const = 0;
  virtual Result<std::vector<Id>> documentIds() const = 0;
  // Summaries filtered by kind, organization and state (empty: any), newest
  // date first, at most `limit`.
  virtual Result<std::vector<DocumentSummary>> listDocuments(const std::string& kind, const std::string& organization,
                                                             const std::string& state, std::size_t limit) const = 0;

  // The document's publication record (approvals oldest first); without one,
  // its extracted state. kNotFound for an unknown document.
  virtual Result<Publication> publication(Id document_id) const = 0;
  // Writes the record's state, dates and immediately adjusted items (not its
  // approvals) and logs ("document", id, "upsert"): search follows.
  virtual Status setPublication(Id document_id, const Publication& publication) = 0;
  // Records an approval; one per person and scope (again refreshes its time).
  virtual Status addApproval(Id document_id, const Approval& approval) = 0;
  virtual Result<std::int64_t> documentCount() const = 0;

  // Saves a search (name and query required, query already checked).
  virtual Result<SavedSearch> addSavedSearch(SavedSearch search) = 0;
  // kNotFound if absent.
  virtual Result<SavedSearch> savedSearch(Id id) const = 0;
  virtual Result<std::vector<SavedSearch>> savedSearches() const = 0;

  // Every assignment with its source, follow-ups and areas, by id.
  virtual Result<std::vector<AssignmentRecord>> assignments() const = 0;
  // kNotFound if absent.
  virtual Result<AssignmentRecord> assignment(Id id) const = 0;
  // Records a person's follow-up (author required) and logs
  // ("assignment", id, "followup"). kNotFound for an unknown assignment.
  virtual Result<FollowUp> addFollowUp(Id assignment_id, FollowUp followup) = 0;

  // Compares the assignments of a document with those of every other document
  // and records matches (kConfirmMatch and above confirmed, from kProposeMatch
  // proposed), at most three per assignment. Returns how many were recorded.
  virtual Result<std::size_t> matchAssignments(Id document_id) = 0;
  // Matches that involve an assignment, either side, best first; 0: every match.
  virtual Result<std::vector<AssignmentMatch>> assignmentMatches(Id assignment_id) const = 0;
  // A person confirms or rejects a match. kNotFound for an unknown match.
  virtual Status decideMatch(Id match_id, bool confirm, const std::string& by) = 0;

  // How many documents, items, decisions and assignments are linked to a
  // strategy node or its children (code "5" covers "5.4"), by object type;
  // published documents only when `published_only`.
  virtual Result<std::map<std::string, std::int64_t>> linkCounts(const std::string& scheme, const std::string& code,
                                                                 bool published_only) const = 0;

  // Items linked to a strategy node or its children, themselves or through one
  // of their decisions or assignments: item ids, newest document first, at
  // most `limit` (visibility is the caller's to check).
  virtual Result<std::vector<Id>> linkedItems(const std::string& scheme, const std::string& code,
                                              std::size_t limit) const = 0;

  // Report-backs: items of later documents (by date) that report on an
  // assignment of an earlier one (reportBackScore), found when either document
  // is imported (by matchAssignments). From kConfirmMatch they are confirmed at
  // once and become a follow-up (author "beslut", the item as its source);
  // from kProposeMatch they wait for a person. 0: every assignment's.
  virtual Result<std::vector<ReportBack>> reportBacks(Id assignment_id) const = 0;
  // A person confirms (the report becomes a follow-up, by them) or rejects one.
  // kNotFound for an unknown report-back; a decided one stays as decided.
  virtual Status decideReportBack(Id report_back_id, bool confirm, const std::string& by) = 0;

  // Change-log entries with seq > after, in order, at most `limit`.
  virtual Result<std::vector<ChangeEntry>> changesSince(Sequence after, std::size_t limit) const = 0;
  // The highest sequence number in the change log (0 when empty).
  virtual Result<Sequence> lastSequence() const = 0;
  virtual Result<int> schemaVersion() const = 0;
};

struct SqliteStoreOptions {
  std::string path;  // database file; its folder must exist
  int max_sessions = 16;
  int busy_timeout_ms = 10000;
};

// Opens (creating if needed) an SQLite store in WAL mode with synchronous=FULL
// and applies pending schema migrations.
Result<std::unique_ptr<Store>> openSqliteStore(const SqliteStoreOptions& options);

}  // namespace beslut
