// The SQLite store's publishing: publication records, approvals (justering),
// and saved searches.
#include <Poco/Data/Session.h>

#include <sstream>

#include "store_rows.h"
#include "store_sqlite.h"

namespace beslut::detail {
Result<Publication> loadPublication(Session& s, Id id, bool with_approvals) {
  std::vector<std::string> states, sent, adjusted, posted, items, extracted;
  s << "SELECT publication_state FROM documents WHERE id = ?", into(extracted), bind(id), now;
  if (extracted.empty()) return Status::notFound("Dokumentet " + std::to_string(id) + " finns inte.");
  s << "SELECT state, sent_at, adjusted_date, posted_date, immediate_items FROM publications WHERE document_id = ?",
      into(states), into(sent), into(adjusted), into(posted), into(items), bind(id), now;
  Publication p;
  p.state = publicationStateOf(extracted.front());
  if (!states.empty()) {
    p.has_record = true;
    p.state = publicationStateOf(states[0]);
    p.sent_at = sent[0];
    p.adjusted_date = adjusted[0];
    p.posted_date = posted[0];
    std::istringstream lines(items[0]);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) p.immediate_items.push_back(line);
    }
  }
  if (!with_approvals) return p;
  std::vector<std::string> persons, scopes, ats;
  s << "SELECT person, scope, approved_at FROM approvals WHERE document_id = ? ORDER BY id", into(persons),
      into(scopes), into(ats), bind(id), now;
  for (std::size_t i = 0; i < persons.size(); ++i) p.approvals.push_back({persons[i], scopes[i], ats[i]});
  return p;
}

Result<Publication> SqliteStore::publication(Id document_id) const {
  return read(pool_, "could not read the publication", [&](Session& s) { return loadPublication(s, document_id); });
}

Status SqliteStore::setPublication(Id document_id, const Publication& p) {
  return write(write_mutex_, pool_, "could not store the publication", [&](Session& s) {
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM documents WHERE id = ?", into(count), bind(document_id), now;
    if (count == 0) return Status::notFound("Dokumentet " + std::to_string(document_id) + " finns inte.");
    std::string items;
    for (const auto& n : p.immediate_items) items += (items.empty() ? "" : "\n") + n;
    std::string state = publicationStateName(p.state), sent = p.sent_at, adjusted = p.adjusted_date,
                posted = p.posted_date;
    s << "INSERT INTO publications(document_id, state, sent_at, adjusted_date, posted_date, immediate_items) "
         "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, "
         "sent_at = excluded.sent_at, adjusted_date = excluded.adjusted_date, posted_date = excluded.posted_date, "
         "immediate_items = excluded.immediate_items",
        bind(document_id), use(state), use(sent), use(adjusted), use(posted), use(items), now;
    s << "UPDATE documents SET publication_state = ? WHERE id = ?", use(state), bind(document_id), now;
    appendChange(s, "document", document_id, "upsert");
    return Status::okStatus();
  });
}

Status SqliteStore::addApproval(Id document_id, const Approval& a) {
  return write(write_mutex_, pool_, "could not store the approval", [&](Session& s) {
    std::string person = a.person, scope = a.scope, at = a.approved_at.empty() ? nowIso() : a.approved_at;
    s << "INSERT INTO approvals(document_id, person, scope, approved_at) VALUES(?, ?, ?, ?) "
         "ON CONFLICT(document_id, person, scope) DO UPDATE SET approved_at = excluded.approved_at",
        bind(document_id), use(person), use(scope), use(at), now;
  });
}

Result<SavedSearch> SqliteStore::addSavedSearch(SavedSearch search) {
  if (search.name.empty() || search.query.empty()) {
    return Status::invalidArgument("En sparad sökning måste ha namn och sökfråga.");
  }
  return write(write_mutex_, pool_, "could not save the search", [&](Session& s) -> Result<SavedSearch> {
    search.created_at = nowIso();
    s << "INSERT INTO saved_searches(name, query, created_at, owner_id, feed_key) VALUES(?, ?, ?, ?, ?)",
        use(search.name), use(search.query), use(search.created_at), bind(search.owner_id), use(search.feed_key), now;
    search.id = lastInsertId(s);
    appendChange(s, "saved_search", search.id, "upsert");
    return search;
  });
}

Result<SavedSearch> SqliteStore::savedSearch(Id id) const {
  auto all = loadSavedSearches("WHERE id = " + std::to_string(id));
  if (!all.ok()) return all.status();
  if (all->empty()) return Status::notFound("Den sparade sökningen " + std::to_string(id) + " finns inte.");
  return all->front();
}

Result<std::vector<SavedSearch>> SqliteStore::savedSearches() const { return loadSavedSearches(""); }

Result<std::vector<SavedSearch>> SqliteStore::loadSavedSearches(const std::string& where) const {
  return read(pool_, "could not read saved searches", [&](Session& s) -> Result<std::vector<SavedSearch>> {
    std::vector<Poco::Int64> ids, owners;
    std::vector<std::string> names, queries, created, keys;
    s << "SELECT id, name, query, created_at, owner_id, feed_key FROM saved_searches " + where + " ORDER BY id",
        into(ids), into(names), into(queries), into(created), into(owners), into(keys), now;
    std::vector<SavedSearch> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i], names[i], queries[i], created[i], owners[i], keys[i]};
    }
    return out;
  });
}

}  // namespace beslut::detail
