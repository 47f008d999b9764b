#include <doctest/doctest.h>

#include "beslut/document_json.h"

using namespace beslut;

TEST_CASE("a document survives the round trip through JSON") {
  Document d;
  d.kind = DocumentKind::kMinutes;
  d.title = "Protokoll \"SSR\" <skola>";
  d.organization = "Specifikt samverkansråd";
  d.date = "2018-09-28";
  d.time = "09:00–12:00";
  d.adjusters = {"Håkan Söderman"};
  d.attendees.push_back({"Irén Lejegren", "S", "ordförande", "Region Örebro län", false, {}, 1.0});
  Item item;
  item.number = "13";
  item.title = "Övriga frågor";
  item.text = "Ewa Lindberg fick i uppdrag att vara med som stöd i processen.";
  item.assignments.push_back({0,
                              "Ewa Lindberg",
                              "vara med som stöd i processen",
                              "",
                              "",
                              AssignmentStatus::kOpen,
                              0.0,
                              {10, 20},
                              0.9,
                              {},
                              {},
                              {}});
  item.decisions.push_back({0, "Håkan Söderman väljs till justerare", DecisionKind::kElection, {1, 2}, 1.0});
  d.items.push_back(item);
  d.text = "hela texten";

  auto back = documentFromJson(toJsonString(documentToJson(d, {true, true})));
  REQUIRE(back.ok());
  CHECK(back->kind == DocumentKind::kMinutes);
  CHECK(back->title == d.title);
  CHECK(back->organization == d.organization);
  CHECK(back->time == "09:00–12:00");
  CHECK(back->adjusters == d.adjusters);
  REQUIRE(back->attendees.size() == 1);
  CHECK(back->attendees[0].role == "ordförande");
  REQUIRE(back->items.size() == 1);
  CHECK(back->items[0].assignments.at(0).assignee == "Ewa Lindberg");
  CHECK(back->items[0].assignments.at(0).span.end == 20);
  CHECK(back->items[0].decisions.at(0).kind == DecisionKind::kElection);
  CHECK(back->text == "hela texten");
}

TEST_CASE("unreadable JSON is reported as corruption, not thrown") {
  CHECK(documentFromJson("{not json").status().code() == StatusCode::kCorruption);
  CHECK(documentFromJson("[1,2]").status().code() == StatusCode::kCorruption);
}
