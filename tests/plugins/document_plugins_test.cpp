// Classification across the five document plugins, and the reply, action plan,
// annual report and generic parsers on the seeds and on malformed input.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <vector>

#include "action_plan_plugin.h"
#include "annual_report_plugin.h"
#include "generic_plugin.h"
#include "minutes_plugin.h"
#include "plugin_test_util.h"
#include "reply_plugin.h"
#include "beslut/text.h"

using beslut::DocumentKind;
using beslut::DocumentPlugin;
using beslut::StatusCode;
using namespace beslut::plugins;
using namespace beslut::test;

namespace {

std::vector<std::unique_ptr<DocumentPlugin>> allPlugins() {
  std::vector<std::unique_ptr<DocumentPlugin>> ps;
  ps.push_back(std::make_unique<MinutesPlugin>());
  ps.push_back(std::make_unique<ReplyPlugin>());
  ps.push_back(std::make_unique<ActionPlanPlugin>());
  ps.push_back(std::make_unique<AnnualReportPlugin>());
  ps.push_back(std::make_unique<GenericPlugin>());
  return ps;
}

std::string bestPlugin(const std::string& text) {
  std::string best;
  double bestScore = -1;
  for (const auto& p : allPlugins()) {
    double s = p->score(text);
    CHECK(s >= 0.0);
    CHECK(s <= 1.0);
    if (s > bestScore) {
      bestScore = s;
      best = p->name();
    }
  }
  return best;
}

}  // namespace

TEST_CASE("classification: each seed scores highest with its own plugin") {
  CHECK(bestPlugin(readSample(kMinutesSeed)) == "minutes");
  CHECK(bestPlugin(readSample(kReplySeed)) == "reply");
  CHECK(bestPlugin(readSample(kActionPlanSeed)) == "action_plan");
  CHECK(bestPlugin(readSample(kAnnualReportSeed)) == "annual_report");
  CHECK(bestPlugin("Lite text om ingenting särskilt.\n") == "generic");
}

TEST_CASE("reply: seed") {
  ReplyPlugin p;
  auto r = p.parse(readSample(kReplySeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.kind == DocumentKind::kReply);
  CHECK(d.title == "Svar på ledamotsinitiativ från Lars Hultkranz, Liberalerna");
  CHECK(d.initiator == "Lars Hultkranz");
  CHECK(d.initiator_party == "Liberalerna (L)");
  CHECK_FALSE(d.topic.empty());
  REQUIRE(d.evidence.count("initiator"));
  REQUIRE(d.evidence.count("replier"));
  CHECK(d.text.substr(d.evidence.at("replier").span.begin).starts_with("Petter Arneback Hjulström"));
  for (std::size_t i = 0; i < d.commitments.size(); ++i) {
    const auto& e = d.evidence.at("commitments/" + std::to_string(i));
    CHECK(beslut::oneLine(d.text.substr(e.span.begin, e.span.end - e.span.begin)) == d.commitments[i]);
  }
  CHECK(d.replier == "Petter Arneback Hjulström");
  CHECK(d.replier_role == "Regionutvecklingsdirektör");
  CHECK(d.organization == "Region Örebro län");
  CHECK(d.date.empty());
  CHECK(d.items.size() == 5);
  bool guldsmedshyttan = false;
  for (const auto& it : d.items)
    guldsmedshyttan = guldsmedshyttan || it.text.find("Guldsmedshyttan") != std::string::npos;
  CHECK(guldsmedshyttan);
  bool summary = false;
  for (const auto& c : d.commitments) summary = summary || c.find("Sammanfattningsvis kommer Region Örebro län") == 0;
  CHECK(summary);
  // Future, ongoing and standing-offer commitments; the sentences that continue
  // them ("I rådet …", "I detta fall …") are merged in; past actions and a
  // partner's own routine ("De har dessutom en löpande dialog …") are not.
  REQUIRE(d.commitments.size() == 5);
  CHECK(d.commitments[0].starts_with("På kommunernas initiativ kan Business region Örebro (BRO) gå in"));
  CHECK(d.commitments[1].starts_with("Det förs löpande en dialog"));
  CHECK(d.commitments[2].starts_with("Det finns även kontakt med de omställningsorganisationer"));
  CHECK(d.commitments[2].ends_with("I detta fall sker samarbete med Trygghetsfonden och Trygghetsrådet."));
  CHECK(d.commitments[3].starts_with("Rådet kommer ha sitt första möte under december. I rådet kan vi få"));
  for (const auto& c : d.commitments) {
    CHECK(c.find("har Business region Örebro (BRO) stöttat") == std::string::npos);
    CHECK(c.find("tagit direkt kontakt") == std::string::npos);
    CHECK(c.find("De har dessutom") == std::string::npos);
  }
  // The signature is not an item.
  for (const auto& it : d.items) CHECK(it.text.find("Regionutvecklingsdirektör") == std::string::npos);
}

TEST_CASE("reply: motion title with party in parentheses and topic") {
  ReplyPlugin p;
  auto r = p.parse("Svar på motion från Eva Ek (C) om fler cykelvägar\n\nRegionen kommer att utreda frågan.\n\n"
                   "Anna Berg\nRegionråd\n");
  REQUIRE(r.ok());
  CHECK(r.value().initiator == "Eva Ek");
  CHECK(r.value().initiator_party == "C");
  CHECK(r.value().topic == "fler cykelvägar");
  CHECK(r.value().replier == "Anna Berg");
  CHECK(r.value().replier_role == "Regionråd");
  CHECK(r.value().commitments.size() == 1);
}

TEST_CASE("reply: what is and is not a commitment") {
  ReplyPlugin p;
  auto r = p.parse("Svar på skriftlig fråga från Per Holm (M) om ambulansens insatstider\n\n"
                   "Per Holm frågar om regionen kommer att öppna en ny ambulansstation i Västby.\n\n"
                   "Ambulanssjukvården har under 2023 haft en medianinsatstid på 14 minuter. "
                   "Vi bedömer att behovet av ambulanstransporter kommer att öka med fem procent per år. "
                   "Enligt hälso- och sjukvårdslagen ska regionen erbjuda en god vård. "
                   "Det är viktigt att alla invånare ska känna sig trygga. "
                   "Det finns ett stort behov av fler ambulanssjuksköterskor. "
                   "Ansökningar som kommer in efter sista dagen behandlas inte. "
                   "Statistiken avser perioden januari till juni. "
                   "Regionen kommer inte att öppna en ny station i år. "
                   "Regionen arbetar aktivt med att korta insatstiderna. "
                   "Vilka insatser avser regionen att göra?\n\n"
                   "Regionen har för avsikt att pröva en akutbil i Västby under sommaren. Bilen bemannas av en\n"
                   "sjuksköterska. Regionstyrelsen har tidigare beslutat om en ny larmcentral.\n\n"
                   "Insatstiderna följs upp kontinuerligt av ambulansöverläkaren. "
                   "Det finns sedan 2022 ett samarbete med räddningstjänsten. "
                   "Vi har regelbundna möten med kommunerna. "
                   "Nämnden fortsätter att följa utvecklingen. Detta sker genom kvartalsrapporter. "
                   "En ny ambulansstation planeras i Norrby till 2026. "
                   "Vid en större olycka kan regionen gå in med extra bemanning.\n\n"
                   "Förslag till beslut\nRegionstyrelsen föreslås besluta att frågan ska anses besvarad.\n\n"
                   "Lena Ek\nRegionråd\n");
  REQUIRE(r.ok());
  const auto& d = r.value();
  std::vector<std::string> want = {
      "Regionen har för avsikt att pröva en akutbil i Västby under sommaren. Bilen bemannas av en sjuksköterska.",
      "Insatstiderna följs upp kontinuerligt av ambulansöverläkaren.",
      "Det finns sedan 2022 ett samarbete med räddningstjänsten.",
      "Vi har regelbundna möten med kommunerna.",
      "Nämnden fortsätter att följa utvecklingen. Detta sker genom kvartalsrapporter.",
      "En ny ambulansstation planeras i Norrby till 2026.",
      "Vid en större olycka kan regionen gå in med extra bemanning."};
  CHECK(d.commitments == want);
  // The evidence of a merged commitment spans all its sentences, across the line break.
  for (std::size_t i = 0; i < d.commitments.size(); ++i) {
    const auto& e = d.evidence.at("commitments/" + std::to_string(i));
    CHECK(beslut::oneLine(d.text.substr(e.span.begin, e.span.end - e.span.begin)) == d.commitments[i]);
  }
}

TEST_CASE("reply: a heading line is not part of the commitment after it") {
  ReplyPlugin p;
  auto r = p.parse("Svar på motion från Eva Ek (C) om cykelvägar\n\nFörvaltningens svar\n"
                   "Kommunen kommer att bygga en cykelväg.\n\nAnna Berg\nKommunalråd\n");
  REQUIRE(r.ok());
  REQUIRE(r.value().commitments.size() == 1);
  CHECK(r.value().commitments[0] == "Kommunen kommer att bygga en cykelväg.");
  const auto& e = r.value().evidence.at("commitments/0");
  CHECK(r.value().text.substr(e.span.begin, e.span.end - e.span.begin) == "Kommunen kommer att bygga en cykelväg.");
}

TEST_CASE("reply: party written out before 'om', signature with party, place-and-date line") {
  ReplyPlugin p;
  auto r = p.parse("Svar på ledamotsinitiativ från Jonas Åberg, Kristdemokraterna, om barnmorskor\n\n"
                   "Regionen kommer att starta en mobil mottagning. De nya tiderna gäller från den 1 januari 2025.\n\n"
                   "Storsjö den 3 oktober 2023\n\nBirgitta Holm (C)\nKommunstyrelsens ordförande\n");
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.initiator == "Jonas Åberg");
  CHECK(d.initiator_party == "Kristdemokraterna (KD)");
  CHECK(d.topic == "barnmorskor");
  CHECK(d.replier == "Birgitta Holm");
  CHECK(d.replier_role == "Kommunstyrelsens ordförande");
  CHECK(d.date == "2023-10-03");
  for (const auto& it : d.items) CHECK(it.text.find("Storsjö den 3 oktober") == std::string::npos);
}

TEST_CASE("action plan: seed") {
  ActionPlanPlugin p;
  auto r = p.parse(readSample(kActionPlanSeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.kind == DocumentKind::kActionPlan);
  CHECK(d.title == "Regional handlingsplan för kompetensförsörjning");
  CHECK(d.organization == "Region Örebro län");
  CHECK(d.items.size() >= 10);
  bool insats = false, sammanfattning = false;
  for (const auto& it : d.items) {
    CHECK(it.text.size() <= 8100);
    insats = insats || it.title == "Förbättra arbetsgivarnas strategiska kompetensförsörjningsarbete – insatsområden";
    sammanfattning = sammanfattning || it.title == "Sammanfattning";
  }
  CHECK(insats);
  CHECK(sammanfattning);
}

TEST_CASE("action plan: numbered headings") {
  ActionPlanPlugin p;
  auto r = p.parse("Handlingsplan för digitalisering\n\n1 Inledning\nText om insatsområde.\n\n2 Insatsområden\n"
                   "Mer text.\n\n2.1 Skola\nÄnnu mer.\n");
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.title == "Handlingsplan för digitalisering");
  REQUIRE(d.items.size() == 3);
  CHECK(d.items[0].number == "1");
  CHECK(d.items[2].number == "2.1");
  CHECK(d.items[2].title == "Skola");
}

TEST_CASE("annual report: seed") {
  AnnualReportPlugin p;
  auto r = p.parse(readSample(kAnnualReportSeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  CHECK(d.kind == DocumentKind::kAnnualReport);
  CHECK(d.title == "Verksamhetsberättelse 2024 Regional tillväxtnämnd");
  CHECK(d.organization == "Regional tillväxtnämnd");
  CHECK(d.date == "2024");
  REQUIRE(d.items.size() >= 20);
  CHECK(d.items[0].number == "1");
  CHECK(d.items[0].title == "Inledning");
  CHECK(d.items[1].title == "Väsentliga händelser");
  bool isk = false;
  for (const auto& it : d.items) {
    CHECK(it.text.size() <= 8100);
    CHECK(it.text.find("Verksamhetsberättelse 20(42)") == std::string::npos);
    isk = isk || (it.number == "7.2" && it.title == "ISK-bedömning");
  }
  CHECK(isk);
}

TEST_CASE("generic: title, date and passages") {
  GenericPlugin p;
  CHECK(p.score("text") == doctest::Approx(GenericPlugin::kScore));
  CHECK(p.score("  \n") == 0.0);
  auto r = p.parse("# Nyhetsbrev\nPublicerad 12 januari 2026\n\n## Första\nEtt.\n\n## Andra\nTvå.\n");
  REQUIRE(r.ok());
  CHECK(r.value().kind == DocumentKind::kOther);
  CHECK(r.value().title == "Nyhetsbrev");
  CHECK(r.value().date == "2026-01-12");
  CHECK(r.value().items.size() >= 2);

  std::string para = "Ett stycke med några ord som upprepas för att bli långt nog.\n";
  std::string text;
  for (int i = 0; i < 200; ++i) text += para + (i % 5 == 4 ? "\n" : "");
  auto r2 = p.parse(text);
  REQUIRE(r2.ok());
  CHECK(r2.value().items.size() >= 5);
  for (const auto& it : r2.value().items) CHECK(it.text.size() <= 2000);
  CHECK(r2.value().date.empty());
}

TEST_CASE("document plugins: malformed input comes back quickly") {
  std::string huge = hugeSingleLine();
  std::string bin = binaryGarbage();
  std::string seed = readSample(kAnnualReportSeed);
  for (const auto& p : allPlugins()) {
    CAPTURE(p->name());
    CHECK(p->parse("").status().code() == StatusCode::kUnprocessable);
    CHECK(p->parse("\n \n").status().code() == StatusCode::kUnprocessable);
    auto t0 = std::chrono::steady_clock::now();
    double s = p->score(huge);
    CHECK(s >= 0.0);
    CHECK(s <= 1.0);
    auto r = p->parse(huge);
    CHECK(r.ok());
    if (r.ok()) CHECK(r.value().title.size() <= 400);
    CHECK(secondsSince(t0) < 30.0);
    t0 = std::chrono::steady_clock::now();
    (void)p->score(bin);
    auto rb = p->parse(bin);
    CHECK((rb.ok() || !rb.status().message().empty()));
    auto rt = p->parse(seed.substr(0, seed.size() / 3 + 7));  // truncated, maybe mid-character
    CHECK(rt.ok());
    CHECK(secondsSince(t0) < 20.0);
  }
}

TEST_CASE("annual report: goals, indicators and assignments with follow-ups") {
  AnnualReportPlugin p;
  auto r = p.parse(readSample(kAnnualReportSeed));
  REQUIRE(r.ok());
  const auto& d = r.value();
  auto source = [&](const beslut::Span& s) { return d.text.substr(s.begin, s.end - s.begin); };
  int goals = 0, indicators = 0, withValues = 0, assignments = 0;
  bool notFullyDone = false;
  for (const auto& it : d.items) {
    if (it.kind == "goal") {
      ++goals;
      for (const auto& ind : it.indicators) {
        ++indicators;
        CHECK(ind.period == "2024");
        CHECK(source(ind.span).find(ind.name.substr(0, 10)) != std::string::npos);
        if (!ind.outcome.empty() && !ind.target.empty()) ++withValues;
      }
    }
    if (it.kind == "assignment") {
      ++assignments;
      REQUIRE(it.assignments.size() == 1);
      const auto& a = it.assignments[0];
      REQUIRE(a.followups.size() == 1);
      const auto& f = a.followups[0];
      CHECK_FALSE(f.evidence_text.empty());
      CHECK(beslut::oneLine(source(f.span)) == f.evidence_text);
      if (f.evidence_text.find("inte helt utfört") != std::string::npos) {
        notFullyDone = true;
        CHECK(f.status == beslut::AssignmentStatus::kInProgress);
        CHECK(f.evidence_text.find("slutföras under 2025") != std::string::npos);
      }
    }
  }
  CHECK(goals >= 8);
  CHECK(indicators >= 15);
  CHECK(withValues >= 5);
  CHECK(assignments >= 5);
  CHECK(notFullyDone);
}

TEST_CASE("annual report: follow-up status words") {
  AnnualReportPlugin p;
  auto r = p.parse(
      "Verksamhetsberättelse 2024 Kulturnämnden\n\nMål: Fler besökare.\n\nIndikatorer Utfall Målvärde\n\n"
      "Antal besök på biblioteken ska öka.\n\n12 300 st 12 000 st\n\nKommentar\n\nBra år.\n\n"
      "Uppdrag: Ta fram en biblioteksplan.\n\nKommentar\n\nPlanen är klar och uppdraget är slutfört.\n\n"
      "Uppdrag: Utred en ny konsthall.\n\nKommentar\n\nUtredningen avslutat utan förslag då medel saknas.\n\n"
      "Uppdrag: Digitalisera arkivet.\n\nKommentar\n\nArbetet pågår och slutförs under 2025.\n");
  REQUIRE(r.ok());
  std::vector<beslut::AssignmentStatus> statuses;
  const beslut::Item* goal = nullptr;
  for (const auto& it : r.value().items) {
    if (it.kind == "goal") goal = &it;
    for (const auto& a : it.assignments) statuses.push_back(a.followups.at(0).status);
  }
  REQUIRE(goal);
  REQUIRE(goal->indicators.size() == 1);
  CHECK(goal->indicators[0].name == "Antal besök på biblioteken ska öka.");
  REQUIRE(statuses.size() == 3);
  CHECK(statuses[0] == beslut::AssignmentStatus::kDone);
  CHECK(statuses[1] == beslut::AssignmentStatus::kCancelled);
  CHECK(statuses[2] == beslut::AssignmentStatus::kInProgress);
}

TEST_CASE("action plan: section kinds and no figure or list junk") {
  ActionPlanPlugin p;
  auto r = p.parse(readSample(kActionPlanSeed));
  REQUIRE(r.ok());
  bool direction = false, area = false;
  for (const auto& it : r.value().items) {
    CHECK(it.title.find("Exempelvis") == std::string::npos);
    CHECK(it.title != "Social sammanhållning och demokrati");
    CHECK(it.title != "Prioriterade områden");
    direction = direction || (it.kind == "direction" && it.title == "Strategiska inriktningar");
    area = area || (it.kind == "area" && it.title.find("insatsområden") != std::string::npos);
  }
  CHECK(direction);
  CHECK(area);
}

TEST_CASE("classification: government text with numbered headings and assignments is not minutes") {
  const std::string text =
      "Regeringen ger Myndigheten för yrkeshögskolan i uppdrag att kartlägga behovet\n\n"
      "1. Bakgrund\nLedamöter i rådet har påtalat behovet.\n\n2. Uppdraget\nMyndigheten får i uppdrag att "
      "redovisa senast den 1 mars 2026.\n\n3. Redovisning\nUppdraget ska redovisas till Utbildningsdepartementet.\n";
  CHECK(bestPlugin(text) == "generic");
  CHECK(MinutesPlugin().score(text) < 0.05);
}

TEST_CASE("annual report: 'uppfyllt' is done, 'inte uppfyllt' is not") {
  AnnualReportPlugin p;
  auto r = p.parse("Verksamhetsberättelse 2024 Kulturnämnden\n\n"
                   "Uppdrag: Ta fram en biblioteksplan.\n\nKommentar\n\nUppdraget är uppfyllt.\n\n"
                   "Uppdrag: Utred en ny konsthall.\n\nKommentar\n\nUppdraget är inte uppfyllt, arbetet fortsätter.\n\n"
                   "Uppdrag: Digitalisera arkivet.\n\nKommentar\n\nMålet är delvis uppfyllt.\n");
  REQUIRE(r.ok());
  std::vector<beslut::AssignmentStatus> statuses;
  for (const auto& it : r.value().items)
    for (const auto& a : it.assignments) statuses.push_back(a.followups.at(0).status);
  REQUIRE(statuses.size() == 3);
  CHECK(statuses[0] == beslut::AssignmentStatus::kDone);
  CHECK(statuses[1] == beslut::AssignmentStatus::kInProgress);
  CHECK(statuses[2] == beslut::AssignmentStatus::kInProgress);
}
