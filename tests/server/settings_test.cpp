#include <doctest/doctest.h>

#include <filesystem>

#include "settings.h"
#include "test_util.h"

using namespace beslut::server;
using beslut::testing::TempDir;

TEST_CASE("options override the --config file, which overrides the defaults") {
  TempDir dir;
  beslut::testing::writeFile(dir.file("extra.properties"),
                             "beslut.http.port = 9999\nbeslut.http.threads = 7\nbeslut.data.dir = /srv/beslut\n");
  auto s = loadSettings(dir.file("extra.properties"), {{"beslut.http.port", "18080"}});
  REQUIRE(s.ok());
  CHECK(s->port == 18080);
  CHECK(s->threads == 7);
  CHECK(s->data_dir == "/srv/beslut");
  auto defaults = loadSettings("", {});
  REQUIRE(defaults.ok());
  CHECK(defaults->port == 8080);
  CHECK(defaults->host == "127.0.0.1");
  // Resources are found relative to the executable, not the current folder.
  CHECK(std::filesystem::is_directory(defaults->plugin_dir));
  CHECK(std::filesystem::exists(defaults->content_dir + "/templates/search.mustache"));
}

TEST_CASE("bad configuration values are errors, not crashes") {
  CHECK_FALSE(loadSettings("", {{"beslut.http.port", "70000"}}).ok());
  CHECK_FALSE(loadSettings("", {{"beslut.http.port", "abc"}}).ok());
  CHECK_FALSE(loadSettings("", {{"beslut.http.threads", "0"}}).ok());
  CHECK_FALSE(loadSettings("/nonexistent/beslut.properties", {}).ok());
}
