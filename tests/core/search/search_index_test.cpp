#include <doctest/doctest.h>

#include "beslut/search_index.h"
#include "beslut/sha256.h"
#include "fixtures.h"
#include "test_util.h"

using namespace beslut;
using beslut::testing::TempDir;

namespace {

Document makeDocument(const std::string& title, std::vector<std::pair<std::string, std::string>> items) {
  beslut::testing::DocumentBuilder b;
  b.title(title).organization("Regional tillväxtnämnd").date("2019-03-01");
  int n = 0;
  for (auto& [t, text] : items) b.item(std::to_string(++n), t, text);
  return b.build();
}

Id add(Store& store, const Document& d) {
  auto r = store.importDocument(d, d.text);
  REQUIRE(r.ok());
  return r->id;
}

std::vector<std::string> itemTitles(const SearchResults& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.passage.item.title);
  return out;
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<Store> store;
  Fixture() {
    auto s = openSqliteStore({dir.file("beslut.db")});
    REQUIRE(s.ok());
    store = std::move(s).value();
    add(*store, makeDocument("Protokoll 2019-03-01",
                             {{"Besök från Komtek", "Komtek jobbar med att öka intresset för teknikutbildningar."},
                              {"Yrkesmässa", "Alla kommuner i länet deltar i Yrkesmässan på Conventum."},
                              {"Markup", "Texten innehåller <script>alert('x')</script> och Komtek."}}));
  }
};

}  // namespace

TEST_CASE("the index catches up with the change log and finds passages") {
  Fixture f;
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  auto applied = index.value()->catchUp(*f.store);
  REQUIRE(applied.ok());
  CHECK(applied.value() == 1);
  CHECK(index.value()->lastApplied() == f.store->lastSequence().value());
  CHECK(index.value()->passageCount() == 3);

  auto r = index.value()->search(*f.store, {"teknikutbildningar"});
  REQUIRE(r.ok());
  REQUIRE(r->total == 1);
  CHECK(r->hits[0].passage.item.title == "Besök från Komtek");
  CHECK(r->hits[0].passage.document.organization == "Regional tillväxtnämnd");
  CHECK(r->hits[0].snippet.find("<mark>teknikutbildningar</mark>") != std::string::npos);
}

TEST_CASE("Swedish stemming finds inflected forms, and case and å/ä/ö are folded") {
  Fixture f;
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  REQUIRE(index.value()->catchUp(*f.store).ok());
  // "kommunerna" and "kommuner" share the stem "kommun".
  auto r = index.value()->search(*f.store, {"kommunerna"});
  REQUIRE(r.ok());
  CHECK(itemTitles(r.value()) == std::vector<std::string>{"Yrkesmässa"});
  auto upper = index.value()->search(*f.store, {"YRKESMÄSSAN"});
  REQUIRE(upper.ok());
  CHECK(upper->total == 1);
  // Stop words alone match nothing rather than everything.
  auto stop = index.value()->search(*f.store, {"och"});
  REQUIRE(stop.ok());
  CHECK(stop->total == 0);
}

TEST_CASE("snippets escape the document's markup and only mark matches") {
  Fixture f;
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  REQUIRE(index.value()->catchUp(*f.store).ok());
  auto r = index.value()->search(*f.store, {"script"});
  REQUIRE(r.ok());
  REQUIRE(r->total == 1);
  const std::string& s = r->hits[0].snippet;
  CHECK(s.find("<script>") == std::string::npos);
  CHECK(s.find("&lt;") != std::string::npos);
  CHECK(s.find("<mark>script</mark>") != std::string::npos);
}

TEST_CASE("a snippet is the window around the matches of a long passage, without the NOT terms") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")});
  REQUIRE(store.ok());
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "Nämnden behandlade ärendet enligt gällande ordning. ";
  add(*store.value(), makeDocument("Protokoll 2020-05-05",
                                   {{"Långt ärende", filler + "Beslut om validering av yrkeskunskaper i länet. " +
                                                         filler + "Komtek nämns sist."}}));
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  REQUIRE(index.value()->catchUp(*store.value()).ok());
  auto r = index.value()->search(*store.value(), {"validering NOT komtek*"});
  REQUIRE(r.ok());
  CHECK(r->total == 0);  // the passage names Komtek
  r = index.value()->search(*store.value(), {"validering OR komtek*"});
  REQUIRE(r.ok());
  REQUIRE(r->total == 1);
  const std::string& s = r->hits[0].snippet;
  CHECK(s.find("<mark>validering</mark>") != std::string::npos);
  CHECK(s.find("<mark>Komtek</mark>") != std::string::npos);  // a prefix query marks what it matched
  CHECK(s.find("…") != std::string::npos);                    // a window, not the whole passage
  CHECK(s.size() < 700);
  auto only = index.value()->search(*store.value(), {"validering AND NOT ordningen"});
  REQUIRE(only.ok());
  CHECK(only->total == 0);  // "ordning" is everywhere in the passage
  auto phrase = index.value()->search(*store.value(), {"\"validering av yrkeskunskaper\""});
  REQUIRE(phrase.ok());
  REQUIRE(phrase->total == 1);
  CHECK(phrase->hits[0].snippet.find("<mark>validering</mark> av <mark>yrkeskunskaper</mark>") != std::string::npos);
  // A term excluded from the title still stands in the body: it is not marked there.
  auto excluded = index.value()->search(*store.value(), {"validering AND NOT title:komtek"});
  REQUIRE(excluded.ok());
  REQUIRE(excluded->total == 1);
  CHECK(excluded->hits[0].snippet.find("<mark>validering</mark>") != std::string::npos);
  CHECK(excluded->hits[0].snippet.find("<mark>Komtek") == std::string::npos);
}

TEST_CASE("paging returns the requested window and the full total") {
  Fixture f;
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  REQUIRE(index.value()->catchUp(*f.store).ok());
  auto all = index.value()->search(*f.store, {"komtek", 10, 0});
  REQUIRE(all.ok());
  CHECK(all->total == 2);
  CHECK(all->hits.size() == 2);
  auto second = index.value()->search(*f.store, {"komtek", 1, 1});
  REQUIRE(second.ok());
  CHECK(second->total == 2);
  REQUIRE(second->hits.size() == 1);
  CHECK(second->hits[0].passage.item.id == all->hits[1].passage.item.id);
}

TEST_CASE("deleted documents leave the index on the next catch-up") {
  Fixture f;
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  REQUIRE(index.value()->catchUp(*f.store).ok());
  REQUIRE(f.store->deleteDocument(1).ok());
  REQUIRE(index.value()->catchUp(*f.store).ok());
  CHECK(index.value()->passageCount() == 0);
  CHECK(index.value()->search(*f.store, {"komtek"}).value().total == 0);
}

TEST_CASE("the on-disk index keeps its hits and its sequence number across close and reopen") {
  Fixture f;
  std::vector<Id> before;
  {
    auto index = openSearchIndex(f.dir.file("index"));
    REQUIRE(index.ok());
    REQUIRE(index.value()->catchUp(*f.store).ok());
    auto r = index.value()->search(*f.store, {"komtek"});
    REQUIRE(r.ok());
    for (const auto& h : r->hits) before.push_back(h.passage.item.id);
  }
  auto index = openSearchIndex(f.dir.file("index"));
  REQUIRE(index.ok());
  CHECK(index.value()->lastApplied() == 1);
  CHECK(index.value()->catchUp(*f.store).value() == 0);  // nothing new to apply
  std::vector<Id> after;
  auto r = index.value()->search(*f.store, {"komtek"});
  REQUIRE(r.ok());
  for (const auto& h : r->hits) after.push_back(h.passage.item.id);
  CHECK(before.size() == 2);
  CHECK(after == before);
}

TEST_CASE("only one process writes an index folder; readers open it read-only") {
  Fixture f;
  auto writer = openSearchIndex(f.dir.file("index"));
  REQUIRE(writer.ok());
  REQUIRE(writer.value()->catchUp(*f.store).ok());
  auto second = openSearchIndex(f.dir.file("index"));
  CHECK(second.status().code() == StatusCode::kAlreadyExists);
  auto reader = openSearchIndexReadOnly(f.dir.file("index"));
  REQUIRE(reader.ok());
  CHECK(reader.value()->search(*f.store, {"komtek"}).value().total == 2);
  CHECK(reader.value()->catchUp(*f.store).status().code() == StatusCode::kUnsupported);
}

TEST_CASE("rebuild produces the same index as catching up") {
  Fixture f;
  auto hitIds = [&](const SearchIndex& index, const std::string& q) {
    auto r = index.search(*f.store, {q});
    REQUIRE(r.ok());
    std::vector<Id> ids;
    for (const auto& h : r->hits) ids.push_back(h.passage.item.id);
    return ids;
  };
  auto caught_up = openSearchIndexInMemory();
  REQUIRE(caught_up.ok());
  REQUIRE(caught_up.value()->catchUp(*f.store).ok());
  auto rebuilt = openSearchIndex(f.dir.file("index"));
  REQUIRE(rebuilt.ok());
  REQUIRE(rebuilt.value()->rebuild(*f.store).ok());
  CHECK(rebuilt.value()->passageCount() == 3);
  CHECK(rebuilt.value()->lastApplied() == 1);
  for (const char* q : {"komtek", "kommuner", "script OR yrkesmässa"}) {
    CHECK(hitIds(*rebuilt.value(), q) == hitIds(*caught_up.value(), q));
  }
  REQUIRE(rebuilt.value()->rebuild(*f.store).ok());  // idempotent
  CHECK(rebuilt.value()->passageCount() == 3);
}

TEST_CASE("the query firewall rejects hostile and malformed queries with a message") {
  CHECK(checkQuery("komtek").ok());
  CHECK(checkQuery("\"regional samverkan\" AND (skola OR utbildning)").ok());
  CHECK(checkQuery("kind:minutes year:2018 utveckl*").ok());
  CHECK(checkQuery("").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("   ").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery(std::string(20000, '(') + "a" + std::string(20000, ')')).code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery(std::string(11, '(') + "a" + std::string(11, ')')).code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("(a OR b").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("a)").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("\"unterminated").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("secret:field").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery(std::string("bad \xff utf8")).code() == StatusCode::kInvalidArgument);
  std::string many;
  for (int i = 0; i < 100; ++i) many += "ord" + std::to_string(i) + " ";
  CHECK(checkQuery(many).code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery(std::string(2000, 'a')).code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("secret:field").message().find("Okänt fält") != std::string::npos);
  // Lucene's operators without spaces do not hide a field from the allow-list.
  for (const char* q : {"body:kommun!public:false", "kommun&&public:false", "kommun||state:draft", "a!org:x"}) {
    INFO(q);
    CHECK(checkQuery(q).message().find("Okänt fält") != std::string::npos);
  }
  CHECK(checkQuery("utveckling~").code() == StatusCode::kInvalidArgument);  // fuzzy: unbounded cost
  CHECK(checkQuery("utveckling~0.1 ab~").code() == StatusCode::kInvalidArgument);
  CHECK(checkQuery("\"regional utveckling\"~3").ok());  // proximity is fine
}

TEST_CASE("syntax the parser rejects is an error, not a crash") {
  Fixture f;
  auto index = openSearchIndexInMemory();
  REQUIRE(index.ok());
  REQUIRE(index.value()->catchUp(*f.store).ok());
  int rejected = 0;
  for (const char* q : {"AND", "komtek AND", "*", "?x", "a^^", "~", "komtek OR OR x"}) {
    auto r = index.value()->search(*f.store, {q});
    if (!r.ok()) {
      CHECK(r.status().code() == StatusCode::kInvalidArgument);
      CHECK_FALSE(r.status().message().empty());
      ++rejected;
    }
  }
  CHECK(rejected >= 4);  // most of these are syntax errors for Lucene's parser
  CHECK(index.value()->search(*f.store, {"komtek", 10, 20000}).status().code() == StatusCode::kInvalidArgument);
}

namespace {

struct SwedishFixture {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::unique_ptr<SearchIndex> index;
  SwedishFixture() {
    store = openSqliteStore({dir.file("beslut.db")}).value();
    Document minutes = makeDocument("Protokoll 2018",
                                    {{"Kompetensförsörjning", "Arbetet med kompetensförsörjningen i länet."},
                                     {"Näringsliv", "Regional näringslivsutveckling och entreprenörskap."},
                                     {"Övriga frågor", "Ewa Lindberg fick i uppdrag att vara med som stöd."}});
    minutes.date = "2018-09-28";
    minutes.attendees.push_back({"Ewa Lindberg", "", "övrig närvarande", "Region Örebro län", false, {}, 1.0});
    minutes.items[2].assignments.push_back(
        {0, "Ewa Lindberg", "vara med som stöd", "", "", AssignmentStatus::kOpen, 0.0, {}, 1.0, {}, {}, {}});
    minutes.items[1].is_public = false;
    add(*store, minutes);
    Document plan = makeDocument("Handlingsplan",
                                 {{"Regional utveckling", "Bostadsförsörjning och regional utveckling."}});
    plan.kind = DocumentKind::kActionPlan;
    plan.organization = "Region Örebro län";
    plan.date = "2020-01-15";
    add(*store, plan);
    auto d = Decompounder::fromHunspell(kSwedishHunspellDictionary);
    REQUIRE(d.ok());
    index = openSearchIndexInMemory({d.value()}).value();
    REQUIRE(index->catchUp(*store).ok());
  }
  std::vector<std::string> titles(const std::string& q) {
    auto r = index->search(*store, {q});
    REQUIRE_MESSAGE(r.ok(), r.status().toString());
    return itemTitles(r.value());
  }
};

}  // namespace

TEST_CASE("a part of a compound finds the compound, and marks it") {
  SwedishFixture f;
  CHECK(f.titles("försörjning") == std::vector<std::string>{"Kompetensförsörjning", "Regional utveckling"});
  CHECK(f.titles("näringslivsutveckling") == std::vector<std::string>{"Näringsliv"});
  auto r = f.index->search(*f.store, {"utveckling"});
  REQUIRE(r.ok());
  REQUIRE(r->total == 2);
  // The exact word ranks above the compound that contains it.
  CHECK(r->hits[0].passage.item.title == "Regional utveckling");
  CHECK(r->hits[1].snippet.find("<mark>näringslivsutveckling</mark>") != std::string::npos);
}

TEST_CASE("phrases stay exact: parts of compounds do not make phrase matches") {
  SwedishFixture f;
  CHECK(f.titles("\"regional utveckling\"") == std::vector<std::string>{"Regional utveckling"});
  CHECK(f.titles("\"regional näringslivsutveckling\"") == std::vector<std::string>{"Näringsliv"});
}

TEST_CASE("field filters, ranges and sorting by date") {
  SwedishFixture f;
  CHECK(f.titles("kind:action_plan") == std::vector<std::string>{"Regional utveckling"});
  CHECK(f.titles("regional AND year:2018") == std::vector<std::string>{"Näringsliv"});
  CHECK(f.titles("regional AND date:[2019-01-01 TO 2020-12-31]") == std::vector<std::string>{"Regional utveckling"});
  CHECK(f.titles("person:\"Ewa Lindberg\"") == std::vector<std::string>{"Övriga frågor"});
  CHECK(f.titles("status:open") == std::vector<std::string>{"Övriga frågor"});
  CHECK(f.titles("organization:örebro") == std::vector<std::string>{"Regional utveckling"});
  SearchRequest newest{"regional"};
  newest.sort = SearchSort::kDateNewest;
  auto r = f.index->search(*f.store, newest);
  REQUIRE(r.ok());
  CHECK(itemTitles(r.value()) == std::vector<std::string>{"Regional utveckling", "Näringsliv"});
  newest.sort = SearchSort::kDateOldest;
  CHECK(itemTitles(f.index->search(*f.store, newest).value()) ==
        std::vector<std::string>{"Näringsliv", "Regional utveckling"});
}

TEST_CASE("facets count the whole result set, not just the page") {
  SwedishFixture f;
  SearchRequest request{"regional OR försörjning OR stöd", 1, 0};
  request.facets = true;
  auto r = f.index->search(*f.store, request);
  REQUIRE(r.ok());
  CHECK(r->total == 4);
  CHECK(r->hits.size() == 1);
  std::map<std::string, std::vector<FacetValue>> facets(r->facets.begin(), r->facets.end());
  REQUIRE(facets["kind"].size() == 2);
  CHECK(facets["kind"][0].value == "minutes");
  CHECK(facets["kind"][0].count == 3);
  CHECK(facets["kind"][1].count == 1);
  CHECK(facets["year"].size() == 2);
  CHECK(facets["person"].size() == 1);
  CHECK(facets["person"][0].value == "Ewa Lindberg");
  CHECK(facets["status"][0].value == "open");
  CHECK(facets["organization"].size() == 2);
}

TEST_CASE("anonymous searches see public items only") {
  SwedishFixture f;
  SearchRequest request{"näringslivsutveckling"};
  CHECK(f.index->search(*f.store, request).value().total == 1);
  request.public_only = true;
  CHECK(f.index->search(*f.store, request).value().total == 0);
}

TEST_CASE("definite neuter forms find their word, which Snowball alone does not") {
  TempDir dir;
  auto store = openSqliteStore({dir.file("beslut.db")}).value();
  add(*store, makeDocument("Protokoll", {{"Beslut", "Nämnden fattade ett beslut om mötet."},
                                         {"Råd", "Kompetensförsörjningsrådet träffas i december."}}));
  auto d = Decompounder::fromHunspell(kSwedishHunspellDictionary);
  REQUIRE(d.ok());
  auto with = openSearchIndexInMemory({d.value()}).value();
  REQUIRE(with->catchUp(*store).ok());
  CHECK(itemTitles(with->search(*store, {"beslutet"}).value()) == std::vector<std::string>{"Beslut"});
  CHECK(itemTitles(with->search(*store, {"möte"}).value()) == std::vector<std::string>{"Beslut"});
  CHECK(itemTitles(with->search(*store, {"kompetensförsörjningsråd"}).value()) == std::vector<std::string>{"Råd"});
  auto without = openSearchIndexInMemory().value();
  REQUIRE(without->catchUp(*store).ok());
  CHECK(without->search(*store, {"beslutet"}).value().total == 0);  // the gap the filter closes
}

TEST_CASE("prefix queries mark the words they match") {
  SwedishFixture f;
  auto r = f.index->search(*f.store, {"kompetens*"});
  REQUIRE(r.ok());
  REQUIRE(r->total >= 1);
  CHECK(r->hits[0].snippet.find("<mark>Kompetensförsörjning</mark>") != std::string::npos);
}
