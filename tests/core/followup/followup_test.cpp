#include <doctest/doctest.h>

#include "beslut/clock.h"
#include "beslut/followup.h"

using namespace beslut;

namespace {

FollowUp followUp(const std::string& date, AssignmentStatus status, double progress = -1) {
  FollowUp f;
  f.date = date;
  f.status = status;
  f.progress = progress;
  return f;
}

}  // namespace

TEST_CASE("due dates: a day, a month's last day, a year's last day") {
  CHECK(dueDate("2019-10-01") == "2019-10-01");
  CHECK(dueDate("2019-10") == "2019-10-31");
  CHECK(dueDate("2024-02") == "2024-02-29");
  CHECK(dueDate("2025") == "2025-12-31");
  CHECK(dueDate("") == "");
  CHECK(dueDate("till nästa möte") == "");
  CHECK(dueDate("2019-13") == "");
}

TEST_CASE("the lifecycle of an assignment with a fixed today") {
  Assignment a;
  a.due = "2019-10";
  CHECK(currentStatus(a, "2019-09-15") == AssignmentStatus::kOpen);
  CHECK(currentStatus(a, "2019-10-31") == AssignmentStatus::kOpen);  // due that day: not yet late
  CHECK(currentStatus(a, "2019-11-01") == AssignmentStatus::kOverdue);
  a.followups.push_back(followUp("2019-09-20", AssignmentStatus::kInProgress, 40));
  CHECK(currentStatus(a, "2019-09-21") == AssignmentStatus::kInProgress);
  CHECK(currentProgress(a) == 40);
  CHECK(currentStatus(a, "2019-11-01") == AssignmentStatus::kOverdue);
  a.followups.push_back(followUp("2019-11-10", AssignmentStatus::kDone));
  CHECK(currentStatus(a, "2020-01-01") == AssignmentStatus::kDone);  // done is never overdue
  CHECK(currentProgress(a) == 100);
  // A follow-up recorded later about an earlier day does not override a newer one.
  a.followups.push_back(followUp("2019-10-01", AssignmentStatus::kInProgress, 60));
  CHECK(currentStatus(a, "2020-01-01") == AssignmentStatus::kDone);
}

TEST_CASE("cancelled assignments and assignments without a due date are never overdue") {
  Assignment a;
  CHECK(currentStatus(a, "2030-01-01") == AssignmentStatus::kOpen);
  a.due = "2019-01-01";
  a.followups.push_back(followUp("2019-02-01", AssignmentStatus::kCancelled));
  CHECK(currentStatus(a, "2030-01-01") == AssignmentStatus::kCancelled);
  CHECK(std::string(statusLabel(AssignmentStatus::kCancelled)) == "avskriven");
}

TEST_CASE("filters: organization, assignee, area, status, due range, overdue") {
  AssignmentRecord r;
  r.organization = "Regional tillväxtnämnd";
  r.assignment.assignee = "Förvaltningen";
  r.assignment.due = "2021-03-31";
  Link l;
  l.code = "5.4";
  r.areas.push_back(l);
  AssignmentFilter f;
  f.today = "2021-01-01";
  CHECK(matches(r, f));
  f.organization = "tillväxt";
  f.assignee = "förvaltningen";  // ASCII case folding; the capital Ö-less prefix still matches
  f.area = "5.4";
  CHECK(matches(r, f));
  f.area = "5.3";
  CHECK_FALSE(matches(r, f));
  f.area = "5";
  CHECK(matches(r, f));  // a parent code covers its children
  f.area.clear();
  f.status = AssignmentStatus::kOpen;
  CHECK(matches(r, f));
  f.today = "2021-04-01";
  CHECK_FALSE(matches(r, f));  // overdue now
  f.status.reset();
  f.overdue = true;
  CHECK(matches(r, f));
  f.due_before = "2021-03-31";
  CHECK_FALSE(matches(r, f));  // strictly before
  f.due_before = "2021-04-01";
  f.due_after = "2021-03-30";
  CHECK(matches(r, f));
  CHECK(quarterOf("2024-05-17") == "2024-Q2");
  CHECK(quarterOf("maj") == "");
}

TEST_CASE("a later item that reports back on an assignment without giving it anew") {
  Assignment a;
  a.assignee = "Ewa Lindberg (Region Örebro län)";
  a.task = "vara med som stöd i processen kring uppdragsutbildningen för lärare med Örebro universitet";
  Item report;
  report.number = "4";
  report.title = "Uppdragsutbildning för lärare";
  report.text = "Ewa Lindberg återrapporterade om uppdragsutbildningen. Utbildningen för lärarna startar i januari "
                "tillsammans med Örebro universitet.";
  std::string evidence;
  const double full = reportBackScore(a, report, &evidence);
  CHECK(full >= kConfirmMatch);
  CHECK(evidence.find("nämner Ewa Lindberg") != std::string::npos);
  CHECK(evidence.find("uppdragsutbildning") != std::string::npos);
  CHECK(evidence.find("återrapporterade") != std::string::npos);
  CHECK(reportedStatus(report) == AssignmentStatus::kInProgress);

  // By surname only, fewer shared words and no reporting verb: a proposal at most.
  Item partial;
  partial.text = "Lindberg nämnde att processen med lärarutbildningen fortsätter.";
  const double weaker = reportBackScore(a, partial);
  CHECK(weaker >= kProposeMatch);
  CHECK(weaker < kConfirmMatch);

  // Done when the item says so.
  Item done;
  done.text = "Ewa Lindberg meddelade att uppdragsutbildningen för lärare är slutförd.";
  CHECK(reportedStatus(done) == AssignmentStatus::kDone);
  CHECK(reportBackScore(a, done) >= kProposeMatch);

  // Not a report: another person, no shared words, or a new assignment to the same person (a thread).
  Item other;
  other.text = "Anita Ladinek återrapporterade om uppdragsutbildningen för lärare.";
  CHECK(reportBackScore(a, other) == 0.0);
  Item unrelated;
  unrelated.text = "Ewa Lindberg hälsade alla välkomna till mötet.";
  CHECK(reportBackScore(a, unrelated) == 0.0);
  Item again = report;
  again.assignments.push_back({0,
                               "Ewa Lindberg",
                               "fortsätta stödja uppdragsutbildningen",
                               "",
                               "",
                               AssignmentStatus::kOpen,
                               0,
                               {},
                               1.0,
                               {},
                               {},
                               {}});
  CHECK(reportBackScore(a, again) == 0.0);
  CHECK(reportedStatus(unrelated) == AssignmentStatus::kInProgress);
  Item oklart;
  oklart.text = "Det är oklart när Ewa Lindberg kan återkomma om uppdragsutbildningen.";
  CHECK(reportedStatus(oklart) == AssignmentStatus::kInProgress);  // "oklart" is not "klart"
}

TEST_CASE("one rule for a status on a day; the day is Stockholm's, summer time included") {
  using S = AssignmentStatus;
  CHECK(statusOn(S::kOpen, "2019-10-31", "2019-11-01") == S::kOverdue);
  CHECK(statusOn(S::kOpen, "2019-10-31", "2019-10-31") == S::kOpen);  // due today is not late
  CHECK(statusOn(S::kInProgress, "2019-10-31", "2020-01-01") == S::kOverdue);
  CHECK(statusOn(S::kDone, "2019-10-31", "2020-01-01") == S::kDone);
  CHECK(statusOn(S::kCancelled, "2019-10-31", "2020-01-01") == S::kCancelled);
  CHECK(statusOn(S::kOverdue, "", "2020-01-01") == S::kInProgress);  // said late, but nothing is due
  CHECK(statusOn(S::kOpen, "2019-10-31", "") == S::kOpen);           // no day: never late

  using namespace std::chrono;
  auto utc = [](int y, unsigned m, unsigned d, int h, int min) {
    return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
  };
  CHECK(stockholmDate(utc(2026, 1, 15, 22, 59)) == "2026-01-15");   // 23:59 CET
  CHECK(stockholmDate(utc(2026, 1, 15, 23, 0)) == "2026-01-16");    // midnight CET
  CHECK(stockholmDate(utc(2026, 7, 1, 21, 59)) == "2026-07-01");    // 23:59 CEST
  CHECK(stockholmDate(utc(2026, 7, 1, 22, 0)) == "2026-07-02");     // midnight CEST
  CHECK(stockholmDate(utc(2026, 10, 24, 22, 30)) == "2026-10-25");  // the night summer time ends
  CHECK(stockholmDate(utc(2026, 10, 25, 22, 30)) == "2026-10-25");  // 23:30 CET again
  CHECK(stockholmToday().size() == 10);
  CHECK(dayAskedFor("2019-02-28").value() == "2019-02-28");
  CHECK(dayAskedFor("").value() == stockholmToday());
  CHECK(dayAskedFor("2019-02-29").status().code() == StatusCode::kInvalidArgument);
  CHECK(dayAskedFor("igår").status().code() == StatusCode::kInvalidArgument);
  CHECK(dayAskedFor("2019-2-1").status().code() == StatusCode::kInvalidArgument);
}
