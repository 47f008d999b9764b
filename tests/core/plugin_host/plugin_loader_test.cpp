#include <doctest/doctest.h>

#include <algorithm>

#include "beslut/plugin_loader.h"

using namespace beslut;

TEST_CASE("the plugin folder loads every plugin, listed by name") {
  PluginHost host;
  Status st = host.loadDirectory(BESLUT_PLUGIN_DIR);
  REQUIRE_MESSAGE(st.ok(), st.toString());
  auto names = host.registry().names();
  for (const char* expected :
       {"action_plan", "agenda", "annual_report", "decision", "generic", "markdown", "minutes", "reply", "text"}) {
    CHECK_MESSAGE(std::find(names.begin(), names.end(), expected) != names.end(), expected);
  }
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(host.registry().find("text")->kind() == PluginKind::kExtractor);
  CHECK(host.registry().find("minutes")->kind() == PluginKind::kDocument);
}

TEST_CASE("a plugin built outside the main plugin list is loaded at run time") {
  PluginHost host;
  Status st = host.loadLibrary(BESLUT_FIXTURE_PLUGIN, {"fixture"});
  REQUIRE_MESSAGE(st.ok(), st.toString());
  CHECK(host.registry().names() == std::vector<std::string>{"fixture"});
  auto reader = host.registry().documentPluginFor("FIXTURE text");
  REQUIRE(reader);
  CHECK(reader->name() == "fixture");
  CHECK(reader->parse("FIXTURE text").value().title == "Fixture");
}

TEST_CASE("a library whose plugin names clash is rejected whole, and the registry is unchanged") {
  PluginHost host;
  REQUIRE(host.loadDirectory(BESLUT_PLUGIN_DIR).ok());
  auto before = host.registry().names();
  Status st = host.loadLibrary(BESLUT_FIXTURE_PLUGIN);  // exports "fixture" and a second "text"
  CHECK(st.code() == StatusCode::kAlreadyExists);
  CHECK(host.registry().names() == before);
  CHECK_FALSE(host.registry().find("fixture"));
}

TEST_CASE("enabled-plugin filter and missing folders") {
  PluginHost host;
  REQUIRE(host.loadDirectory(BESLUT_PLUGIN_DIR, {"text", "minutes"}).ok());
  CHECK(host.registry().names() == std::vector<std::string>{"minutes", "text"});
  PluginHost other;
  CHECK(other.loadDirectory("/nonexistent/beslut-plugins").code() == StatusCode::kIOError);
  CHECK(other.loadLibrary("/nonexistent/libnothing.so").code() == StatusCode::kIOError);
}
