#include "store_rows.h"

#include "sqlite_util.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Nullable.h>
#include <Poco/Timestamp.h>

#include <map>
#include <set>

namespace beslut::detail {
namespace {

using Poco::Int64;

Int64 i64(std::size_t v) { return static_cast<Int64>(v); }

// Ids of the child rows of `parent`, ordered by position.
std::vector<Int64> childIds(Session& s, const std::string& table, const std::string& parent_column, Int64 parent) {
  std::vector<Int64> ids;
  s << "SELECT id FROM " + table + " WHERE " + parent_column + " = ? ORDER BY position", into(ids), bind(parent), now;
  return ids;
}

// Deletes rows of `table` whose position is at or beyond `keep` under `parent`.
void deleteBeyond(Session& s, const std::string& table, const std::string& parent_column, Int64 parent,
                  std::size_t keep) {
  s << "DELETE FROM " + table + " WHERE " + parent_column + " = ? AND position >= ?", bind(parent), bind(i64(keep)),
      now;
}

// Which existing row each wanted element is written to: the row of its own id
// when the element carries one (a correction deleted an earlier sibling: ids
// must not shift), else the next unclaimed row in position order (a
// re-extraction, whose elements carry no ids), else 0 for a new row. Rows
// left over are returned in `unused`.
std::vector<Int64> planRows(const std::vector<Int64>& existing, const std::vector<Int64>& wanted,
                            std::vector<Int64>& unused) {
  std::set<Int64> present(existing.begin(), existing.end()), claimed;
  for (Int64 id : wanted) {
    if (id != 0 && present.count(id)) claimed.insert(id);
  }
  std::vector<Int64> rows(wanted.size(), 0);
  std::size_t next = 0;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i] != 0 && present.count(wanted[i])) {
      rows[i] = wanted[i];
      continue;
    }
    while (next < existing.size() && claimed.count(existing[next])) ++next;
    if (next < existing.size()) {
      rows[i] = existing[next];
      claimed.insert(existing[next++]);
    }
  }
  for (Int64 id : existing) {
    if (!claimed.count(id)) unused.push_back(id);
  }
  return rows;
}

void deleteRows(Session& s, const std::string& table, const std::vector<Int64>& ids) {
  for (Int64 id : ids) s << "DELETE FROM " + table + " WHERE id = ?", bind(id), now;
}

void syncDecisions(Session& s, Int64 item_id, const std::vector<Decision>& decisions) {
  std::vector<Int64> wanted, unused;
  for (const auto& d : decisions) wanted.push_back(d.id);
  auto rows = planRows(childIds(s, "decisions", "item_id", item_id), wanted, unused);
  deleteRows(s, "decisions", unused);
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const Decision& d = decisions[i];
    std::string kind = decisionKindName(d.kind);
    if (rows[i] != 0) {
      s << "UPDATE decisions SET position = ?, text = ?, kind = ?, span_begin = ?, span_end = ?, confidence = ? "
           "WHERE id = ?",
          bind(i64(i)), bind(d.text), use(kind), bind(i64(d.span.begin)), bind(i64(d.span.end)), bind(d.confidence),
          bind(rows[i]), now;
    } else {
      s << "INSERT INTO decisions(item_id, position, text, kind, span_begin, span_end, confidence) "
           "VALUES(?, ?, ?, ?, ?, ?, ?)",
          bind(item_id), bind(i64(i)), bind(d.text), use(kind), bind(i64(d.span.begin)), bind(i64(d.span.end)),
          bind(d.confidence), now;
    }
  }
}

// Follow-ups read from this document are replaced; those a person added stay.
void syncExtractedFollowUps(Session& s, Int64 assignment_id, Int64 doc_id, const std::string& item_number,
                            const std::vector<FollowUp>& followups) {
  s << "DELETE FROM followups WHERE assignment_id = ? AND source_document_id = ? AND author = ''", bind(assignment_id),
      bind(doc_id), now;
  for (const auto& f : followups) {
    if (!f.author.empty()) continue;  // a person's follow-up is a row of its own, never rewritten here
    std::string status = assignmentStatusName(f.status), created = nowIso();
    std::string comment = f.comment.empty() ? f.evidence_text : f.comment;
    std::string number = f.source_item_number.empty() ? item_number : f.source_item_number;
    s << "INSERT INTO followups(assignment_id, date, status, comment, source_document_id, source_item_number, "
         "author, created_at) VALUES(?, ?, ?, ?, ?, ?, '', ?)",
        bind(assignment_id), bind(f.date), use(status), use(comment), bind(f.source_document_id.value_or(doc_id)),
        use(number), use(created), now;
  }
}

void syncAssignments(Session& s, Int64 item_id, Int64 doc_id, const Item& item) {
  std::vector<Int64> wanted, unused;
  for (const auto& a : item.assignments) wanted.push_back(a.id);
  auto rows = planRows(childIds(s, "assignments", "item_id", item_id), wanted, unused);
  deleteRows(s, "assignments", unused);  // their follow-ups go with them (ON DELETE CASCADE)
  for (std::size_t i = 0; i < item.assignments.size(); ++i) {
    const Assignment& a = item.assignments[i];
    std::string status = assignmentStatusName(a.status);
    Int64 id = rows[i];
    if (id != 0) {
      s << "UPDATE assignments SET position = ?, assignee = ?, task = ?, due = ?, due_text = ?, status = ?, "
           "progress = ?, span_begin = ?, span_end = ?, confidence = ? WHERE id = ?",
          bind(i64(i)), bind(a.assignee), bind(a.task), bind(a.due), bind(a.due_text), use(status), bind(a.progress),
          bind(i64(a.span.begin)), bind(i64(a.span.end)), bind(a.confidence), bind(id), now;
    } else {
      s << "INSERT INTO assignments(item_id, position, assignee, task, due, due_text, status, progress, "
           "span_begin, span_end, confidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          bind(item_id), bind(i64(i)), bind(a.assignee), bind(a.task), bind(a.due), bind(a.due_text), use(status),
          bind(a.progress), bind(i64(a.span.begin)), bind(i64(a.span.end)), bind(a.confidence), now;
      id = lastInsertId(s);
    }
    syncExtractedFollowUps(s, id, doc_id, item.number, a.followups);
  }
}

void syncItems(Session& s, Int64 doc_id, const std::vector<Item>& items) {
  auto ids = childIds(s, "items", "document_id", doc_id);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    int is_public = it.is_public ? 1 : 0;
    Int64 id = 0;
    if (i < ids.size()) {
      id = ids[i];
      s << "UPDATE items SET number = ?, title = ?, text = ?, registry_number = ?, is_public = ?, "
           "span_begin = ?, span_end = ? WHERE id = ?",
          bind(it.number), bind(it.title), bind(it.text), bind(it.registry_number), use(is_public),
          bind(i64(it.span.begin)), bind(i64(it.span.end)), bind(id), now;
    } else {
      s << "INSERT INTO items(document_id, position, number, title, text, registry_number, is_public, "
           "span_begin, span_end) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
          bind(doc_id), bind(i64(i)), bind(it.number), bind(it.title), bind(it.text), bind(it.registry_number),
          use(is_public), bind(i64(it.span.begin)), bind(i64(it.span.end)), now;
      id = lastInsertId(s);
    }
    syncDecisions(s, id, it.decisions);
    syncAssignments(s, id, doc_id, it);
  }
  deleteBeyond(s, "items", "document_id", doc_id, items.size());
}

// "09:00–12:00" → {"09:00", "12:00"}; anything else is kept as the start.
std::pair<std::string, std::string> splitTime(const std::string& time) {
  if (time.size() >= 11 && time[2] == ':' && time[time.size() - 3] == ':') {
    return {time.substr(0, 5), time.substr(time.size() - 5)};
  }
  return {time, ""};
}

void syncMeeting(Session& s, Int64 doc_id, Int64 org_id, const Document& d) {
  if (d.kind != DocumentKind::kMinutes) {
    s << "DELETE FROM meetings WHERE document_id = ?", bind(doc_id), now;
    return;
  }
  auto [start, end] = splitTime(d.time);
  std::string state = d.adjusted_date.empty() ? "held" : "minutes_approved";
  s << "INSERT INTO meetings(organization_id, document_id, date, start_time, end_time, location, state) "
       "VALUES(NULLIF(?, 0), ?, ?, ?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE SET "
       "organization_id = excluded.organization_id, date = excluded.date, start_time = excluded.start_time, "
       "end_time = excluded.end_time, location = excluded.location, state = excluded.state",
      bind(org_id), bind(doc_id), bind(d.date), use(start), use(end), bind(d.place), use(state), now;
  Int64 meeting_id = 0;
  s << "SELECT id FROM meetings WHERE document_id = ?", into(meeting_id), bind(doc_id), now;
  s << "DELETE FROM attendances WHERE meeting_id = ?", bind(meeting_id), now;
  for (const auto& a : d.attendees) {
    s << "INSERT OR IGNORE INTO persons(name, party, affiliation) VALUES(?, ?, ?)", bind(a.name), bind(a.party),
        bind(a.affiliation), now;
    Int64 person_id = 0;
    s << "SELECT id FROM persons WHERE name = ? AND affiliation = ?", into(person_id), bind(a.name),
        bind(a.affiliation), now;
    int adjuster = a.adjuster ? 1 : 0;
    s << "INSERT OR IGNORE INTO attendances(meeting_id, person_id, role, adjuster) VALUES(?, ?, ?, ?)",
        bind(meeting_id), bind(person_id), bind(a.role), use(adjuster), now;
  }
}

}  // namespace

std::string nowIso() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT);
}

Int64 lastInsertId(Session& s) {
  Int64 id = 0;
  s << "SELECT last_insert_rowid()", into(id), now;
  return id;
}

Int64 upsertOrganization(Session& s, const std::string& name) {
  if (name.empty()) return 0;
  s << "INSERT OR IGNORE INTO organizations(name) VALUES(?)", bind(name), now;
  Int64 id = 0;
  s << "SELECT id FROM organizations WHERE name = ?", into(id), bind(name), now;
  return id;
}

// Links mirror the effective document's: replaced whole, objects resolved from
// positions to the ids of their rows.
void syncLinks(Session& s, Int64 doc_id, const Document& d) {
  s << "DELETE FROM links WHERE document_id = ?", bind(doc_id), now;
  if (d.links.empty()) return;
  std::vector<Int64> item_ids = childIds(s, "items", "document_id", doc_id);
  for (const auto& l : d.links) {
    Int64 object_id = doc_id;
    if (l.object_type != "document") {
      if (l.item_index >= item_ids.size()) continue;
      Int64 item_id = item_ids[l.item_index];
      object_id = item_id;
      if (l.object_type == "decision" || l.object_type == "assignment") {
        auto ids = childIds(s, l.object_type == "decision" ? "decisions" : "assignments", "item_id", item_id);
        if (l.index >= ids.size()) continue;
        object_id = ids[l.index];
      }
    }
    s << "INSERT INTO links(document_id, object_type, object_id, scheme, code, score, origin, confirmed_by, "
         "explanation) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(doc_id), bind(l.object_type), bind(object_id), bind(l.scheme), bind(l.code), bind(l.score), bind(l.origin),
        bind(l.confirmed_by), bind(l.explanation), now;
  }
}

void syncDocumentRows(Session& s, Int64 doc_id, const Document& d) {
  Int64 org_id = upsertOrganization(s, d.organization);
  std::string kind = documentKindName(d.kind);
  s << "UPDATE documents SET kind = ?, title = ?, organization_id = NULLIF(?, 0), date = ?, registry_number = ? "
       "WHERE id = ?",
      use(kind), bind(d.title), bind(org_id), bind(d.date), bind(d.registry_number), bind(doc_id), now;
  syncItems(s, doc_id, d.items);
  syncMeeting(s, doc_id, org_id, d);
  syncLinks(s, doc_id, d);
}

void attachRowIds(Session& s, Int64 doc_id, Document& d) {
  std::vector<Int64> ids, positions;
  std::vector<std::string> texts;
  s << "SELECT id, position, text FROM items WHERE document_id = ? ORDER BY position", into(ids), into(positions),
      into(texts), bind(doc_id), now;
  std::map<Int64, Item*> by_id;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (positions[i] < 0 || static_cast<std::size_t>(positions[i]) >= d.items.size()) continue;
    Item& item = d.items[static_cast<std::size_t>(positions[i])];
    item.id = ids[i];
    item.text = std::move(texts[i]);
    by_id[ids[i]] = &item;
  }
  std::vector<Int64> item_ids, rows;
  positions.clear();
  s << "SELECT d.item_id, d.position, d.id FROM decisions d JOIN items i ON i.id = d.item_id "
       "WHERE i.document_id = ?",
      into(item_ids), into(positions), into(rows), bind(doc_id), now;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = by_id.find(item_ids[i]);
    if (it != by_id.end() && static_cast<std::size_t>(positions[i]) < it->second->decisions.size()) {
      it->second->decisions[static_cast<std::size_t>(positions[i])].id = rows[i];
    }
  }
  item_ids.clear(), positions.clear(), rows.clear();
  s << "SELECT a.item_id, a.position, a.id FROM assignments a JOIN items i ON i.id = a.item_id "
       "WHERE i.document_id = ?",
      into(item_ids), into(positions), into(rows), bind(doc_id), now;
  std::map<Int64, Assignment*> assignments;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = by_id.find(item_ids[i]);
    if (it != by_id.end() && static_cast<std::size_t>(positions[i]) < it->second->assignments.size()) {
      Assignment& a = it->second->assignments[static_cast<std::size_t>(positions[i])];
      a.id = rows[i];
      assignments[rows[i]] = &a;
    }
  }
  std::vector<Int64> assignment_ids, followup_ids;
  s << "SELECT f.assignment_id, f.id FROM followups f JOIN assignments a ON a.id = f.assignment_id "
       "JOIN items i ON i.id = a.item_id WHERE i.document_id = ? AND f.source_document_id = ? AND f.author = '' "
       "ORDER BY f.id",
      into(assignment_ids), into(followup_ids), bind(doc_id), bind(doc_id), now;
  std::map<Int64, std::size_t> next;
  for (std::size_t i = 0; i < followup_ids.size(); ++i) {
    auto it = assignments.find(assignment_ids[i]);
    if (it == assignments.end()) continue;
    std::size_t k = next[assignment_ids[i]]++;
    if (k < it->second->followups.size()) it->second->followups[k].id = followup_ids[i];
  }
  // The follow-ups people added belong to the document as it stands too.
  for (auto& f : loadFollowUps(s, "i.document_id = ? AND f.author <> ''", doc_id)) {
    if (auto it = assignments.find(f.assignment_id); it != assignments.end()) {
      it->second->followups.push_back(std::move(f));
    }
  }
}

std::vector<FollowUp> loadFollowUps(Session& s, const std::string& condition, Int64 arg) {
  std::vector<Int64> ids, owners;
  std::vector<Poco::Nullable<Int64>> sources;
  std::vector<std::string> dates, statuses, comments, numbers, authors, created;
  std::vector<Poco::Nullable<double>> progress;
  s << "SELECT f.id, f.assignment_id, f.date, f.status, f.comment, f.source_document_id, f.source_item_number, "
       "f.author, f.progress, f.created_at FROM followups f JOIN assignments a ON a.id = f.assignment_id "
       "JOIN items i ON i.id = a.item_id WHERE " +
           condition + " ORDER BY f.date, f.id",
      into(ids), into(owners), into(dates), into(statuses), into(comments), into(sources), into(numbers), into(authors),
      into(progress), into(created), bind(arg), now;
  std::vector<FollowUp> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    FollowUp& f = out[i];
    f.id = ids[i];
    f.assignment_id = owners[i];
    f.date = dates[i];
    f.status = parseAssignmentStatus(statuses[i]).value_or(AssignmentStatus::kInProgress);
    f.comment = comments[i];
    if (!sources[i].isNull()) f.source_document_id = sources[i].value();
    f.source_item_number = numbers[i];
    f.author = authors[i];
    f.progress = progress[i].isNull() ? -1 : progress[i].value();
    f.created_at = created[i];
  }
  return out;
}

}  // namespace beslut::detail
