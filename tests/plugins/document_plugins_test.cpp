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
  CHECK(d.initiator_party == "Liberalerna");
  CHECK(d.replier == "Petter Arneback Hjulström");
  CHECK(d.replier_role == "Regionutvecklingsdirektör");
  CHECK(d.organization == "Region Örebro län");
  CHECK(d.date.empty());
  CHECK(d.items.size() == 5);
  bool guldsmedshyttan = false;
  for (const auto& it : d.items) guldsmedshyttan = guldsmedshyttan || it.text.find("Guldsmedshyttan") != std::string::npos;
  CHECK(guldsmedshyttan);
  bool summary = false;
  for (const auto& c : d.commitments) summary = summary || c.find("Sammanfattningsvis kommer Region Örebro län") == 0;
  CHECK(summary);
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
