// Follow-up of assignments: their state as it stands, given the follow-ups
// recorded so far and the day it is. "Today" is always a parameter here, never
// read from the clock, so the lifecycle is testable.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "beslut/model.h"

namespace beslut {

// The last day a due date allows: "2019-10-01" stays, a month "2019-10" is its
// last day ("2019-10-31"), a year "2025" is 31 December; "" when none or unreadable.
std::string dueDate(const std::string& due);

// The latest follow-up (by date, then by order recorded), or null.
const FollowUp* latestFollowUp(const Assignment& assignment);

// The status recorded: the latest follow-up's, else the extracted one.
AssignmentStatus recordedStatus(const Assignment& assignment);

// The one rule for a status on a day: a recorded open or in-progress status
// whose due date ("YYYY-MM-DD", see dueDate) is before `today` is overdue; done
// and cancelled never are; a recorded "overdue" that is not overdue on `today`
// (no due date, or a later one) reads as in progress. An empty `today` never
// makes anything overdue.
AssignmentStatus statusOn(AssignmentStatus recorded, const std::string& due_date, const std::string& today);

// Status as it stands on `today` (YYYY-MM-DD): statusOn(recordedStatus(a), dueDate(a.due), today).
// For an assignment in a thread, pass it merged with its thread (see threads.h).
AssignmentStatus currentStatus(const Assignment& assignment, const std::string& today);

// Progress (0–100): the latest follow-up that states one, 100 when done, else the extracted value.
double currentProgress(const Assignment& assignment);

// Swedish label of a status: "ej påbörjad", "pågående", "klar", "försenad", "avskriven".
const char* statusLabel(AssignmentStatus status);

// "2024-05-17" → "2024-Q2"; "" when the date is unreadable.
std::string quarterOf(const std::string& date);

// An assignment with where it comes from and what it serves.
struct AssignmentRecord {
  Assignment assignment;  // with its id and every follow-up (extracted and by people), oldest first
  Id document_id = 0;
  DocumentKind document_kind = DocumentKind::kOther;
  std::string document_title;
  std::string document_date;
  std::string organization;
  std::string item_number;
  std::string item_title;
  bool is_public = true;    // its item is public and its document published: anyone may see it
  std::vector<Link> areas;  // links of the assignment, else of its item; best first
};

// Which assignments to list; empty fields do not filter. Text filters match
// case-insensitively anywhere in the field.
struct AssignmentFilter {
  std::string organization;
  std::string assignee;
  std::string area;                        // a node code ("5.4")
  std::string scheme;                      // with area: only links of this scheme (codes repeat across schemes)
  std::optional<AssignmentStatus> status;  // as it stands today
  std::string due_before;                  // due date strictly before (YYYY-MM-DD)
  std::string due_after;                   // due date strictly after
  bool overdue = false;                    // only overdue ones
  std::string today;                       // YYYY-MM-DD, for overdue
};

bool matches(const AssignmentRecord& record, const AssignmentFilter& filter);

// Every status, in the order people read them (lists, tables, charts).
inline constexpr AssignmentStatus kAssignmentStatuses[] = {AssignmentStatus::kOpen, AssignmentStatus::kInProgress,
                                                           AssignmentStatus::kOverdue, AssignmentStatus::kDone,
                                                           AssignmentStatus::kCancelled};

// The statistics of follow-up, made in one place for the API's area summary,
// the area page and the follow-up page's charts.
struct FollowUpStats {
  std::size_t total = 0;
  std::map<AssignmentStatus, std::size_t> by_status;  // every status, zeros included
  // Area code → status → count; an assignment counts once per area it serves,
  // under kNoArea when it serves none.
  std::map<std::string, std::map<AssignmentStatus, std::size_t>> by_area;
  struct Quarter {
    std::size_t given = 0;  // assignments whose document is dated in the quarter
    std::size_t done = 0;   // assignments whose first "done" follow-up is dated in the quarter
  };
  std::map<std::string, Quarter> by_quarter;  // "2024-Q2"
};
inline constexpr const char* kNoArea = "(inget område)";

// Statistics of the records that match `filter`, with statuses on filter.today.
// Pass records as they stand (merged with their threads, see threads.h).
FollowUpStats followUpStats(const std::vector<AssignmentRecord>& records, const AssignmentFilter& filter);

// How alike two assignments are, in [0, 1]: the share of the shorter task's
// content words (four letters or more, lower case) found in the other, with a
// bonus when the assignees share a name. `evidence` gets the shared words.
double assignmentSimilarity(const Assignment& a, const Assignment& b, std::string* evidence = nullptr);

// Matches at or above this are taken as the same assignment without asking;
// between kProposeMatch and this a person confirms or rejects them.
constexpr double kConfirmMatch = 0.85;
constexpr double kProposeMatch = 0.5;

// A later document's item that reports back on an assignment without giving it
// anew ("Ewa Lindberg informerade om uppdragsutbildningen …"): the assignee is
// named and the item shares words of the task. Score in [0, 1]: the name (0.5
// in full, 0.4 by surname), shared task words (up to 0.5, inflections matched by
// their common stem), and 0.1 for words of reporting ("återrapporterade",
// "informerade", "redovisade", …); 0 when the name or every task word is missing,
// or when the item gives the same person an assignment of its own (that is a
// thread, see assignmentSimilarity). `evidence` says what matched.
double reportBackScore(const Assignment& assignment, const Item& item, std::string* evidence = nullptr);
// What the report says of the assignment: done when the item says so ("klart",
// "slutförts", "genomförd", …), else in progress.
AssignmentStatus reportedStatus(const Item& item);

// A later document's item proposed or confirmed as a report-back on an assignment.
struct ReportBack {
  Id id = 0;
  Id assignment_id = 0;
  Id document_id = 0;  // the later document
  std::string document_title;
  std::string document_date;
  std::string organization;  // of the later document
  bool is_public = true;     // its item is public and the document published
  std::string item_number;
  double score = 0.0;
  std::string evidence;
  AssignmentStatus reported_status = AssignmentStatus::kInProgress;
  ReviewState state = ReviewState::kProposed;
  std::string decided_by;
  Id followup_id = 0;  // the follow-up made of it, once confirmed
};

// Two assignments found to be the same task, followed in different documents.
struct AssignmentMatch {
  Id id = 0;
  Id assignment_id = 0;  // the later one (in the document that was imported later)
  Id other_id = 0;
  double score = 0.0;
  std::string evidence;
  ReviewState state = ReviewState::kProposed;
  std::string decided_by;
};

}  // namespace beslut
