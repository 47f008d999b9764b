// The route table's patterns, and that every route of Beslut's table is reachable.
#include <doctest/doctest.h>

#include <set>

#include "http/router.h"

using namespace beslut::server;

TEST_CASE("route patterns: literal segments, {id}, {name}, suffixes and the rest of the path") {
  CHECK(matchPath("/", "/"));
  CHECK_FALSE(matchPath("/", "/sok"));
  auto doc = matchPath("/api/v1/documents/{id}/corrections", "/api/v1/documents/42/corrections");
  REQUIRE(doc);
  CHECK(doc->id() == 42);
  CHECK_FALSE(matchPath("/api/v1/documents/{id}", "/api/v1/documents/0"));    // ids are positive
  CHECK_FALSE(matchPath("/api/v1/documents/{id}", "/api/v1/documents/4x2"));  // and only digits
  CHECK_FALSE(matchPath("/api/v1/documents/{id}", "/api/v1/documents/42/"));  // no extra segment
  CHECK_FALSE(matchPath("/api/v1/documents/{id}", "/api/v1/documents/99999999999999999999"));
  auto two = matchPath("/api/v1/assignments/{id}/matches/{id}", "/api/v1/assignments/7/matches/9");
  REQUIRE(two);
  CHECK(two->id(0) == 7);
  CHECK(two->id(1) == 9);
  auto feed = matchPath("/feeds/searches/{id}.atom", "/feeds/searches/12.atom");
  REQUIRE(feed);
  CHECK(feed->id() == 12);
  CHECK_FALSE(matchPath("/feeds/searches/{id}.atom", "/feeds/searches/.atom"));
  CHECK_FALSE(matchPath("/feeds/searches/{id}.atom", "/feeds/searches/12.rss"));
  auto area = matchPath("/api/v1/areas/{name}/summary", "/api/v1/areas/5.4/summary");
  REQUIRE(area);
  CHECK(area->text() == "5.4");
  CHECK_FALSE(matchPath("/omrade/{name}", "/omrade/"));
  auto file = matchPath("/static/{*}", "/static/css/portal.css");
  REQUIRE(file);
  CHECK(file->text() == "css/portal.css");
  CHECK_FALSE(matchPath("/static/{*}", "/static/"));
  CHECK_FALSE(matchPath("/static/{*}", "relative"));
}

TEST_CASE("Beslut's route table: each method and pattern once, every pattern well formed") {
  std::set<std::string> seen;
  for (const auto& r : beslutRoutes()) {
    CHECK_MESSAGE(seen.insert(std::string(r.method) + " " + r.pattern).second, r.pattern);
    CHECK((std::string(r.method) == "GET" || std::string(r.method) == "POST"));
    CHECK(std::string(r.pattern).rfind('/', 0) == 0);
    CHECK(static_cast<bool>(r.answer));
  }
  CHECK(seen.size() >= 40);
}
