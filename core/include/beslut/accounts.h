// Accounts, roles, sessions, API tokens and the audit log.
//
// Roles are per body (organization): a reader is an official who may see the
// non-public and unpublished material of their own body; a secretary may also
// create, correct and publish in that body; an administrator may do anything
// everywhere. Anonymous visitors see published, public material only.
//
// Secrets are never stored: passwords as Argon2id hashes (libargon2), session
// ids and API tokens as SHA-256 hex of the random value the client holds.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

enum class Role { kReader, kSecretary, kAdministrator };

// "reader", "secretary", "administrator".
const char* roleName(Role role);
std::optional<Role> parseRole(std::string_view name);

struct Grant {
  Role role = Role::kReader;
  std::string organization;  // empty: every body (administrators)
};

// Who is asking. user_id 0 is an anonymous visitor.
struct Principal {
  Id user_id = 0;
  std::string name;
  std::vector<Grant> grants;

  bool anonymous() const { return user_id == 0; }
  bool administrator() const;
  // May see the body's non-public items and unpublished documents.
  bool canRead(std::string_view organization) const;
  // May import, correct, follow up and publish in the body.
  bool canEdit(std::string_view organization) const;
  // Secretary of at least one body, or administrator.
  bool canEditSomewhere() const;
  // The bodies whose non-public material this principal sees (not meaningful
  // for administrators, who see everything).
  std::vector<std::string> readableOrganizations() const;
};

struct UserRecord {
  Id id = 0;
  std::string name;
  std::string password_hash;  // Argon2id, PHC string format
  std::vector<Grant> grants;
  std::string created_at;
};

struct SessionRecord {
  std::string id_hash;  // SHA-256 hex of the cookie value
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // Unix seconds
  std::int64_t last_seen_at = 0;
};

struct AuditEntry {
  Id id = 0;
  std::string at;      // ISO 8601, UTC
  std::string actor;   // user name, or "" for the system
  std::string action;  // "correction.add", "user.add", "document.import", …
  std::string entity;  // "document", "assignment", "user", …
  Id entity_id = 0;
  std::string before;  // JSON or text; "" when nothing was there
  std::string after;
};

// What `beslut audit verify` found: the chain intact over `rows` rows, or the
// first row where it breaks and why (in Swedish).
struct AuditVerification {
  std::size_t rows = 0;
  bool intact = true;
  Id first_bad_id = 0;
  std::string problem;
};

// Persistence of the above. Thread-safe.
class AccountStore {
 public:
  virtual ~AccountStore();

  // kAlreadyExists if the name is taken.
  virtual Result<Id> addUser(const std::string& name, const std::string& password_hash, const Grant& grant) = 0;
  // kNotFound for an unknown name. Ends the user's sessions and revokes their API tokens.
  virtual Status setPasswordHash(const std::string& name, const std::string& password_hash) = 0;
  // kNotFound for an unknown name; granting what the user has is no error.
  virtual Status addGrant(const std::string& name, const Grant& grant) = 0;
  virtual Result<UserRecord> userByName(const std::string& name) const = 0;
  virtual Result<UserRecord> userById(Id id) const = 0;
  virtual Result<std::vector<UserRecord>> users() const = 0;

  virtual Status addSession(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> session(const std::string& id_hash) const = 0;
  virtual Status touchSession(const std::string& id_hash, std::int64_t at) = 0;
  virtual Status removeSession(const std::string& id_hash) = 0;

  virtual Status addToken(Id user_id, const std::string& token_hash, const std::string& label) = 0;
  virtual Result<std::optional<Id>> userForToken(const std::string& token_hash) const = 0;

  // Appends to the hash-chained audit log (see AuditVerification).
  virtual Status audit(const AuditEntry& entry) = 0;
  // Walks the whole chain: a changed, removed or reordered row is found.
  virtual Result<AuditVerification> verifyAudit() const = 0;
  // Newest first; entity "" for every entity.
  virtual Result<std::vector<AuditEntry>> auditLog(std::size_t limit, const std::string& entity = {},
                                                   Id entity_id = 0) const = 0;
};

// The accounts in the store's SQLite database (its schema is applied by
// openSqliteStore, which must have opened the file first).
Result<std::unique_ptr<AccountStore>> openSqliteAccounts(const std::string& path);

// Argon2id cost. The defaults follow OWASP's minimum for Argon2id
// (19 MiB, 2 passes, 1 lane): 17–21 ms a hash on the project's 2-core machines.
struct PasswordCost {
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t passes = 2;
  std::uint32_t lanes = 1;
};

// kInvalidArgument with a message for the person choosing it: 10 to 1024 bytes.
Status checkPasswordRules(std::string_view password);
// 1 to 100 bytes of UTF-8 without control characters or surrounding spaces.
Status checkUserName(std::string_view name);

// PHC string ("$argon2id$v=19$m=…,t=…,p=…$salt$hash") with a random salt.
Result<std::string> hashPassword(std::string_view password, const PasswordCost& cost = {});
bool verifyPassword(std::string_view password, const std::string& encoded);

// `bytes` random bytes from the kernel, base64url without padding.
std::string randomToken(std::size_t bytes = 32);

struct AuthPolicy {
  std::int64_t idle_seconds = 30 * 60;            // a session unused this long ends
  std::int64_t absolute_seconds = 12 * 60 * 60;   // and every session ends this long after login
  int max_failures = 5;                           // failed logins for a name or a client …
  std::int64_t failure_window_seconds = 15 * 60;  // … within this window lock out for the rest of it
  PasswordCost password_cost;
};

// Logins, sessions and tokens over an AccountStore, with throttling of failed
// logins per name and per client (kept in memory: a restart forgets them).
class Authenticator {
 public:
  using Clock = std::function<std::int64_t()>;  // Unix seconds
  Authenticator(AccountStore& accounts, AuthPolicy policy = {}, Clock clock = {});

  struct Login {
    std::string session_token;  // the cookie value; only its hash is stored
    std::string csrf_token;
    Principal principal;
  };
  // kUnauthenticated for a wrong name or password (one message for both),
  // kTooManyRequests while throttled. `client` identifies the caller (address).
  Result<Login> login(const std::string& name, std::string_view password, const std::string& client);
  // The session's principal and CSRF token; kUnauthenticated when unknown or timed out.
  Result<std::pair<Principal, std::string>> session(const std::string& session_token);
  Status logout(const std::string& session_token);
  // The principal of an API token; kUnauthenticated when unknown.
  Result<Principal> bearer(const std::string& token);
  Result<Principal> principalOf(Id user_id) const;

  // Creates an API token for a user and returns it (shown once).
  Result<std::string> createToken(const std::string& user_name, const std::string& label);

  const AuthPolicy& policy() const { return policy_; }
  AccountStore& accounts() { return accounts_; }

 private:
  bool throttled(const std::string& key, std::int64_t now);
  void recordFailure(const std::string& key, std::int64_t now);

  AccountStore& accounts_;
  AuthPolicy policy_;
  Clock clock_;
  std::mutex failures_mutex_;
  std::map<std::string, std::vector<std::int64_t>> failures_;  // key → times of recent failures
};

}  // namespace beslut
