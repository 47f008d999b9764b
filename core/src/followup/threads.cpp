#include "beslut/threads.h"

#include <algorithm>
#include <set>

#include "beslut/visibility.h"

namespace beslut {

void Threads::add(const std::vector<AssignmentMatch>& matches) {
  std::set<Id> seen;
  for (const auto& m : matches) {
    if (!seen.insert(m.id).second) continue;
    matches_[m.assignment_id].push_back(m);
    matches_[m.other_id].push_back(m);
  }
}

Status Threads::loadFollowUps(const Store& store, const std::vector<AssignmentRecord>* known) {
  std::map<Id, const AssignmentRecord*> by_id;
  if (known != nullptr) {
    for (const auto& r : *known) by_id[r.assignment.id] = &r;
  }
  std::set<Id> joined;
  for (const auto& [id, list] : matches_) {
    for (const auto& m : list) {
      if (m.state == ReviewState::kConfirmed) joined.insert(id);
    }
  }
  for (Id id : joined) {
    // The records at hand, else one read per assignment joined.
    Result<AssignmentRecord> record = Status::notFound("");
    if (known != nullptr) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;  // deleted with its document
      record = *it->second;
    } else {
      record = store.assignment(id);
    }
    if (!record.ok()) {
      if (record.status().code() == StatusCode::kNotFound) continue;  // deleted with its document
      return record.status();
    }
    joined_documents_.insert(record->document_id);
    // Only what the public may read joins a thread's status: a draft's or a non-public item's
    // follow-ups must not show through an assignment that anyone may see.
    if (!record->is_public) continue;
    auto& followups = followups_[id];
    for (auto f : record->assignment.followups) {
      if (f.assignment_id == 0) f.assignment_id = id;
      followups.push_back(std::move(f));
    }
  }
  return Status::okStatus();
}

Result<Threads> Threads::load(const Store& store, const std::vector<Id>& assignment_ids) {
  Threads t;
  for (Id id : assignment_ids) {
    auto matches = store.assignmentMatches(id);
    if (!matches.ok()) return matches.status();
    t.add(matches.value());
  }
  if (Status st = t.loadFollowUps(store); !st.ok()) return st;
  return t;
}

Result<Threads> Threads::loadAll(const Store& store, const std::vector<AssignmentRecord>& all) {
  Threads t;
  auto matches = store.assignmentMatches(0);
  if (!matches.ok()) return matches.status();
  t.add(matches.value());
  if (Status st = t.loadFollowUps(store, &all); !st.ok()) return st;
  return t;
}

const std::vector<AssignmentMatch>& Threads::matchesOf(Id assignment_id) const {
  static const std::vector<AssignmentMatch> kNone;
  auto it = matches_.find(assignment_id);
  return it != matches_.end() ? it->second : kNone;
}

std::vector<Id> Threads::confirmedMates(Id assignment_id) const {
  std::vector<Id> out;
  for (const auto& m : matchesOf(assignment_id)) {
    if (m.state != ReviewState::kConfirmed) continue;
    const Id other = m.assignment_id == assignment_id ? m.other_id : m.assignment_id;
    if (std::find(out.begin(), out.end(), other) == out.end()) out.push_back(other);
  }
  return out;
}

Assignment Threads::merged(const Assignment& assignment) const {
  Assignment a = assignment;
  for (auto& f : a.followups) {
    if (f.assignment_id == 0) f.assignment_id = a.id;
  }
  const std::vector<Id> mates = confirmedMates(a.id);
  if (mates.empty()) return a;
  for (Id other : mates) {
    auto it = followups_.find(other);
    if (it != followups_.end()) a.followups.insert(a.followups.end(), it->second.begin(), it->second.end());
  }
  std::stable_sort(a.followups.begin(), a.followups.end(),
                   [](const FollowUp& x, const FollowUp& y) { return x.date < y.date; });
  return a;
}

void Threads::merge(Document& document) const {
  for (auto& item : document.items) {
    for (auto& a : item.assignments) a = merged(a);
  }
}

void Threads::merge(std::vector<AssignmentRecord>& records) const {
  for (auto& r : records) r.assignment = merged(r.assignment);
}

Result<std::vector<AssignmentRecord>> assignmentsAsTheyStand(const Store& store, const Principal& who,
                                                             Threads* threads_out) {
  auto all = store.assignments();
  if (!all.ok()) return all.status();
  auto threads = Threads::loadAll(store, all.value());
  if (!threads.ok()) return threads.status();
  std::vector<AssignmentRecord> visible = visibleOnly(who, std::move(all).value());
  threads->merge(visible);
  if (threads_out != nullptr) *threads_out = std::move(threads).value();
  return visible;
}

Result<AssignmentRecord> assignmentAsItStands(const Store& store, const Principal& who, Id id) {
  auto record = store.assignment(id);
  if (!record.ok() || !canSee(who, record.value())) {
    if (!record.ok() && record.status().code() != StatusCode::kNotFound) return record.status();
    return Status::notFound("Uppdraget " + std::to_string(id) + " finns inte.");
  }
  auto threads = Threads::load(store, {id});
  if (!threads.ok()) return threads.status();
  record->assignment = threads->merged(record->assignment);
  return record;
}

Result<Document> documentAsItStands(const Store& store, Id id, std::set<Id>* thread_documents) {
  auto doc = store.document(id);
  if (!doc.ok()) return doc.status();
  std::vector<Id> ids;
  for (const auto& item : doc->items) {
    for (const auto& a : item.assignments) {
      if (a.id != 0) ids.push_back(a.id);
    }
  }
  if (ids.empty()) return doc;
  auto threads = Threads::load(store, ids);
  if (!threads.ok()) return threads.status();
  threads->merge(doc.value());
  if (thread_documents != nullptr) {
    for (Id other : threads->joinedDocuments()) {
      if (other != id) thread_documents->insert(other);
    }
  }
  return doc;
}

Result<std::set<Id>> documentsChangedBy(const Store& store, const std::vector<ChangeEntry>& changes) {
  // A follow-up, a report-back or a new match also logs its document, and the index re-indexes a
  // document's thread mates with it (documentAsItStands); only a decided match names no document.
  std::set<Id> documents;
  std::set<Id> decided;
  for (const auto& c : changes) {
    if (c.entity == "document") documents.insert(c.entity_id);
    if (c.entity == "assignment_match") decided.insert(c.entity_id);
  }
  if (decided.empty()) return documents;
  auto matches = store.assignmentMatches(0);
  if (!matches.ok()) return matches.status();
  for (const auto& m : matches.value()) {
    if (decided.count(m.id) == 0) continue;
    for (Id id : {m.assignment_id, m.other_id}) {
      auto record = store.assignment(id);
      if (record.ok()) documents.insert(record->document_id);
      else if (record.status().code() != StatusCode::kNotFound) return record.status();
    }
  }
  return documents;
}

}  // namespace beslut
