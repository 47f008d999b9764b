// The "rus" linker on the seeds: the three checks, precision/recall
// against tests/data/rus_labels.tsv, and malformed input.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "action_plan_plugin.h"
#include "annual_report_plugin.h"
#include "beslut/taxonomy.h"
#include "beslut/text.h"
#include "minutes_plugin.h"
#include "plugin_test_util.h"
#include "reply_plugin.h"
#include "rus_linker_plugin.h"

using namespace beslut;
using namespace beslut::plugins;
using namespace beslut::test;

namespace {

const char* kRus = "rus-orebro-2030";

const Taxonomy& taxonomy() {
  static const Taxonomy tax = [] {
    Result<Taxonomy> t = loadTaxonomyFolder(std::string(BESLUT_SOURCE_DIR) + "/content/taxonomy");
    REQUIRE_MESSAGE(t.ok(), t.status().toString());
    return t.value();
  }();
  return tax;
}

Document parseSeed(const std::string& seed) {
  std::string text = readSample(seed);
  Result<Document> d = Status::internal("no plugin");
  if (seed == kMinutesSeed) d = MinutesPlugin().parse(text);
  if (seed == kReplySeed) d = ReplyPlugin().parse(text);
  if (seed == kActionPlanSeed) d = ActionPlanPlugin().parse(text);
  if (seed == kAnnualReportSeed) d = AnnualReportPlugin().parse(text);
  REQUIRE_MESSAGE(d.ok(), seed << ": " << d.status().toString());
  return d.value();
}

// Links of one object in one scheme, best first.
std::vector<Link> linksOf(const std::vector<Link>& links, const std::string& type, std::size_t item,
                          const std::string& scheme = kRus) {
  std::vector<Link> out;
  for (const Link& l : links) {
    if (l.object_type == type && l.scheme == scheme && (type == "document" || l.item_index == item)) out.push_back(l);
  }
  std::stable_sort(out.begin(), out.end(), [](const Link& a, const Link& b) { return a.score > b.score; });
  return out;
}

std::string codes(const std::vector<Link>& links) {
  std::string s;
  for (const Link& l : links) s += (s.empty() ? "" : " ") + l.code + "(" + std::to_string(l.score).substr(0, 4) + ")";
  return s.empty() ? "-" : s;
}

std::size_t itemByTitle(const Document& d, const std::string& needle) {
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (toLowerSwedish(d.items[i].title).find(toLowerSwedish(needle)) != std::string::npos) return i;
  }
  FAIL("no item titled like " << needle);
  return 0;
}

}  // namespace

TEST_CASE("dump (BESLUT_RUS_DUMP=1)") {
  if (!std::getenv("BESLUT_RUS_DUMP")) return;
  bool withLinks = std::string(std::getenv("BESLUT_RUS_DUMP")) == "2";
  RusLinkerPlugin linker;
  for (const char* seed : {kMinutesSeed, kReplySeed, kActionPlanSeed, kAnnualReportSeed}) {
    Document d = parseSeed(seed);
    std::vector<Link> links = linker.link(d, taxonomy());
    std::printf("=== %s (%zu items)\n", seed, d.items.size());
    if (withLinks) std::printf("document: %s\n", codes(linksOf(links, "document", 0)).c_str());
    for (std::size_t i = 0; i < d.items.size(); ++i) {
      const Item& it = d.items[i];
      std::printf("[%zu] %s | %s | kind=%s | %zu bytes | dec=%zu asg=%zu\n", i, it.number.c_str(),
                  oneLine(it.title).c_str(), it.kind.c_str(), it.text.size(), it.decisions.size(),
                  it.assignments.size());
      if (withLinks) {
        std::printf("     -> %s\n", codes(linksOf(links, "item", i)).c_str());
        for (const Link& l : links) {
          if (l.item_index == i && (l.object_type == "decision" || l.object_type == "assignment")) {
            std::printf("     %s %zu: %s %.2f %s\n", l.object_type.c_str(), l.index, l.code.c_str(), l.score,
                        l.explanation.c_str());
          }
        }
      } else {
        std::printf("     %s\n", truncateText(oneLine(it.text), 600).c_str());
      }
    }
  }
}

TEST_CASE("dump one item (BESLUT_RUS_ITEM=seed:index)") {
  const char* e = std::getenv("BESLUT_RUS_ITEM");
  if (!e) return;
  std::string spec = e;
  std::string seed = spec.substr(0, spec.find(':'));
  for (const char* s : {kMinutesSeed, kReplySeed, kActionPlanSeed, kAnnualReportSeed}) {
    if (std::string(s).find(seed) != 0) continue;
    Document d = parseSeed(s);
    std::size_t i = std::stoul(spec.substr(spec.find(':') + 1));
    if (i < d.items.size()) std::printf("%s\n%s\n", d.items[i].title.c_str(), oneLine(d.items[i].text).c_str());
  }
}

TEST_CASE("taxonomy: the content folder loads both schemes") {
  std::set<std::string> schemes;
  std::size_t areas = 0;
  for (const TaxonomyNode& n : taxonomy().nodes) {
    schemes.insert(n.scheme);
    if (n.scheme == kRus && n.kind == "area") ++areas;
  }
  CHECK(schemes.count(kRus) == 1);
  CHECK(schemes.count("rtn-fokusomraden-2024") == 1);
  CHECK(areas == 10);
}

TEST_CASE("the issue's checks on the seeds") {
  RusLinkerPlugin linker;

  SUBCASE("the action plan links to 5.4 first") {
    Document d = parseSeed(kActionPlanSeed);
    std::vector<Link> links = linker.link(d, taxonomy());
    std::vector<Link> doc = linksOf(links, "document", 0);
    MESSAGE("action plan: " << codes(doc));
    REQUIRE(!doc.empty());
    CHECK(doc.front().code == "5.4");
    CHECK(doc.front().explanation.find("kompetensförsörjning") != std::string::npos);
  }

  SUBCASE("the minutes' Komtek and Yrkesmässa items link to education/skills areas first") {
    Document d = parseSeed(kMinutesSeed);
    std::vector<Link> links = linker.link(d, taxonomy());
    for (const char* title : {"Komtek", "Yrkesmässa"}) {
      std::vector<Link> item = linksOf(links, "item", itemByTitle(d, title));
      MESSAGE(std::string(title) << ": " << codes(item) << (item.empty() ? "" : " — " + item.front().explanation));
      REQUIRE(!item.empty());
      CHECK((item.front().code == "5.3" || item.front().code == "5.4"));
    }
  }

  SUBCASE("the reply on varsel links to business and skills areas") {
    Document d = parseSeed(kReplySeed);
    std::vector<Link> links = linker.link(d, taxonomy());
    std::vector<Link> doc = linksOf(links, "document", 0);
    MESSAGE("reply: " << codes(doc));
    std::set<std::string> top;
    for (std::size_t i = 0; i < doc.size() && i < 3; ++i) top.insert(doc[i].code);
    CHECK(top.count("5.1") == 1);
    CHECK(top.count("5.4") == 1);
  }
}

TEST_CASE("links are well formed") {
  RusLinkerPlugin linker;
  for (const char* seed : {kMinutesSeed, kReplySeed, kActionPlanSeed, kAnnualReportSeed}) {
    Document d = parseSeed(seed);
    std::vector<Link> links = linker.link(d, taxonomy());
    CHECK(!links.empty());
    for (const Link& l : links) {
      CHECK(l.score >= 0.4);
      CHECK(l.score <= 1.0);
      CHECK(l.origin == "rus");
      CHECK(!l.explanation.empty());
      CHECK(isValidUtf8(l.explanation));
      CHECK(l.explanation.size() < 1200);
      if (l.object_type != "document") REQUIRE(l.item_index < d.items.size());
      if (l.object_type == "decision") CHECK(l.index < d.items[l.item_index].decisions.size());
      if (l.object_type == "assignment") CHECK(l.index < d.items[l.item_index].assignments.size());
    }
    // Best first within each object and scheme.
    for (std::size_t i = 1; i < links.size(); ++i) {
      const Link& a = links[i - 1];
      const Link& b = links[i];
      if (a.object_type == b.object_type && a.item_index == b.item_index && a.index == b.index) {
        CHECK(a.score >= b.score);
      }
    }
  }
}

namespace {

struct LabelRow {
  std::string source, item;
  std::set<std::string> codes;
};

std::vector<LabelRow> readLabels() {
  std::ifstream in(std::string(BESLUT_TEST_DATA) + "/rus_labels.tsv");
  REQUIRE(in.good());
  std::vector<LabelRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    REQUIRE_MESSAGE(cols.size() >= 3, line);
    LabelRow r{cols[0], cols[1], {}};
    if (cols[2] != "-") {
      std::stringstream cs(cols[2]);
      std::string c;
      while (std::getline(cs, c, ',')) r.codes.insert(trim(c));
    }
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

TEST_CASE("precision and recall against tests/data/rus_labels.tsv") {
  RusLinkerOptions options;
  if (const char* v = std::getenv("BESLUT_RUS_K")) options.k = std::atof(v);
  if (const char* v = std::getenv("BESLUT_RUS_THRESHOLD")) options.threshold = std::atof(v);
  if (const char* v = std::getenv("BESLUT_RUS_RELATIVE")) options.relative = std::atof(v);
  RusLinkerPlugin linker(options);
  std::vector<LabelRow> rows = readLabels();
  std::map<std::string, Document> docs;
  std::map<std::string, std::vector<Link>> links;
  std::size_t tp = 0, fp = 0, fn = 0, exact = 0;
  std::map<std::string, std::array<std::size_t, 3>> perArea;  // tp, fp, fn
  for (const LabelRow& r : rows) {
    std::set<std::string> predicted;
    std::map<std::string, std::string> why;
    if (r.source == "sentence") {
      Document d;
      Item it;
      it.number = "1";
      it.text = r.item;
      d.items.push_back(it);
      for (const Link& l : linksOf(linker.link(d, taxonomy()), "item", 0)) {
        predicted.insert(l.code);
        why[l.code] = std::to_string(l.score).substr(0, 4) + " " + l.explanation;
      }
    } else {
      if (!docs.count(r.source)) {
        docs[r.source] = parseSeed(r.source);
        links[r.source] = linker.link(docs[r.source], taxonomy());
      }
      const Document& d = docs[r.source];
      std::size_t found = d.items.size(), matches = 0;
      for (std::size_t i = 0; i < d.items.size(); ++i) {
        if (d.items[i].number == r.item) {
          found = i;
          ++matches;
        }
      }
      REQUIRE_MESSAGE(matches == 1, r.source << " item " << r.item << " matches " << matches << " items");
      for (const Link& l : linksOf(links[r.source], "item", found)) {
        predicted.insert(l.code);
        why[l.code] = std::to_string(l.score).substr(0, 4) + " " + l.explanation;
      }
    }
    std::string shown;
    for (const std::string& c : predicted) {
      if (r.codes.count(c)) {
        ++tp;
        ++perArea[c][0];
      } else {
        ++fp;
        ++perArea[c][1];
        shown += " +" + c;
        if (std::getenv("BESLUT_RUS_VERBOSE")) shown += " [" + why[c].substr(0, 200) + "]";
      }
    }
    for (const std::string& c : r.codes) {
      if (!predicted.count(c)) {
        ++fn;
        ++perArea[c][2];
        shown += " -" + c;
      }
    }
    if (shown.empty()) ++exact;
    if (!shown.empty() && std::getenv("BESLUT_RUS_VERBOSE")) {
      std::printf("  %s %s:%s\n", r.source.substr(0, 12).c_str(), r.item.substr(0, 50).c_str(), shown.c_str());
    }
  }
  double p = tp + fp ? double(tp) / double(tp + fp) : 0.0;
  double rc = tp + fn ? double(tp) / double(tp + fn) : 0.0;
  double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0;
  std::printf("rus linker vs tests/data/rus_labels.tsv: %zu objects, %zu exactly right; item x area micro "
              "precision %.3f recall %.3f F1 %.3f (tp %zu fp %zu fn %zu)\n",
              rows.size(), exact, p, rc, f1, tp, fp, fn);
  for (const auto& [code, c] : perArea) {
    std::printf("  %-5s tp %2zu fp %2zu fn %2zu\n", code.c_str(), c[0], c[1], c[2]);
  }
  // Reached when this was written: precision 0.744, recall 0.829, F1 0.784 (untuned first run:
  // 0.650 / 0.848 / 0.736). The floors leave a little room for vocabulary edits.
  CHECK(p >= 0.70);
  CHECK(rc >= 0.78);
  CHECK(f1 >= 0.75);
}

TEST_CASE("malformed input") {
  RusLinkerPlugin linker;
  SUBCASE("empty document and empty taxonomy") {
    CHECK(linker.link(Document{}, taxonomy()).empty());
    CHECK(linker.link(parseSeed(kReplySeed), Taxonomy{}).empty());
    Document d;
    d.items.resize(3);
    CHECK(linker.link(d, taxonomy()).empty());
  }
  SUBCASE("binary garbage") {
    Document d;
    d.text = binaryGarbage();
    Item it;
    it.title = binaryGarbage(300);
    it.text = binaryGarbage();
    Decision dec;
    dec.text = binaryGarbage(5000);
    it.decisions.push_back(dec);
    Assignment as;
    as.task = binaryGarbage(5000);
    it.assignments.push_back(as);
    d.items.push_back(it);
    for (const Link& l : linker.link(d, taxonomy())) CHECK(isValidUtf8(l.explanation));
  }
  SUBCASE("a huge single-line item, in bounded time") {
    Document d;
    Item it;
    it.text = hugeSingleLine() + " kompetensförsörjning och matchning på arbetsmarknaden";
    d.items.push_back(it);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Link> links = linker.link(d, taxonomy());
    double secs = secondsSince(t0);
    MESSAGE("10 MB item linked in " << secs << " s");
    CHECK(secs < 10.0);
  }
  SUBCASE("a word that is all vocabulary, repeated") {
    Document d;
    Item it;
    for (int i = 0; i < 200000; ++i) it.text += "kompetensförsörjningsarbetsmarknadsutbildning ";
    d.items.push_back(it);
    std::vector<Link> links = linker.link(d, taxonomy());
    CHECK(!links.empty());
    for (const Link& l : links) CHECK(l.score <= 1.0);
  }
  SUBCASE("a taxonomy of odd nodes") {
    Taxonomy t;
    t.nodes.push_back(TaxonomyNode{"x", "1", "area", "", "", "", {"", "a", "*", "**", "é"}});
    t.nodes.push_back(TaxonomyNode{"x", "2", "area", "Ärende", "", "", {}});
    std::vector<Link> links = linker.link(parseSeed(kMinutesSeed), t);
    for (const Link& l : links) CHECK(l.scheme == "x");
  }
}
