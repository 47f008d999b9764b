#include "beslut/followup.h"

#include <Poco/DateTime.h>
#include <Poco/NumberParser.h>
#include <Poco/UTF8String.h>

#include <algorithm>
#include <set>
#include <vector>

namespace beslut {
namespace {

bool digits(const std::string& s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string dueDate(const std::string& due) {
  if (due.size() == 10 && digits(due, 0, 4) && due[4] == '-' && digits(due, 5, 2) && due[7] == '-' &&
      digits(due, 8, 2)) {
    const int y = std::stoi(due.substr(0, 4)), m = std::stoi(due.substr(5, 2)), d = std::stoi(due.substr(8, 2));
    return Poco::DateTime::isValid(y, m, d) ? due : "";
  }
  if (due.size() == 7 && digits(due, 0, 4) && due[4] == '-' && digits(due, 5, 2)) {
    int year = std::stoi(due.substr(0, 4)), month = std::stoi(due.substr(5, 2));
    if (month < 1 || month > 12) return "";
    int last = Poco::DateTime::daysOfMonth(year, month);
    return due + "-" + (last < 10 ? "0" : "") + std::to_string(last);
  }
  if (due.size() == 4 && digits(due, 0, 4)) return due + "-12-31";
  return "";
}

const FollowUp* latestFollowUp(const Assignment& a) {
  const FollowUp* latest = nullptr;
  for (const auto& f : a.followups) {
    if (latest == nullptr || f.date >= latest->date) latest = &f;  // later entries win ties
  }
  return latest;
}

AssignmentStatus recordedStatus(const Assignment& a) {
  const FollowUp* latest = latestFollowUp(a);
  return latest != nullptr ? latest->status : a.status;
}

AssignmentStatus statusOn(AssignmentStatus recorded, const std::string& due_date, const std::string& today) {
  if (recorded == AssignmentStatus::kDone || recorded == AssignmentStatus::kCancelled) return recorded;
  if (!today.empty() && !due_date.empty() && due_date < today) return AssignmentStatus::kOverdue;
  return recorded == AssignmentStatus::kOverdue ? AssignmentStatus::kInProgress : recorded;
}

AssignmentStatus currentStatus(const Assignment& a, const std::string& today) {
  return statusOn(recordedStatus(a), dueDate(a.due), today);
}

double currentProgress(const Assignment& a) {
  const FollowUp* latest = latestFollowUp(a);
  if (latest != nullptr && latest->status == AssignmentStatus::kDone) return 100.0;
  for (auto it = a.followups.rbegin(); it != a.followups.rend(); ++it) {
    if (it->progress >= 0) return it->progress;
  }
  return a.status == AssignmentStatus::kDone ? 100.0 : a.progress;
}

const char* statusLabel(AssignmentStatus status) {
  switch (status) {
    case AssignmentStatus::kOpen: return "ej påbörjad";
    case AssignmentStatus::kInProgress: return "pågående";
    case AssignmentStatus::kDone: return "klar";
    case AssignmentStatus::kOverdue: return "försenad";
    case AssignmentStatus::kCancelled: return "avskriven";
  }
  return "ej påbörjad";
}

std::string quarterOf(const std::string& date) {
  if (date.size() < 7 || !digits(date, 0, 4) || date[4] != '-' || !digits(date, 5, 2)) return "";
  int month = std::stoi(date.substr(5, 2));
  if (month < 1 || month > 12) return "";
  return date.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

namespace {

std::string lower(const std::string& s) {
  std::string out = s;
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return true;
  // ASCII case folding; Swedish capitals are matched as written.
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

}  // namespace

namespace {

std::set<std::string> contentWords(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) words.insert(Poco::UTF8::toLower(word));
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

double assignmentSimilarity(const Assignment& a, const Assignment& b, std::string* evidence) {
  const auto wa = contentWords(a.task), wb = contentWords(b.task);
  if (wa.empty() || wb.empty()) return 0.0;
  std::vector<std::string> shared;
  for (const auto& w : wa) {
    if (wb.count(w)) shared.push_back(w);
  }
  double score = static_cast<double>(shared.size()) / static_cast<double>(std::min(wa.size(), wb.size()));
  const auto pa = contentWords(a.assignee), pb = contentWords(b.assignee);
  bool same_assignee = false;
  for (const auto& w : pa) same_assignee = same_assignee || pb.count(w) > 0;
  if (same_assignee) score = std::min(1.0, score + 0.15);
  if (evidence != nullptr) {
    evidence->clear();
    for (const auto& w : shared) *evidence += (evidence->empty() ? "" : ", ") + w;
    if (same_assignee) *evidence += (evidence->empty() ? "" : "; ") + std::string("samma mottagare");
  }
  return score;
}

namespace {

// Words of four letters or more, in order, lower case.
std::vector<std::string> wordList(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) words.push_back(Poco::UTF8::toLower(word));
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) word += c;
    else flush();
  }
  flush();
  return words;
}

// The same word, inflected or not: a common beginning of at least five
// bytes, or of all but the last of the shorter one (so "lärare" is "lärarna").
bool sameStem(const std::string& a, const std::string& b) {
  const std::size_t shorter = std::min(a.size(), b.size());
  std::size_t common = 0;
  while (common < shorter && a[common] == b[common]) ++common;
  return common >= std::max<std::size_t>(4, std::min<std::size_t>(6, shorter - 1));
}

// Words too general to show that a text is about a task.
bool generalWord(const std::string& w) {
  static const std::set<std::string> kGeneral = {
      "vara",    "även",       "inom",    "kring",     "till",   "från",     "eller",  "samt",  "arbete",
      "arbetet", "att",        "ska",     "skall",     "kommer", "detta",    "denna",  "dessa", "också",
      "under",   "efter",      "med",     "mellan",    "region", "regionen", "örebro", "läns",  "länet",
      "kommun",  "kommunerna", "uppdrag", "uppdraget", "fick",   "få"};
  return kGeneral.count(w) > 0;
}

// The person's name without what follows it: "Ewa Lindberg (Region Örebro län)" → "Ewa Lindberg".
std::string personName(const std::string& assignee) {
  std::string name = assignee.substr(0, assignee.find_first_of("(,"));
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

bool containsWord(const std::string& text, const std::string& word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + word.size();
    const bool stop = end >= text.size() || (!std::isalnum(static_cast<unsigned char>(text[end])) &&
                                             static_cast<unsigned char>(text[end]) < 0x80);
    if (start && stop) return true;
  }
  return false;
}

}  // namespace

double reportBackScore(const Assignment& assignment, const Item& item, std::string* evidence) {
  if (evidence != nullptr) evidence->clear();
  const std::string name = personName(assignment.assignee);
  const std::string text = item.title + "\n" + item.text;
  if (name.size() < 4) return 0.0;
  // The item gives the person an assignment of its own: a thread, not a report.
  for (const auto& a : item.assignments) {
    if (personName(a.assignee) == name) return 0.0;
  }
  double score = 0.0;
  std::string named;
  if (containsWord(text, name)) {
    score = 0.5;
    named = name;
  } else {
    const std::string surname = name.substr(name.rfind(' ') + 1);
    if (surname.size() < 3 || surname == name || !containsWord(text, surname)) return 0.0;
    score = 0.4;
    named = surname;
  }
  std::vector<std::string> task;
  for (const auto& w : wordList(assignment.task)) {
    if (!generalWord(w) && std::find(task.begin(), task.end(), w) == task.end()) task.push_back(w);
  }
  const auto words = wordList(text);
  std::vector<std::string> shared;
  for (const auto& t : task) {
    for (const auto& w : words) {
      if (sameStem(t, w)) {
        shared.push_back(w);
        break;
      }
    }
  }
  if (shared.empty()) return 0.0;
  score += 0.5 * std::min(1.0, static_cast<double>(shared.size()) /
                                   static_cast<double>(std::min<std::size_t>(task.size(), 4)));
  std::string reported;
  for (const auto& w : words) {
    for (const char* verb : {"återrapport", "rapporterade", "informerade", "redovisade", "redogjorde", "berättade",
                             "lägesrapport", "presenterade", "återkom"}) {
      if (reported.empty() && w.rfind(verb, 0) == 0) reported = w;
    }
  }
  if (!reported.empty()) score += 0.1;
  if (evidence != nullptr) {
    *evidence = "nämner " + named + "; gemensamma ord: ";
    for (std::size_t i = 0; i < shared.size(); ++i) *evidence += (i ? ", " : "") + shared[i];
    if (!reported.empty()) *evidence += "; " + reported;
  }
  return std::min(1.0, score);
}

AssignmentStatus reportedStatus(const Item& item) {
  for (const auto& w : wordList(item.title + "\n" + item.text)) {
    for (const char* done : {"klart", "slutför", "avslutat", "avslutad", "genomförd", "genomfört", "färdigställ",
                             "fullgjort", "fullgjord"}) {
      if (w.rfind(done, 0) == 0) return AssignmentStatus::kDone;
    }
  }
  return AssignmentStatus::kInProgress;
}

bool matches(const AssignmentRecord& r, const AssignmentFilter& f) {
  const Assignment& a = r.assignment;
  if (!contains(r.organization, f.organization) || !contains(a.assignee, f.assignee)) return false;
  if (!f.area.empty()) {
    bool served = false;
    for (const auto& l : r.areas) {
      if (!f.scheme.empty() && l.scheme != f.scheme) continue;
      served = served || l.code == f.area || l.code.rfind(f.area + ".", 0) == 0;
    }
    if (!served) return false;
  }
  const AssignmentStatus status = currentStatus(a, f.today);
  if (f.status && status != *f.status) return false;
  if (f.overdue && status != AssignmentStatus::kOverdue) return false;
  const std::string due = dueDate(a.due);
  if (!f.due_before.empty() && (due.empty() || !(due < f.due_before))) return false;
  if (!f.due_after.empty() && (due.empty() || !(due > f.due_after))) return false;
  return true;
}

FollowUpStats followUpStats(const std::vector<AssignmentRecord>& records, const AssignmentFilter& filter) {
  FollowUpStats stats;
  for (AssignmentStatus s : kAssignmentStatuses) stats.by_status[s] = 0;
  for (const auto& r : records) {
    if (!matches(r, filter)) continue;
    ++stats.total;
    const AssignmentStatus status = currentStatus(r.assignment, filter.today);
    ++stats.by_status[status];
    std::set<std::string> codes;
    for (const auto& l : r.areas) {
      if (codes.insert(l.code).second) ++stats.by_area[l.code][status];
    }
    if (codes.empty()) ++stats.by_area[kNoArea][status];
    if (auto q = quarterOf(r.document_date); !q.empty()) ++stats.by_quarter[q].given;
    const auto done = std::find_if(r.assignment.followups.begin(), r.assignment.followups.end(),
                                   [](const FollowUp& f) { return f.status == AssignmentStatus::kDone; });
    if (done != r.assignment.followups.end()) {
      if (auto q = quarterOf(done->date); !q.empty()) ++stats.by_quarter[q].done;
    }
  }
  return stats;
}

}  // namespace beslut
