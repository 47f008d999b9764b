#include "beslut/followup.h"

#include <Poco/DateTime.h>
#include <Poco/NumberParser.h>
#include <Poco/UTF8String.h>

#include <set>

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
  if (due.size() == 10 && digits(due, 0, 4) && due[4] == '-' && digits(due, 5, 2) && due[7] == '-' && digits(due, 8, 2)) {
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

AssignmentStatus currentStatus(const Assignment& a, const std::string& today) {
  const FollowUp* latest = latestFollowUp(a);
  AssignmentStatus status = latest != nullptr ? latest->status : a.status;
  if (status == AssignmentStatus::kDone || status == AssignmentStatus::kCancelled) return status;
  const std::string due = dueDate(a.due);
  if (!today.empty() && !due.empty() && due < today) return AssignmentStatus::kOverdue;
  return status == AssignmentStatus::kOverdue ? AssignmentStatus::kInProgress : status;
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

}  // namespace beslut
