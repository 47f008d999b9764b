// The use cases of follow-up: recording a follow-up and deciding whether a
// proposed match (the same task elsewhere) or report-back holds. Each checks
// the principal's rights (an editor of the assignment's body), does the work
// and records itself in the audit log with the assignment as it stands
// before and after.
#pragma once

#include <string>

#include "beslut/accounts.h"
#include "beslut/followup.h"
#include "beslut/status.h"
#include "beslut/store.h"

namespace beslut {

class FollowUps {
 public:
  FollowUps(Store& store, AccountStore& accounts) : store_(store), accounts_(accounts) {}

  // `followup.author` becomes who.name; a date, when given, is YYYY-MM-DD;
  // progress, when given (>= 0), 0–100. "Overdue" is not recorded: it follows
  // from the due date (see statusOn), so it is kept as in progress. `via` is
  // said in the audit log ("CSV").
  Result<FollowUp> add(const Principal& who, Id assignment_id, FollowUp followup, const std::string& via = "");

  // A person's decision on a match or report-back of this assignment; kNotFound
  // when it is not this assignment's (or not the caller's to see).
  Status decideMatch(const Principal& who, Id assignment_id, Id match_id, bool confirm);
  Status decideReportBack(const Principal& who, Id assignment_id, Id report_back_id, bool confirm);

 private:
  Result<AssignmentRecord> editable(const Principal& who, Id assignment_id) const;
  std::string summary(const Principal& who, Id assignment_id) const;

  Store& store_;
  AccountStore& accounts_;
};

}  // namespace beslut
