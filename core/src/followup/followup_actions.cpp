#include "beslut/followup_actions.h"

#include <algorithm>
#include <sstream>

#include "beslut/audit.h"
#include "beslut/followup.h"
#include "beslut/threads.h"
#include "beslut/visibility.h"

namespace beslut {

namespace {

bool isoDate(const std::string& s) { return s.size() == 10 && dueDate(s) == s; }

}  // namespace

Result<AssignmentRecord> FollowUps::editable(const Principal& who, Id assignment_id) const {
  auto record = assignmentAsItStands(store_, who, assignment_id);
  if (!record.ok()) return record.status();
  if (!who.canEdit(record->organization)) return mayNotEdit(record->organization);
  return record;
}

// The assignment as it stands, for the audit log.
std::string FollowUps::summary(const Principal& who, Id assignment_id) const {
  auto record = assignmentAsItStands(store_, who, assignment_id);
  if (!record.ok()) return "";
  const Assignment& a = record->assignment;
  std::ostringstream out;
  out << "{\"status\":\"" << assignmentStatusName(recordedStatus(a)) << "\",\"progress\":" << currentProgress(a)
      << ",\"followups\":" << a.followups.size() << "}";
  return out.str();
}

Result<FollowUp> FollowUps::add(const Principal& who, Id assignment_id, FollowUp f, const std::string& via) {
  auto current = editable(who, assignment_id);
  if (!current.ok()) return current.status();
  if (!f.date.empty() && !isoDate(f.date)) return Status::invalidArgument("Datumet ska skrivas ÅÅÅÅ-MM-DD.");
  if (f.progress >= 0 && f.progress > 100) return Status::invalidArgument("Andelen klart ska vara 0–100.");
  if (f.status == AssignmentStatus::kOverdue) f.status = AssignmentStatus::kInProgress;
  f.author = who.name;
  const std::string before = summary(who, assignment_id);
  auto stored = store_.addFollowUp(assignment_id, f);
  if (!stored.ok()) return stored.status();
  recordChange(accounts_, who, via.empty() ? "assignment.followup" : "assignment.followup (" + via + ")", "assignment",
               assignment_id, before, summary(who, assignment_id));
  return stored;
}

Status FollowUps::decideMatch(const Principal& who, Id assignment_id, Id match_id, bool confirm) {
  auto current = editable(who, assignment_id);
  if (!current.ok()) return current.status();
  auto mine = store_.assignmentMatches(assignment_id);
  if (!mine.ok()) return mine.status();
  // Only a match whose other assignment the person may see: a match with another
  // body's draft is not theirs to decide (nor to learn of).
  auto visible = [&](const AssignmentMatch& m) {
    const Id other = m.assignment_id == assignment_id ? m.other_id : m.assignment_id;
    auto record = store_.assignment(other);
    return record.ok() && canSee(who, record.value());
  };
  if (std::none_of(mine->begin(), mine->end(),
                   [&](const AssignmentMatch& m) { return m.id == match_id && visible(m); })) {
    return Status::notFound("Uppdraget har ingen matchning " + std::to_string(match_id) + ".");
  }
  const std::string before = summary(who, assignment_id);
  if (Status st = store_.decideMatch(match_id, confirm, who.name); !st.ok()) return st;
  recordChange(accounts_, who, std::string("assignment.match") + (confirm ? ".confirm" : ".reject"), "assignment",
               assignment_id, before, summary(who, assignment_id));
  return Status::okStatus();
}

Status FollowUps::decideReportBack(const Principal& who, Id assignment_id, Id report_back_id, bool confirm) {
  auto current = editable(who, assignment_id);
  if (!current.ok()) return current.status();
  auto mine = store_.reportBacks(assignment_id);
  if (!mine.ok()) return mine.status();
  if (std::none_of(mine->begin(), mine->end(),
                   [&](const ReportBack& r) { return r.id == report_back_id && canSee(who, r); })) {
    return Status::notFound("Uppdraget har ingen återrapport " + std::to_string(report_back_id) + ".");
  }
  const std::string before = summary(who, assignment_id);
  if (Status st = store_.decideReportBack(report_back_id, confirm, who.name); !st.ok()) return st;
  recordChange(accounts_, who, std::string("assignment.report_back") + (confirm ? ".confirm" : ".reject"), "assignment",
               assignment_id, before, summary(who, assignment_id));
  return Status::okStatus();
}

}  // namespace beslut
