#include <doctest/doctest.h>

#include "beslut/publishing.h"
#include "beslut/sha256.h"
#include "beslut/visibility.h"
#include "fixtures.h"
#include "test_util.h"

using namespace beslut;
using beslut::testing::TempDir;

namespace {

const std::string kBody = "Specifikt samverkansråd";

Document minutes(const std::string& bytes) { return beslut::testing::testMinutes(kBody, bytes); }

struct Fixture {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::unique_ptr<AccountStore> accounts;
  Id id = 0;
  Principal secretary{1, "Sara", {{Role::kSecretary, kBody}}};
  Principal chair{2, "Irén Lejegren", {{Role::kReader, kBody}}};
  Principal adjuster{3, "Håkan Söderman", {{Role::kReader, kBody}}};
  explicit Fixture(Document d = minutes("x")) {
    auto s = openSqliteStore({dir.file("beslut.db")});
    REQUIRE(s.ok());
    store = std::move(s).value();
    auto a = openSqliteAccounts(dir.file("beslut.db"));
    REQUIRE(a.ok());
    accounts = std::move(a).value();
    auto imported = store->importDocument(d, d.text);
    REQUIRE(imported.ok());
    id = imported->id;
  }
};

}  // namespace

TEST_CASE("identity numbers: date and check digit, personnummer and samordningsnummer") {
  CHECK(validIdentityNumber("8112189876"));
  CHECK(validIdentityNumber("198112189876"));
  CHECK_FALSE(validIdentityNumber("8112189875"));  // wrong check digit
  CHECK(validIdentityNumber("7010632391"));        // samordningsnummer: day 63 = 3
  CHECK_FALSE(validIdentityNumber("8113189871"));  // month 13
  CHECK_FALSE(validIdentityNumber("81121898"));
  Document d = minutes("y");
  d.items[1].text = "Ärendet gäller 811218-9876 och 19811218-9876, dnr 2018-1234, tel 019-602 10 00, 20181001.";
  d.items[2].decisions.push_back({0, "Samordningsnummer 701063-2391 noteras.", DecisionKind::kDecision, {}, 1.0});
  auto hits = findIdentityNumbers(d);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].number == "811218-9876");
  CHECK(hits[0].item_number == "2");
  CHECK(hits[1].number == "19811218-9876");
  CHECK(hits[2].number == "701063-2391");
  CHECK(hits[2].item_number == "3");
}

TEST_CASE("the appeal period ends three weeks after posting") {
  CHECK(addDays("2018-10-02", kAppealDays) == "2018-10-23");
  CHECK(addDays("2018-12-20", kAppealDays) == "2019-01-10");
  CHECK(addDays("2018-1-2", 1).empty());
}

TEST_CASE("draft, justering by the chair and the adjuster, then the notice board") {
  Fixture f;
  Publishing pub(*f.store, *f.accounts);
  CHECK(requiredApprovers(f.store->document(f.id).value()) ==
        std::vector<std::string>{"Irén Lejegren", "Håkan Söderman"});
  REQUIRE(pub.makeDraft(f.id).ok());
  // A draft is not public, and only its body's secretary can send it.
  Document draft = f.store->document(f.id).value();
  CHECK_FALSE(redactForPublic(draft));
  CHECK(pub.sendForAdjustment(f.id, f.chair, "2018-09-29T08:00:00Z", false).code() == StatusCode::kPermissionDenied);
  CHECK(pub.approve(f.id, f.adjuster, "", "2018-09-30").status().code() == StatusCode::kUnprocessable);  // not sent
  REQUIRE(pub.sendForAdjustment(f.id, f.secretary, "2018-09-29T08:00:00Z", false).ok());
  CHECK(pub.sendForAdjustment(f.id, f.secretary, "2018-09-29T08:00:00Z", false).code() == StatusCode::kUnprocessable);
  CHECK(f.store->document(f.id)->publication_state == PublicationState::kAdjusting);

  // Someone else cannot approve; the adjuster alone is not enough.
  CHECK(pub.approve(f.id, f.secretary, "", "2018-10-01").status().code() == StatusCode::kPermissionDenied);
  Principal stranger{9, "Håkan Söderman", {{Role::kReader, "Regionstyrelsen"}}};  // same name, no role in the body
  CHECK(pub.approve(f.id, stranger, "", "2018-10-01").status().code() == StatusCode::kPermissionDenied);
  auto half = pub.approve(f.id, f.adjuster, "", "2018-10-01");
  REQUIRE(half.ok());
  CHECK(half->state == PublicationState::kAdjusting);
  auto full = pub.approve(f.id, f.chair, "", "2018-10-02");
  REQUIRE(full.ok());
  CHECK(full->state == PublicationState::kPublished);
  CHECK(full->adjusted_date == "2018-10-02");
  CHECK(full->posted_date == "2018-10-02");
  Document published = f.store->document(f.id).value();
  CHECK(published.adjusted_date == "2018-10-02");
  CHECK(redactForPublic(published));
  CHECK(pub.approve(f.id, f.chair, "", "2018-10-03").status().code() == StatusCode::kUnprocessable);

  // Each step that happened is in the audit log, newest first, with the publication before and after.
  auto log = f.accounts->auditLog(10, "document", f.id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 3);  // sent, approved by the adjuster, approved by the chair; refusals are not changes
  CHECK(log->at(2).action == "publication.send");
  CHECK(log->at(2).actor == "Sara");
  CHECK(log->at(2).before == "draft");
  CHECK(log->at(2).after == "adjusting");
  CHECK(log->at(1).action == "publication.approve");
  CHECK(log->at(1).after == "adjusting");
  CHECK(log->at(0).actor == "Irén Lejegren");
  CHECK(log->at(0).before == "adjusting");
  CHECK(log->at(0).after == "published, anslaget 2018-10-02");
}

TEST_CASE("omedelbar justering publishes one item ahead of the minutes") {
  Fixture f;
  Publishing pub(*f.store, *f.accounts);
  REQUIRE(pub.makeDraft(f.id).ok());
  REQUIRE(pub.approve(f.id, f.chair, "2", "2018-09-28").ok());
  CHECK(f.store->publication(f.id)->immediate_items.empty());
  REQUIRE(pub.approve(f.id, f.adjuster, "2", "2018-09-28").ok());
  CHECK(f.store->publication(f.id)->immediate_items == std::vector<std::string>{"2"});
  Document d = f.store->document(f.id).value();
  CHECK(d.publication_state == PublicationState::kDraft);
  REQUIRE(redactForPublic(d));  // the adjusted item, and only it
  REQUIRE(d.items.size() == 1);
  CHECK(d.items[0].number == "2");
  CHECK(pub.approve(f.id, f.chair, "99", "2018-09-28").status().code() == StatusCode::kNotFound);
}

TEST_CASE(
    "sending asks the secretary to check what looks like identity numbers; withdrawn minutes need new approvals") {
  Document d = minutes("z");
  d.items[0].text = "Eleven 811218-9876 har beviljats stöd.";
  Fixture f(d);
  Publishing pub(*f.store, *f.accounts);
  REQUIRE(pub.makeDraft(f.id).ok());
  Status flagged = pub.sendForAdjustment(f.id, f.secretary, "2018-09-29T08:00:00Z", false);
  CHECK(flagged.code() == StatusCode::kUnprocessable);
  CHECK(flagged.message().find("811218-9876 (§ 1)") != std::string::npos);
  REQUIRE(pub.sendForAdjustment(f.id, f.secretary, "2018-09-29T08:00:00Z", true).ok());
  REQUIRE(pub.approve(f.id, f.adjuster, "", "2018-10-01").ok());
  REQUIRE(pub.withdraw(f.id, f.secretary).ok());
  CHECK(f.store->publication(f.id)->state == PublicationState::kDraft);
  // Sent again later: the adjuster's earlier approval no longer counts.
  REQUIRE(pub.sendForAdjustment(f.id, f.secretary, "9999-01-01T00:00:00Z", true).ok());
  auto after_chair = pub.approve(f.id, f.chair, "", "2018-10-05");
  REQUIRE(after_chair.ok());
  CHECK(after_chair->state == PublicationState::kAdjusting);
}

TEST_CASE("minutes sent for justering or adjusted are no longer corrected, except publicity and link review") {
  Publication archive;  // imported as published, never through Beslut's publishing
  CHECK(correctionAllowed(archive, "/attendees/Håkan Söderman").ok());
  Publication p;
  p.has_record = true;
  p.state = PublicationState::kDraft;
  CHECK(correctionAllowed(p, "/chair").ok());
  p.state = PublicationState::kAdjusting;
  CHECK(correctionAllowed(p, "/chair").code() == StatusCode::kUnprocessable);
  CHECK(correctionAllowed(p, "/adjusters").code() == StatusCode::kUnprocessable);
  CHECK(correctionAllowed(p, "/items/2/decisions/0").code() == StatusCode::kUnprocessable);
  CHECK(correctionAllowed(p, "/items/2/public").ok());
  CHECK(correctionAllowed(p, "/items/2/links/rus/5.4").ok());
  CHECK(correctionAllowed(p, "/links/rus/5.4").ok());
  p.state = PublicationState::kPublished;
  CHECK(correctionAllowed(p, "/items/2/text").message().find("justerat") != std::string::npos);
}

TEST_CASE(
    "a § adjusted at once must not carry what looks like an identity number; approving again after a withdrawal counts") {
  Document d = minutes("w");
  d.items[1].text = "Ärendet gäller 811218-9876.";
  Fixture f(d);
  Publishing pub(*f.store, *f.accounts);
  REQUIRE(pub.makeDraft(f.id).ok());
  CHECK(pub.approve(f.id, f.chair, "2", "2018-09-28").status().code() == StatusCode::kUnprocessable);
  CHECK(pub.approve(f.id, f.chair, "3", "2018-09-28").ok());  // another § is fine
  // Sent, approved by one, withdrawn, sent again: the same people approve again and it publishes.
  REQUIRE(pub.sendForAdjustment(f.id, f.secretary, "2018-09-29T08:00:00Z", true).ok());
  REQUIRE(pub.approve(f.id, f.adjuster, "", "2018-10-01").ok());
  REQUIRE(pub.withdraw(f.id, f.secretary).ok());
  REQUIRE(pub.sendForAdjustment(f.id, f.secretary, "2018-10-02T08:00:00Z", true).ok());
  REQUIRE(pub.approve(f.id, f.adjuster, "", "2018-10-03").ok());
  auto done = pub.approve(f.id, f.chair, "", "2018-10-03");
  REQUIRE(done.ok());
  CHECK(done->state == PublicationState::kPublished);
}
