// The "agenda" document plugin: kallelser, föredragningslistor, dagordningar.
#include <doctest/doctest.h>

#include <string>

#include "agenda_plugin.h"
#include "beslut/text.h"
#include "minutes_plugin.h"

using beslut::DocumentKind;
using beslut::plugins::AgendaPlugin;
using beslut::plugins::MinutesPlugin;

TEST_CASE("agenda: a council's kallelse is an agenda with its items and meeting date") {
  AgendaPlugin p;
  std::string text =
      "Kallelse till kommunstyrelsen\n\nTid: tisdagen den 12 mars 2024 kl. 13.00\nPlats: Kommunhuset\n\n"
      "1 Val av justerare\n\nKommunstyrelsen utser en justerare.\n\n"
      "2 Budgetuppföljning februari\n\nEkonomichefen redovisar.\n\n3 Motion om cykelvägar\n\nBeredning.\n";
  CHECK(p.score(text) >= 0.7);
  CHECK(p.score(text) > MinutesPlugin().score(text));
  auto r = p.parse(text);
  REQUIRE(r.ok());
  CHECK(r.value().kind == DocumentKind::kAgenda);
  CHECK(r.value().date == "2024-03-12");
  CHECK(r.value().items.size() >= 3);
  CHECK(std::string(beslut::documentKindName(r.value().kind)) == "agenda");
}

TEST_CASE("agenda: government agendas by their titles, minutes never") {
  AgendaPlugin p;
  CHECK(p.score("# Kommenterad dagordning inför Jordbruks- och fiskerådet den 7 september 2015\n\nText.") >= 0.7);
  CHECK(p.score("# Regeringens ärendeförteckningar vecka 10, 2019\n\nTill regeringssammanträdet.") >= 0.7);
  CHECK(p.score("Föredragningslista\nKommunfullmäktige 2024-04-22\n1. Upprop\n") >= 0.7);
  // Minutes list their agenda too.
  CHECK(p.score("Protokoll Kommunstyrelsen\n§ 2 Godkännande av föredragningslista\n") == 0.0);
  CHECK(p.score("Sammanträdesprotokoll\nFöredragningslista godkännes.\nJusterare: Anna Ek\n") == 0.0);
  CHECK(p.score("# Pressmeddelande\nRegeringen ger Boverket i uppdrag att …") == 0.0);
}

TEST_CASE("agenda: malformed input") {
  AgendaPlugin p;
  CHECK(p.score("") == 0.0);
  CHECK_FALSE(p.parse("").ok());
  CHECK_FALSE(p.parse("  \n\t ").ok());
  std::string binary("\x00\xFF\xFE kallelse \x01", 13);
  (void)p.score(binary);
  std::string truncated = "Kallelse till n\xC3";
  CHECK(p.parse(truncated).ok());
  std::string line(10 * 1024 * 1024, 'a');
  line.insert(0, "Kallelse ");
  CHECK(p.score(line) >= 0.7);
  CHECK(p.parse(line).ok());
}
