#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <algorithm>

#include "beslut/text.h"
#include "minutes_plugin.h"
#include "plugin_test_util.h"

using beslut::DecisionKind;
using beslut::DocumentKind;
using beslut::StatusCode;
using beslut::plugins::MinutesPlugin;
using namespace beslut::test;

TEST_CASE("minutes: seed header fields") {
  MinutesPlugin p;
  auto r = p.parse(readSample(kMinutesSeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.kind == DocumentKind::kMinutes);
  CHECK(d.plugin == "minutes");
  CHECK(
      d.organization ==
      "Specifikt samverkansråd för skola, utbildning och kompetensförsörjning (Region Örebro län och länets kommuner)");
  CHECK(d.date == "2018-09-28");
  CHECK(d.time == "09:00\xE2\x80\x93"
                  "12:00");
  CHECK(d.place == "Konferenslokal Lärken, Eklundavägen 1, Örebro");
  CHECK(d.secretary == "Anna Elverskog");
  CHECK(d.chair == "Irén Lejegren");
  CHECK(d.adjusted_date == "2018-10-12");
  REQUIRE(d.adjusters.size() == 1);
  CHECK(d.adjusters[0] == "Håkan Söderman");
  CHECK(d.title.find("Protokoll") == 0);
}

TEST_CASE("minutes: seed attendees") {
  MinutesPlugin p;
  auto r = p.parse(readSample(kMinutesSeed));
  REQUIRE(r.ok());
  const auto& as = r.value().attendees;
  CHECK(as.size() == 18);
  auto find = [&](const std::string& n) -> const beslut::Attendee* {
    for (const auto& a : as)
      if (a.name == n) return &a;
    return nullptr;
  };
  auto* ronny = find("Ronny Larsson");
  REQUIRE(ronny);
  CHECK(ronny->party == "S");
  CHECK(ronny->role == "ledamot");
  CHECK(ronny->affiliation == "Askersund kommun");
  auto* hakan = find("Håkan Söderman");
  REQUIRE(hakan);
  CHECK(hakan->role == "vice ordförande");
  CHECK(hakan->affiliation == "Lekeberg kommun");
  CHECK(hakan->adjuster);
  auto* iren = find("Irén Lejegren");
  REQUIRE(iren);
  CHECK(iren->role == "ordförande");
  auto* ewa = find("Ewa Lindberg");
  REQUIRE(ewa);
  CHECK(ewa->role == "övrig närvarande");
  CHECK(ewa->party.empty());
  CHECK(ewa->affiliation == "Region Örebro län");
  auto* anna = find("Anna Elverskog");
  REQUIRE(anna);
  CHECK(anna->role == "sekreterare");
}

TEST_CASE("minutes: seed items match the gold titles") {
  MinutesPlugin p;
  auto r = p.parse(readSample(kMinutesSeed));
  REQUIRE(r.ok());
  const auto& items = r.value().items;
  const char* titles[] = {
      "Mötet öppnas",
      "Justerare",
      "Dagordning godkännes",
      "Lägesrunda från kommunerna",
      "Besök från Komtek",
      "Information om förslag på ”Överenskommelse om regional samverkan för familjecentraler mellan Region "
      "Örebro län och länets kommuner”.",
      "Information om förslag på ”Överenskommelse om samverkan inom hälso- och sjukvård, socialtjänst, "
      "elevhälsa och kunskapsstyrning mellan Region Örebro län och kommunerna i Örebro län”.",
      "Framtagandet av handlingsplan för kompetensförsörjning",
      "Information om revidering av aktivitetsplanen till ”Samverkansdokument kunskapslyft barn och unga”",
      "Handlingsplan för digitalisering",
      "Information om Yrkesmässa",
      "Information från Eva Sund",
      "Övriga frågor",
      "Mötet avslutas"};
  REQUIRE(items.size() == 14);
  for (std::size_t i = 0; i < items.size(); ++i) {
    CHECK(items[i].number == std::to_string(i + 1));
    CHECK(items[i].title == titles[i]);
  }
  CHECK(items[4].text.find("Komtek") != std::string::npos);
  CHECK(items[5].text.find("http") == std::string::npos);
  // The page break (URL line and blank lines) inside item 6 leaves no paragraph break behind.
  CHECK(items[5].text.find("Tjänstemannastödet för\nskola, utbildning") != std::string::npos);
}

TEST_CASE("minutes: seed decisions and assignments") {
  MinutesPlugin p;
  auto r = p.parse(readSample(kMinutesSeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  const auto& items = d.items;
  REQUIRE(items.size() == 14);
  REQUIRE(items[1].decisions.size() == 1);
  CHECK(items[1].decisions[0].text == "Håkan Söderman väljs till justerare");
  CHECK(items[1].decisions[0].kind == DecisionKind::kElection);
  REQUIRE(items[2].decisions.size() == 1);
  CHECK(items[2].decisions[0].text == "Dagordning godkännes");
  CHECK(items[5].decisions.empty());  // the officials' support group, not the council
  REQUIRE(items[6].decisions.size() == 1);
  CHECK(items[6].decisions[0].kind == DecisionKind::kPosition);
  CHECK(items[6].decisions[0].text ==
        "Specifika samverkansrådet för skola, utbildning och kompetensförsörjning ställer sig bakom "
        "överenskommelsen.");
  CHECK(items[8].decisions.empty());
  // The span of a decision points at its words in the canonical text.
  const auto& span = items[1].decisions[0].span;
  CHECK(d.text.substr(span.begin, span.end - span.begin) == "Håkan Söderman väljs till justerare");
  std::size_t assignments = 0;
  for (const auto& it : items) assignments += it.assignments.size();
  CHECK(assignments == 1);
  REQUIRE(items[12].assignments.size() == 1);
  CHECK(items[12].assignments[0].assignee.find("Ewa Lindberg") == 0);
  CHECK(items[12].assignments[0].task == "vara med som stöd i processen");
  CHECK(items[12].assignments[0].due.empty());
}

TEST_CASE("minutes: section-sign and prefixed numbering") {
  MinutesPlugin p;
  std::string text = "Kommunstyrelsen\nSammanträdesprotokoll\nDatum: 2020-05-12\nPlats: Stadshuset\n\n"
                     "Justerare: Anna Berg och Per Ek\n\n"
                     "§ 63/20 Val av justerare\nAnna Berg och Per Ek utses till justerare.\n\n"
                     "§ 64/20\nBudget 2021\nKommunstyrelsen beslutar att godkänna budgeten.\n"
                     "Ekonomichefen får i uppdrag att återrapportera senast 30 september 2020.\n\n"
                     "§ 65/20 Rapporter\nInformationen läggs till handlingarna.\n";
  auto r = p.parse(text);
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.date == "2020-05-12");
  CHECK(d.place == "Stadshuset");
  CHECK(d.organization == "Kommunstyrelsen");
  CHECK(d.adjusters.size() == 2);
  REQUIRE(d.items.size() == 3);
  CHECK(d.items[0].number == "§ 63/20");
  CHECK(d.items[1].number == "§ 64/20");
  CHECK(d.items[1].title == "Budget 2021");
  REQUIRE(d.items[1].assignments.size() == 1);
  CHECK(d.items[1].assignments[0].assignee == "Ekonomichefen");
  CHECK(d.items[1].assignments[0].due == "2020-09-30");
  CHECK(d.items[1].assignments[0].due_text == "senast 30 september 2020");
  REQUIRE(d.items[2].decisions.size() == 1);
  CHECK(d.items[2].decisions[0].kind == DecisionKind::kInformation);

  auto ks = p.parse("Protokoll Kommunstyrelsen\n\nKs 39 Mötets öppnande\nText.\n\nKs 40 Uppdrag\n"
                    "Kommunstyrelsen uppdrar åt ingen. Det uppdras åt kommundirektören att utreda frågan "
                    "i oktober 2019.\n");
  REQUIRE(ks.ok());
  REQUIRE(ks.value().items.size() == 2);
  CHECK(ks.value().items[0].number == "Ks 39");
  REQUIRE(ks.value().items[1].assignments.size() == 1);
  CHECK(ks.value().items[1].assignments[0].assignee == "kommundirektören");
  CHECK(ks.value().items[1].assignments[0].due == "2019-10");
}

TEST_CASE("minutes: malformed input") {
  MinutesPlugin p;
  CHECK(p.parse("").status().code() == StatusCode::kUnprocessable);
  CHECK(p.parse(" \n\t\n").status().code() == StatusCode::kUnprocessable);
  CHECK(p.score("") == 0.0);

  auto t0 = std::chrono::steady_clock::now();
  std::string huge = hugeSingleLine();
  double s = p.score(huge);
  CHECK(s >= 0.0);
  CHECK(s <= 1.0);
  auto r = p.parse(huge);
  CHECK(r.ok());
  CHECK(secondsSince(t0) < 20.0);

  t0 = std::chrono::steady_clock::now();
  std::string bin = binaryGarbage();
  (void)p.score(bin);
  auto rb = p.parse(bin);
  CHECK((rb.ok() || rb.status().code() != StatusCode::kOk));
  CHECK(secondsSince(t0) < 10.0);

  std::string seed = readSample(kMinutesSeed);
  auto rt = p.parse(seed.substr(0, seed.size() / 2));
  REQUIRE(rt.ok());
  CHECK(rt.value().items.size() >= 3);
}

TEST_CASE("minutes: a long single-line paragraph keeps its whole text, valid UTF-8") {
  // Word -> .txt exports put a whole paragraph on one line.
  std::string para;
  while (para.size() < 5000) para += "Nämnden återkommer med förslag på åtgärder för ökad måluppfyllelse i skolan. ";
  para += "SLUTORD";
  std::string text = "Protokoll Kulturnämnden\nDatum: 2021-03-02\n\n§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n\n"
                     "§ 2 Uppföljning\n" +
                     para + "\n\n§ 3 Avslutning\nMötet avslutas.\n";
  MinutesPlugin p;
  auto r = p.parse(text);
  REQUIRE(r.ok());
  const auto& items = r.value().items;
  REQUIRE(items.size() == 3);
  CHECK(items[1].text.size() >= 5000);
  CHECK(items[1].text.find("SLUTORD") != std::string::npos);
  CHECK(beslut::isValidUtf8(items[1].text));
  // A long title is cut, but never inside a character.
  std::string longTitle = "§ 4 ";
  while (longTitle.size() < 1500) longTitle += "Överenskommelse om ";
  auto r2 = p.parse(text + "\n" + longTitle + "\nText.\n");
  REQUIRE(r2.ok());
  for (const auto& it : r2.value().items) {
    CHECK(beslut::isValidUtf8(it.title));
    CHECK(it.title.size() <= 310);
  }
}

TEST_CASE("minutes: evidence spans point at the source text") {
  MinutesPlugin p;
  auto r = p.parse(readSample(kMinutesSeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  auto source = [&](const beslut::Span& s) { return d.text.substr(s.begin, s.end - s.begin); };
  for (const char* key : {"date", "time", "place", "chair", "secretary", "adjusted_date", "body", "title"}) {
    CAPTURE(key);
    REQUIRE(d.evidence.count(key));
    const auto& e = d.evidence.at(key);
    CHECK(e.span.end > e.span.begin);
    CHECK(e.span.end <= d.text.size());
    CHECK(e.confidence > 0.0);
    CHECK(e.confidence <= 1.0);
  }
  CHECK(source(d.evidence.at("place").span) == d.place);
  CHECK(source(d.evidence.at("chair").span).find("Irén Lejegren") != std::string::npos);
  CHECK(source(d.evidence.at("time").span).find("09:00") != std::string::npos);
  for (const auto& a : d.attendees) {
    CAPTURE(a.name);
    CHECK(source(a.span).find(a.name) != std::string::npos);
  }
  for (const auto& it : d.items)
    for (const auto& a : it.assignments) CHECK(source(a.span).find("uppdrag") != std::string::npos);
}

TEST_CASE("minutes: sections, numbered decisions and quoted assignments") {
  MinutesPlugin p;
  std::string text =
      "Protokoll Miljönämnden\nDatum: 2022-04-05\n\n"
      "§ 20 Val av justerare\nBeslut\nAnna Berg utses att justera protokollet.\n\n"
      "§ 21 Tillsynsplan 2022\n"
      "Ärendebeskrivning\nNämnden gav 2021-03-02 § 14 förvaltningen i uppdrag att ta fram en tillsynsplan. "
      "Nämnden beslutar att anta planen, enligt förvaltningens förslag.\n\n"
      "Förslag till beslut\nNämnden beslutar att anta tillsynsplanen.\n\n"
      "Beslut\nMiljönämnden beslutar\natt anta tillsynsplanen för 2022,\n"
      "att ge förvaltningschefen i uppdrag att redovisa tillsynen till nästa sammanträde.\n\n"
      "Beslutet skickas till\nMiljöförvaltningen\n";
  auto r = p.parse(text);
  REQUIRE(r.ok());
  const auto& items = r.value().items;
  REQUIRE(items.size() == 2);
  REQUIRE(items[1].decisions.size() == 2);
  CHECK(items[1].decisions[0].text == "Miljönämnden beslutar att anta tillsynsplanen för 2022");
  REQUIRE(items[1].assignments.size() == 1);
  CHECK(items[1].assignments[0].assignee == "förvaltningschefen");
  CHECK(items[1].assignments[0].task == "redovisa tillsynen");
  CHECK(items[1].assignments[0].due_text == "till nästa sammanträde");
  CHECK(items[1].assignments[0].due.empty());
}

TEST_CASE("minutes: a cover flattened into one run of labels and values") {
  // As PDF transcripts print SKR's template: labels and values on one line, the
  // signature labels in a run with the names after them, no letterhead line.
  MinutesPlugin p;
  std::string text =
      "1 (12) SAMMANTRÄDESPROTOKOLL Sammanträdesdatum 2021-03-09 Plats och tid Stadshuset, rum 3, kl 13.00-15.30 "
      "Beslutande Karin Holm (S), ordförande Per Dahl (M) Lena Ek (C) tjg för Olof Berg (C) Sara Lind (V) "
      "Övriga närvarande Maja Nord, nämndsekreterare Utses att justera Per Dahl "
      "Justeringens plats och tid Stadshuset, den 12 mars 2021 Paragrafer 1-4 Underskrifter "
      "Sekreterare Ordförande Justerande... Maja Nord... Karin Holm... Per Dahl "
      "ANSLAG/BEVIS Organ Tekniska nämnden Förvaringsplats för protokollet Tekniska förvaltningen\n"
      "Tekniska nämnden, Sundby kommun\n\n"
      "§ 1 Val av justerare\nPer Dahl utses att justera protokollet.\n";
  auto r = p.parse(text);
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.date == "2021-03-09");
  CHECK(d.time == "13:00–15:30");
  CHECK(d.place == "Stadshuset, rum 3");
  CHECK(d.chair == "Karin Holm");
  CHECK(d.secretary == "Maja Nord");
  CHECK(d.adjusted_date == "2021-03-12");
  REQUIRE(d.adjusters.size() == 1);
  CHECK(d.adjusters[0] == "Per Dahl");
  CHECK(d.organization == "Tekniska nämnden (Sundby kommun)");
  std::vector<std::string> names;
  for (const auto& a : d.attendees) names.push_back(a.name);
  // The member Lena Ek serves for is not present.
  CHECK(std::find(names.begin(), names.end(), "Olof Berg") == names.end());
  for (const auto& a : d.attendees) {
    CAPTURE(a.name);
    if (a.name == "Lena Ek") CHECK(a.role == "tjänstgörande ersättare");
    if (a.name == "Karin Holm") CHECK(a.role == "ordförande");
    if (a.name == "Sara Lind") {
      CHECK(a.party == "V");
      CHECK(a.role == "ledamot");
      CHECK(a.affiliation == "Sundby kommun");
    }
  }
}

TEST_CASE("minutes: the body's council never comes from an attendee's municipality") {
  MinutesPlugin p;
  std::string text = "Protokoll Samverkansnämnden\nDatum: 2020-02-03\n\nNärvarande\n"
                     "Anna Ek (S)   Askersund kommun\nPer Dahl (M)   Laxå kommun\n\n"
                     "§ 1 Mötet öppnas\nOrdföranden öppnar mötet.\n";
  auto r = p.parse(text);
  REQUIRE(r.ok());
  CHECK(r.value().organization == "Samverkansnämnden");
}

TEST_CASE("minutes: paragraphs run into the text of a transcript, without the section sign") {
  MinutesPlugin p;
  std::string text =
      "Sammanträdesprotokoll Regionstyrelsen\n\nPlats och tid Regionens hus, kl 09:00-12:00 Beslutande Anna Ek (S), "
      "ordförande Per Dahl (M) Utses att justera Per Dahl\n\n"
      "2 SAMMANTRÄDESPROTOKOLL Sida 2 (9) 195 Justering Regionstyrelsen utser Per Dahl att jämte ordföranden "
      "justera protokollet. 196 Godkännande av föredragningslista Regionstyrelsen godkänner den utsända "
      "föredragningslistan. 197 Anmälan av skrivelser Regionstyrelsen antecknar skrivelserna till protokollet.\n\n"
      "3 SAMMANTRÄDESPROTOKOLL Sida 3 (9) Lars Berg, regiondirektör\n";
  auto r = p.parse(text);
  REQUIRE(r.ok());
  const auto& items = r.value().items;
  REQUIRE(items.size() == 3);
  CHECK(items[0].number == "195");
  CHECK(items[0].title == "Justering");
  CHECK(items[1].title == "Godkännande av föredragningslista");
  REQUIRE(items[1].decisions.size() == 1);
  CHECK(items[1].decisions[0].text == "Regionstyrelsen godkänner den utsända föredragningslistan.");
  CHECK(items[2].number == "197");
  // The page's own number and header are no paragraph.
  for (const auto& it : items) CHECK(it.number != "2");
}

TEST_CASE("minutes: referrals, delegations and other forms of assignment come from core's reader") {
  MinutesPlugin p;
  auto r = p.parse("Protokoll Kommunfullmäktige\n\n§ 14 Motioner\nBeslut\nMotionerna överlämnas till kommunstyrelsen "
                   "för beredning.\n\n§ 15 Tillsyn\nBeslut\nNämnden beslutade delegera till stadsarkitekten att "
                   "upprätta förslag till yttrande.\n\n§ 16 Plan\nBeslut\nKommunfullmäktige uppdrar därför åt "
                   "kommunstyrelsen att ta fram en plan för cykelvägar.\n");
  REQUIRE(r.ok());
  const auto& items = r.value().items;
  REQUIRE(items.size() == 3);
  REQUIRE(items[0].assignments.size() == 1);
  CHECK(items[0].assignments[0].assignee == "kommunstyrelsen");
  CHECK(items[0].assignments[0].type == "remiss för beredning");
  REQUIRE(items[1].assignments.size() == 1);
  CHECK(items[1].assignments[0].assignee == "stadsarkitekten");
  CHECK(items[1].assignments[0].type == "delegation");
  REQUIRE(items[2].assignments.size() == 1);
  CHECK(items[2].assignments[0].assignee == "kommunstyrelsen");
}

TEST_CASE("minutes: a 10 MB line of numbered phrases stays linear") {
  // Regression: paragraphs run into the text were looked for by scanning back to
  // the start of the line for every number (quadratic on a text of one line).
  MinutesPlugin p;
  std::string text = "Protokoll Kommunstyrelsen Justerare Anna Ek Närvarande ";
  while (text.size() < 10 * 1024 * 1024) text += std::to_string(text.size() % 900 + 1) + " Abc def. ";
  auto t0 = std::chrono::steady_clock::now();
  auto r = p.parse(text);
  CHECK(r.ok());
  CHECK(secondsSince(t0) < 20.0);
}

TEST_CASE("minutes: thousands of decisions in one item stay linear") {
  // Regression: paragraphs past § 9999 are not headings, so their decisions all
  // fell into one item, each compared with every one before it (quadratic).
  MinutesPlugin p;
  std::string text = "Protokoll Kommunstyrelsen\nJusterare Anna Ek\nNärvarande\n";
  for (int i = 9990; text.size() < 8 * 1024 * 1024; ++i)
    text += "§ " + std::to_string(i) + " Titel\nKommunstyrelsen beslutar att godkänna punkt " + std::to_string(i) +
            ". Motionen överlämnas till kommunstyrelsen för beredning.\n";
  auto t0 = std::chrono::steady_clock::now();
  auto r = p.parse(text);
  REQUIRE(r.ok());
  CHECK(secondsSince(t0) < 20.0);
  for (const auto& item : r.value().items) CHECK(item.decisions.size() <= 400);
}

TEST_CASE("minutes: attendees whose column gap was lost keep their affiliation apart") {
  // A PDF's text layer or a web page may print "Ewa Lindberg Region Örebro län" with one space.
  std::string text = beslut::test::readSample(beslut::test::kMinutesSeed);
  std::string single;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == ' ' && !single.empty() && single.back() == ' ')) single += text[i];
  auto r = MinutesPlugin().parse(single);
  REQUIRE(r.ok());
  bool ewa = false, anita = false;
  for (const auto& a : r.value().attendees) {
    if (a.name == "Ewa Lindberg") ewa = a.affiliation == "Region Örebro län" && a.role == "övrig närvarande";
    if (a.name == "Anita Thorsberg Ladinek") anita = a.affiliation == "Region Örebro län";
  }
  CHECK(ewa);
  CHECK(anita);
}

TEST_CASE("minutes: a proposal's 'X beslutar' under 'Förslag till beslut' is no decision") {
  auto r = MinutesPlugin().parse(
      "Protokoll Kommunstyrelsen\n\n§ 1 Budget\nFörslag till beslut\nKommunstyrelsen beslutar\n"
      "att godkänna budgeten\n\nBeslut\nKommunstyrelsen beslutar\natt avslå budgeten\n");
  REQUIRE(r.ok());
  REQUIRE(r.value().items.size() == 1);
  for (const auto& d : r.value().items[0].decisions) CHECK(d.text.find("godkänna") == std::string::npos);
}

TEST_CASE("minutes: bodies and adjusters as other councils print them") {
  // Seen on dev-minutes files the reader was not written against: a council in capitals,
  // a body's name running into the cover, a county's own board, adjusters without a separator.
  auto caps = MinutesPlugin().parse(
      "KUMLA KOMMUN\nSAMMANTRÄDESPROTOKOLL\nKommunfullmäktige\nSammanträdesdatum 1990-11-19\n"
      "Justerare: MariAnne Andersson Arne Larsson\n\n§ 1 Upprop\nText.\n");
  REQUIRE(caps.ok());
  CHECK(caps.value().organization == "Kommunfullmäktige (Kumla kommun)");
  CHECK(caps.value().adjusters == std::vector<std::string>{"MariAnne Andersson", "Arne Larsson"});
  auto county = MinutesPlugin().parse("Protokoll Jämtlands läns landstingsstyrelse Thomas Andersson BEVIS Justeringen\n"
                                      "Plats och tid Krokoms kommun, kl 09.00-12.00\n\n§ 1 Upprop\nText.\n");
  REQUIRE(county.ok());
  CHECK(county.value().organization == "Jämtlands läns landstingsstyrelse");
}

TEST_CASE("minutes: the council of minutes that do not print it, from the places they name") {
  // The meeting's place names the municipality: its council, and its members'.
  auto place = MinutesPlugin().parse("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2021-03-04\n"
                                     "Plats och tid Folkets hus, Sunne, kl 13.00-15.00\n"
                                     "Beslutande Anna Berg (S), ordförande Per Lund (M)\n\n§ 1 Upprop\nText.\n");
  REQUIRE(place.ok());
  CHECK(place.value().organization == "Kommunstyrelsen (Sunne kommun)");
  REQUIRE(place.value().attendees.size() == 2);
  CHECK(place.value().attendees[1].affiliation == "Sunne kommun");
  // A regional body: the county of the places, named as its region or landsting was.
  auto region = MinutesPlugin().parse("Protokoll\nRegionstyrelsen\nSammanträdesdatum 2014-10-15\n"
                                      "Plats och tid Regionens hus, Östersund, kl 09.00\n\n§ 1 Upprop\nText.\n");
  REQUIRE(region.ok());
  CHECK(region.value().organization == "Regionstyrelsen (Region Jämtland Härjedalen)");
  auto landsting = MinutesPlugin().parse("Protokoll\nLandstingsstyrelsen\nSammanträdesdatum 2008-11-10\n"
                                         "Plats och tid Föreläsningssalen, Kalmar, kl 09.00\n\n§ 1 Upprop\nText.\n");
  REQUIRE(landsting.ok());
  CHECK(landsting.value().organization == "Landstingsstyrelsen (Landstinget i Kalmar län)");
  // A surname is no place, and one mention in passing is not enough.
  auto names = MinutesPlugin().parse("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2021-03-04\n"
                                     "Plats och tid Stadshuset, kl 13.00\nBeslutande Anna Lund (S), Per Mora (M)\n\n"
                                     "§ 1 Information\nEn resa till Kiruna.\n");
  REQUIRE(names.ok());
  CHECK(names.value().organization == "Kommunstyrelsen");
  // A federation of councils names itself; its board's members keep their own councils.
  auto federation = MinutesPlugin().parse(
      "Direktionens protokoll 9 december 2022\n\nDirektionens ledamöter\n"
      "Åke Nylén (S), ordförande\n\n56 § Sammanträdets öppnande\n\n"
      "Direktionen beslutar\n\natt godkänna mål- och resursplanen för 2023.\n\nBakgrund\n\n"
      "Nordbergs Räddningstjänstförbund ska ha en årlig plan.\n");
  REQUIRE(federation.ok());
  CHECK(federation.value().organization == "Direktionen (Nordbergs räddningstjänstförbund)");
  REQUIRE(federation.value().attendees.size() == 1);
  CHECK(federation.value().attendees[0].affiliation.empty());
  // The body named only through its secretary.
  auto officer = MinutesPlugin().parse("Den 24 april 1997. Protokollet föres av undertecknad kommunfullmäktiges "
                                       "sekreterare.\nNärvarande: samtliga ledamöter.\n\n§ 57 Val\nText.\n");
  REQUIRE(officer.ok());
  CHECK(officer.value().organization == "Kommunfullmäktige");
}

TEST_CASE("minutes: a table of contents a transcript ran into one line") {
  // Numbers after the titles, one title without its number, a place and a colon inside titles.
  auto after = MinutesPlugin().parse(
      "SAMMANTRÄDESPROTOKOLL Sida 1 (20) Barn- och utbildningsnämnden Plats och tid Kommunhuset, kl 13.00 "
      "Sekreterare Eva Ek Ordförande Per Ek\n\n"
      "3 SAMMANTRÄDESPROTOKOLL Sida 3 (20) Innehållsförteckning Rapport om lovskola 12 Nämndplan Prislista: "
      "Interkommunal förskola och grundskola 14 Skolskjuts Varberg-Kungsbacka 15 Avstängning vux");
  REQUIRE(after.ok());
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& it : after.value().items) got.emplace_back(it.number, it.title);
  CHECK(got ==
        std::vector<std::pair<std::string, std::string>>{{"12", "Rapport om lovskola"},
                                                         {"", "Nämndplan"},
                                                         {"14", "Prislista: Interkommunal förskola och grundskola"},
                                                         {"15", "Skolskjuts Varberg-Kungsbacka"},
                                                         {"", "Avstängning vux"}});
  // Numbers before the titles, only the first printed; a name inside a title.
  auto before = MinutesPlugin().parse(
      "Socialnämnden SAMMANTRÄDESPROTOKOLL Plats och tid Socialkontoret, kl 13.00 Sekreterare Eva Ek\n\n"
      "2 Socialnämnden Ärendelista 63. Fastställande av dagordning Svar på medborgarförslag från Anna Lind om "
      "parker Internkontroll 2020, första halvåret Statistikrapport för kvartalet");
  REQUIRE(before.ok());
  got.clear();
  for (const auto& it : before.value().items) got.emplace_back(it.number, it.title);
  CHECK(got ==
        std::vector<std::pair<std::string, std::string>>{{"63", "Fastställande av dagordning"},
                                                         {"", "Svar på medborgarförslag från Anna Lind om parker"},
                                                         {"", "Internkontroll 2020, första halvåret"},
                                                         {"", "Statistikrapport för kvartalet"}});
  // An item about the agenda is no table of contents.
  auto item = MinutesPlugin().parse(
      "Landstingsstyrelsen Plats och tid Salen, kl 09.00 Sekreterare Eva Ek\n\n"
      "2 2(23) 211 Föredragningslista Föredragningslista, daterad 2008-11-03, godkändes. Landstingsdirektören "
      "rapporterade om läget i länet och om arbetet med regionbildningen i södra Sverige under hösten.");
  REQUIRE(item.ok());
  for (const auto& it : item.value().items) CHECK(it.title.find("godkändes") == std::string::npos);
}

TEST_CASE("minutes: attendance rows of transcripts, each person once, one secretary") {
  // Names glued to the word before them, two columns on one line, a party between commas.
  auto glued = MinutesPlugin().parse(
      "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2018-10-02\n"
      "Beslutande\nAnna Berg (S) tjg för Eva Ek (S)Per Lund (S)Mikael Holm (M), ordförandeDan Björk (M)\n"
      "MariAnne Andersson (C) §§ 130-133Rose-Marie Fihn (L)\n"
      "Övriga: Ulla Persson, v, kommunsekreterare\nKarin Alm, sekreterare\n"
      "Justerare: Per Lund\nSekreterare Karin Alm\n\n§ 1 Upprop\nText.\n");
  REQUIRE(glued.ok());
  std::vector<std::string> names, roles;
  for (const auto& a : glued.value().attendees) names.push_back(a.name), roles.push_back(a.role);
  CHECK(names == std::vector<std::string>{"Anna Berg", "Per Lund", "Mikael Holm", "Dan Björk", "MariAnne Andersson",
                                          "Rose-Marie Fihn", "Ulla Persson", "Karin Alm"});
  CHECK(roles[0] == "tjänstgörande ersättare");
  CHECK(roles[2] == "ordförande");
  CHECK(roles[6] == "övrig närvarande");  // a kommunsekreterare is not the minutes' secretary
  CHECK(roles[7] == "sekreterare");
  // A site's wrapping around a transcript is dropped; the same person listed twice counts once.
  auto site = MinutesPlugin().parse(
      "Protokoll\n\nN/A\nProtected\n\nAcademic year: 2022\n\nCopied!\n\nKommunstyrelsen\nSammanträdesdatum 2021-05-26\n"
      "Ledamöter\nAnna Berg (S), ordförande Per Lund (M)\n\nErsättare\nEva Ek (S), tjänstgörande\nOla Ek (M)\n"
      "Ola Ek (M)\n\n§ 1 Upprop\nText.\n");
  REQUIRE(site.ok());
  CHECK(site.value().text.find("Protected") == std::string::npos);
  names.clear(), roles.clear();
  for (const auto& a : site.value().attendees) names.push_back(a.name), roles.push_back(a.role);
  CHECK(names == std::vector<std::string>{"Anna Berg", "Per Lund", "Eva Ek", "Ola Ek"});
  CHECK(roles ==
        std::vector<std::string>{"ordförande", "ledamot", "tjänstgörande ersättare", "ej tjänstgörande ersättare"});
}

TEST_CASE("minutes: headings with their agenda number, decision lists run into the text, cut-off decisions") {
  auto doc = MinutesPlugin().parse(
      "1 Regionfullmäktige PROTOKOLL Datum (20) Tid: Plats: Sessionssalen 78 Förhinder - inkallande av ersättare "
      "(ärende 1) Ordföranden öppnar mötet och hälsar de närvarande välkomna. Därefter anmäls förhinder, bilaga "
      "Upprop (ärende 2) Vid närvarokontrollen är följande ledamöter närvarande, bilaga 2A. 80 Justering (ärende 3) "
      "Regionfullmäktige utser Anna Ek (MP) och Per Lund (M) att jämte ordföranden justera protokollet. Justeringen "
      "äger rum den 8 december kl Val som skall förrättas av regionfullmäktige (ärende 4) Regionfullmäktiges beslut "
      "1. Följande avsägelser som ledamot beviljas: Bo Lind (V), mellankretsen 2. Följande avsägelser som ersättare "
      "beviljas: Postadress: Kristianstad Besöksadress: Rådhuset 3. Regionfullmäktige fastställer resultatet av "
      "valen till ledamöter (bilaga 4) och");
  REQUIRE(doc.ok());
  const auto& items = doc.value().items;
  REQUIRE(items.size() == 4);
  CHECK(items[0].number == "78");
  CHECK(items[0].title == "Förhinder - inkallande av ersättare");
  CHECK(items[1].number.empty());
  CHECK(items[1].title == "Upprop");
  CHECK(items[2].number == "80");
  REQUIRE(items[2].decisions.size() == 1);
  CHECK(items[2].decisions[0].text.starts_with("Regionfullmäktige utser Anna Ek (MP)"));
  CHECK(items[3].title == "Val som skall förrättas av regionfullmäktige");
  // Points 1 and 2 (the footer inside 2 dropped); point 3 is cut off by the end of the text.
  REQUIRE(items[3].decisions.size() == 2);
  CHECK(items[3].decisions[0].text == "Följande avsägelser som ledamot beviljas: Bo Lind (V), mellankretsen");
  CHECK(items[3].decisions[1].text == "Följande avsägelser som ersättare beviljas:");
  // "Protokollsjustering" is an item, not a running header.
  auto adjust = MinutesPlugin().parse(
      "Kultur- och fritidsnämnden Plats och tid Arenan, klockan 15:00-16:40 Sekreterare Eva Ek\n\n"
      "3 3(26) 41 Protokollsjustering Beslut Marianne Karlberg (S) utses att justera dagens protokoll.\n\n"
      "4 4(26) 42 Kassationsordning för gallring Beslut Nämnden antar kassationsordningen.");
  REQUIRE(adjust.ok());
  REQUIRE(adjust.value().items.size() == 2);
  CHECK(adjust.value().items[0].number == "41");
  CHECK(adjust.value().items[0].title == "Protokollsjustering");
}

TEST_CASE("minutes: columns a transcript printed one after the other") {
  // Roles after the last name belong to the first names; substitutes beside serving ones do not serve;
  // the signatures' names above their roles without column gaps.
  auto doc = MinutesPlugin().parse(
      "1 Protokoll Sammanträdesdatum Regionstyrelsen Tid Onsdag 15 oktober 2014, kl 09:00 14:45 Plats Regionens Hus, "
      "Halmstad Ledamöter Gösta Berg (M) Karin Holm (M) Per Persson (S) Jan Dik (S) Margit Bik (S) ordförande "
      "1:e vice ordförande 2:e vice ordförande Tjänstgörande ersättare Eva Bab (M) Ersättare Tom Bark (KD) "
      "Lisa Ny (S)\n\nAstrid Edin Gösta Berg Jan Dik\n\nsekreterare ordförande justerare\n\n§ 1 Upprop\nText.\n");
  REQUIRE(doc.ok());
  const auto& d = doc.value();
  CHECK(d.time == "09:00\xE2\x80\x93"
                  "14:45");
  CHECK(d.organization == "Regionstyrelsen (Region Halland)");
  CHECK(d.secretary == "Astrid Edin");
  CHECK(d.chair == "Gösta Berg");
  std::map<std::string, std::string> role;
  for (const auto& a : d.attendees) role[a.name] = a.role;
  CHECK(role["Gösta Berg"] == "ordförande");
  CHECK(role["Karin Holm"] == "1:e vice ordförande");
  CHECK(role["Per Persson"] == "2:e vice ordförande");
  CHECK(role["Margit Bik"] == "ledamot");
  CHECK(role["Eva Bab"] == "tjänstgörande ersättare");
  CHECK(role["Tom Bark"] == "ej tjänstgörande ersättare");
}

TEST_CASE("minutes: an attendance register, and 'Beslutande' without its first part") {
  auto reg = MinutesPlugin().parse(
      "Utbildningsnämnden\nPlats och tid Folkets hus, Norrtälje, kl 15.00-16.00\nBeslutande Se närvarolista\n\n"
      "Utses att justera Per Lind (s)\n\n§ 17 Information\nText.\n\nNÄRVAROLISTA\nNärvaro Votering\n"
      "LEDAMÖTER Ja Nej Tid Kl. 09.00-12.00 Ja Nej\nNils Matsson, ordf m x\nAnnili Caap m x\nJane Trepp c\n"
      "Kristian Krassman, v ordf s x\nPer Lind s x\n");
  REQUIRE(reg.ok());
  std::map<std::string, std::pair<std::string, std::string>> got;
  for (const auto& a : reg.value().attendees) got[a.name] = {a.role, a.party};
  CHECK(got["Nils Matsson"] == std::pair<std::string, std::string>{"ordförande", "m"});
  CHECK(got["Annili Caap"] == std::pair<std::string, std::string>{"ledamot", "m"});
  CHECK(got["Kristian Krassman"] == std::pair<std::string, std::string>{"vice ordförande", "s"});
  CHECK(got["Per Lind"].first == "ledamot");  // named first as adjuster, listed as a member
  CHECK(got.count("Jane Trepp") == 0);        // no cross: absent
  CHECK(got.count("Ja Nej") == 0);
  auto ande = MinutesPlugin().parse(
      "1 1 (23) Plats och tid Nolia, Styrelserummet Tisdag den 6 mars 2012, kl ande Se sida 2 Sekreterare Inger "
      "Westerlund\n\n2 2 (23) ande Ann-Katrin Sämfors (S) ordförande Anders Nyström (S) vice ordförande Annica "
      "Lundgren (S) tj ledamot Övriga deltagare Per Lenndin, avd chef Ove Marklund, Sunne Hockey 11 Inger "
      "Westerlund, sekreterare\n\n3 3 (23) 10 Information om studien\nText.");
  REQUIRE(ande.ok());
  std::vector<std::string> names;
  for (const auto& a : ande.value().attendees) names.push_back(a.name);
  CHECK(names == std::vector<std::string>{"Ann-Katrin Sämfors", "Anders Nyström", "Annica Lundgren", "Per Lenndin",
                                          "Ove Marklund", "Inger Westerlund"});
}

TEST_CASE("minutes: places and the adjustment as SKR's template and transcripts print them") {
  // The date before the place; the template's second "Plats och tid" after the adjusters.
  auto solna = MinutesPlugin().parse(
      "SOLNA STAD\n\nProtokoll\n\nTekniska nämnden\n\nPlats och tid 2021-05-26 Solna stadshus, rum 126 Edsviken, "
      "kl 18:00-20:56\n\nLedamöter\n\nMagnus Persson (C), ordförande Atilla Yavuz (V)\n\nUtses att justera Atilla "
      "Yavuz (V)\n\nPlats och tid Solna stadshus, 2021-05-27\n\nParagrafer §§ 19-33\n\n§ 19 Upprop\nText.\n");
  REQUIRE(solna.ok());
  CHECK(solna.value().place == "Solna stadshus, rum 126 Edsviken");
  CHECK(solna.value().adjusted_date == "2021-05-27");
  // An address ends with its town; the adjustment named in a sentence, its year left out.
  auto run = MinutesPlugin().parse(
      "Regionfullmäktige PROTOKOLL Sammanträdesdatum 2011-03-01 Tid: Plats: Sessionssalen, V Storgatan 12, "
      "Kristianstad 78 Förhinder (ärende 1) Ordföranden öppnar mötet. 79 Justering (ärende 2) Tid och plats för "
      "justering: måndagen den 7 mars kl. 15.30 på kansliet.");
  REQUIRE(run.ok());
  CHECK(run.value().place == "Sessionssalen, V Storgatan 12, Kristianstad");
  CHECK(run.value().adjusted_date == "2011-03-07");
}

TEST_CASE("minutes: councils in capitals or after 'för', and what is no item or attendee") {
  auto fed = MinutesPlugin().parse(
      "PROTOKOLL. Förbundsstyrelsen för Regionförbundet Örebro län. Förbundsstyrelsen NetCity, Örebro\n\n"
      "3 Plats och tid: Net City, Örebro Beslutande: Mårten Blomquist (s), ordförande Irén Lejegren (v)\n\n"
      "33 Delårsbokslut\nText om Örebro läns landsting och kommunerna.\n");
  REQUIRE(fed.ok());
  CHECK(fed.value().organization == "Förbundsstyrelsen (Regionförbundet Örebro län)");
  REQUIRE(fed.value().attendees.size() == 2);  // "33 Delårsbokslut" ends the list
  auto caps = MinutesPlugin().parse(
      "Protokoll REGIONSTYRELSEN\n\n2 REGIONFÖRBUNDET ÖREBRO LÄN 2 Protokoll Regionstyrelsen\n\n"
      "3 REGIONFÖRBUNDET ÖREBRO LÄN 3 Protokoll Regionstyrelsen Plats och tid: Eken, Örebro. Tisdag den 17 juni "
      "2014 kl 09.00 Beslutande: Irén Lejegren (V), ordförande\n\n§ 32 Aktuell information\nText.\n");
  REQUIRE(caps.ok());
  CHECK(caps.value().organization == "Regionstyrelsen (Regionförbundet Örebro län)");
  // A page number before a cover label or a continued list of people is no paragraph;
  // a place ends with its paragraph.
  auto pages = MinutesPlugin().parse(
      "Kommunfullmäktige. Protokoll Ks 1241/2014. Plats: Sessionssalen, Rådhuset\n\nDownload \"Kommunfullmäktige\"\n\n"
      "1 Plats och tid Rådhuset Närvarande ledamöter Agneta Blom (S) Jan Zetterqvist (S)\n\n"
      "2 Daniel Hansson (S) Eva Ek (M)\n\n2 Paragraf\n\n1. Att kommunen ger 650 tkr.\n2. Att kostnaden tas ur budgeten.\n");
  REQUIRE(pages.ok());
  CHECK(pages.value().place == "Sessionssalen, Rådhuset");
  CHECK(pages.value().items.empty());
}

TEST_CASE("minutes: hundreds of thousands of people, one per line, in a run or in a register, stay linear") {
  // Regression: each person was compared with every one before (quadratic), and a misread
  // text could make a "list" of a million attendees.
  auto surname = [](std::size_t i) {
    std::string s = "Ek";
    do s += static_cast<char>('a' + i % 26), i /= 26;
    while (i);
    return s;
  };
  std::string lines = "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2020-01-01\nBeslutande\n";
  std::string run = "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2020-01-01\nBeslutande ";
  std::string reg = "Protokoll Kommunstyrelsen Sammanträdesdatum 2020-01-01\n\nNÄRVAROLISTA\nLEDAMÖTER Ja Nej\n";
  for (std::size_t i = 0; lines.size() < 6 * 1024 * 1024; ++i) {
    lines += "Anna " + surname(i) + " (S)\n";
    run += "Anna " + surname(i) + " (S) ";
    reg += "Anna " + surname(i) + ", ordf m x\n";
  }
  lines += "\n§ 1 Upprop\nText.\n";
  for (const std::string* text : {&lines, &run, &reg}) {
    auto t0 = std::chrono::steady_clock::now();
    auto r = MinutesPlugin().parse(*text);
    REQUIRE(r.ok());
    CHECK(r.value().attendees.size() <= 1000);
    CHECK(secondsSince(t0) < 20.0);
  }
}

TEST_CASE("minutes: covers of other councils' templates") {
  // "Beslutsinstans", the signatures' names run together, a page count after the body, a
  // substitute among the others present, an initial without its dot.
  auto a = MinutesPlugin().parse(
      "SAMMANTRÄDESPROTOKOLL\n\n1 Socialnämnden (27) Plats och tid Kommunhuset, KS-salen, kl 13.00 Beslutande "
      "Mariette Sjölund (S), ordförande Lennart Ahlström (S) Jan W Kjellberg (M) Övriga deltagande Patrik Skanser, "
      "sekreterare Beatrice Zsoka (M) ersättare Utses att justera Lennart Ahlström (S) Underskrifter Sekreterare "
      "Ordförande Justerande Patrik Skanser Mariette Sjölund (S) Lennart Ahlström (S) Beslutsinstans Socialnämnden "
      "Sammanträdesdatum 2016-02-24\n\n2 Socialnämnden (27)\n\nSN 13 Bidrag till föreningar\nNämnden beslutar att "
      "bevilja bidraget.\n");
  REQUIRE(a.ok());
  const auto& d = a.value();
  CHECK(d.organization == "Socialnämnden");
  CHECK(d.chair == "Mariette Sjölund");
  CHECK(d.secretary == "Patrik Skanser");
  CHECK(d.adjusters == std::vector<std::string>{"Lennart Ahlström"});
  std::map<std::string, std::string> role;
  for (const auto& p : d.attendees) role[p.name] = p.role;
  CHECK(role.count("Jan W Kjellberg") == 1);
  CHECK(role["Beatrice Zsoka"] == "ersättare");
  for (const auto& it : d.items) CHECK(it.title.find("Socialnämnden") == std::string::npos);
  // Absent members are no attendees; a body's own committee is no council.
  auto b = MinutesPlugin().parse(
      "Protokoll från Socialutskottets sammanträde 2011-10-12\nPlats och tid Sessionssalen, kl. 14.00-16.50 "
      "Beslutande Kommunfullmäktiges samtliga ledamöter med undantag för Lars Rasch (KP), Kenneth Axelsson (M) och "
      "Brittmari Svensson (S). Övriga närvarande Jonas Fredriksson, kommunsekreterare\n\n§ 76 Val\nText.\n");
  REQUIRE(b.ok());
  CHECK(b.value().organization == "Socialutskottet");
  for (const auto& p : b.value().attendees) CHECK(p.name != "Lars Rasch");
  auto c = MinutesPlugin().parse("Kommunstyrelsens arbetsutskott\nSammanträdesdatum 2011-03-02\n"
                                 "Plats och tid Kommunhuset, Henån, kl 09.00\nBeslutande Anna Ek (S), ordförande\n\n"
                                 "§ 6 Ändring i bestämmelser\nText.\n");
  REQUIRE(c.ok());
  CHECK(c.value().organization.find("Kommunstyrelsens kommun") == std::string::npos);
}

TEST_CASE("minutes: a date far into a cover run after 'Sammanträdesprotokoll' is not the meeting's") {
  auto r = MinutesPlugin().parse(
      "Sammanträdesprotokoll Sida 1(18) Plats och tid Sessionssalen, Gamla kommunhuset, onsdag den 29 augusti kl. "
      "14.00-16.50 Beslutande Anna Ek (S), ordförande Utses att justera Per Ek (M) Justeringens plats och tid "
      "Kommunledningsförvaltningen, 2012-09-07 Underskrifter Sekreterare Eva Ek Organ Kommunfullmäktige "
      "Sammanträdesdatum 2012-08-29\n\n§ 76 Val\nText.\n");
  REQUIRE(r.ok());
  CHECK(r.value().date == "2012-08-29");
  CHECK(r.value().adjusted_date == "2012-09-07");
}

TEST_CASE("minutes: officials' titles before their names and labels after them are no part of the name") {
  auto r = MinutesPlugin().parse(
      "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2014-11-11\nPlats och tid Nicolairummet, kl 13.00 Beslutande "
      "Anna Ek (S), ordförande Övriga närvarande Kommundirektör Jan Fransson Utredare Oskar Johansson Adjungerade "
      "Jana Nilsson Utses att justera Marie-Louise Gunnarsson Justeringens plats och tid Kansliet 2014-11-14\n\n"
      "§ 1 Val\nText.\n");
  REQUIRE(r.ok());
  std::vector<std::string> names;
  for (const auto& a : r.value().attendees) names.push_back(a.name);
  CHECK(std::find(names.begin(), names.end(), "Jan Fransson") != names.end());
  CHECK(std::find(names.begin(), names.end(), "Oskar Johansson") != names.end());
  CHECK(std::find(names.begin(), names.end(), "Jana Nilsson") != names.end());
  CHECK(r.value().adjusters == std::vector<std::string>{"Marie-Louise Gunnarsson"});
}

TEST_CASE("minutes: a review's inputs — no hang, no quadratic walk, right offsets") {
  // The walk back from "(ärende 1)" wrapped round to the end of the text (a hang).
  auto hang = MinutesPlugin().parse(" S (ärende 1) SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Sammanträdesdatum 2020-05-12 "
                                    "Beslutande Maria Lind (S) Utses att justera Johan Berg");
  CHECK(hang.ok());
  // Numbered decision points with every other number missing; markers on one long line;
  // a table of contents of thousands of entries beside thousands of paragraphs.
  std::string points = "Protokoll Kommunstyrelsen 2020-01-01\n\n§ 1 Val\nKommunstyrelsens beslut 1. a ";
  for (int i = 3; points.size() < 400 * 1024; i += 2) points += std::to_string(i) + ". a ";
  std::string marks = "Protokoll Regionfullmäktige 2020-01-01 ";
  while (marks.size() < 400 * 1024) marks += "a a a a a a a a a a a a a a a a a a a a a (ärende 1) ";
  std::string toc = "Protokoll Kommunstyrelsen 2020-01-01\n\n3 Innehållsförteckning";
  for (int i = 0; i < 20000; ++i) toc += " Rapport om vägar " + std::to_string(i % 900 + 1);
  toc += "\n";
  for (int i = 1; i < 4000; ++i)
    toc += "\n§ " + std::to_string(i) + " Ärende nummer " + std::to_string(i) + "\nText.\n";
  for (const std::string* text : {&points, &marks, &toc}) {
    auto t0 = std::chrono::steady_clock::now();
    CHECK(MinutesPlugin().parse(*text).ok());
    CHECK(secondsSince(t0) < 20.0);
  }
  // An indented page that goes on with people does not end the list; "Forum" in a place is
  // no label; a town before a no-break space is a town.
  auto indented = MinutesPlugin().parse("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2020-05-12\nPlats och tid "
                                        "Kommunhuset, kl 13.00\nBeslutande Anna Ek (S), ordförande\n\n    2 Daniel "
                                        "Hansson (S) Eva Berg (M)\n\n§ 1 Upprop\nText.\n");
  REQUIRE(indented.ok());
  CHECK(indented.value().attendees.size() == 3);
  auto forum = MinutesPlugin().parse("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2021-03-04\nPlats och tid "
                                     "Kulturhuset Forum, Piteå kl. 13.00-16.15\nBeslutande Anna Ek (S), ordförande\n\n"
                                     "§ 1 Upprop\nText.\n");
  REQUIRE(forum.ok());
  CHECK(forum.value().place == "Kulturhuset Forum, Piteå");
  auto nbsp = MinutesPlugin().parse(
      "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2021-03-04\nPlats och tid "
      "Folkets Hus, Norrtälje\xC2\xA0kl. 13.00-16.15\nBeslutande Anna Ek (S), ordförande\n\n"
      "§ 1 Upprop\nText.\n");
  REQUIRE(nbsp.ok());
  CHECK(nbsp.value().organization == "Kommunstyrelsen (Norrtälje kommun)");
  CHECK(nbsp.value().place == "Folkets Hus, Norrtälje");
  // A name inside a table of contents takes two capitalised words, not the rest of the run.
  auto names = MinutesPlugin().parse("Protokoll Kommunstyrelsen Sammanträdesdatum 2020-01-01\n\n3 Innehållsförteckning "
                                     "Rapport från Anna Andersson Skattesats Bygglov Kvarteret Lärkan Delårsbokslut");
  REQUIRE(names.ok());
  CHECK(names.value().items.size() >= 4);
  // A decision's span starts at the deciding body in the source, whose spaces were collapsed.
  std::string spaced =
      "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2020-05-12\n\n1 Dnr A Remiss     av     "
      "utredningen     om     skolan\nKommunstyrelsen beslutade att godkänna förslaget.";
  auto span = MinutesPlugin().parse(spaced);
  REQUIRE(span.ok());
  int found = 0;
  for (const auto& it : span.value().items)
    for (const auto& d : it.decisions)
      if (d.text.starts_with("Kommunstyrelsen beslutade")) {
        ++found;
        CHECK(std::string_view(span.value().text).substr(d.span.begin).starts_with("Kommunstyrelsen beslutade"));
      }
  CHECK(found == 1);  // the decision is read (else the span check above would not run)
}

TEST_CASE("minutes: attendance written as prose") {
  auto r = MinutesPlugin().parse(
      "Den 24 april 1997. Protokollet föres av undertecknad kommunfullmäktiges sekreterare.\n\n"
      "Närvarande vid uppropet: ordföranden samt övriga ledamöter utom Birgitta Nilsson, Per-Olof Pettersson och Arne "
      "Cronström. Som ersättare för de frånvarande ledamöterna inträder: Sten Svensson för Birgitta Nilsson, Katarina "
      "Persson för Per-Olof Pettersson och Lars-Olof Larsson för Arne Cronström. Birgitta Nilsson infinner sig under "
      "ärendet 58 (dessförinnan ersatt av Sten Svensson). Ilse Chlad och Kent Andersson lämnar sammanträdet under "
      "ärendet 58 och ersättes av Sofie Axelsson respektive Ewa Bertz. Även Stig Lomholt lämnar sammanträdet under "
      "ärendet 63, varvid Thorbjörn Lindhqvist blir ny ersättare för Olle Aulin.\n\n§ 57 Val\nText.\n");
  REQUIRE(r.ok());
  std::map<std::string, std::string> role;
  for (const auto& a : r.value().attendees) role[a.name] = a.role;
  CHECK(role == std::map<std::string, std::string>{{"Sten Svensson", "tjänstgörande ersättare"},
                                                   {"Katarina Persson", "tjänstgörande ersättare"},
                                                   {"Lars-Olof Larsson", "tjänstgörande ersättare"},
                                                   {"Birgitta Nilsson", "ledamot"},
                                                   {"Ilse Chlad", "ledamot"},
                                                   {"Kent Andersson", "ledamot"},
                                                   {"Sofie Axelsson", "tjänstgörande ersättare"},
                                                   {"Ewa Bertz", "tjänstgörande ersättare"},
                                                   {"Stig Lomholt", "ledamot"},
                                                   {"Thorbjörn Lindhqvist", "tjänstgörande ersättare"}});
  CHECK(r.value().organization == "Kommunfullmäktige");
}

TEST_CASE("minutes: a whole role column after the names") {
  auto r = MinutesPlugin().parse(
      "Protokoll\nMiljö- och byggnadsnämnden\nSammanträdesdatum 2013-02-26\n2 Sammanträdesdatum s. 2 (57) Beslutande "
      "Jerry Ahl (M) Elisabeth Sven (M) Janeric Seid (M) Thomas Nils (M) Stig Sven (S) ordförande 1:e vice "
      "ordförande ledamot tjänstgörande ersättare tjänstgörande ersättare Övriga närvarande Beatrice Zsoka (M) "
      "ersättare\n\n§ 27 Information\nText.\n");
  REQUIRE(r.ok());
  std::vector<std::string> roles;
  for (const auto& a : r.value().attendees) roles.push_back(a.role);
  CHECK(roles == std::vector<std::string>{"ordförande", "1:e vice ordförande", "ledamot", "tjänstgörande ersättare",
                                          "tjänstgörande ersättare", "ej tjänstgörande ersättare"});
}

TEST_CASE("minutes: a row of labels printed before all their values") {
  auto r = MinutesPlugin().parse(
      "1 PROTOKOLL LS (23) Landstingsstyrelsen Tid Måndagen den 10 november 2008, kl Plats Närvarande ledamöter "
      "Närvarande ers Övriga närvarande Sekreterare Föreläsningssalen, Sigfridsområdet, Växjö Suzanne Frank (m), "
      "ordf Paul Johansson (c) 1:e vice ordf Göran Giselsson (m) Pernilla Sjöberg (m) tj ersättare Stefan Fredriksson "
      "(s) ej närvarande Rolf Andersson (fp) Stefan Bergström, Annika Hallquist 215 Leif Hognert och Malin Åberg 216 "
      "Per Carlsson Kristina Brundin 210 Val av protokolljusterare samt justeringsdatum Att jämte ordföranden justera "
      "dagens protokoll utsågs Anna Fransson.\n");
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.place == "Föreläsningssalen, Sigfridsområdet, Växjö");
  CHECK(d.chair == "Suzanne Frank");
  CHECK(d.secretary == "Kristina Brundin");
  std::map<std::string, std::string> role;
  for (const auto& a : d.attendees) role[a.name] = a.role;
  CHECK(role["Paul Johansson"] == "1:e vice ordförande");
  CHECK(role["Pernilla Sjöberg"] == "tjänstgörande ersättare");
  CHECK(role.count("Stefan Fredriksson") == 0);  // not present
  CHECK(role["Annika Hallquist"] == "övrig närvarande");
  CHECK(role["Per Carlsson"] == "övrig närvarande");
  CHECK(role["Kristina Brundin"] == "sekreterare");
  CHECK(role.count("Anna Fransson") == 0);  // named in a paragraph, not in the cover
}
