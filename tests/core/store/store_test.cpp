#include <doctest/doctest.h>
#include <sqlite3.h>

#include "beslut/sha256.h"
#include "beslut/store.h"
#include "fixtures.h"
#include "test_util.h"

using namespace beslut;
using beslut::testing::TempDir;

namespace {

Document sampleDocument(const std::string& bytes) {
  Document d = beslut::testing::testMinutes("Specifikt samverkansråd", bytes);
  d.title = "Protokoll SSR";
  d.chair.clear();
  d.time = "09:00–12:00";
  d.place = "Lärken";
  d.attendees[1].affiliation = "Lekeberg kommun";
  d.items[1].decisions.push_back({0, "Håkan Söderman väljs till justerare", DecisionKind::kElection, {}, 1.0});
  d.items[2].assignments.push_back({0,
                                    "Ewa Lindberg",
                                    "vara med som stöd",
                                    "2019-10",
                                    "i oktober 2019",
                                    AssignmentStatus::kOpen,
                                    0,
                                    {},
                                    0.9,
                                    {},
                                    {},
                                    {}});
  return d;
}

}  // namespace

TEST_CASE("sha256 of known input") {
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the store applies its migrations and starts empty") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  CHECK(store.value()->schemaVersion().value() >= 1);
  CHECK(store.value()->lastSequence().value() == 0);
  CHECK(store.value()->documentCount().value() == 0);
}

TEST_CASE("an imported document reads back with its items, decisions, assignments and original") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  const std::string bytes = "Protokoll … originalbytes";
  auto outcome = s.importDocument(sampleDocument(bytes), bytes);
  REQUIRE(outcome.ok());
  CHECK(outcome->created);

  auto doc = s.document(outcome->id);
  REQUIRE(doc.ok());
  CHECK(doc->title == "Protokoll SSR");
  CHECK(doc->organization == "Specifikt samverkansråd");
  CHECK(doc->attendees.size() == 2);
  REQUIRE(doc->items.size() == 3);
  CHECK(doc->items[0].id > 0);
  CHECK(doc->items[1].decisions.size() == 1);
  CHECK(doc->items[1].decisions[0].kind == DecisionKind::kElection);
  REQUIRE(doc->items[2].assignments.size() == 1);
  CHECK(doc->items[2].assignments[0].assignee == "Ewa Lindberg");
  CHECK(doc->items[2].assignments[0].due == "2019-10");
  CHECK(doc->text == bytes);
  CHECK(s.original(doc->original.sha256).value() == bytes);

  auto passage = s.passage(doc->items[2].id);
  REQUIRE(passage.ok());
  CHECK(passage->item.number == "3");
  CHECK(passage->document.id == outcome->id);
  CHECK(passage->document.organization == "Specifikt samverkansråd");

  auto changes = s.changesSince(0, 100);
  REQUIRE(changes.ok());
  REQUIRE(changes->size() == 1);
  CHECK(changes->at(0).entity == "document");
  CHECK(changes->at(0).entity_id == outcome->id);
  CHECK(changes->at(0).op == "upsert");
}

TEST_CASE("importing the same bytes twice does not create a duplicate") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  const std::string bytes = "samma bytes";
  auto first = store.value()->importDocument(sampleDocument(bytes), bytes);
  auto second = store.value()->importDocument(sampleDocument(bytes), bytes);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->created);
  CHECK_FALSE(second->created);
  CHECK(first->id == second->id);
  CHECK(store.value()->documentCount().value() == 1);
  CHECK(store.value()->lastSequence().value() == 1);
  CHECK(store.value()->findBySha256(sha256Hex(bytes)).value() == first->id);
}

TEST_CASE("what was committed is there after the store is closed and reopened") {
  TempDir dir;
  Id id = 0;
  {
    auto store = openSqliteStore({dir.file("beslut.db")});
    REQUIRE(store.ok());
    auto outcome = store.value()->importDocument(sampleDocument("a"), "a");
    REQUIRE(outcome.ok());
    id = outcome->id;
  }
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  CHECK(store.value()->document(id).value().items.size() == 3);
  CHECK(store.value()->lastSequence().value() == 1);
}

TEST_CASE("deleting a document removes its items and logs the deletion") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  auto outcome = s.importDocument(sampleDocument("x"), "x");
  REQUIRE(outcome.ok());
  Id item_id = s.document(outcome->id).value().items[0].id;
  CHECK(s.deleteDocument(outcome->id).ok());
  CHECK(s.document(outcome->id).status().code() == StatusCode::kNotFound);
  CHECK(s.passage(item_id).status().code() == StatusCode::kNotFound);
  CHECK(s.deleteDocument(outcome->id).code() == StatusCode::kNotFound);
  auto changes = s.changesSince(1, 10);
  REQUIRE(changes->size() == 1);
  CHECK(changes->at(0).op == "delete");
}

TEST_CASE("a failed write leaves what was stored before intact") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db"), 4, 100});
  REQUIRE(store.ok());
  Store& s = *store.value();
  REQUIRE(s.importDocument(sampleDocument("first"), "first").ok());
  // Another process holds the write lock longer than our busy timeout.
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(dir.file("beslut.db").c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto failed = s.importDocument(sampleDocument("second"), "second");
  CHECK_FALSE(failed.ok());
  CHECK(failed.status().code() == StatusCode::kIOError);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(s.documentCount().value() == 1);
  CHECK(s.lastSequence().value() == 1);
  // And the store still takes writes afterwards.
  CHECK(s.importDocument(sampleDocument("second"), "second").ok());
  CHECK(s.documentCount().value() == 2);
}

TEST_CASE("a write that fails halfway is rolled back whole") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  REQUIRE(s.importDocument(sampleDocument("first"), "first").ok());
  // Make the last statements of an import (its assignments) fail, after the
  // original, the document and its items have been written in the transaction.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.file("beslut.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "CREATE TRIGGER no_more BEFORE INSERT ON assignments "
                       "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  auto failed = s.importDocument(sampleDocument("second"), "second");
  CHECK_FALSE(failed.ok());
  CHECK(s.documentCount().value() == 1);
  CHECK(s.lastSequence().value() == 1);
  CHECK(s.original(sha256Hex("second")).status().code() == StatusCode::kNotFound);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM items", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 3);  // the first document's items only
  sqlite3_finalize(st);
  sqlite3_exec(db, "DROP TRIGGER no_more", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK(s.importDocument(sampleDocument("second"), "second").ok());
}

TEST_CASE("a batch import stores each document in its own savepoint: one failure leaves the others") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.file("beslut.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "CREATE TRIGGER no_fire BEFORE INSERT ON assignments WHEN NEW.task = 'brand' "
                       "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  Document a = sampleDocument("a"), bad = sampleDocument("bad"), c = sampleDocument("c"), again = sampleDocument("a");
  bad.items[2].assignments[0].task = "brand";
  auto results = s.importDocuments({{&a, "a"}, {&bad, "bad"}, {&c, "c"}, {&again, "a"}});
  REQUIRE(results.size() == 4);
  REQUIRE(results[0].ok());
  CHECK(results[0]->created);
  CHECK_FALSE(results[1].ok());
  CHECK(results[1].status().message().find("disk on fire") != std::string::npos);
  REQUIRE(results[2].ok());
  CHECK(results[2]->created);
  REQUIRE(results[3].ok());
  CHECK_FALSE(results[3]->created);  // the same bytes earlier in the batch
  CHECK(results[3]->id == results[0]->id);
  CHECK(s.documentCount().value() == 2);
  CHECK(s.lastSequence().value() == 2);
  CHECK(s.original(sha256Hex("bad")).status().code() == StatusCode::kNotFound);
  CHECK(s.document(results[2]->id).value().items.size() == 3);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM items", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 6);  // none of the failed document's rows
  sqlite3_finalize(st);
  sqlite3_close(db);
  CHECK(s.importDocuments({}).empty());
}

TEST_CASE("a store in a folder that does not exist fails with a clear error") {
  auto store = openSqliteStore({"/nonexistent-folder-for-beslut/beslut.db"});
  CHECK_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kIOError);
}

TEST_CASE("a correction is stored as such, applied to the rows and survives re-extraction") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  auto outcome = s.importDocument(sampleDocument("c"), "c");
  REQUIRE(outcome.ok());
  const Id id = outcome->id;
  const Document before = s.document(id).value();
  const Id assignment_id = before.items[2].assignments[0].id;

  auto c = s.addCorrection(id, {0, "/items/3/assignments/0", R"j({"assignee": "Ewa Lindberg (Region Örebro län)"})j",
                                "Anna Elverskog", "namnet stavat fel", ""});
  REQUIRE(c.ok());
  CHECK(c->id > 0);
  CHECK_FALSE(c->created_at.empty());
  CHECK(s.addCorrection(id, {0, "/items/9/title", "\"x\"", "Anna", "", ""}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(s.addCorrection(id, {0, "/title", "\"x\"", "", "", ""}).status().code() == StatusCode::kInvalidArgument);

  auto after = s.document(id).value();
  CHECK(after.items[2].assignments[0].assignee == "Ewa Lindberg (Region Örebro län)");
  CHECK(after.items[2].assignments[0].id == assignment_id);  // same row, corrected in place
  CHECK(s.extraction(id).value().items[2].assignments[0].assignee == "Ewa Lindberg");
  CHECK(s.corrections(id).value().size() == 1);
  CHECK(s.lastSequence().value() == 2);  // the correction is a change the index must see

  // A newer plugin reads the document again: the correction still holds.
  Document fresh = sampleDocument("c");
  fresh.items[2].assignments[0].task = "vara med som stöd i processen";
  REQUIRE(s.replaceExtraction(id, fresh).ok());
  auto reread = s.document(id).value();
  CHECK(reread.items[2].assignments[0].assignee == "Ewa Lindberg (Region Örebro län)");
  CHECK(reread.items[2].assignments[0].task == "vara med som stöd i processen");
  CHECK(reread.items[2].assignments[0].id == assignment_id);
  CHECK(s.lastSequence().value() == 3);
  CHECK(s.replaceExtraction(999, fresh).code() == StatusCode::kNotFound);
}

TEST_CASE("follow-ups read from a document are stored with their assignment") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Document d = sampleDocument("f");
  FollowUp f;
  f.status = AssignmentStatus::kInProgress;
  f.evidence_text = "Uppdraget slutförs under 2025.";
  d.items[2].assignments[0].followups.push_back(f);
  auto outcome = store.value()->importDocument(d, "f");
  REQUIRE(outcome.ok());
  auto back = store.value()->document(outcome->id).value();
  REQUIRE(back.items[2].assignments[0].followups.size() == 1);
  CHECK(back.items[2].assignments[0].followups[0].id > 0);
  CHECK(back.items[2].assignments[0].followups[0].evidence_text == "Uppdraget slutförs under 2025.");
  CHECK(back.items[2].assignments[0].followups[0].status == AssignmentStatus::kInProgress);
}

TEST_CASE("deleting an assignment by correction keeps the ids, follow-ups and links of the others") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  Document d = sampleDocument("del");
  Assignment second;
  second.assignee = "Linda Svahn";
  second.task = "driva frågan vidare";
  d.items[2].assignments.push_back(second);
  Link first_link, second_link;
  first_link.object_type = second_link.object_type = "assignment";
  first_link.item_index = second_link.item_index = 2;
  first_link.index = 0;
  second_link.index = 1;
  first_link.scheme = second_link.scheme = "rus";
  first_link.code = "5.3";
  second_link.code = "5.4";
  d.links = {first_link, second_link};
  auto outcome = s.importDocument(d, "del");
  REQUIRE(outcome.ok());
  auto before = s.document(outcome->id).value();
  const Id kept = before.items[2].assignments[1].id;
  FollowUp f;
  f.author = "Anna";
  f.status = AssignmentStatus::kInProgress;
  f.comment = "Pågår";
  REQUIRE(s.addFollowUp(kept, f).ok());

  REQUIRE(s.addCorrection(outcome->id, {0, "/items/3/assignments/0", "null", "Anna", "fel", ""}).ok());
  auto after = s.document(outcome->id).value();
  REQUIRE(after.items[2].assignments.size() == 1);
  CHECK(after.items[2].assignments[0].id == kept);
  CHECK(after.items[2].assignments[0].assignee == "Linda Svahn");
  auto record = s.assignment(kept);
  REQUIRE(record.ok());
  REQUIRE(record->assignment.followups.size() == 1);
  CHECK(record->assignment.followups[0].comment == "Pågår");
  REQUIRE(record->areas.size() == 1);
  CHECK(record->areas[0].code == "5.4");
  CHECK(s.assignment(before.items[2].assignments[0].id).status().code() == StatusCode::kNotFound);
}

TEST_CASE("a publication record overrides the extracted state; approvals are kept once per person and scope") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  Store& s = *store.value();
  auto imported = s.importDocument(sampleDocument("p"), "p");
  REQUIRE(imported.ok());
  const Id id = imported->id;
  auto extracted = s.publication(id);
  REQUIRE(extracted.ok());
  CHECK(extracted->state == PublicationState::kPublished);  // as extracted, no record yet
  CHECK(extracted->approvals.empty());
  CHECK(s.publication(999).status().code() == StatusCode::kNotFound);

  Publication draft;
  draft.state = PublicationState::kAdjusting;
  draft.sent_at = "2018-09-29T10:00:00Z";
  draft.immediate_items = {"2"};
  const Sequence before = s.lastSequence().value();
  REQUIRE(s.setPublication(id, draft).ok());
  CHECK(s.lastSequence().value() == before + 1);  // the index follows
  auto doc = s.document(id);
  REQUIRE(doc.ok());
  CHECK(doc->publication_state == PublicationState::kAdjusting);
  CHECK_FALSE(doc->items[0].adjusted_immediately);
  CHECK(doc->items[1].adjusted_immediately);
  CHECK(s.documentSummary(id)->publication_state == PublicationState::kAdjusting);
  CHECK(s.listDocuments("", "", "adjusting", 10)->size() == 1);
  CHECK(s.listDocuments("", "", "published", 10)->empty());
  CHECK(s.listDocuments("minutes", "Specifikt samverkansråd", "", 10)->size() == 1);
  CHECK(s.listDocuments("reply", "", "", 10)->empty());

  REQUIRE(s.addApproval(id, {"Håkan Söderman", "", ""}).ok());
  REQUIRE(s.addApproval(id, {"Håkan Söderman", "", ""}).ok());  // again: still one
  REQUIRE(s.addApproval(id, {"Håkan Söderman", "2", ""}).ok());
  auto p = s.publication(id);
  REQUIRE(p.ok());
  REQUIRE(p->approvals.size() == 2);
  CHECK(p->approvals[1].scope == "2");
  CHECK(p->immediate_items == std::vector<std::string>{"2"});

  Publication done = p.value();
  done.state = PublicationState::kPublished;
  done.adjusted_date = "2018-10-02";
  done.posted_date = "2018-10-02";
  REQUIRE(s.setPublication(id, done).ok());
  doc = s.document(id);
  CHECK(doc->publication_state == PublicationState::kPublished);
  CHECK(doc->adjusted_date == "2018-10-02");
  CHECK(s.setPublication(999, done).code() == StatusCode::kNotFound);
}
