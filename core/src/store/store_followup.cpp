// The SQLite store's follow-up: assignments with their follow-ups and areas,
// matches between assignments, report-backs, and counts of strategy links.
// What matches is decided in core (followup/matching.h); here it is read and recorded.
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include "followup/matching.h"
#include "store_rows.h"
#include "store_sqlite.h"

namespace beslut::detail {
namespace {


void attachFollowUps(Session& s, std::map<Poco::Int64, AssignmentRecord*>& by_id, Id only_id) {
  // One assignment's by its index; every assignment's with one scan.
  for (auto& f : loadFollowUps(s, only_id != 0 ? "a.id = ?" : "? = 0", only_id)) {
    auto it = by_id.find(f.assignment_id);
    if (it != by_id.end()) it->second->assignment.followups.push_back(std::move(f));
  }
}

// An assignment serves the nodes it is linked to; without links of its own,
// those of its item.
void attachAreas(Session& s, std::map<Poco::Int64, AssignmentRecord*>& by_id,
                 std::map<Poco::Int64, std::vector<AssignmentRecord*>>& by_item) {
  std::vector<std::string> types, schemes, codes, explanations, origins, confirmed;
  std::vector<Poco::Int64> objects;
  std::vector<double> scores;
  const std::string columns =
      "SELECT object_type, object_id, scheme, code, score, explanation, origin, confirmed_by FROM links ";
  if (by_id.size() == 1 && by_item.size() == 1) {
    // One assignment (a thread's mate, a follow-up): its links and its item's, by their index.
    Poco::Int64 assignment = by_id.begin()->first, item = by_item.begin()->first;
    s << columns + "WHERE (object_type = 'assignment' AND object_id = ?) OR (object_type = 'item' AND object_id = ?) "
                   "ORDER BY score DESC",
        into(types), into(objects), into(schemes), into(codes), into(scores), into(explanations), into(origins),
        into(confirmed), bind(assignment), bind(item), now;
  } else {
    s << columns + "WHERE object_type IN ('assignment', 'item') ORDER BY score DESC", into(types), into(objects),
        into(schemes), into(codes), into(scores), into(explanations), into(origins), into(confirmed), now;
  }
  std::map<AssignmentRecord*, std::vector<Link>> own, inherited;
  for (std::size_t i = 0; i < types.size(); ++i) {
    Link l;
    l.object_type = types[i];
    l.object_id = objects[i];
    l.scheme = schemes[i];
    l.code = codes[i];
    l.score = scores[i];
    l.explanation = explanations[i];
    l.origin = origins[i];
    l.confirmed_by = confirmed[i];
    if (types[i] == "assignment") {
      if (auto it = by_id.find(objects[i]); it != by_id.end()) own[it->second].push_back(l);
    } else if (auto it = by_item.find(objects[i]); it != by_item.end()) {
      for (auto* r : it->second) inherited[r].push_back(l);
    }
  }
  for (auto& [id, r] : by_id) r->areas = own.count(r) ? own[r] : inherited[r];
}

// Records a follow-up of an assignment (in the caller's transaction) and
// re-indexes the assignment's document, whose passages carry its status.
void insertFollowUp(Session& s, Id assignment_id, FollowUp& f) {
  f.created_at = nowIso();
  if (f.date.empty()) f.date = f.created_at.substr(0, 10);
  std::string status = assignmentStatusName(f.status);
  Poco::Nullable<double> progress;
  if (f.progress >= 0) progress = f.progress;
  Poco::Nullable<Poco::Int64> source;
  if (f.source_document_id) source = *f.source_document_id;
  s << "INSERT INTO followups(assignment_id, date, status, comment, source_document_id, source_item_number, "
       "author, progress, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
      bind(assignment_id), use(f.date), use(status), use(f.comment), use(source), use(f.source_item_number),
      use(f.author), use(progress), use(f.created_at), now;
  f.id = lastInsertId(s);
  f.assignment_id = assignment_id;
  appendChange(s, "assignment", assignment_id, "followup");
  Poco::Int64 doc_id = 0;
  s << "SELECT i.document_id FROM assignments a JOIN items i ON i.id = a.item_id WHERE a.id = ?", into(doc_id),
      bind(assignment_id), now;
  appendChange(s, "document", doc_id, "upsert");
}

// A report-back decided (in the caller's transaction): confirmed ones become a
// follow-up with the item as source.
void confirmOrReject(Session& s, Id report_back_id, Id assignment_id, bool confirm, const std::string& by) {
  std::string state = confirm ? "confirmed" : "rejected", at = nowIso(), who = by;
  Poco::Nullable<Poco::Int64> followup;
  if (confirm) {
    std::vector<std::string> numbers, dates, titles, evidence, statuses;
    std::vector<Poco::Int64> docs;
    s << "SELECT i.number, d.date, d.title, d.id, rb.evidence, rb.reported_status FROM report_backs rb "
         "JOIN items i ON i.id = rb.item_id JOIN documents d ON d.id = i.document_id WHERE rb.id = ?",
        into(numbers), into(dates), into(titles), into(docs), into(evidence), into(statuses), bind(report_back_id), now;
    FollowUp f;
    f.status = parseAssignmentStatus(statuses.at(0)).value_or(AssignmentStatus::kInProgress);
    f.date = dates.at(0);
    f.comment = "Återrapporterat i " + titles.at(0) + ", § " + numbers.at(0) + " (" + evidence.at(0) + ").";
    f.source_document_id = docs.at(0);
    f.source_item_number = numbers.at(0);
    f.author = by == kMatcher ? "" : by;  // found by Beslut: an extracted follow-up, like an annual report's
    insertFollowUp(s, assignment_id, f);
    followup = f.id;
  }
  s << "UPDATE report_backs SET state = ?, decided_by = ?, decided_at = ?, followup_id = ? WHERE id = ?", use(state),
      use(who), use(at), use(followup), bind(report_back_id), now;
}

// What findReportBacks needs of document `document_id` as it stands (`doc`):
// the assignments of earlier documents, and the later items that name the
// assignees of its own assignments, with their documents (kept in `later`).
ReportBackSources reportBackSources(Session& s, Id document_id, const Document& doc, std::map<Id, Document>& later) {
  ReportBackSources sources;
  sources.document = &doc;
  std::vector<Poco::Int64> ids;
  std::vector<std::string> assignees, tasks;
  std::string date = doc.date;
  s << "SELECT a.id, a.assignee, a.task FROM assignments a JOIN items i ON i.id = a.item_id "
       "JOIN documents d ON d.id = i.document_id WHERE d.id <> ? AND d.date <> '' AND d.date < ?",
      into(ids), into(assignees), into(tasks), bind(document_id), use(date), now;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    Assignment a;
    a.id = ids[k];
    a.assignee = assignees[k];
    a.task = tasks[k];
    sources.earlier.push_back(std::move(a));
  }
  for (const auto& item : doc.items) {
    for (const auto& a : item.assignments) {
      const std::string name = reportBackName(a);
      if (name.empty() || a.id == 0) continue;
      std::vector<Poco::Int64> items, docs;
      std::string like = "%" + name + "%";
      s << "SELECT i.id, i.document_id FROM items i JOIN documents d ON d.id = i.document_id "
           "WHERE d.id <> ? AND d.date > ? AND d.kind <> 'other' AND (i.text LIKE ? OR i.title LIKE ?) LIMIT 200",
          into(items), into(docs), bind(document_id), use(date), use(like), use(like), now;
      auto& named = sources.later[a.id];
      for (std::size_t k = 0; k < items.size(); ++k) {
        auto it = later.find(docs[k]);
        if (it == later.end()) {
          auto other = loadEffective(s, docs[k]);
          if (!other.ok()) continue;
          it = later.emplace(docs[k], std::move(other).value()).first;
        }
        named.emplace_back(items[k], &it->second);
      }
    }
  }
  return sources;
}

}  // namespace

Result<std::vector<AssignmentRecord>> SqliteStore::assignments() const { return loadAssignments(0); }

Result<AssignmentRecord> SqliteStore::assignment(Id id) const {
  auto found = loadAssignments(id);
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::notFound("Uppdraget " + std::to_string(id) + " finns inte.");
  return found->front();
}

Result<std::vector<AssignmentRecord>> SqliteStore::loadAssignments(Id only_id) const {
  return read(pool_, "could not read assignments", [&](Session& s) -> Result<std::vector<AssignmentRecord>> {
    const std::string where = only_id != 0 ? " WHERE a.id = " + std::to_string(only_id) : "";
    std::vector<Poco::Int64> ids, item_ids, doc_ids;
    std::vector<std::string> assignees, tasks, dues, due_texts, statuses, numbers, item_titles, doc_titles, doc_dates,
        doc_kinds, orgs, states;
    std::vector<double> progress, confidence;
    std::vector<int> item_public;
    s << "SELECT a.id, a.item_id, a.assignee, a.task, a.due, a.due_text, a.status, a.progress, a.confidence, "
         "i.number, i.title, d.id, d.title, d.date, d.kind, COALESCE(o.name, ''), i.is_public, "
         "d.publication_state FROM assignments a "
         "JOIN items i ON i.id = a.item_id JOIN documents d ON d.id = i.document_id "
         "LEFT JOIN organizations o ON o.id = d.organization_id" +
             where + " ORDER BY a.id",
        into(ids), into(item_ids), into(assignees), into(tasks), into(dues), into(due_texts), into(statuses),
        into(progress), into(confidence), into(numbers), into(item_titles), into(doc_ids), into(doc_titles),
        into(doc_dates), into(doc_kinds), into(orgs), into(item_public), into(states), now;
    std::vector<AssignmentRecord> out(ids.size());
    std::map<Poco::Int64, AssignmentRecord*> by_id;
    std::map<Poco::Int64, std::vector<AssignmentRecord*>> by_item;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      AssignmentRecord& r = out[i];
      Assignment& a = r.assignment;
      a.id = ids[i];
      a.assignee = assignees[i];
      a.task = tasks[i];
      a.due = dues[i];
      a.due_text = due_texts[i];
      a.status = parseAssignmentStatus(statuses[i]).value_or(AssignmentStatus::kOpen);
      a.progress = progress[i];
      a.confidence = confidence[i];
      r.document_id = doc_ids[i];
      r.document_kind = parseDocumentKind(doc_kinds[i]).value_or(DocumentKind::kOther);
      r.document_title = doc_titles[i];
      r.document_date = doc_dates[i];
      r.organization = orgs[i];
      r.is_public = item_public[i] != 0 && states[i] == "published";
      r.item_number = numbers[i];
      r.item_title = item_titles[i];
      by_id[a.id] = &r;
      by_item[item_ids[i]].push_back(&r);
    }
    if (out.empty()) return out;
    attachFollowUps(s, by_id, only_id);
    attachAreas(s, by_id, by_item);
    return out;
  });
}

Result<FollowUp> SqliteStore::addFollowUp(Id assignment_id, FollowUp f) {
  if (f.author.empty()) return Status::invalidArgument("En uppföljning måste ha en författare.");
  if (f.progress > 100) return Status::invalidArgument("Andelen klart ska vara 0–100.");
  return write(write_mutex_, pool_, "could not store the follow-up", [&](Session& s) -> Result<FollowUp> {
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM assignments WHERE id = ?", into(count), bind(assignment_id), now;
    if (count == 0) return Status::notFound("Uppdraget " + std::to_string(assignment_id) + " finns inte.");
    insertFollowUp(s, assignment_id, f);
    return f;
  });
}

Result<std::size_t> SqliteStore::matchAssignments(Id document_id) {
  auto threads = matchThreads(document_id);
  if (!threads.ok()) return threads;
  auto reports = matchReportBacks(document_id);
  if (!reports.ok()) return reports;
  return threads.value() + reports.value();
}

// The same assignment given in several documents: matches by task and assignee.
Result<std::size_t> SqliteStore::matchThreads(Id document_id) {
  // Most documents give no assignment: no need to load every assignment for them.
  auto mine = read(pool_, "could not count assignments", [&](Session& s) -> Result<Poco::Int64> {
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM assignments a JOIN items i ON i.id = a.item_id WHERE i.document_id = ?", into(count),
        bind(document_id), now;
    return count;
  });
  if (!mine.ok()) return mine.status();
  if (mine.value() == 0) return std::size_t{0};
  auto all = loadAssignments(0);
  if (!all.ok()) return all.status();
  const std::vector<AssignmentMatch> found = findThreadMatches(document_id, all.value());
  if (found.empty()) return std::size_t{0};
  return write(write_mutex_, pool_, "could not store assignment matches", [&](Session& s) -> Result<std::size_t> {
    for (const auto& m : found) {
      std::string state = reviewStateName(m.state), by = m.decided_by;
      std::string at = m.state == ReviewState::kConfirmed ? nowIso() : "";
      // A person's decision on the pair stands; a new reading only refreshes score and evidence.
      s << "INSERT INTO assignment_matches(assignment_id, other_id, score, evidence, state, decided_by, "
           "decided_at) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(assignment_id, other_id) DO UPDATE SET "
           "score = excluded.score, evidence = excluded.evidence",
          bind(m.assignment_id), bind(m.other_id), bind(m.score), bind(m.evidence), use(state), use(by), use(at), now;
    }
    appendChange(s, "document", document_id, "matched");
    return found.size();
  });
}

// Items of later documents that report on assignments of earlier ones, in
// both directions from `document_id` (see findReportBacks).
Result<std::size_t> SqliteStore::matchReportBacks(Id document_id) {
  auto found = read(pool_, "could not look for report-backs", [&](Session& s) -> Result<std::vector<ReportBackFound>> {
    auto doc = loadEffective(s, document_id);
    if (!doc.ok()) return doc.status();
    if (!looksForReportBacks(doc.value())) return std::vector<ReportBackFound>();
    std::map<Id, Document> later;
    return findReportBacks(reportBackSources(s, document_id, doc.value(), later));
  });
  if (!found.ok()) return found.status();
  if (found->empty()) return std::size_t{0};
  return write(write_mutex_, pool_, "could not store report-backs", [&](Session& s) -> Result<std::size_t> {
    for (const auto& f : found.value()) {
      std::vector<Poco::Int64> existing;
      std::vector<std::string> states;
      s << "SELECT id, state FROM report_backs WHERE assignment_id = ? AND item_id = ?", into(existing), into(states),
          bind(f.assignment_id), bind(f.item_id), now;
      std::string status = assignmentStatusName(f.reported_status);
      Poco::Int64 id = 0;
      if (existing.empty()) {
        s << "INSERT INTO report_backs(assignment_id, item_id, score, evidence, reported_status) VALUES(?, ?, ?, ?, ?)",
            bind(f.assignment_id), bind(f.item_id), bind(f.score), bind(f.evidence), use(status), now;
        id = lastInsertId(s);
      } else {
        id = existing[0];
        // A decision stands; a new reading only refreshes what was found.
        s << "UPDATE report_backs SET score = ?, evidence = ?, reported_status = ? WHERE id = ?", bind(f.score),
            bind(f.evidence), use(status), bind(id), now;
        if (states[0] != "proposed") continue;
      }
      if (f.confirm) confirmOrReject(s, id, f.assignment_id, true, kMatcher);
    }
    return found->size();
  });
}

Result<std::vector<AssignmentMatch>> SqliteStore::assignmentMatches(Id assignment_id) const {
  return read(pool_, "could not read assignment matches", [&](Session& s) -> Result<std::vector<AssignmentMatch>> {
    std::vector<Poco::Int64> ids, mine, others;
    std::vector<double> scores;
    std::vector<std::string> evidence, states, by;
    const std::string columns =
        "SELECT id, assignment_id, other_id, score, evidence, state, decided_by FROM assignment_matches ";
    if (assignment_id == 0) {
      s << columns + "ORDER BY score DESC, id", into(ids), into(mine), into(others), into(scores), into(evidence),
          into(states), into(by), now;
    } else {
      // Both sides by their index (assignment_matches_other): no scan of every match per assignment.
      s << columns + "WHERE assignment_id = ? UNION " + columns + "WHERE other_id = ? ORDER BY score DESC, id",
          into(ids), into(mine), into(others), into(scores), into(evidence), into(states), into(by),
          bind(assignment_id), bind(assignment_id), now;
    }
    std::vector<AssignmentMatch> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i], mine[i], others[i], scores[i], evidence[i], reviewStateOf(states[i]), by[i]};
    }
    return out;
  });
}

Status SqliteStore::decideMatch(Id match_id, bool confirm, const std::string& by) {
  if (by.empty()) return Status::invalidArgument("Ange vem som bekräftar eller avvisar.");
  return write(write_mutex_, pool_, "could not store the decision", [&](Session& s) {
    std::string state = confirm ? "confirmed" : "rejected", at = nowIso();
    std::string who = by;
    s << "UPDATE assignment_matches SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?", use(state), use(who),
        use(at), bind(match_id), now;
    Poco::Int64 changed = 0;
    s << "SELECT changes()", into(changed), now;
    if (changed == 0) return Status::notFound("Matchningen " + std::to_string(match_id) + " finns inte.");
    appendChange(s, "assignment_match", match_id, state);
    return Status::okStatus();
  });
}

Result<std::vector<ReportBack>> SqliteStore::reportBacks(Id assignment_id) const {
  return read(pool_, "could not read report-backs", [&](Session& s) -> Result<std::vector<ReportBack>> {
    std::vector<Poco::Int64> ids, assignments, docs, followups;
    std::vector<std::string> titles, dates, orgs, pub_states, numbers, evidence, statuses, states, by;
    std::vector<double> scores;
    std::vector<int> item_public;
    s << "SELECT rb.id, rb.assignment_id, d.id, d.title, d.date, COALESCE(o.name, ''), d.publication_state, "
         "i.is_public, i.number, rb.score, rb.evidence, rb.reported_status, rb.state, rb.decided_by, "
         "COALESCE(rb.followup_id, 0) FROM report_backs rb "
         "JOIN items i ON i.id = rb.item_id JOIN documents d ON d.id = i.document_id "
         "LEFT JOIN organizations o ON o.id = d.organization_id "
         "WHERE ? = 0 OR rb.assignment_id = ? ORDER BY rb.assignment_id, d.date, rb.id",
        into(ids), into(assignments), into(docs), into(titles), into(dates), into(orgs), into(pub_states),
        into(item_public), into(numbers), into(scores), into(evidence), into(statuses), into(states), into(by),
        into(followups), bind(assignment_id), bind(assignment_id), now;
    std::vector<ReportBack> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i],
                assignments[i],
                docs[i],
                titles[i],
                dates[i],
                orgs[i],
                item_public[i] != 0 && publicationStateOf(pub_states[i]) == PublicationState::kPublished,
                numbers[i],
                scores[i],
                evidence[i],
                parseAssignmentStatus(statuses[i]).value_or(AssignmentStatus::kInProgress),
                reviewStateOf(states[i]),
                by[i],
                followups[i]};
    }
    return out;
  });
}

Status SqliteStore::decideReportBack(Id report_back_id, bool confirm, const std::string& by) {
  if (by.empty()) return Status::invalidArgument("Ange vem som bekräftar eller avvisar.");
  return write(write_mutex_, pool_, "could not store the decision", [&](Session& s) {
    std::vector<Poco::Int64> assignments;
    std::vector<std::string> states;
    s << "SELECT assignment_id, state FROM report_backs WHERE id = ?", into(assignments), into(states),
        bind(report_back_id), now;
    if (assignments.empty()) {
      return Status::notFound("Återrapporten " + std::to_string(report_back_id) + " finns inte.");
    }
    if (states[0] != "proposed") {
      return Status::unprocessable(states[0] == "confirmed" ? "Återrapporten är redan bekräftad."
                                                            : "Återrapporten är redan avvisad.");
    }
    confirmOrReject(s, report_back_id, assignments[0], confirm, by);
    return Status::okStatus();
  });
}

Result<std::map<std::string, std::int64_t>> SqliteStore::linkCounts(const std::string& scheme, const std::string& code,
                                                                    bool published_only) const {
  return read(pool_, "could not count links", [&](Session& s) -> Result<std::map<std::string, std::int64_t>> {
    std::vector<std::string> types;
    std::vector<Poco::Int64> counts;
    std::string sc = scheme, c = code, children = code + ".%";
    int published = published_only ? 1 : 0;
    // For the public: published documents, and of their items only the public ones.
    s << "SELECT l.object_type, COUNT(DISTINCT l.object_id) FROM links l JOIN documents d ON d.id = l.document_id "
         "WHERE l.scheme = ? AND (l.code = ? OR l.code LIKE ?) AND (? = 0 OR (d.publication_state = 'published' AND "
         "(l.object_type = 'document' OR EXISTS (SELECT 1 FROM items i WHERE i.is_public = 1 AND i.id = "
         "CASE l.object_type WHEN 'item' THEN l.object_id "
         "WHEN 'decision' THEN (SELECT item_id FROM decisions WHERE id = l.object_id) "
         "WHEN 'assignment' THEN (SELECT item_id FROM assignments WHERE id = l.object_id) END)))) "
         "GROUP BY l.object_type",
        into(types), into(counts), use(sc), use(c), use(children), use(published), now;
    std::map<std::string, std::int64_t> out;
    for (std::size_t i = 0; i < types.size(); ++i) out[types[i]] = counts[i];
    return out;
  });
}

Result<std::vector<Id>> SqliteStore::linkedItems(const std::string& scheme, const std::string& code,
                                                 std::size_t limit) const {
  return read(pool_, "could not list linked items", [&](Session& s) -> Result<std::vector<Id>> {
    std::vector<Poco::Int64> ids;
    std::string sc = scheme, c = code, children = code + ".%";
    Poco::Int64 lim = static_cast<Poco::Int64>(limit);
    s << "SELECT i.id FROM items i JOIN documents d ON d.id = i.document_id WHERE i.id IN ("
         "SELECT CASE l.object_type WHEN 'item' THEN l.object_id "
         "WHEN 'decision' THEN (SELECT item_id FROM decisions WHERE id = l.object_id) "
         "WHEN 'assignment' THEN (SELECT item_id FROM assignments WHERE id = l.object_id) END "
         "FROM links l WHERE l.object_type <> 'document' AND l.scheme = ? AND (l.code = ? OR l.code LIKE ?)) "
         "ORDER BY d.date DESC, d.id DESC, i.position LIMIT ?",
        into(ids), use(sc), use(c), use(children), use(lim), now;
    return std::vector<Id>(ids.begin(), ids.end());
  });
}

}  // namespace beslut::detail
