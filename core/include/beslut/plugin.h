// The plugin interfaces. A plugin is a class derived from one of Extractor,
// DocumentPlugin or Linker, built into a shared library that exports it with a
// Poco ClassLoader manifest:
//
//   POCO_BEGIN_MANIFEST(beslut::Plugin)
//     POCO_EXPORT_CLASS(MyPlugin)
//   POCO_END_MANIFEST
//
// Plugins must be stateless after construction (or internally synchronised):
// the server calls them from many threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

enum class PluginKind { kExtractor, kDocument, kLinker };
const char* pluginKindName(PluginKind kind);

class Plugin {
 public:
  virtual ~Plugin();
  // Stable, unique name ("minutes", "text"); the registry rejects duplicates.
  virtual std::string name() const = 0;
  virtual PluginKind kind() const = 0;
  virtual std::string description() const { return {}; }
};

struct ExtractInput {
  std::string_view bytes;
  std::string filename;    // as uploaded, may be empty
  std::string media_type;  // as declared by the client, may be empty or wrong
};

struct ExtractedText {
  std::string text;  // valid UTF-8, normalised line endings
  std::string media_type;
};

// bytes → text.
class Extractor : public Plugin {
 public:
  ~Extractor() override;
  PluginKind kind() const final { return PluginKind::kExtractor; }
  // True when this extractor reads the file (by media type or file name).
  virtual bool accepts(const std::string& media_type, const std::string& filename) const = 0;
  // Returns kInvalidArgument for undecodable bytes (e.g. invalid UTF-8) and
  // kUnprocessable when the file holds no text.
  virtual Result<ExtractedText> extract(const ExtractInput& input) const = 0;
};

// text → structured document.
class DocumentPlugin : public Plugin {
 public:
  ~DocumentPlugin() override;
  PluginKind kind() const final { return PluginKind::kDocument; }
  // How sure this plugin is that the text is its kind of document, in [0, 1].
  // Must run in time linear in the text's size.
  virtual double score(std::string_view text) const = 0;
  // Parses the text. The result's text is the canonical text that Spans refer to.
  virtual Result<Document> parse(std::string_view text) const = 0;
};

// document → links to taxonomy nodes.
class Linker : public Plugin {
 public:
  ~Linker() override;
  PluginKind kind() const final { return PluginKind::kLinker; }
  // Links the document and its items, decisions and assignments to nodes of
  // the taxonomy, each with a score in [0, 1] and an explanation a person can
  // check. Objects are named by position (Link::item_index, Link::index).
  virtual std::vector<Link> link(const Document& document, const Taxonomy& taxonomy) const = 0;
};

}  // namespace beslut
