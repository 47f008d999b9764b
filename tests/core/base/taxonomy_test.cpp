// Taxonomy files: parsing, validation and folder loading (core/src/base/taxonomy.cpp).
#include <doctest/doctest.h>

#include <string>

#include "beslut/taxonomy.h"
#include "test_util.h"

using namespace beslut;
using beslut::testing::TempDir;
using beslut::testing::writeFile;

namespace {

const char* kSmall = R"({"scheme": "s", "title": "T", "source": "x",
  "nodes": [
    {"code": "V", "kind": "vision", "title": "Vision"},
    {"code": "5.4", "kind": "area", "title": "Kompetensförsörjning och matchning", "parent_code": "V",
     "description": "d", "vocabulary": ["Kompetensförsörj", "  matchning  ", "", "KOMPETENSFÖRSÖRJ", "*Utbildning"]}
  ]})";

}  // namespace

TEST_CASE("taxonomy: a small file") {
  Result<Taxonomy> t = parseTaxonomyJson(kSmall);
  REQUIRE_MESSAGE(t.ok(), t.status().toString());
  REQUIRE(t->nodes.size() == 2);
  const TaxonomyNode& a = t->nodes[1];
  CHECK(a.scheme == "s");
  CHECK(a.code == "5.4");
  CHECK(a.kind == "area");
  CHECK(a.parent_code == "V");
  CHECK(a.description == "d");
  // Lower-cased, trimmed, blanks and duplicates dropped, order kept.
  CHECK(a.vocabulary == std::vector<std::string>{"kompetensförsörj", "matchning", "*utbildning"});
  CHECK(t->nodes[0].parent_code.empty());
  CHECK(t->nodes[0].vocabulary.empty());
}

TEST_CASE("taxonomy: malformed files are refused with a clear message") {
  auto refused = [](const std::string& json, const std::string& words) {
    Result<Taxonomy> t = parseTaxonomyJson(json, "f.json");
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().code() == StatusCode::kInvalidArgument);
    CHECK_MESSAGE(t.status().message().find(words) != std::string::npos, t.status().message());
    CHECK(t.status().message().find("f.json") == 0);
  };
  refused("", "empty");
  refused("{", "malformed JSON");
  refused("[1, 2]", "one JSON object");
  refused(std::string("{\"scheme\": \"s\xff\"}"), "UTF-8");
  refused(R"({"nodes": []})", "scheme");
  refused(R"({"scheme": 5, "nodes": []})", "scheme");
  refused(R"({"scheme": "s"})", "nodes");
  refused(R"({"scheme": "s", "nodes": {}})", "nodes");
  refused(R"({"scheme": "s", "nodes": [5]})", "not an object");
  refused(R"({"scheme": "s", "nodes": [{"kind": "area"}]})", "code");
  refused(R"({"scheme": "s", "nodes": [{"code": "1"}]})", "kind");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "area", "vocabulary": "x"}]})", "vocabulary");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "area", "vocabulary": [1]}]})", "vocabulary");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "area", "title": 3}]})", "title");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "area"}, {"code": "1", "kind": "goal"}]})",
          "duplicate code \"1\"");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "area", "parent_code": "9"}]})",
          "unknown parent_code \"9\"");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "a", "parent_code": "2"},
                                     {"code": "2", "kind": "a", "parent_code": "1"}]})",
          "cycle");
  refused(R"({"scheme": "s", "nodes": [{"code": "1", "kind": "a", "parent_code": "1"}]})", "cycle");
}

TEST_CASE("taxonomy: files and folders") {
  TempDir dir;
  SUBCASE("missing file and folder") {
    CHECK(loadTaxonomyFile(dir.file("none.json")).status().code() == StatusCode::kNotFound);
    CHECK(loadTaxonomyFolder(dir.file("none")).status().code() == StatusCode::kNotFound);
  }
  SUBCASE("an empty folder is an empty taxonomy") {
    Result<Taxonomy> t = loadTaxonomyFolder(dir.path());
    REQUIRE(t.ok());
    CHECK(t->nodes.empty());
  }
  SUBCASE("every *.json, sorted by name, merged; other and hidden files skipped") {
    writeFile(dir.file("b.json"), R"({"scheme": "b", "nodes": [{"code": "1", "kind": "area"}]})");
    writeFile(dir.file("a.json"), R"({"scheme": "a", "nodes": [{"code": "1", "kind": "area"}]})");
    writeFile(dir.file("README.md"), "not json");
    writeFile(dir.file(".hidden.json"), "{");
    Result<Taxonomy> t = loadTaxonomyFolder(dir.path());
    REQUIRE_MESSAGE(t.ok(), t.status().toString());
    REQUIRE(t->nodes.size() == 2);
    CHECK(t->nodes[0].scheme == "a");
    CHECK(t->nodes[1].scheme == "b");
  }
  SUBCASE("a bad file fails the folder, naming the file") {
    writeFile(dir.file("a.json"), R"({"scheme": "a", "nodes": [{"code": "1", "kind": "area"}]})");
    writeFile(dir.file("b.json"), R"({"scheme": "b", "nodes": [{"code": "1", "kind": "area", "parent_code": "x"}]})");
    Result<Taxonomy> t = loadTaxonomyFolder(dir.path());
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message().find("b.json") != std::string::npos);
  }
  SUBCASE("the same scheme in two files is refused") {
    writeFile(dir.file("a.json"), R"({"scheme": "s", "nodes": [{"code": "1", "kind": "area"}]})");
    writeFile(dir.file("b.json"), R"({"scheme": "s", "nodes": [{"code": "2", "kind": "area"}]})");
    Result<Taxonomy> t = loadTaxonomyFolder(dir.path());
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message().find("already loaded") != std::string::npos);
  }
  SUBCASE("an oversized file") {
    writeFile(dir.file("big.json"), std::string(kMaxTaxonomyFileBytes + 1, ' '));
    CHECK(loadTaxonomyFile(dir.file("big.json")).status().code() == StatusCode::kTooLarge);
  }
}

TEST_CASE("taxonomy: the shipped content") {
  Result<Taxonomy> t = loadTaxonomyFolder(std::string(BESLUT_SOURCE_DIR) + "/content/taxonomy");
  REQUIRE_MESSAGE(t.ok(), t.status().toString());
  std::size_t areas = 0, goals = 0, effects = 0, focus = 0;
  for (const TaxonomyNode& n : t->nodes) {
    if (n.scheme == "rus-orebro-2030") {
      areas += n.kind == "area";
      goals += n.kind == "goal";
      effects += n.kind == "effect_goal";
      if (n.kind == "area") {
        CHECK(!n.description.empty());
        CHECK(n.vocabulary.size() >= 10);
      }
    }
    focus += n.scheme == "rtn-fokusomraden-2024" && n.kind == "focus_area";
  }
  CHECK(areas == 10);
  CHECK(goals == 3);
  CHECK(effects == 18);
  CHECK(focus == 4);
}
