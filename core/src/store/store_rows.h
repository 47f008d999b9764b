// The rows that mirror a document's effective extraction (its extraction with
// corrections applied): items, decisions, assignments, extracted follow-ups,
// the meeting and its attendances. Internal to the SQLite store.
#pragma once

#include <Poco/Data/Session.h>

#include "beslut/model.h"

namespace beslut::detail {

// Makes the rows of document `doc_id` match `effective`, updating rows in
// place by position so that ids of items, decisions and assignments that still
// exist stay the same (follow-ups and links refer to them). Also updates the
// document row's title, date, organization and registry number.
// REQUIRES: inside a write transaction.
void syncDocumentRows(Poco::Data::Session& s, Poco::Int64 doc_id, const Document& effective);

// Fills in what the extraction JSON leaves out: each item's text and the ids
// of items, decisions, assignments and follow-ups (matched by position).
void attachRowIds(Poco::Data::Session& s, Poco::Int64 doc_id, Document& document);

// Now as ISO 8601 UTC ("2026-11-23T05:30:00Z").
std::string nowIso();

// States as stored (text columns); "" (before a state was kept) is published, resp. proposed.
inline PublicationState publicationStateOf(const std::string& stored) {
  // Fails closed: a state this version does not know is not public.
  if (stored.empty()) return PublicationState::kPublished;
  return parsePublicationState(stored).value_or(PublicationState::kDraft);
}
inline ReviewState reviewStateOf(const std::string& stored) {
  return parseReviewState(stored).value_or(ReviewState::kProposed);
}
// The rowid of the last INSERT on this session.
Poco::Int64 lastInsertId(Poco::Data::Session& s);

// Follow-up rows joined with their assignment `a` (and its item `i` when
// `condition` names it), e.g. condition "i.document_id = ? AND f.author <> ''"
// with arg; oldest first by date, then as recorded.
std::vector<FollowUp> loadFollowUps(Poco::Data::Session& s, const std::string& condition, Poco::Int64 arg);

// The id of the organization named `name`, created if new; 0 for an empty name.
Poco::Int64 upsertOrganization(Poco::Data::Session& s, const std::string& name);

}  // namespace beslut::detail
