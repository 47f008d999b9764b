// Relevance: Swedish queries over the sample content whose right passage must
// rank in the top k (tests/data/relevance.tsv). Prints every query's rank.
#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "runtime.h"
#include "test_util.h"

using namespace beslut;
using namespace beslut::server;
using beslut::testing::TempDir;

namespace {

struct Case {
  std::string query, file, expect;
  std::size_t top = 1;
};

std::vector<Case> loadCases() {
  std::ifstream in(std::string(BESLUT_TEST_DATA) + "/relevance.tsv");
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case c;
    std::string top;
    std::getline(fields, c.query, '\t');
    std::getline(fields, c.file, '\t');
    std::getline(fields, c.expect, '\t');
    std::getline(fields, top, '\t');
    c.top = std::stoul(top);
    cases.push_back(c);
  }
  return cases;
}

}  // namespace

TEST_CASE("Swedish queries find the right passages of the sample content") {
  TempDir dir;
  Settings s;
  s.data_dir = dir.path();
  s.plugin_dir = BESLUT_PLUGIN_DIR;
  s.content_dir = std::string(BESLUT_SOURCE_DIR) + "/content";
  s.dictionary = kSwedishHunspellDictionary;
  auto rt = Runtime::open(s, IndexMode::kWritable);
  REQUIRE_MESSAGE(rt.ok(), rt.status().toString());
  Runtime& runtime = *rt.value();
  std::map<Id, std::string> files;
  for (const char* f :
       {"protokoll-ssr-skola-utbildning-2018-09-28.txt", "svar-ledamotsinitiativ-varsel.txt",
        "handlingsplan-kompetensforsorjning.txt", "verksamhetsberattelse-regional-tillvaxtnamnd-2024.txt"}) {
    std::string bytes = beslut::testing::readFile(beslut::testing::samplePath(f));
    auto report = runtime.ingest().importFile({bytes, f, "text/plain"});
    REQUIRE_MESSAGE(report.ok(), report.status().toString());
    files[report->id] = f;
  }
  REQUIRE(runtime.index()->catchUp(runtime.store()).ok());

  auto cases = loadCases();
  REQUIRE(cases.size() >= 15);
  std::size_t passed = 0;
  for (const auto& c : cases) {
    auto r = runtime.index()->search(runtime.store(), {c.query, 20, 0});
    REQUIRE_MESSAGE(r.ok(), c.query, ": ", r.status().toString());
    std::size_t rank = 0;
    for (std::size_t i = 0; i < r->hits.size() && rank == 0; ++i) {
      const auto& h = r->hits[i];
      if (files[h.passage.document.id] == c.file &&
          (h.passage.item.title + "\n" + h.passage.item.text).find(c.expect) != std::string::npos) {
        rank = i + 1;
      }
    }
    std::cout << (rank != 0 && rank <= c.top ? "ok   " : "MISS ") << "rank "
              << (rank == 0 ? std::string("-") : std::to_string(rank)) << " (top " << c.top << ", " << r->total
              << " hits)  " << c.query << "\n";
    CHECK_MESSAGE(rank != 0, c.query, ": expected passage not in the top 20");
    CHECK_MESSAGE(rank <= c.top, c.query, ": rank ", rank, " > ", c.top);
    if (rank != 0 && rank <= c.top) ++passed;
  }
  std::cout << passed << " of " << cases.size() << " relevance queries ranked their passage in the top k\n";
}
