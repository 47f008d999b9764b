#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "beslut/assignment_reader.h"
#include "beslut/sections.h"

using namespace beslut;

namespace {

std::vector<Assignment> read(const std::string& text, const std::string& title = {}, const std::string& ref = {}) {
  AssignmentReadOptions o;
  o.title = title;
  o.reference_date = ref;
  return readAssignments(text, o);
}

// "assignee|due|kind" per entry, in output order.
std::vector<std::string> summary(const std::vector<Assignment>& v) {
  std::vector<std::string> out;
  for (const auto& a : v) out.push_back(a.assignee + "|" + a.due + "|" + a.due_kind);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

std::string due(std::string_view s, std::string_view ref = {}) {
  auto d = findDueDate(s, ref);
  return d ? d->due : std::string("none");
}

}  // namespace

TEST_CASE("report dates in their written forms") {
  CHECK(due("Uppdraget ska redovisas senast den 15 december 2026.") == "2026-12-15");
  CHECK(due("ska redovisas senast 31 maj 2023") == "2023-05-31");
  CHECK(due("redovisas den 20 maj 2019 och den 15 juli 2019") == "2019-05-20");
  CHECK(due("senast 30\xC2\xA0november 2025") == "2025-11-30");
  CHECK(due("senast f\xC3\xB6re utg\xC3\xA5ngen av december 2022 l\xC3\xA4mna") == "2022-12");
  CHECK(due("senast 31 augusti i \xC3\xA5r", "2020-05-04") == "2020-08-31");
  CHECK(due("senast 31 augusti i \xC3\xA5r") == "none");
  CHECK(due("senast den 31 november 2025") == "2025-11");
  CHECK(due("senast 2026-03-31") == "2026-03-31");
  CHECK(due("Senast den 31 augusti. 2019 ska") == "2019-08-31");
  CHECK(due("senast i oktober 2019") == "2019-10");
  CHECK(due("inget datum h\xC3\xA4r") == "none");
  auto d = findDueDate("Uppdraget ska redovisas senast den 1 april 2017.");
  REQUIRE(d);
  CHECK(d->text == "senast den 1 april 2017");
  CHECK(d->span.begin == 24);
}

TEST_CASE("lists of assignees") {
  CHECK(splitAssigneeList("Socialstyrelsen, Folkh\xC3\xA4lsomyndigheten och L\xC3\xA4kemedelsverket") ==
        std::vector<std::string>{"Socialstyrelsen", "Folkh\xC3\xA4lsomyndigheten", "L\xC3\xA4kemedelsverket"});
  CHECK(splitAssigneeList(
            "Myndigheten f\xC3\xB6r v\xC3\xA5rd- och omsorgsanalys och Kultur- och fritidsn\xC3\xA4mnden") ==
        std::vector<std::string>{"Myndigheten f\xC3\xB6r v\xC3\xA5rd- och omsorgsanalys",
                                 "Kultur- och fritidsn\xC3\xA4mnden"});
  CHECK(splitAssigneeList("Myndigheten f\xC3\xB6r samh\xC3\xA4llsskydd och beredskap (MSB) och Polismyndigheten") ==
        std::vector<std::string>{"Myndigheten f\xC3\xB6r samh\xC3\xA4llsskydd och beredskap", "Polismyndigheten"});
  CHECK(splitAssigneeList("Naturv\xC3\xA5rdsverket och Folkh\xC3\xA4lsomyndigheten samt l\xC3\xA4nsstyrelserna") ==
        std::vector<std::string>{"Naturv\xC3\xA5rdsverket", "Folkh\xC3\xA4lsomyndigheten", "l\xC3\xA4nsstyrelserna"});
  CHECK(splitAssigneeList("Ume\xC3\xA5 universitet, och S\xC3\xB6"
                          "dert\xC3\xB6rns h\xC3\xB6gskola") ==
        std::vector<std::string>{"Ume\xC3\xA5 universitet", "S\xC3\xB6"
                                                            "dert\xC3\xB6rns h\xC3\xB6gskola"});
  CHECK(splitAssigneeList("").empty());
}

TEST_CASE("a joint assignment with an interim and a final report gives one entry per assignee and date") {
  auto v = read(
      "# Uppdrag om illegal hantering\n\n"
      "Regeringen uppdrar \xC3\xA5t Tullverket, Polismyndigheten och Skatteverket att kartl\xC3\xA4gga arbetet.\n\n"
      "En gemensam delredovisning ska l\xC3\xA4mnas till Finansdepartementet senast den 1 oktober 2016. En gemensam "
      "slutredovisning ska l\xC3\xA4mnas till Finansdepartementet senast den 1 oktober 2017.\n");
  auto s = summary(v);
  CHECK(s.size() == 6);
  for (const char* who : {"Tullverket", "Polismyndigheten", "Skatteverket"}) {
    CHECK(contains(s, std::string(who) + "|2016-10-01|delredovisning"));
    CHECK(contains(s, std::string(who) + "|2017-10-01|slutredovisning"));
  }
  CHECK(!contains(s, "Finansdepartementet||"));
  CHECK(v[0].task.rfind("Kartl\xC3\xA4gga", 0) == 0);
}

TEST_CASE("a report with the annual report has no date") {
  auto s = summary(read(
      "Regeringen ger Trafikverket i uppdrag att identifiera kostnadsreducerande \xC3\xA5tg\xC3\xA4rder.\n\n"
      "Trafikverket ska \xC3\xA5rligen i samband med \xC3\xA5rsredovisningen redovisa vidtagna \xC3\xA5tg\xC3\xA4rder. "
      "En f\xC3\xB6rsta redovisning ska dock l\xC3\xA4mnas till Regeringskansliet senast den 30 juni 2023.\n"));
  CHECK(s.size() == 2);
  CHECK(contains(s, "Trafikverket|2023-06-30|redovisning"));
  CHECK(contains(s, "Trafikverket||redovisning"));
}

TEST_CASE("interim reports every year of a period, then a final one") {
  auto s = summary(
      read("Regeringen uppdrar \xC3\xA5t Socialstyrelsen att st\xC3\xB6"
           "dja genomf\xC3\xB6randet av strategin.\n\n"
           "Varje \xC3\xA5r, under perioden 2022\xE2\x80\x93"
           "2025, delredovisar Socialstyrelsen, senast den 31 mars, "
           "uppdraget till Socialdepartementet.\n\n"
           "Uppdraget slutredovisas av Socialstyrelsen till Socialdepartementet senast den 31 mars 2026.\n"));
  CHECK(s.size() == 5);
  CHECK(contains(s, "Socialstyrelsen|2022-03-31|delredovisning"));
  CHECK(contains(s, "Socialstyrelsen|2025-03-31|delredovisning"));
  CHECK(contains(s, "Socialstyrelsen|2026-03-31|slutredovisning"));
}

TEST_CASE("consulted bodies, recipients, start and repayment dates are not assignments") {
  auto s = summary(read(
      "# Uppdrag att samordna distribution\n\n"
      "Regeringen uppdrar \xC3\xA5t Myndigheten f\xC3\xB6r tillg\xC3\xA4ngliga medier (MTM) att samordna distributionen. "
      "MTM ska samr\xC3\xA5"
      "da med Post- och telestyrelsen.\n\n"
      "Uppdraget ska slutredovisas till Regeringskansliet (N\xC3\xA4ringsdepartementet) senast den 31 december 2016. "
      "Of\xC3\xB6rbrukade medel ska \xC3\xA5terbetalas till Kammarkollegiet senast den 31 mars 2017. "
      "MTM ska ha p\xC3\xA5"
      "b\xC3\xB6rjat arbetet senast den 1 mars 2016.\n"));
  CHECK(s == std::vector<std::string>{"Myndigheten f\xC3\xB6r tillg\xC3\xA4ngliga medier|2016-12-31|slutredovisning"});
}

TEST_CASE("assignees named only in the title, and the full name over the abbreviation") {
  auto s = summary(
      read("Regeringen ger Naturv\xC3\xA5rdsverket i uppdrag att utforma v\xC3\xA4gledning.\n\n"
           "Uppdraget ska slutredovisas senast den 31 december 2026.\n",
           "Uppdrag till Naturv\xC3\xA5rdsverket, Tillv\xC3\xA4xtverket och Livsmedelsverket om v\xC3\xA4gledning"));
  CHECK(s.size() == 3);
  CHECK(contains(s, "Tillv\xC3\xA4xtverket|2026-12-31|slutredovisning"));
  auto m = summary(
      read("Regeringen uppdrar \xC3\xA5t Myndigheten f\xC3\xB6r samh\xC3\xA4llsskydd och beredskap (MSB) att "
           "analysera behoven. MSB ska redovisa uppdraget senast den 14 september 2018.\n",
           "Uppdrag till MSB att redovisa behoven"));
  CHECK(m ==
        std::vector<std::string>{"Myndigheten f\xC3\xB6r samh\xC3\xA4llsskydd och beredskap|2018-09-14|redovisning"});
}

TEST_CASE("dates taken from the reference date and impossible dates") {
  auto s = summary(
      read("Folkh\xC3\xA4lsomyndigheten f\xC3\xA5r i uppdrag att ta fram en plan. En f\xC3\xB6rsta version "
           "ska l\xC3\xA4mnas in senast 31 augusti i \xC3\xA5r.\n",
           "Uppdrag att ta fram en plan", "2020-05-04"));
  CHECK(s == std::vector<std::string>{"Folkh\xC3\xA4lsomyndigheten|2020-08-31|redovisning"});
  auto t = summary(
      read("Regeringen ger Konkurrensverket i uppdrag att utreda priserna. Konkurrensverket ska senast den "
           "31 november 2025 l\xC3\xA4mna en skriftlig slutredovisning.\n"));
  CHECK(t == std::vector<std::string>{"Konkurrensverket|2025-11|slutredovisning"});
}

TEST_CASE("quoted earlier assignments and plans are not returned") {
  CHECK(read("Kommunstyrelsen gav 2019-03-12 \xC2\xA7 45 f\xC3\xB6rvaltningen i uppdrag att utreda fr\xC3\xA5gan.\n")
            .empty());
  CHECK(read("F\xC3\xB6rvaltningen fick i uppdrag att utreda fr\xC3\xA5gan.\n").empty());
  CHECK(read("Kommunstyrelsen har tidigare f\xC3\xA5tt i uppdrag att ta fram en plan.\n").empty());
  CHECK(read("Ans\xC3\xB6kan kommer att beredas inom Regeringskansliet och kommer att skickas p\xC3\xA5 remiss. "
             "Regeringen kommer att ge Boverket i uppdrag att se \xC3\xB6ver reglerna.\n")
            .empty());
}

TEST_CASE("council decisions: assignments, referrals and delegation") {
  auto a = read("Kommunstyrelsen f\xC3\xA5r i uppdrag att ta fram en plan f\xC3\xB6r lokalerna.\n");
  REQUIRE(a.size() == 1);
  CHECK(a[0].assignee == "Kommunstyrelsen");
  CHECK(a[0].due.empty());
  CHECK(a[0].due_kind.empty());

  auto b = summary(
      read("F\xC3\xB6rvaltningen ges i uppdrag att utreda fr\xC3\xA5gan. Uppdraget ska \xC3\xA5terrapporteras "
           "till n\xC3\xA4mnden senast i oktober 2019.\n"));
  CHECK(b == std::vector<std::string>{"F\xC3\xB6rvaltningen|2019-10|redovisning"});

  auto c = read("Motionen \xC3\xB6verl\xC3\xA4mnas till kommunstyrelsen f\xC3\xB6r beredning.\n");
  REQUIRE(c.size() == 1);
  CHECK(c[0].assignee == "kommunstyrelsen");
  CHECK(c[0].type == "remiss f\xC3\xB6r beredning");
  CHECK(c[0].task == "Bereda motionen");

  auto d = read("Kommunstyrelsen beslutar att delegera till kommundirekt\xC3\xB6ren att teckna avtalet.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].assignee == "kommundirekt\xC3\xB6ren");
  CHECK(d[0].type == "delegation");

  auto e = read(
      "Kommunfullm\xC3\xA4ktige beslutar att uppdra \xC3\xA5t kommundirekt\xC3\xB6ren att ta fram riktlinjer.\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].assignee == "kommundirekt\xC3\xB6ren");
  CHECK(e[0].type.empty());
}

TEST_CASE("press releases and bill summaries give nothing") {
  CHECK(read("# Krav p\xC3\xA5 vinterd\xC3\xA4"
             "ck\n\nDe nya reglerna inneb\xC3\xA4r att en A-traktor ska vara f\xC3\xB6rsedd "
             "med vinterd\xC3\xA4"
             "ck. F\xC3\xB6rordningen tr\xC3\xA4"
             "der i kraft den 1 december 2023.\n")
            .empty());
  CHECK(read("Regeringen f\xC3\xB6resl\xC3\xA5r att beh\xC3\xB6riga myndigheter ska ha st\xC3\xA4rkta befogenheter. "
             "Lag\xC3\xA4ndringarna f\xC3\xB6resl\xC3\xA5s tr\xC3\xA4"
             "da i kraft den 1 juli 2020.\n")
            .empty());
}

TEST_CASE("PDF traces: soft hyphens, no-break spaces, page numbers and hard line breaks") {
  auto s = summary(
      read("Regeringen uppdrar \xC3\xA5t Tullverket och Ekobrotts-\nmyndigheten att kartl\xC3\xA4gga arbetet.\n"
           "2 (6) Uppdraget ska redo\xC2\xAD visas till Finans\xC2\xAD"
           "departementet senast\n"
           "15\xC2\xA0november 2023.\n"));
  CHECK(s ==
        std::vector<std::string>{"Tullverket|2023-11-15|redovisning", "Ekobrottsmyndigheten|2023-11-15|redovisning"});
}

TEST_CASE("spans point into the original text") {
  std::string text = "Inledning.\n\nRegeringen ger Boverket i uppdrag att utreda saken.\n";
  auto v = read(text);
  REQUIRE(v.size() == 1);
  CHECK(text.substr(v[0].span.begin, v[0].span.end - v[0].span.begin) ==
        "Regeringen ger Boverket i uppdrag att utreda saken.");
}

TEST_CASE("malformed input never throws and stays fast") {
  CHECK(read("").empty());
  CHECK(findDueDate("") == std::nullopt);
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 131 + 7) % 256));
  CHECK_NOTHROW(read(binary + " i uppdrag att " + binary));
  CHECK_NOTHROW(read("Regeringen ger Boverket i uppdrag att \xC3"));  // truncated UTF-8 at the end
  CHECK_NOTHROW(read("Regeringen ger \xC3 i uppdrag att g\xC3\xB6ra. Senast den 31 \xE2\x80"));
  CHECK_NOTHROW(splitAssigneeList("\xC3"));
  CHECK_NOTHROW(findDueDate("31 \xC3"));

  std::string line;
  line.reserve(10u << 20);
  const std::string chunk =
      "Regeringen ger Boverket i uppdrag att utreda saken och Boverket ska senast den 1 maj 2025 redovisa ";
  while (line.size() < (10u << 20)) line += chunk;
  auto t0 = std::chrono::steady_clock::now();
  auto v = read(line, "Uppdrag till Boverket");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(ms < 3000);
  CHECK(!v.empty());
  CHECK(v.size() < 100);
}

TEST_CASE("a trigger ending in 'att' before a bullet list: the first bullet is the task, dates from a bullet") {
  auto v = read(
      "Regeringen uppdrar \xC3\xA5t Socialstyrelsen att\n\n* kartl\xC3\xA4gga v\xC3\xA4lf\xC3\xA4rdsbrottsligheten,\n"
      "* analysera dess konsekvenser,\n* senast den 30 april 2024 delredovisa och senast den 30 september 2024 "
      "slutredovisa uppdraget till Regeringskansliet.\n",
      "Uppdrag till Socialstyrelsen att kartl\xC3\xA4gga v\xC3\xA4lf\xC3\xA4rdsbrottslighet");
  auto s = summary(v);
  CHECK(contains(s, "Socialstyrelsen|2024-04-30|delredovisning"));
  CHECK(contains(s, "Socialstyrelsen|2024-09-30|slutredovisning"));
  REQUIRE(!v.empty());
  CHECK(v[0].task.starts_with("Kartl\xC3\xA4gga"));
}

TEST_CASE("generic agency names in 'X och Y ska <verb>' on a page whose title names an uppdrag") {
  auto v = read(
      "Myndigheten f\xC3\xB6r digital f\xC3\xB6rvaltning och Lantm\xC3\xA4teriet ska unders\xC3\xB6ka om ny teknik kan anv\xC3\xA4ndas.\n",
      "Uppdrag om att testa ny teknik");
  auto s = summary(v);
  CHECK(contains(s, "Myndigheten f\xC3\xB6r digital f\xC3\xB6rvaltning||"));
  CHECK(contains(s, "Lantm\xC3\xA4teriet||"));
}

TEST_CASE("an extended assignment: the assignee of 'bifaller X:s begäran' gets the new date") {
  auto v = read(
      "Regeringen bifaller Statens jordbruksverks beg\xC3\xA4ran och f\xC3\xB6rl\xC3\xA4nger tiden f\xC3\xB6r redovisning av "
      "uppdraget att utreda gr\xC3\xA4nsdragning till den 1 september 2019.\n",
      "F\xC3\xB6rl\xC3\xA4ngd tid f\xC3\xB6r redovisning av uppdrag att utreda gr\xC3\xA4nsdragning");
  CHECK(contains(summary(v), "Statens jordbruksverk|2019-09-01|redovisning"));
}

TEST_CASE("a grant with a reporting duty") {
  auto v = read(
      "Regeringen beviljar Norra sjukv\xC3\xA5rdsregionf\xC3\xB6rbundet 12 miljoner kronor f\xC3\xB6r projektet.\n\n"
      "Norra sjukv\xC3\xA5rdsregionf\xC3\xB6rbundet ska senast den 31 mars 2024 redovisa hur medlen har anv\xC3\xA4nts.\n",
      "Ans\xC3\xB6kan om bidrag f\xC3\xB6r n\xC3\xA4sta steg i projektet");
  CHECK(contains(summary(v), "Norra sjukv\xC3\xA5rdsregionf\xC3\xB6rbundet|2024-03-31|redovisning"));
}

TEST_CASE("'som fått avslag' after the trigger does not quote the assignment") {
  auto v = read(
      "Regeringen uppdrar \xC3\xA5t Migrationsverket att f\xC3\xB6lja upp personer som f\xC3\xA5tt avslag p\xC3\xA5 sin ans\xC3\xB6kan. "
      "Uppdraget ska redovisas senast den 1 juni 2024.\n");
  CHECK(contains(summary(v), "Migrationsverket|2024-06-01|redovisning"));
}

TEST_CASE("assignment reader: word order and spacing of real decisions") {
  auto names = [](std::string_view text, const char* title = "") {
    beslut::AssignmentReadOptions o;
    o.title = title;
    std::vector<std::string> out;
    for (const auto& a : beslut::readAssignments(text, o)) out.push_back(a.assignee);
    return out;
  };
  // A name glued to its abbreviation's closing parenthesis.
  CHECK(names("Regeringen uppdrar åt Nämnden för statligt stöd till trossamfund (SST)att kartlägga handlingar mot "
              "trossamfund. Uppdraget ska redovisas senast den 15 november 2014.") ==
        std::vector<std::string>{"Nämnden för statligt stöd till trossamfund"});
  // An adverb between the verb and "åt"; no preposition at all; the giver after the verb.
  CHECK(names("Regeringen uppdrar därför åt Tillväxtverket att stödja kommunernas arbete.") ==
        std::vector<std::string>{"Tillväxtverket"});
  CHECK(names("Regeringen uppdrar Myndigheten för digital förvaltning att vara nationell samordnare.") ==
        std::vector<std::string>{"Myndigheten för digital förvaltning"});
  CHECK(names("Nu ger regeringen Vetenskapsrådet i uppdrag att fördela medlen till forskning.") ==
        std::vector<std::string>{"Vetenskapsrådet"});
}

TEST_CASE("assignment reader: a changed assignment keeps its new date, not the one it replaces") {
  beslut::AssignmentReadOptions o;
  o.title = "Ändring av uppdraget med anledning av en reformerad verksamhet";
  auto found = beslut::readAssignments(
      "Regeringen ändrar uppdraget till Arbetsförmedlingen på följande sätt. En lägesbeskrivning ska i stället för "
      "senast den 10 mars 2023 lämnas senast den 24 maj 2023.",
      o);
  REQUIRE(found.size() == 1);
  CHECK(found[0].assignee == "Arbetsförmedlingen");
  CHECK(found[0].due == "2023-05-24");
}

TEST_CASE("assignment reader: the page that extends an assignment names its assignee in the past tense") {
  beslut::AssignmentReadOptions o;
  o.title = "Förlängd tid för uppdraget att förbereda arbetet inför utökad insamling av uppgifter";
  auto found = beslut::readAssignments(
      "Regeringen uppdrog den 29 juni 2023 Socialstyrelsen att förbereda arbetet inför utökad insamling av "
      "uppgifter. Nu förlänger regeringen uppdragstiden. Uppdraget ska i stället redovisas senast den 31 december 2024.",
      o);
  REQUIRE(found.size() == 1);
  CHECK(found[0].assignee == "Socialstyrelsen");
  CHECK(found[0].due == "2024-12-31");
  // The same words on a page that does not change the assignment only quote it.
  o.title = "Nyheter från Socialdepartementet";
  CHECK(
      beslut::readAssignments("Regeringen uppdrog den 29 juni 2023 Socialstyrelsen att förbereda arbetet.", o).empty());
}

TEST_CASE("assignment reader: long texts with a new name or abbreviation in every sentence stay linear") {
  // Regression: each candidate name and abbreviation was looked for in the whole text (quadratic).
  std::string names = "# Uppdrag till Boverket att göra saker\n\n";
  std::string abbreviations = names;
  for (int i = 0; names.size() < 4 * 1024 * 1024; ++i) {
    names += "Regeringen uppdrar åt Myndighet" + std::to_string(i) +
             " att göra sak. Uppdraget ska redovisas senast den "
             "1 mars 2026. ";
    std::string abbr = "MY";
    for (int k = 0, v = i; k < 3; ++k, v /= 26) abbr += static_cast<char>('A' + v % 26);
    abbreviations += "Regeringen uppdrar åt " + abbr + " att göra sak. " + abbr +
                     " ska redovisa senast den 1 mars 2026. ";
  }
  for (const std::string* text : {&names, &abbreviations}) {
    auto t0 = std::chrono::steady_clock::now();
    (void)beslut::readAssignments(*text);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 20.0);
  }
}

TEST_CASE("assignments are put in their sections by position, fast with many of both") {
  // Regression (review): each assignment was compared with every section.
  std::string text =
      "# Uppdrag till Socialstyrelsen att följa upp\n\nRegeringen ger Socialstyrelsen i uppdrag att följa upp.\n";
  for (int d = 0; d < 300; ++d)
    text += "Uppdraget ska redovisas senast den " + std::to_string(d % 28 + 1) + " " + (d % 2 ? "mars " : "maj ") +
            std::to_string(2030 + d / 56) + ".\n";
  while (text.size() < 4 * 1024 * 1024) text += "## a\n\nb\n\n";
  auto doc = beslut::readTitledSections(text);
  REQUIRE(doc.ok());
  auto t0 = std::chrono::steady_clock::now();
  std::size_t n = beslut::addAssignmentsToItems(doc.value());
  CHECK(n >= 1);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 20.0);
  std::size_t placed = 0;
  for (const auto& item : doc.value().items) placed += item.assignments.size();
  CHECK(placed == n);
}

TEST_CASE("decision titles: one classification for the reader and the decision plugin") {
  using beslut::DecisionTitle;
  CHECK(beslut::classifyDecisionTitle("Uppdrag till Socialstyrelsen att kartlägga") == DecisionTitle::kAssignment);
  CHECK(beslut::classifyDecisionTitle("Förlängd tid för uppdraget att förebygga hudcancer") ==
        DecisionTitle::kAmendment);
  CHECK(beslut::classifyDecisionTitle("Framställning om förlängd tid för redovisning") == DecisionTitle::kAmendment);
  CHECK(beslut::classifyDecisionTitle("Utbetalning av medel till regionerna") == DecisionTitle::kGrant);
  CHECK(beslut::classifyDecisionTitle("Bemyndigande att förhandla om vaccin") == DecisionTitle::kGrant);
  CHECK(beslut::classifyDecisionTitle("Nya regler för bostadsbidrag") == DecisionTitle::kNone);
}
