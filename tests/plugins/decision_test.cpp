// The "decision" document plugin: government and board decisions, with the
// assignments of core's assignment reader.
#include <doctest/doctest.h>

#include <string>

#include "beslut/extraction_json.h"
#include "decision_plugin.h"
#include "minutes_plugin.h"

using beslut::DocumentKind;
using beslut::plugins::DecisionPlugin;

TEST_CASE("decision: a government assignment to three agencies, with partial and final reports") {
  DecisionPlugin p;
  std::string text =
      "# Uppdrag till Socialstyrelsen, Folkhälsomyndigheten och Läkemedelsverket att kartlägga antibiotikaanvändningen\n\n"
      "Regeringen ger Socialstyrelsen, Folkhälsomyndigheten och Läkemedelsverket i uppdrag att kartlägga "
      "antibiotikaanvändningen i öppenvården. Myndigheterna ska samråda med Sveriges Kommuner och Regioner.\n\n"
      "Uppdraget ska delredovisas till Regeringskansliet (Socialdepartementet) senast den 15 december 2026 och "
      "slutredovisas senast den 31 maj 2027.\n";
  CHECK(p.score(text) >= 0.75);
  auto r = p.parse(text);
  REQUIRE(r.ok());
  CHECK(r.value().kind == DocumentKind::kAssignment);
  std::vector<const beslut::Assignment*> all;
  for (const auto& item : r.value().items)
    for (const auto& a : item.assignments) all.push_back(&a);
  REQUIRE(all.size() == 6);
  int partial = 0, final = 0;
  for (const auto* a : all) {
    CAPTURE(a->assignee);
    CHECK((a->assignee == "Socialstyrelsen" || a->assignee == "Folkhälsomyndigheten" ||
           a->assignee == "Läkemedelsverket"));
    if (a->due == "2026-12-15") {
      ++partial;
      CHECK(a->due_kind == "delredovisning");
    }
    if (a->due == "2027-05-31") {
      ++final;
      CHECK(a->due_kind == "slutredovisning");
    }
  }
  CHECK(partial == 3);
  CHECK(final == 3);
  // beslut extract's form: due is a date or null, due_kind as the gold files name it.
  auto json = beslut::extractionToJson(r.value());
  CHECK(json->getValue<std::string>("kind") == "assignment");
}

TEST_CASE("decision: a press release naming agencies and dates gives no assignment; minutes are not decisions") {
  DecisionPlugin p;
  CHECK(p.score("# Nya regler för bostadsbidrag\n\nRegeringen föreslår att Försäkringskassan ska få nya "
                "uppgifter från den 1 januari 2027.\n") == 0.0);
  CHECK(p.score("Protokoll Kommunstyrelsen 2024-01-10\n§ 1 Uppdrag till förvaltningen\n") == 0.0);
  auto r = p.parse(
      "# Beslut om ändrade regler\n\nRegeringen beslutar att förordningen ska träda i kraft den 1 juli 2026.\n");
  REQUIRE(r.ok());
  CHECK(r.value().kind == DocumentKind::kDecisionSummary);
}

TEST_CASE("decision: malformed input") {
  DecisionPlugin p;
  CHECK(p.score("") == 0.0);
  CHECK_FALSE(p.parse("").ok());
  std::string binary("\x00\xFF\xFE Uppdrag till \x01", 17);
  (void)p.score(binary);
  CHECK(p.parse("# Uppdrag till Boverket att \xC3").ok());
  std::string line(10 * 1024 * 1024, 'a');
  line.insert(0, "# Uppdrag till Boverket att ");
  CHECK(p.score(line) >= 0.75);
  CHECK(p.parse(line).ok());
}
