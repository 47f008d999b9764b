#include <doctest/doctest.h>

#include "fixtures.h"

#include "beslut/corrections.h"

using namespace beslut;

namespace {

Document minutes() {
  Document d = beslut::testing::DocumentBuilder()
                   .date("2018-09-28")
                   .attendee("Håkan Söderman", "M", "ledamot")
                   .item("13", "Övriga frågor")
                   .decision("Informationen noteras", DecisionKind::kInformation, 0.8)
                   .assignment("Ewa", "vara med som stöd")
                   .build();
  d.evidence["date"] = {{10, 20}, 0.7};
  return d;
}

Status apply(Document& d, const std::string& path, const std::string& value) {
  return applyCorrection(d, {0, path, value, "Anna Elverskog", "", ""});
}

}  // namespace

TEST_CASE("scalar facts are corrected and become certain") {
  Document d = minutes();
  REQUIRE(apply(d, "/date", "\"2018-09-27\"").ok());
  CHECK(d.date == "2018-09-27");
  CHECK(d.evidence["date"].confidence == 1.0);
  REQUIRE(apply(d, "/adjusters", "[\"Håkan Söderman\", \"Irén Lejegren\"]").ok());
  CHECK(d.adjusters.size() == 2);
}

TEST_CASE("attendees are corrected by name, added and removed") {
  Document d = minutes();
  REQUIRE(
      apply(d, "/attendees/Håkan Söderman", R"({"role": "vice ordförande", "affiliation": "Lekeberg kommun"})").ok());
  CHECK(d.attendees[0].role == "vice ordförande");
  CHECK(d.attendees[0].party == "M");  // untouched fields stay
  REQUIRE(apply(d, "/attendees/+", R"({"name": "Anna Elverskog", "role": "sekreterare"})").ok());
  CHECK(d.attendees.size() == 2);
  REQUIRE(apply(d, "/attendees/Håkan Söderman", "null").ok());
  REQUIRE(d.attendees.size() == 1);
  CHECK(d.attendees[0].name == "Anna Elverskog");
}

TEST_CASE("decisions and assignments are corrected within their item") {
  Document d = minutes();
  REQUIRE(
      apply(d, "/items/13/assignments/0", R"({"assignee": "Ewa Lindberg", "due": "2019-10", "status": "in_progress"})")
          .ok());
  CHECK(d.items[0].assignments[0].assignee == "Ewa Lindberg");
  CHECK(d.items[0].assignments[0].task == "vara med som stöd");
  CHECK(d.items[0].assignments[0].status == AssignmentStatus::kInProgress);
  REQUIRE(apply(d, "/items/13/decisions/+", "\"Linda Svahn fortsätter driva frågan\"").ok());
  CHECK(d.items[0].decisions.size() == 2);
  REQUIRE(apply(d, "/items/13/decisions/0", "null").ok());
  CHECK(d.items[0].decisions.front().text == "Linda Svahn fortsätter driva frågan");
  REQUIRE(apply(d, "/items/13/public", "false").ok());
  CHECK_FALSE(d.items[0].is_public);
}

TEST_CASE("corrections that do not apply are refused and change nothing") {
  Document d = minutes();
  const Document before = d;
  CHECK(apply(d, "/nope", "\"x\"").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "date", "\"x\"").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/date", "42").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/date", "{not json").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/items/99/title", "\"x\"").message().find("Paragrafen 99") != std::string::npos);
  CHECK(apply(d, "/items/13/assignments/5", "null").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/items/13/assignments/0", R"({"status": "kanske"})").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/items/13/assignments/0", R"({"progress": 140})").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/attendees/Okänd Person", "null").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "/attendees/+", R"({"role": "ledamot"})").code() == StatusCode::kInvalidArgument);
  CHECK(apply(d, "//", "\"x\"").code() == StatusCode::kInvalidArgument);
  CHECK(d.date == before.date);
  CHECK(d.attendees.size() == before.attendees.size());
  CHECK(d.items[0].assignments[0].progress == 0.0);
}

TEST_CASE("applyCorrections skips what no longer applies and reports it") {
  Document d = minutes();
  std::vector<Correction> cs = {{1, "/items/99/title", "\"x\"", "a", "", ""}, {2, "/title", "\"Nytt\"", "a", "", ""}};
  std::vector<Id> skipped;
  applyCorrections(d, cs, &skipped);
  CHECK(d.title == "Nytt");
  CHECK(skipped == std::vector<Id>{1});
}
