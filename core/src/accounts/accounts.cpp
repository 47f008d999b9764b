#include "beslut/accounts.h"

#include <argon2.h>
#include <sys/random.h>

#include <Poco/Base64Encoder.h>
#include <Poco/UTF8String.h>
#include <Poco/UnicodeConverter.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "beslut/sha256.h"

namespace beslut {

const char* roleName(Role role) {
  switch (role) {
    case Role::kReader: return "reader";
    case Role::kSecretary: return "secretary";
    case Role::kAdministrator: return "administrator";
  }
  return "reader";
}

std::optional<Role> parseRole(std::string_view name) {
  if (name == "reader") return Role::kReader;
  if (name == "secretary") return Role::kSecretary;
  if (name == "administrator") return Role::kAdministrator;
  return std::nullopt;
}

bool Principal::administrator() const {
  return std::any_of(grants.begin(), grants.end(), [](const Grant& g) { return g.role == Role::kAdministrator; });
}

bool Principal::canRead(std::string_view organization) const {
  if (administrator()) return true;
  return std::any_of(grants.begin(), grants.end(),
                     [&](const Grant& g) { return !organization.empty() && g.organization == organization; });
}

bool Principal::canEdit(std::string_view organization) const {
  if (administrator()) return true;
  return std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
    return g.role == Role::kSecretary && !organization.empty() && g.organization == organization;
  });
}

bool Principal::canEditSomewhere() const {
  return std::any_of(grants.begin(), grants.end(),
                     [](const Grant& g) { return g.role == Role::kSecretary || g.role == Role::kAdministrator; });
}

std::vector<std::string> Principal::readableOrganizations() const {
  std::vector<std::string> out;
  for (const auto& g : grants) {
    if (!g.organization.empty() && std::find(out.begin(), out.end(), g.organization) == out.end()) {
      out.push_back(g.organization);
    }
  }
  return out;
}

Status checkPasswordRules(std::string_view password) {
  if (password.size() < 10) return Status::invalidArgument("Lösenordet måste ha minst 10 tecken.");
  if (password.size() > 1024) return Status::invalidArgument("Lösenordet får ha högst 1024 tecken.");
  return Status::okStatus();
}

Status checkUserName(std::string_view name) {
  if (name.empty() || name.size() > 100) return Status::invalidArgument("Namnet måste ha 1–100 tecken.");
  if (name.front() == ' ' || name.back() == ' ') {
    return Status::invalidArgument("Namnet får inte börja eller sluta med mellanslag.");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return Status::invalidArgument("Namnet får inte innehålla styrtecken.");
  }
  std::wstring wide;
  Poco::UnicodeConverter::convert(std::string(name), wide);
  std::string back;
  Poco::UnicodeConverter::convert(wide, back);
  if (back != name) return Status::invalidArgument("Namnet är inte giltig UTF-8.");
  return Status::okStatus();
}

namespace {

void randomBytes(unsigned char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::getrandom(out + got, n - got, 0);
    if (r > 0) got += static_cast<std::size_t>(r);
    // EINTR: try again; getrandom without GRND_NONBLOCK does not fail otherwise
    // once the kernel's pool is initialised.
  }
}

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

}  // namespace

std::string randomToken(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randomBytes(reinterpret_cast<unsigned char*>(raw.data()), raw.size());
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << raw;
  encoder.close();
  return out.str();
}

Result<std::string> hashPassword(std::string_view password, const PasswordCost& cost) {
  unsigned char salt[kSaltBytes];
  randomBytes(salt, sizeof salt);
  std::string encoded(argon2_encodedlen(cost.passes, cost.memory_kib, cost.lanes, kSaltBytes, kHashBytes, Argon2_id),
                      '\0');
  int rc = argon2id_hash_encoded(cost.passes, cost.memory_kib, cost.lanes, password.data(), password.size(), salt,
                                 sizeof salt, kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) return Status::internal(std::string("password hashing failed: ") + argon2_error_message(rc));
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  return encoded;
}

bool verifyPassword(std::string_view password, const std::string& encoded) {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

// ---------------------------------------------------------------------------

Authenticator::Authenticator(AccountStore& accounts, AuthPolicy policy, Clock clock)
    : accounts_(accounts), policy_(policy), clock_(std::move(clock)) {
  if (!clock_) {
    clock_ = [] {
      return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
  }
}

bool Authenticator::throttled(const std::string& key, std::int64_t now) {
  std::lock_guard<std::mutex> lock(failures_mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return false;
  auto& times = it->second;
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](std::int64_t t) { return now - t >= policy_.failure_window_seconds; }),
              times.end());
  if (times.empty()) {
    failures_.erase(it);
    return false;
  }
  return static_cast<int>(times.size()) >= policy_.max_failures;
}

void Authenticator::recordFailure(const std::string& key, std::int64_t now) {
  std::lock_guard<std::mutex> lock(failures_mutex_);
  if (failures_.size() > 100000) failures_.clear();  // bounded: a flood of names cannot exhaust memory
  failures_[key].push_back(now);
}

Result<Authenticator::Login> Authenticator::login(const std::string& name, std::string_view password,
                                                  const std::string& client) {
  const std::int64_t now = clock_();
  const std::string name_key = "name:" + Poco::UTF8::toLower(name), client_key = "client:" + client;
  const std::string attempt = "namn: " + name + (client.empty() ? "" : ", från: " + client);
  if (throttled(name_key, now) || (!client.empty() && throttled(client_key, now))) {
    (void)accounts_.audit({0, "", "", "session.login_throttled", "user", 0, "", attempt});
    return Status::tooManyRequests("För många misslyckade inloggningar. Vänta en stund och försök igen.");
  }
  auto user = accounts_.userByName(name);
  if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
  // An unknown name costs as much as a wrong password, so timing tells nothing.
  static const std::string kDummy = hashPassword("not a password of anyone", policy_.password_cost).value();
  const bool good = verifyPassword(password, user.ok() ? user->password_hash : kDummy) && user.ok();
  if (!good) {
    recordFailure(name_key, now);
    if (!client.empty()) recordFailure(client_key, now);
    (void)accounts_.audit({0, "", "", "session.login_failed", "user", user.ok() ? user->id : 0, "", attempt});
    return Status::unauthenticated("Fel användarnamn eller lösenord.");
  }
  {
    std::lock_guard<std::mutex> lock(failures_mutex_);
    failures_.erase(name_key);
  }
  Login out;
  out.session_token = randomToken();
  out.csrf_token = randomToken();
  out.principal = {user->id, user->name, user->grants};
  Status st = accounts_.addSession({sha256Hex(out.session_token), user->id, out.csrf_token, now, now});
  if (!st.ok()) return st;
  (void)accounts_.audit({0, "", user->name, "session.login", "user", user->id, "", client});
  return out;
}

Result<std::pair<Principal, std::string>> Authenticator::session(const std::string& session_token) {
  if (session_token.empty()) return Status::unauthenticated("Du är inte inloggad.");
  const std::string id_hash = sha256Hex(session_token);
  auto rec = accounts_.session(id_hash);
  if (!rec.ok()) return rec.status();
  if (!rec->has_value()) return Status::unauthenticated("Du är inte inloggad.");
  const SessionRecord& r = *rec.value();
  const std::int64_t now = clock_();
  if (now - r.created_at >= policy_.absolute_seconds || now - r.last_seen_at >= policy_.idle_seconds) {
    (void)accounts_.removeSession(id_hash);
    return Status::unauthenticated("Sessionen har gått ut. Logga in igen.");
  }
  // One write a minute at most, not one per request.
  if (now - r.last_seen_at >= 60) (void)accounts_.touchSession(id_hash, now);
  auto principal = principalOf(r.user_id);
  if (!principal.ok()) {
    if (principal.status().code() == StatusCode::kNotFound) return Status::unauthenticated("Du är inte inloggad.");
    return principal.status();
  }
  return std::make_pair(std::move(principal).value(), r.csrf_token);
}

Status Authenticator::logout(const std::string& session_token) {
  if (session_token.empty()) return Status::okStatus();
  return accounts_.removeSession(sha256Hex(session_token));
}

Result<Principal> Authenticator::bearer(const std::string& token) {
  if (token.empty()) return Status::unauthenticated("API-nyckel saknas.");
  auto user = accounts_.userForToken(sha256Hex(token));
  if (!user.ok()) return user.status();
  if (!user->has_value()) return Status::unauthenticated("Okänd API-nyckel.");
  return principalOf(*user.value());
}

Result<Principal> Authenticator::principalOf(Id user_id) const {
  auto user = accounts_.userById(user_id);
  if (!user.ok()) return user.status();
  return Principal{user->id, user->name, user->grants};
}

Result<std::string> Authenticator::createToken(const std::string& user_name, const std::string& label) {
  auto user = accounts_.userByName(user_name);
  if (!user.ok()) return user.status();
  std::string token = randomToken();
  Status st = accounts_.addToken(user->id, sha256Hex(token), label);
  if (!st.ok()) return st;
  return token;
}

}  // namespace beslut
