// Extractor "xml": Beslut's own XML document format (<beslut-document>, see
// README.md) turned into the text the document plugins read, and any other
// well-formed XML as its text content with block elements as lines. pugixml
// stays inside xml_plugin.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class XmlPlugin : public Extractor {
 public:
  XmlPlugin() = default;
  explicit XmlPlugin(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  std::string name() const override { return "xml"; }
  std::string description() const override;
  // application/xml, text/xml, *+xml types, or *.xml when the media type is
  // empty, generic or text/plain.
  bool accepts(const std::string& media_type, const std::string& filename) const override;
  // kInvalidArgument for malformed XML (message with the byte offset) or
  // invalid UTF-8, kTooLarge over the size limit, kUnprocessable without text.
  Result<ExtractedText> extract(const ExtractInput& input) const override;

 private:
  std::size_t max_bytes_ = 20u << 20;
};

// The text of well-formed XML (see README.md); errors as for extract().
Result<std::string> xmlToText(std::string_view xml);

}  // namespace beslut::plugins
