// Compares what the document plugins extract with the gold files, field by
// field, and prints precision, recall and F1 per field (see the ctest log).
//
// Gold files: tests/data/gold/*.json (the seeds, as annotated in shared/gold),
// tests/data/minutes/*.json (hand-written minutes of other councils, see
// tests/data/minutes/README.md) and tests/data/replies/*.json (hand-written
// replies to a motion, an interpellation and a ledamotsinitiativ, see
// tests/data/replies/README.md). Each names its source text in "source_file";
// the text is looked up next to the gold file, then in content/samples/.
//
// Scoring rules: bench/gold_compare.h.
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "action_plan_plugin.h"
#include "agenda_plugin.h"
#include "decision_plugin.h"
#include "annual_report_plugin.h"
#include "beslut/extraction_json.h"
#include "gold_compare.h"
#include "generic_plugin.h"
#include "minutes_plugin.h"
#include "pdf_plugin.h"
#include "plugin_test_util.h"
#include "reply_plugin.h"

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;
namespace fs = std::filesystem;

namespace {

using beslut::gold::Counts;
using beslut::gold::Table;

std::string field(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return {};
  return o->get(key).convert<std::string>();
}

std::vector<std::unique_ptr<beslut::DocumentPlugin>> plugins() {
  std::vector<std::unique_ptr<beslut::DocumentPlugin>> ps;
  ps.push_back(std::make_unique<beslut::plugins::MinutesPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::ReplyPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::ActionPlanPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::AnnualReportPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::GenericPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::AgendaPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::DecisionPlugin>());
  return ps;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> goldFiles() {
  std::vector<fs::path> files;
  for (const char* dir : {"gold", "minutes", "replies"}) {
    fs::path d = fs::path(BESLUT_TEST_DATA) / dir;
    if (!fs::exists(d)) continue;
    for (const auto& e : fs::directory_iterator(d))
      if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("gold: extraction matches the gold files field by field") {
  Table table;
  auto ps = plugins();
  auto files = goldFiles();
  REQUIRE(files.size() >= 2);
  for (const fs::path& file : files) {
    CAPTURE(file.string());
    Object::Ptr gold = Poco::JSON::Parser().parse(readFile(file)).extract<Object::Ptr>();
    fs::path source = fs::path(field(gold, "source_file")).filename();
    fs::path text = file.parent_path() / source;
    if (!fs::exists(text)) text = fs::path(BESLUT_SOURCE_DIR) / "content" / "samples" / source;
    REQUIRE(fs::exists(text));
    std::string input = readFile(text);

    const beslut::DocumentPlugin* best = nullptr;
    double bestScore = -1;
    for (const auto& p : ps) {
      double s = p->score(input);
      if (s > bestScore) bestScore = s, best = p.get();
    }
    REQUIRE(best);
    auto parsed = best->parse(input);
    REQUIRE(parsed.ok());
    Object::Ptr got = beslut::extractionToJson(parsed.value());
    beslut::gold::compareDocument(table, gold, got, source.string());
  }

  table.print(stdout, "Gold comparison over " + std::to_string(files.size()) + " files", true);
  std::fflush(stdout);
  for (const auto& f : table.order) {
    const Counts& c = table.rows[f];
    if (!c.stated()) continue;
    CAPTURE(f);
    CHECK(c.f1() >= 0.95);
  }
}

// The shared development set of other councils' minutes (../shared/dev-minutes):
// a floor under today's figures, so that a change that reads them worse fails.
// bench/extract prints the same table with the plugins loaded at run time.
TEST_CASE("gold: dev-minutes of 29 councils do not read worse") {
  fs::path dir = fs::path(BESLUT_SHARED_DIR) / "dev-minutes";
  REQUIRE(fs::exists(dir / "gold"));
  Table table;
  auto ps = plugins();
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir / "gold")) {
    if (e.path().extension() != ".json") continue;
    Object::Ptr gold = Poco::JSON::Parser().parse(readFile(e.path())).extract<Object::Ptr>();
    std::string input = readFile(dir / field(gold, "source_file"));
    REQUIRE(!input.empty());
    const beslut::DocumentPlugin* best = nullptr;
    double bestScore = -1;
    for (const auto& p : ps)
      if (double s = p->score(input); s > bestScore) bestScore = s, best = p.get();
    auto parsed = best->parse(input);
    REQUIRE(parsed.ok());
    beslut::gold::compareDocument(table, gold, beslut::extractionToJson(parsed.value()), e.path().stem().string());
    ++files;
  }
  table.print(stdout, "Dev minutes over " + std::to_string(files) + " files", false);
  CHECK(files >= 19);
  CHECK(table.rows["kind"].f1() == doctest::Approx(1.0));
  CHECK(table.macroF1() >= 0.72);
  for (const char* f : {"date", "chair", "adjusted_date", "attendees.party", "adjusters", "place", "secretary", "time",
                        "attendees.role", "items.title"}) {
    CAPTURE(f);
    CHECK(table.rows[f].f1() >= 0.8);
  }
}

// The real PDFs of ../shared/dev-pdf: what kind of document each is read as,
// after the pdf extractor (bills, regulations and directives quote government
// minutes but are not minutes; a scan without text gets a clear message).
TEST_CASE("gold: dev-pdf documents are read as their kind") {
  fs::path dir = fs::path(BESLUT_SHARED_DIR) / "dev-pdf";
  REQUIRE(fs::exists(dir));
  beslut::plugins::PdfPlugin pdf;
  auto ps = plugins();
  auto kindOf = [&](const std::string& file) -> std::string {
    std::string bytes = readFile(dir / file);
    auto text = pdf.extract({bytes, file, "application/pdf"});
    if (!text.ok()) return "error: " + text.status().message();
    const beslut::DocumentPlugin* best = nullptr;
    double bestScore = -1;
    for (const auto& p : ps)
      if (double s = p->score(text.value().text); s > bestScore) bestScore = s, best = p.get();
    auto parsed = best->parse(text.value().text);
    if (!parsed.ok()) return "error: " + parsed.status().message();
    return beslut::documentKindName(parsed.value().kind);
  };
  CHECK(kindOf("riksbank-protokoll-2016-01-04.pdf") == "minutes");
  CHECK(kindOf("riksbank-protokoll-2024-11-06.pdf") == "minutes");
  for (const char* notMinutes : {"prop-2012-13-187.pdf", "prop-1999-2000-17-custom-encoding.pdf", "afs-2011-19.pdf",
                                 "nfs-2007-10.pdf", "dir-2016-15.pdf", "arn-2013-07406.pdf",
                                 "remissvar-kammarkollegiet-2026.pdf", "statskalender-1945-riksdagen.pdf"}) {
    CAPTURE(notMinutes);
    CHECK(kindOf(notMinutes) != "minutes");
  }
  CHECK(kindOf("prop-1991-92-43-scanned.pdf") == "error: PDF-filen innehåller ingen text (skannad bild?).");
}
