// The account store in SQLite, through Poco::Data: users, roles, sessions,
// API tokens and the audit log (tables of schema migration 6).
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <mutex>

#include "beslut/accounts.h"
#include "audit_chain.h"
#include "sqlite_util.h"
#include "store_rows.h"

namespace beslut {

AccountStore::~AccountStore() = default;

namespace {

using detail::bind;
using detail::ConfiguredPool;
using detail::into;
using detail::now;
using detail::read;
using detail::Session;
using detail::use;
using detail::write;

class SqliteAccounts final : public AccountStore {
 public:
  explicit SqliteAccounts(const std::string& path) : pool_(path, 4, 10000) {}

  Result<Id> addUser(const std::string& name, const std::string& password_hash, const Grant& grant) override {
    return write(write_mutex_, pool_, "could not add the user", [&](Session& s) -> Result<Id> {
      Poco::Int64 count = 0;
      std::string n = name;
      s << "SELECT COUNT(*) FROM users WHERE name = ?", into(count), use(n), now;
      if (count > 0) return Status::alreadyExists("Det finns redan en användare som heter " + name);
      std::string hash = password_hash, at = detail::nowIso();
      s << "INSERT INTO users(name, password_hash, created_at) VALUES(?, ?, ?)", use(n), use(hash), use(at), now;
      const Id id = detail::lastInsertId(s);
      insertGrant(s, id, grant);
      return id;
    });
  }

  Status setPasswordHash(const std::string& name, const std::string& password_hash) override {
    return write(write_mutex_, pool_, "could not change the password", [&](Session& s) {
      std::vector<Poco::Int64> ids;
      std::string n = name, hash = password_hash;
      s << "SELECT id FROM users WHERE name = ?", into(ids), use(n), now;
      if (ids.empty()) return Status::notFound("Ingen användare heter " + name);
      s << "UPDATE users SET password_hash = ? WHERE id = ?", use(hash), bind(ids.front()), now;
      s << "DELETE FROM sessions WHERE user_id = ?", bind(ids.front()), now;
      s << "DELETE FROM api_tokens WHERE user_id = ?", bind(ids.front()), now;  // a new password revokes them too
      return Status::okStatus();
    });
  }

  Status addGrant(const std::string& name, const Grant& grant) override {
    return write(write_mutex_, pool_, "could not grant the role", [&](Session& s) {
      std::vector<Poco::Int64> ids;
      std::string n = name;
      s << "SELECT id FROM users WHERE name = ?", into(ids), use(n), now;
      if (ids.empty()) return Status::notFound("Ingen användare heter " + name);
      insertGrant(s, ids.front(), grant);
      return Status::okStatus();
    });
  }

  Result<UserRecord> userByName(const std::string& name) const override { return loadUser("name = ?", name, 0); }

  Result<UserRecord> userById(Id id) const override { return loadUser("id = ?", "", id); }

  Result<std::vector<UserRecord>> users() const override {
    return read(pool_, "could not read the users", [&](Session& s) -> Result<std::vector<UserRecord>> {
      std::vector<Poco::Int64> ids;
      s << "SELECT id FROM users ORDER BY name", into(ids), now;
      std::vector<UserRecord> out;
      for (Poco::Int64 id : ids) {
        auto u = userById(id);
        if (u.ok()) out.push_back(std::move(u).value());
      }
      return out;
    });
  }

  Status addSession(const SessionRecord& r) override {
    return write(write_mutex_, pool_, "could not store the session", [&](Session& s) {
      std::string id = r.id_hash, csrf = r.csrf_token;
      Poco::Int64 user = r.user_id, created = r.created_at, seen = r.last_seen_at;
      s << "INSERT INTO sessions(id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES(?, ?, ?, ?, ?)",
          use(id), use(user), use(csrf), use(created), use(seen), now;
    });
  }

  Result<std::optional<SessionRecord>> session(const std::string& id_hash) const override {
    return read(pool_, "could not read the session", [&](Session& s) -> Result<std::optional<SessionRecord>> {
      std::vector<Poco::Int64> users, created, seen;
      std::vector<std::string> csrf;
      std::string id = id_hash;
      s << "SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = ?", into(users),
          into(csrf), into(created), into(seen), use(id), now;
      if (users.empty()) return std::optional<SessionRecord>();
      return std::optional<SessionRecord>(SessionRecord{id_hash, users[0], csrf[0], created[0], seen[0]});
    });
  }

  Status touchSession(const std::string& id_hash, std::int64_t at) override {
    return write(write_mutex_, pool_, "could not update the session", [&](Session& s) {
      std::string id = id_hash;
      Poco::Int64 when = at;
      s << "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", use(when), use(id), now;
    });
  }

  Status removeSession(const std::string& id_hash) override {
    return write(write_mutex_, pool_, "could not end the session", [&](Session& s) {
      std::string id = id_hash;
      s << "DELETE FROM sessions WHERE id_hash = ?", use(id), now;
    });
  }

  Status addToken(Id user_id, const std::string& token_hash, const std::string& label) override {
    return write(write_mutex_, pool_, "could not store the token", [&](Session& s) {
      std::string hash = token_hash, l = label, at = detail::nowIso();
      Poco::Int64 user = user_id;
      s << "INSERT INTO api_tokens(user_id, token_hash, label, created_at) VALUES(?, ?, ?, ?)", use(user), use(hash),
          use(l), use(at), now;
    });
  }

  Result<std::optional<Id>> userForToken(const std::string& token_hash) const override {
    return read(pool_, "could not read the token", [&](Session& s) -> Result<std::optional<Id>> {
      std::vector<Poco::Int64> users;
      std::string hash = token_hash;
      s << "SELECT user_id FROM api_tokens WHERE token_hash = ?", into(users), use(hash), now;
      if (users.empty()) return std::optional<Id>();
      return std::optional<Id>(users.front());
    });
  }

  Status audit(const AuditEntry& e) override {
    return write(write_mutex_, pool_, "could not write the audit log", [&](Session& s) { detail::appendAudit(s, e); });
  }

  Result<AuditVerification> verifyAudit() const override {
    return read(pool_, "could not read the audit log",
                [&](Session& s) -> Result<AuditVerification> { return detail::verifyAuditLog(s); });
  }

  Result<std::vector<AuditEntry>> auditLog(std::size_t limit, const std::string& entity, Id entity_id) const override {
    return read(pool_, "could not read the audit log", [&](Session& s) -> Result<std::vector<AuditEntry>> {
      std::vector<Poco::Int64> ids, entity_ids;
      std::vector<std::string> ats, actors, actions, entities, befores, afters;
      std::string e = entity;
      Poco::Int64 eid = entity_id, lim = static_cast<Poco::Int64>(limit);
      s << "SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log "
           "WHERE (? = '' OR entity = ?) AND (? = 0 OR entity_id = ?) ORDER BY id DESC LIMIT ?",
          into(ids), into(ats), into(actors), into(actions), into(entities), into(entity_ids), into(befores),
          into(afters), use(e), use(e), use(eid), use(eid), use(lim), now;
      std::vector<AuditEntry> out(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) {
        out[i] = {ids[i], ats[i], actors[i], actions[i], entities[i], entity_ids[i], befores[i], afters[i]};
      }
      return out;
    });
  }

 private:
  static void insertGrant(Session& s, Poco::Int64 user_id, const Grant& grant) {
    std::string role = roleName(grant.role), org = grant.role == Role::kAdministrator ? "" : grant.organization;
    s << "INSERT OR IGNORE INTO user_roles(user_id, role, organization) VALUES(?, ?, ?)", bind(user_id), use(role),
        use(org), now;
  }

  Result<UserRecord> loadUser(const std::string& where, const std::string& name, Id id) const {
    return read(pool_, "could not read the user", [&](Session& s) -> Result<UserRecord> {
      std::vector<Poco::Int64> ids;
      std::vector<std::string> names, hashes, created;
      if (id != 0) {
        Poco::Int64 v = id;
        s << "SELECT id, name, password_hash, created_at FROM users WHERE " + where, into(ids), into(names),
            into(hashes), into(created), use(v), now;
      } else {
        std::string n = name;
        s << "SELECT id, name, password_hash, created_at FROM users WHERE " + where, into(ids), into(names),
            into(hashes), into(created), use(n), now;
      }
      if (ids.empty()) return Status::notFound("Användaren finns inte.");
      UserRecord u{ids[0], names[0], hashes[0], {}, created[0]};
      std::vector<std::string> roles, orgs;
      s << "SELECT role, organization FROM user_roles WHERE user_id = ? ORDER BY role, organization", into(roles),
          into(orgs), bind(ids[0]), now;
      for (std::size_t i = 0; i < roles.size(); ++i) {
        if (auto r = parseRole(roles[i])) u.grants.push_back({*r, orgs[i]});
      }
      return u;
    });
  }

  mutable ConfiguredPool pool_;
  std::mutex write_mutex_;
};

}  // namespace

Result<std::unique_ptr<AccountStore>> openSqliteAccounts(const std::string& path) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  try {
    auto accounts = std::make_unique<SqliteAccounts>(path);
    if (auto users = accounts->users(); !users.ok()) return users.status();  // the schema is there
    return std::unique_ptr<AccountStore>(std::move(accounts));
  } catch (const Poco::Exception& e) {
    return Status::ioError("cannot open the accounts in " + path + ": " + e.displayText());
  }
}

}  // namespace beslut
