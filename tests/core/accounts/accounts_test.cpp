#include <doctest/doctest.h>

#include "beslut/accounts.h"
#include "beslut/audit.h"
#include "beslut/user_admin.h"
#include "beslut/sha256.h"
#include "beslut/store.h"
#include "beslut/visibility.h"
#include "test_util.h"

using namespace beslut;
using beslut::testing::TempDir;

namespace {

// Cheap hashing for tests that log in many times; the real cost is tested once.
PasswordCost cheap() { return {1024, 1, 1}; }

struct Accounts {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::unique_ptr<AccountStore> accounts;
  Accounts() {
    auto s = openSqliteStore({dir.file("beslut.db")});
    REQUIRE(s.ok());
    store = std::move(s).value();
    auto a = openSqliteAccounts(dir.file("beslut.db"));
    REQUIRE_MESSAGE(a.ok(), a.status().toString());
    accounts = std::move(a).value();
  }
  Id add(const std::string& name, const std::string& password, Grant grant) {
    auto id = accounts->addUser(name, hashPassword(password, cheap()).value(), grant);
    REQUIRE_MESSAGE(id.ok(), id.status().toString());
    return id.value();
  }
};

}  // namespace

TEST_CASE("passwords are hashed with Argon2id, salted, and verified") {
  auto a = hashPassword("korrekt häst batteri");
  REQUIRE(a.ok());
  CHECK(a->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0) == 0);
  auto b = hashPassword("korrekt häst batteri");
  REQUIRE(b.ok());
  CHECK(a.value() != b.value());  // a salt of its own
  CHECK(verifyPassword("korrekt häst batteri", a.value()));
  CHECK_FALSE(verifyPassword("korrekt häst batteriet", a.value()));
  CHECK_FALSE(verifyPassword("", a.value()));
  CHECK_FALSE(verifyPassword("x", "not a hash"));
  CHECK_FALSE(verifyPassword("x", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA"));  // only Argon2id
}

TEST_CASE("password and name rules answer in Swedish") {
  CHECK(checkPasswordRules("kort").code() == StatusCode::kInvalidArgument);
  CHECK(checkPasswordRules("kort").message().find("minst 10") != std::string::npos);
  CHECK(checkPasswordRules(std::string(1025, 'a')).code() == StatusCode::kInvalidArgument);
  CHECK(checkPasswordRules("tillräckligt långt").ok());
  CHECK(checkUserName("Irén Lejegren").ok());
  CHECK_FALSE(checkUserName("").ok());
  CHECK_FALSE(checkUserName(" Irén").ok());
  CHECK_FALSE(checkUserName("a\nb").ok());
  CHECK_FALSE(checkUserName("\xC3").ok());  // truncated UTF-8
}

TEST_CASE("random tokens are long, URL-safe and different") {
  std::string a = randomToken(), b = randomToken();
  CHECK(a.size() == 43);  // 32 bytes, base64url without padding
  CHECK(a != b);
  CHECK(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
}

TEST_CASE("roles are per body: readers read, secretaries edit, administrators do everything") {
  Principal anonymous;
  CHECK(anonymous.anonymous());
  CHECK_FALSE(anonymous.canRead("Regional tillväxtnämnd"));
  CHECK_FALSE(anonymous.canEditSomewhere());

  Principal reader{1, "Ulla", {{Role::kReader, "Regional tillväxtnämnd"}}};
  CHECK(reader.canRead("Regional tillväxtnämnd"));
  CHECK_FALSE(reader.canRead("Regionstyrelsen"));
  CHECK_FALSE(reader.canEdit("Regional tillväxtnämnd"));
  CHECK_FALSE(reader.canEditSomewhere());
  CHECK_FALSE(reader.canRead(""));

  Principal secretary{2, "Sara", {{Role::kSecretary, "Regional tillväxtnämnd"}}};
  CHECK(secretary.canEdit("Regional tillväxtnämnd"));
  CHECK(secretary.canRead("Regional tillväxtnämnd"));
  CHECK_FALSE(secretary.canEdit("Regionstyrelsen"));
  CHECK(secretary.canEditSomewhere());
  CHECK(secretary.readableOrganizations() == std::vector<std::string>{"Regional tillväxtnämnd"});

  Principal admin{3, "Adam", {{Role::kAdministrator, ""}}};
  CHECK(admin.administrator());
  CHECK(admin.canEdit("Regionstyrelsen"));
  CHECK(admin.canRead("vilken nämnd som helst"));
  CHECK(parseRole("secretary") == Role::kSecretary);
  CHECK_FALSE(parseRole("chef").has_value());
}

TEST_CASE("users, grants, sessions, tokens and the audit log are stored") {
  Accounts a;
  Id id = a.add("Sara Sekreterare", "hemligt lösenord", {Role::kSecretary, "Regional tillväxtnämnd"});
  CHECK(a.accounts->addUser("Sara Sekreterare", "x", {}).status().code() == StatusCode::kAlreadyExists);
  CHECK(a.accounts->addGrant("Sara Sekreterare", {Role::kReader, "Regionstyrelsen"}).ok());
  CHECK(a.accounts->addGrant("Sara Sekreterare", {Role::kReader, "Regionstyrelsen"}).ok());  // twice is once
  CHECK(a.accounts->addGrant("Ingen", {Role::kReader, "X"}).code() == StatusCode::kNotFound);
  auto user = a.accounts->userByName("Sara Sekreterare");
  REQUIRE(user.ok());
  CHECK(user->id == id);
  REQUIRE(user->grants.size() == 2);
  CHECK(user->grants[0].role == Role::kReader);
  CHECK(user->grants[0].organization == "Regionstyrelsen");
  CHECK(user->grants[1].role == Role::kSecretary);
  CHECK(a.accounts->userByName("Ingen").status().code() == StatusCode::kNotFound);

  REQUIRE(a.accounts->addSession({"abc", id, "csrf", 100, 100}).ok());
  auto s = a.accounts->session("abc");
  REQUIRE(s.ok());
  REQUIRE(s->has_value());
  CHECK(s->value().csrf_token == "csrf");
  REQUIRE(a.accounts->touchSession("abc", 150).ok());
  CHECK(a.accounts->session("abc").value()->last_seen_at == 150);
  // A new password ends every session of the user.
  REQUIRE(a.accounts->setPasswordHash("Sara Sekreterare", hashPassword("ett nytt lösenord", cheap()).value()).ok());
  CHECK_FALSE(a.accounts->session("abc").value().has_value());
  CHECK(a.accounts->setPasswordHash("Ingen", "x").code() == StatusCode::kNotFound);

  REQUIRE(a.accounts->addToken(id, sha256Hex("token"), "test").ok());
  CHECK(a.accounts->userForToken(sha256Hex("token")).value() == id);
  CHECK_FALSE(a.accounts->userForToken(sha256Hex("other")).value().has_value());
  // A new password revokes the user's API tokens as well as the sessions.
  REQUIRE(a.accounts->setPasswordHash("Sara Sekreterare", hashPassword("ännu ett lösenord", cheap()).value()).ok());
  CHECK_FALSE(a.accounts->userForToken(sha256Hex("token")).value().has_value());

  REQUIRE(a.accounts->audit({0, "", "Sara Sekreterare", "correction.add", "document", 7, "{}", "{\"a\":1}"}).ok());
  REQUIRE(a.accounts->audit({0, "", "Sara Sekreterare", "user.grant", "user", id, "", "reader"}).ok());
  auto log = a.accounts->auditLog(10);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 2);
  CHECK(log->at(0).action == "user.grant");  // newest first
  CHECK(log->at(1).after == "{\"a\":1}");
  CHECK_FALSE(log->at(1).at.empty());
  auto of_doc = a.accounts->auditLog(10, "document", 7);
  REQUIRE(of_doc.ok());
  CHECK(of_doc->size() == 1);
}

TEST_CASE("login, sessions with idle and absolute timeouts, logout and throttling") {
  Accounts a;
  a.add("Sara", "hemligt lösenord", {Role::kSecretary, "Regional tillväxtnämnd"});
  std::int64_t now = 1'000'000;
  AuthPolicy policy;
  policy.password_cost = cheap();
  Authenticator auth(*a.accounts, policy, [&] { return now; });

  auto bad = auth.login("Sara", "fel lösenord", "10.0.0.1");
  CHECK(bad.status().code() == StatusCode::kUnauthenticated);
  auto unknown = auth.login("Okänd", "hemligt lösenord", "10.0.0.1");
  CHECK(unknown.status().code() == StatusCode::kUnauthenticated);
  CHECK(unknown.status().message() == bad.status().message());  // nothing tells which was wrong

  auto login = auth.login("Sara", "hemligt lösenord", "10.0.0.1");
  REQUIRE_MESSAGE(login.ok(), login.status().toString());
  CHECK(login->principal.name == "Sara");
  // Failed logins are audited too, with the name tried and the client; then the login.
  auto log = a.accounts->auditLog(10, "user");
  REQUIRE(log.ok());
  REQUIRE(log->size() >= 3);
  CHECK(log->at(0).action == "session.login");
  CHECK(log->at(0).actor == "Sara");
  CHECK(log->at(1).action == "session.login_failed");
  CHECK(log->at(1).after == "namn: Okänd, från: 10.0.0.1");
  CHECK(log->at(2).action == "session.login_failed");
  CHECK(a.accounts->verifyAudit().value().intact);
  CHECK(login->session_token != login->csrf_token);
  // Only the hash of the cookie value is stored.
  CHECK_FALSE(a.accounts->session(login->session_token).value().has_value());
  CHECK(a.accounts->session(sha256Hex(login->session_token)).value().has_value());

  auto s = auth.session(login->session_token);
  REQUIRE(s.ok());
  CHECK(s->first.canEdit("Regional tillväxtnämnd"));
  CHECK(s->second == login->csrf_token);
  CHECK(auth.session("gissat").status().code() == StatusCode::kUnauthenticated);

  // Used every 20 minutes, the session lives until the absolute limit (12 h).
  for (int i = 0; i < 35; ++i) {
    now += 20 * 60;
    REQUIRE(auth.session(login->session_token).ok());
  }
  now += 20 * 60;  // 12 h 0 min after login
  CHECK(auth.session(login->session_token).status().code() == StatusCode::kUnauthenticated);

  // Idle for 30 minutes: over.
  auto second = auth.login("Sara", "hemligt lösenord", "10.0.0.1");
  REQUIRE(second.ok());
  now += 29 * 60;
  REQUIRE(auth.session(second->session_token).ok());
  now += 30 * 60;
  auto idle = auth.session(second->session_token);
  CHECK(idle.status().code() == StatusCode::kUnauthenticated);
  CHECK(idle.status().message().find("gått ut") != std::string::npos);

  // Logout ends the session.
  auto third = auth.login("Sara", "hemligt lösenord", "10.0.0.1");
  REQUIRE(third.ok());
  REQUIRE(auth.logout(third->session_token).ok());
  CHECK_FALSE(auth.session(third->session_token).ok());

  // Five failures for a name lock it for the window, even with the right password,
  // from any client; after the window it opens again.
  for (int i = 0; i < 5; ++i)
    CHECK(auth.login("Sara", "fel", "10.0.0." + std::to_string(i + 2)).status().code() == StatusCode::kUnauthenticated);
  CHECK(auth.login("Sara", "hemligt lösenord", "10.0.0.9").status().code() == StatusCode::kTooManyRequests);
  now += 15 * 60;
  CHECK(auth.login("Sara", "hemligt lösenord", "10.0.0.9").ok());
  // Five failures from one client lock that client out, whatever the name.
  for (int i = 0; i < 5; ++i) (void)auth.login("namn" + std::to_string(i), "fel", "10.9.9.9");
  CHECK(auth.login("Sara", "hemligt lösenord", "10.9.9.9").status().code() == StatusCode::kTooManyRequests);
  CHECK(auth.login("Sara", "hemligt lösenord", "10.0.0.9").ok());
}

TEST_CASE("API tokens carry their user's rights") {
  Accounts a;
  a.add("Ulla", "hemligt lösenord", {Role::kReader, "Regionstyrelsen"});
  Authenticator auth(*a.accounts);
  auto token = auth.createToken("Ulla", "cli");
  REQUIRE(token.ok());
  auto p = auth.bearer(token.value());
  REQUIRE(p.ok());
  CHECK(p->name == "Ulla");
  CHECK(p->canRead("Regionstyrelsen"));
  CHECK_FALSE(p->canEditSomewhere());
  CHECK(auth.bearer("fel").status().code() == StatusCode::kUnauthenticated);
  CHECK(auth.bearer("").status().code() == StatusCode::kUnauthenticated);
  CHECK(auth.createToken("Ingen", "x").status().code() == StatusCode::kNotFound);
}

TEST_CASE("the public sees published documents without their non-public items") {
  Document d;
  d.publication_state = PublicationState::kPublished;
  for (int i = 0; i < 3; ++i) {
    Item item;
    item.number = std::to_string(i + 1);
    item.is_public = i != 1;
    d.items.push_back(item);
  }
  Link doc_link;
  doc_link.object_type = "document";
  doc_link.code = "5.4";
  Link hidden;
  hidden.object_type = "item";
  hidden.item_index = 1;
  hidden.code = "5.1";
  Link third;
  third.object_type = "assignment";
  third.item_index = 2;
  third.code = "5.3";
  d.links = {doc_link, hidden, third};
  CHECK_FALSE(wholeDocumentPublic(d));
  Document copy = d;
  REQUIRE(redactForPublic(copy));
  REQUIRE(copy.items.size() == 2);
  CHECK(copy.items[1].number == "3");
  // The document-level link is read from every item, the hidden one too: it stays only
  // where a visible item links to the same area, explained by that item.
  REQUIRE(copy.links.size() == 1);
  CHECK(copy.links[0].code == "5.3");
  CHECK(copy.links[0].item_index == 1);  // renumbered with the items
  {
    Document supported = d;
    supported.links[0].explanation = "starkast 2: hemligt citat";
    Link visible = third;
    visible.object_type = "item";
    visible.code = "5.4";
    visible.explanation = "offentligt citat";
    supported.links.push_back(visible);
    REQUIRE(redactForPublic(supported));
    REQUIRE(supported.links.size() == 3);
    CHECK(supported.links[0].object_type == "document");
    CHECK(supported.links[0].explanation.find("hemligt") == std::string::npos);
    CHECK(supported.links[0].explanation.find("offentligt citat") != std::string::npos);
  }

  d.publication_state = PublicationState::kDraft;
  Document draft = d;
  CHECK_FALSE(redactForPublic(draft));
  CHECK(draft.items.size() == 3);  // left as it was
  d.publication_state = PublicationState::kPublished;
  d.items[1].is_public = true;
  CHECK(wholeDocumentPublic(d));
}

TEST_CASE("user administration is one use case: administrators only, each change in the audit log with the user's id") {
  Accounts f;
  UserAdmin admin(*f.accounts, {1024, 1, 1});
  const Principal root = consoleOperator("root");
  CHECK(root.administrator());
  CHECK(root.name == "cli:root");
  const Principal secretary{7, "Sara", {{Role::kSecretary, "Regionstyrelsen"}}};

  CHECK(admin.addUser(secretary, "Olle", "ett långt lösenord", {Role::kReader, "Regionstyrelsen"}).status().code() ==
        StatusCode::kPermissionDenied);
  CHECK(admin.addUser(root, "Olle", "kort", {Role::kReader, "Regionstyrelsen"}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(admin.addUser(root, "Olle", "ett långt lösenord", {Role::kReader, ""}).status().code() ==
        StatusCode::kInvalidArgument);  // a reader of which body?
  auto id = admin.addUser(root, "Olle", "ett långt lösenord", {Role::kReader, "Regionstyrelsen"});
  REQUIRE(id.ok());
  CHECK(admin.addUser(root, "Olle", "ett långt lösenord", {Role::kReader, "Regionstyrelsen"}).status().code() ==
        StatusCode::kAlreadyExists);
  REQUIRE(admin.grant(root, "Olle", {Role::kSecretary, "Regional tillväxtnämnd"}).ok());
  CHECK(admin.grant(root, "Ingen", {Role::kSecretary, "Regional tillväxtnämnd"}).code() == StatusCode::kNotFound);
  CHECK(admin.setPassword(secretary, "Olle", "ett annat långt lösenord").code() == StatusCode::kPermissionDenied);
  REQUIRE(admin.setPassword(root, "Olle", "ett annat långt lösenord").ok());
  CHECK(verifyPassword("ett annat långt lösenord", f.accounts->userByName("Olle")->password_hash));

  auto log = f.accounts->auditLog(10, "user");
  REQUIRE(log.ok());
  REQUIRE(log->size() == 3);  // refusals change nothing and are not recorded
  for (const auto& e : log.value()) {
    CHECK(e.entity_id == id.value());  // whichever face asked
    CHECK(e.actor == "cli:root");
  }
  CHECK(log->at(2).action == "user.add");
  CHECK(log->at(2).after == "Olle: reader i Regionstyrelsen");
  CHECK(log->at(1).action == "user.grant");
  CHECK(log->at(1).before == "Olle: reader i Regionstyrelsen");
  CHECK(log->at(1).after == "Olle: reader i Regionstyrelsen, secretary i Regional tillväxtnämnd");
  CHECK(log->at(0).action == "user.passwd");
  CHECK(log->at(0).after.find("$argon2") == std::string::npos);  // never the hash
}
