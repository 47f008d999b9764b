// The SQLite store, through Poco::Data: the Store of beslut/store.h over one
// database file. Every method has the same shape, kept in one place
// (sqlite_util.h): reads run on a pooled session (read), writes under the write
// mutex inside one transaction (write); a Poco::Exception becomes a Status.
// Internal to the store component; its methods live in files by concern:
//   store_documents.cpp    import, delete, documents, extractions, corrections,
//                          summaries, passages, originals
//   store_publication.cpp  publication, approvals, saved searches
//   store_followup.cpp     assignments, follow-ups, matches, report-backs, link counts
//   store_changes.cpp      change log, schema version and migrations, openSqliteStore
#pragma once

#include <Poco/Data/Session.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "beslut/store.h"
#include "sqlite_util.h"

namespace beslut::detail {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const SqliteStoreOptions& options);

  // Switches the database to WAL mode and applies pending schema migrations,
  // each in a transaction of its own.
  Status migrate();

  // Documents (store_documents.cpp).
  Result<ImportOutcome> importDocument(const Document& d, std::string_view bytes, const AuditEntry* audit) override;
  Status checkIntegrity() const override;
  std::vector<Result<ImportOutcome>> importDocuments(const std::vector<PendingImport>& batch) override;
  Status deleteDocument(Id id) override;
  Result<Document> document(Id id) const override;
  Result<Document> extraction(Id id) const override;
  Result<std::vector<Correction>> corrections(Id document_id) const override;
  Result<Correction> addCorrection(Id document_id, Correction c) override;
  Status replaceExtraction(Id document_id, const Document& fresh) override;
  Result<DocumentSummary> documentSummary(Id id) const override;
  Result<Passage> passage(Id item_id) const override;
  Result<std::optional<Id>> findBySha256(const std::string& sha256) const override;
  Result<std::string> original(const std::string& sha256) const override;
  Result<std::vector<Id>> documentIds() const override;
  Result<std::vector<DocumentSummary>> listDocuments(const std::string& kind, const std::string& organization,
                                                     const std::string& state, std::size_t limit) const override;
  Result<std::int64_t> documentCount() const override;

  // Publication and saved searches (store_publication.cpp).
  Result<Publication> publication(Id document_id) const override;
  Status setPublication(Id document_id, const Publication& p) override;
  Status addApproval(Id document_id, const Approval& a) override;
  Result<SavedSearch> addSavedSearch(SavedSearch search) override;
  Result<SavedSearch> savedSearch(Id id) const override;
  Result<std::vector<SavedSearch>> savedSearches() const override;

  // Follow-up (store_followup.cpp).
  Result<std::vector<AssignmentRecord>> assignments() const override;
  Result<AssignmentRecord> assignment(Id id) const override;
  Result<FollowUp> addFollowUp(Id assignment_id, FollowUp f) override;
  Result<std::size_t> matchAssignments(Id document_id) override;
  Result<std::vector<AssignmentMatch>> assignmentMatches(Id assignment_id) const override;
  Status decideMatch(Id match_id, bool confirm, const std::string& by) override;
  Result<std::map<std::string, std::int64_t>> linkCounts(const std::string& scheme, const std::string& code,
                                                         bool published_only) const override;
  Result<std::vector<Id>> linkedItems(const std::string& scheme, const std::string& code,
                                      std::size_t limit) const override;
  Result<std::vector<ReportBack>> reportBacks(Id assignment_id) const override;
  Status decideReportBack(Id report_back_id, bool confirm, const std::string& by) override;

  // The change log and the schema (store_changes.cpp).
  Result<std::vector<ChangeEntry>> changesSince(Sequence after, std::size_t limit) const override;
  Result<Sequence> lastSequence() const override;
  Result<int> schemaVersion() const override;

 private:
  // Saved searches, all or those `where` ("WHERE id = 7") selects (store_publication.cpp).
  Result<std::vector<SavedSearch>> loadSavedSearches(const std::string& where) const;
  // All assignments (only_id == 0) or one, with follow-ups and areas (store_followup.cpp).
  Result<std::vector<AssignmentRecord>> loadAssignments(Id only_id) const;
  // The two halves of matchAssignments: reading what findThreadMatches and
  // findReportBacks (followup/matching.h) need, and recording what they find.
  Result<std::size_t> matchThreads(Id document_id);
  Result<std::size_t> matchReportBacks(Id document_id);

  mutable ConfiguredPool pool_;
  std::mutex write_mutex_;  // SQLite has one writer; queue ours instead of spinning on busy
};

// What several files of the store share.

// Appends (entity, id, op) to the change log (store_changes.cpp).
// REQUIRES: inside a write transaction.
void appendChange(Poco::Data::Session& s, const std::string& entity, Poco::Int64 id, const std::string& op);

// A document as it stands: its extraction, corrections and publication
// applied, with item texts and row ids; kNotFound if absent (store_documents.cpp).
Result<Document> loadEffective(Poco::Data::Session& s, Id id);

// A document's publication record (see Store::publication); its approvals only
// when asked: reading a document or a passage does not need them (store_publication.cpp).
Result<Publication> loadPublication(Poco::Data::Session& s, Id id, bool with_approvals = true);

}  // namespace beslut::detail
