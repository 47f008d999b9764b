#include "matching.h"

#include <algorithm>

#include "beslut/visibility.h"

namespace beslut::detail {

std::vector<AssignmentMatch> findThreadMatches(Id document_id, const std::vector<AssignmentRecord>& all) {
  std::vector<AssignmentMatch> found;
  for (const auto& mine : all) {
    if (mine.document_id != document_id) continue;
    std::vector<AssignmentMatch> candidates;
    for (const auto& other : all) {
      if (other.document_id == document_id) continue;
      AssignmentMatch m;
      m.score = assignmentSimilarity(mine.assignment, other.assignment, &m.evidence);
      if (m.score < kProposeMatch) continue;
      m.assignment_id = mine.assignment.id;
      m.other_id = other.assignment.id;
      candidates.push_back(std::move(m));
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const AssignmentMatch& a, const AssignmentMatch& b) { return a.score > b.score; });
    if (candidates.size() > 3) candidates.resize(3);
    for (auto& m : candidates) {
      if (m.score >= kConfirmMatch) {
        m.state = ReviewState::kConfirmed;
        m.decided_by = kMatcher;
      }
      found.push_back(std::move(m));
    }
  }
  return found;
}

bool looksForReportBacks(const Document& document) {
  return !document.date.empty() && document.kind != DocumentKind::kOther;
}

std::string reportBackName(const Assignment& assignment) {
  std::string name = assignment.assignee.substr(0, assignment.assignee.find_first_of("(,"));
  while (!name.empty() && name.back() == ' ') name.pop_back();
  std::string surname = name.substr(name.rfind(' ') + 1);
  return surname.size() < 3 ? "" : surname;
}

namespace {

// Adds the report-back of `item` (of document `in`) on `assignment` to `found` if it scores enough.
void consider(const Assignment& assignment, const Document& in, const Item& item, std::vector<ReportBackFound>& found) {
  if (!itemVisibleToPublic(in.publication_state, item)) return;
  ReportBackFound f;
  f.score = reportBackScore(assignment, item, &f.evidence);
  if (f.score < kProposeMatch) return;
  f.assignment_id = assignment.id;
  f.item_id = item.id;
  f.reported_status = reportedStatus(item);
  f.confirm = f.score >= kConfirmMatch;
  found.push_back(std::move(f));
}

}  // namespace

std::vector<ReportBackFound> findReportBacks(const ReportBackSources& sources) {
  const Document& doc = *sources.document;
  std::vector<ReportBackFound> found;
  if (!looksForReportBacks(doc)) return found;
  // Forward: earlier assignments reported on in this document.
  for (const auto& a : sources.earlier) {
    for (const auto& item : doc.items) consider(a, doc, item, found);
  }
  // Backward: this document's assignments reported on in later documents.
  for (const auto& item : doc.items) {
    for (const auto& a : item.assignments) {
      auto it = sources.later.find(a.id);
      if (a.id == 0 || it == sources.later.end()) continue;
      for (const auto& [item_id, later] : it->second) {
        for (const auto& candidate : later->items) {
          if (candidate.id == item_id) consider(a, *later, candidate, found);
        }
      }
    }
  }
  return found;
}

}  // namespace beslut::detail
