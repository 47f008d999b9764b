#include "status_terms.h"
#include "fields.h"

#include <lucene++/BooleanQuery.h>
#include <lucene++/TermQuery.h>
#include <lucene++/TermRangeQuery.h>

#include "beslut/followup.h"

namespace beslut::detail {

using namespace Lucene;

namespace {

bool pending(AssignmentStatus s) { return s == AssignmentStatus::kOpen || s == AssignmentStatus::kInProgress; }

String wide(const std::string& s) { return StringUtils::toUnicode(s); }

}  // namespace

std::string statusTerm(const Assignment& assignment) {
  AssignmentStatus recorded = statusOn(recordedStatus(assignment), "", "");  // "overdue" recorded: in progress
  const std::string name = assignmentStatusName(recorded);
  const std::string due = dueDate(assignment.due);
  return pending(recorded) && !due.empty() ? name + "@" + due : name;
}

AssignmentStatus statusOfTerm(const std::string& term, const std::string& today) {
  const std::size_t at = term.find('@');
  const auto recorded = parseAssignmentStatus(term.substr(0, at)).value_or(AssignmentStatus::kOpen);
  return statusOn(recorded, at == std::string::npos ? std::string() : term.substr(at + 1), today);
}

QueryPtr statusQuery(const std::string& status, const std::string& today) {
  auto wanted = parseAssignmentStatus(status);
  if (!wanted) return QueryPtr();
  auto any = newLucene<BooleanQuery>(true);
  auto range = [&](AssignmentStatus s, const std::string& from, const std::string& to, bool include_to) {
    const std::string name = assignmentStatusName(s);
    any->add(newLucene<TermRangeQuery>(field::kStatus, wide(name + "@" + from), wide(name + "@" + to), true,
                                       include_to),
             BooleanClause::SHOULD);
  };
  if (!pending(*wanted)) {
    if (*wanted != AssignmentStatus::kOverdue) {
      any->add(newLucene<TermQuery>(newLucene<Term>(field::kStatus, wide(status))), BooleanClause::SHOULD);
      return any;
    }
    // Overdue: pending, due before today.
    for (auto s : {AssignmentStatus::kOpen, AssignmentStatus::kInProgress}) range(s, "", today, false);
    return any;
  }
  // Open or in progress: without a due date, or due today or later.
  any->add(newLucene<TermQuery>(newLucene<Term>(field::kStatus, wide(status))), BooleanClause::SHOULD);
  range(*wanted, today, "9999-12-31", true);
  return any;
}

}  // namespace beslut::detail
