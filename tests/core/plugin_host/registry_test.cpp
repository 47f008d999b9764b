#include <doctest/doctest.h>

#include "beslut/registry.h"

namespace {

using namespace beslut;

class FakeDocumentPlugin : public DocumentPlugin {
 public:
  FakeDocumentPlugin(std::string name, double score) : name_(std::move(name)), score_(score) {}
  std::string name() const override { return name_; }
  double score(std::string_view) const override { return score_; }
  Result<Document> parse(std::string_view) const override { return Document{}; }

 private:
  std::string name_;
  double score_;
};

class FakeExtractor : public Extractor {
 public:
  FakeExtractor(std::string name, std::string ext) : name_(std::move(name)), ext_(std::move(ext)) {}
  std::string name() const override { return name_; }
  bool accepts(const std::string&, const std::string& filename) const override {
    return filename.size() >= ext_.size() && filename.compare(filename.size() - ext_.size(), ext_.size(), ext_) == 0;
  }
  Result<ExtractedText> extract(const ExtractInput& in) const override {
    return ExtractedText{std::string(in.bytes), "text/plain"};
  }

 private:
  std::string name_, ext_;
};

}  // namespace

TEST_CASE("registry lists names sorted and rejects duplicates") {
  PluginRegistry r;
  CHECK(r.add(std::make_shared<FakeDocumentPlugin>("minutes", 0.5)).ok());
  CHECK(r.add(std::make_shared<FakeDocumentPlugin>("action_plan", 0.1)).ok());
  CHECK(r.add(std::make_shared<FakeExtractor>("text", ".txt")).ok());
  Status dup = r.add(std::make_shared<FakeDocumentPlugin>("minutes", 0.9));
  CHECK(dup.code() == StatusCode::kAlreadyExists);
  CHECK(r.names() == std::vector<std::string>{"action_plan", "minutes", "text"});
  CHECK(r.size() == 3);
  CHECK(r.add(std::make_shared<FakeDocumentPlugin>("", 0.1)).code() == StatusCode::kInvalidArgument);
  CHECK(r.add(nullptr).code() == StatusCode::kInvalidArgument);
}

TEST_CASE("registry picks the document plugin with the highest score") {
  PluginRegistry r;
  REQUIRE(r.add(std::make_shared<FakeDocumentPlugin>("low", 0.2)).ok());
  REQUIRE(r.add(std::make_shared<FakeDocumentPlugin>("high", 0.8)).ok());
  REQUIRE(r.add(std::make_shared<FakeDocumentPlugin>("zero", 0.0)).ok());
  auto best = r.documentPluginFor("text");
  REQUIRE(best);
  CHECK(best->name() == "high");
}

TEST_CASE("registry returns no document plugin when none scores above zero") {
  PluginRegistry r;
  REQUIRE(r.add(std::make_shared<FakeDocumentPlugin>("zero", 0.0)).ok());
  CHECK_FALSE(r.documentPluginFor("text"));
}

TEST_CASE("registry finds the extractor that accepts a file") {
  PluginRegistry r;
  REQUIRE(r.add(std::make_shared<FakeExtractor>("markdown", ".md")).ok());
  REQUIRE(r.add(std::make_shared<FakeExtractor>("text", ".txt")).ok());
  REQUIRE(r.extractorFor("", "a.md"));
  CHECK(r.extractorFor("", "a.md")->name() == "markdown");
  CHECK(r.extractorFor("", "a.txt")->name() == "text");
  CHECK_FALSE(r.extractorFor("", "a.pdf"));
  CHECK(r.linkers().empty());
}
