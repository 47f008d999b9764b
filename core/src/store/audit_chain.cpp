#include "audit_chain.h"

#include "beslut/sha256.h"
#include "store_rows.h"

namespace beslut::detail {
namespace {

struct Row {
  Poco::Int64 id = 0, entity_id = 0;
  std::string at, actor, action, entity, before, after, prev_hash, hash;
};

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

// Length-prefixed fields: no two different rows hash the same text.
std::string hashOf(const Row& r) {
  std::string text;
  for (const std::string* f : {&r.prev_hash, &r.at, &r.actor, &r.action, &r.entity, &r.before, &r.after}) {
    field(text, *f);
  }
  field(text, std::to_string(r.id));
  field(text, std::to_string(r.entity_id));
  return sha256Hex(text);
}

struct Head {
  bool present = false;
  Poco::Int64 last_id = 0, rows = 0;
  std::string last_hash;
};

Head readHead(Session& s) {
  std::vector<Poco::Int64> ids, rows;
  std::vector<std::string> hashes;
  s << "SELECT last_id, last_hash, rows FROM audit_head WHERE singleton = 1", into(ids), into(hashes), into(rows), now;
  if (ids.empty()) return {};
  return {true, ids.front(), rows.front(), hashes.front()};
}

void writeHead(Session& s, Poco::Int64 last_id, const std::string& last_hash, Poco::Int64 rows) {
  std::string hash = last_hash;
  s << "INSERT INTO audit_head(singleton, last_id, last_hash, rows) VALUES(1, ?, ?, ?) "
       "ON CONFLICT(singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash, "
       "rows = excluded.rows",
      bind(last_id), use(hash), bind(rows), now;
}

std::vector<Row> readRows(Session& s, const std::string& where) {
  std::vector<Poco::Int64> ids, entity_ids;
  std::vector<std::string> ats, actors, actions, entities, befores, afters, prevs, hashes;
  s << "SELECT id, at, actor, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log " + where +
           " ORDER BY id",
      into(ids), into(ats), into(actors), into(actions), into(entities), into(entity_ids), into(befores), into(afters),
      into(prevs), into(hashes), now;
  std::vector<Row> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out[i] = {ids[i],      entity_ids[i], ats[i],    actors[i], actions[i],
              entities[i], befores[i],    afters[i], prevs[i],  hashes[i]};
  }
  return out;
}

}  // namespace

Id appendAudit(Session& s, const AuditEntry& entry) {
  Head head = readHead(s);
  Poco::Int64 max_id = 0;
  s << "SELECT COALESCE(MAX(id), 0) FROM audit_log", into(max_id), now;
  Row r;
  r.id = std::max(max_id, head.last_id) + 1;
  r.entity_id = entry.entity_id;
  r.at = entry.at.empty() ? nowIso() : entry.at;
  r.actor = entry.actor;
  r.action = entry.action;
  r.entity = entry.entity;
  r.before = entry.before;
  r.after = entry.after;
  r.prev_hash = head.last_hash;
  r.hash = hashOf(r);
  s << "INSERT INTO audit_log(id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) "
       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      use(r.id), use(r.at), use(r.actor), use(r.action), use(r.entity), use(r.entity_id), use(r.before), use(r.after),
      use(r.prev_hash), use(r.hash), now;
  writeHead(s, r.id, r.hash, head.rows + 1);
  return r.id;
}

void sealAuditLog(Session& s) {
  if (readHead(s).present) return;
  std::string prev;
  Poco::Int64 last_id = 0, count = 0;
  for (Row& r : readRows(s, "")) {
    r.prev_hash = prev;
    r.hash = hashOf(r);
    s << "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", use(r.prev_hash), use(r.hash), use(r.id), now;
    prev = r.hash;
    last_id = r.id;
    ++count;
  }
  writeHead(s, last_id, prev, count);
}

AuditVerification verifyAuditLog(Session& s) {
  AuditVerification out;
  const Head head = readHead(s);
  std::string prev;
  for (const Row& r : readRows(s, "")) {
    ++out.rows;
    if (r.prev_hash != prev) {
      return {out.rows, false, r.id,
              "Raden före rad " + std::to_string(r.id) + " har tagits bort eller flyttats (länken stämmer inte)."};
    }
    if (r.hash != hashOf(r)) {
      return {out.rows, false, r.id, "Rad " + std::to_string(r.id) + " har ändrats efter att den skrevs."};
    }
    prev = r.hash;
  }
  if (!head.present && out.rows > 0) return {out.rows, false, 0, "Loggens huvud (audit_head) saknas."};
  if (head.present && (head.last_hash != prev || head.rows != static_cast<Poco::Int64>(out.rows))) {
    return {out.rows, false, head.last_id,
            "Loggens sista rader har tagits bort (" + std::to_string(head.rows) + " rader skrevs, " +
                std::to_string(out.rows) + " finns)."};
  }
  return out;
}

}  // namespace beslut::detail
