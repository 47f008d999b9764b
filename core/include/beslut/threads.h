// Assignments as they stand. An assignment found to be the same task in
// another document (a confirmed match: "one thread") shares that document's
// follow-ups, so every face that shows a status — the API item and list, CSV,
// iCalendar, area summaries, the search index, the portal's pages — reads the
// thread's follow-ups through this one rule.
#pragma once

#include <map>
#include <set>
#include <vector>

#include "beslut/accounts.h"
#include "beslut/followup.h"
#include "beslut/model.h"
#include "beslut/status.h"
#include "beslut/store.h"

namespace beslut {

class Threads {
 public:
  // The matches (every state) that involve these assignments, and the
  // follow-ups of the public assignments their confirmed matches join them to
  // (a draft's follow-ups count once it is published).
  static Result<Threads> load(const Store& store, const std::vector<Id>& assignment_ids);
  // The same for every assignment in the store, given as `all` (their follow-ups are not read again).
  static Result<Threads> loadAll(const Store& store, const std::vector<AssignmentRecord>& all);

  // The assignment with the follow-ups of its confirmed thread, oldest first.
  // Each follow-up keeps the assignment_id it was recorded on.
  Assignment merged(const Assignment& assignment) const;
  // Every assignment of every item merged.
  void merge(Document& document) const;
  void merge(std::vector<AssignmentRecord>& records) const;

  // The matches of an assignment, every state, best first.
  const std::vector<AssignmentMatch>& matchesOf(Id assignment_id) const;
  // The assignments a confirmed match joins this one to.
  std::vector<Id> confirmedMates(Id assignment_id) const;
  // The documents of every assignment joined by a confirmed match (public or not).
  const std::set<Id>& joinedDocuments() const { return joined_documents_; }

 private:
  void add(const std::vector<AssignmentMatch>& matches);
  Status loadFollowUps(const Store& store, const std::vector<AssignmentRecord>* known = nullptr);

  std::map<Id, std::vector<AssignmentMatch>> matches_;
  std::map<Id, std::vector<FollowUp>> followups_;  // of public assignments joined by a confirmed match
  std::set<Id> joined_documents_;
};

// Every assignment `who` may see, as it stands (visibility, then threads);
// `threads`, when given, receives the threads it was merged with.
Result<std::vector<AssignmentRecord>> assignmentsAsTheyStand(const Store& store, const Principal& who,
                                                             Threads* threads = nullptr);
// One assignment as it stands; kNotFound when it is not there or not `who`'s to see.
Result<AssignmentRecord> assignmentAsItStands(const Store& store, const Principal& who, Id id);
// A document with its assignments as they stand (not redacted: see redactFor).
// `thread_documents`, when given, receives the other documents its assignments
// share a confirmed thread with (their statuses follow this one's changes).
Result<Document> documentAsItStands(const Store& store, Id id, std::set<Id>* thread_documents = nullptr);

// The documents to re-index after these changes: the documents changed and
// both documents of a match decided (their thread mates follow when each is
// re-indexed, see documentAsItStands).
Result<std::set<Id>> documentsChangedBy(const Store& store, const std::vector<ChangeEntry>& changes);

}  // namespace beslut
