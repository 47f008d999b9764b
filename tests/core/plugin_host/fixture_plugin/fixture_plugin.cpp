// A document plugin that lives outside plugins/: loaded by path in tests.
#include <Poco/ClassLibrary.h>

#include "beslut/plugin.h"

namespace {

class FixturePlugin : public beslut::DocumentPlugin {
 public:
  std::string name() const override { return "fixture"; }
  std::string description() const override { return "test fixture: reads texts that start with FIXTURE"; }
  double score(std::string_view text) const override { return text.rfind("FIXTURE", 0) == 0 ? 1.0 : 0.0; }
  beslut::Result<beslut::Document> parse(std::string_view text) const override {
    beslut::Document d;
    d.title = "Fixture";
    d.text = std::string(text);
    return d;
  }
};

// A second class with the name of a real plugin, to test duplicate rejection.
class ShadowTextPlugin : public beslut::DocumentPlugin {
 public:
  std::string name() const override { return "text"; }
  double score(std::string_view) const override { return 0.0; }
  beslut::Result<beslut::Document> parse(std::string_view) const override {
    return beslut::Status::unsupported("shadow");
  }
};

}  // namespace

POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(FixturePlugin)
POCO_EXPORT_CLASS(ShadowTextPlugin)
POCO_END_MANIFEST
