// Matching, decided in one place: which assignments of different documents are
// one thread, and which later items report back on an assignment, from the
// scores of beslut/followup.h (assignmentSimilarity, reportBackScore) against
// kProposeMatch and kConfirmMatch. Pure: the store reads the inputs, calls
// these and records what they return (Store::matchAssignments). Internal to core.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "beslut/followup.h"
#include "beslut/model.h"

namespace beslut::detail {

// Who decides what matching confirms without asking a person: the decided_by
// of such matches and report-backs. A follow-up made of a report-back confirmed
// by it has no author, like an extracted one.
inline constexpr char kMatcher[] = "beslut";

// The matches of the assignments of document `document_id` with those of every
// other document in `all` (assignments as the store reads them): per assignment
// of the document, in the order of `all`, the others that score kProposeMatch or
// more by assignmentSimilarity, best first, at most three. Each is returned with
// id 0, its score and evidence, kConfirmed and decided_by kMatcher from
// kConfirmMatch, else kProposed with no decided_by.
std::vector<AssignmentMatch> findThreadMatches(Id document_id, const std::vector<AssignmentRecord>& all);

// Whether a document takes part in report-backs, either way: dated and of a known kind.
bool looksForReportBacks(const Document& document);

// The name the store looks for in later items for report-backs on `assignment`:
// the surname of its assignee ("Ewa Lindberg (Region Örebro län)" → "Lindberg");
// "" when it is under three bytes (too short to look for).
std::string reportBackName(const Assignment& assignment);

// What report-backs on and in a document are found in, read by the store.
struct ReportBackSources {
  // The document, as it stands (corrections and publication applied), with row ids.
  const Document* document = nullptr;
  // Assignments (id, assignee, task) of the other documents dated before it.
  std::vector<Assignment> earlier;
  // Per assignment of `document` (by id): the items of later documents (by
  // date, not of kind other) whose text or title holds its reportBackName, as
  // (item id, that document as it stands), in the order found. Documents may repeat.
  std::map<Id, std::vector<std::pair<Id, const Document*>>> later;
};

// An item found to report back on an assignment, to record.
struct ReportBackFound {
  Id assignment_id = 0;
  Id item_id = 0;  // the later document's item
  double score = 0.0;
  std::string evidence;
  AssignmentStatus reported_status = AssignmentStatus::kInProgress;  // reportedStatus(item)
  bool confirm = false;  // from kConfirmMatch: confirmed at once, by kMatcher, unless already decided
};

// Report-backs that score kProposeMatch or more by reportBackScore, in both
// directions: the earlier assignments reported on in the document's items
// (per earlier assignment, per item), then the document's assignments reported
// on in later items (per item and assignment of the document, in the order
// found). Only items the public may read report back (itemVisibleToPublic): a
// draft's or a non-public item's words must not reach a public assignment's
// follow-ups. Empty when !looksForReportBacks(*sources.document).
// REQUIRES: sources.document != nullptr.
std::vector<ReportBackFound> findReportBacks(const ReportBackSources& sources);

}  // namespace beslut::detail
