// Extractor "docx": Word documents (Office Open XML). Poco::Zip opens the
// package, pugixml reads word/document.xml; both stay inside docx_plugin.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

// Guards against zip bombs and oversized packages.
struct DocxLimits {
  std::size_t max_entries = 10000;               // entries in the zip
  std::uint64_t max_document_bytes = 50u << 20;  // decompressed word/document.xml
  std::uint64_t max_compression_ratio = 100;     // decompressed : compressed, for document.xml
  std::uint64_t ratio_exempt_bytes = 1u << 20;   // up to this many bytes any ratio is fine
};

class DocxPlugin : public Extractor {
 public:
  DocxPlugin() = default;
  explicit DocxPlugin(DocxLimits limits) : limits_(limits) {}
  std::string name() const override { return "docx"; }
  std::string description() const override;
  // application/vnd.openxmlformats-officedocument.wordprocessingml.document, or
  // *.docx when the media type is empty, generic or application/zip.
  bool accepts(const std::string& media_type, const std::string& filename) const override;
  // word/document.xml as text: paragraphs as lines, headings on their own line
  // after a blank line, list paragraphs with "- ", table rows as lines of
  // tab-separated cells, w:tab as tab, w:br as line break.
  // kInvalidArgument: not a zip, truncated, no word/document.xml, malformed XML;
  // kUnprocessable: encrypted/password protected, no text; kTooLarge: over DocxLimits.
  Result<ExtractedText> extract(const ExtractInput& input) const override;

 private:
  DocxLimits limits_;
};

// The text of a WordprocessingML document (the bytes of word/document.xml).
// kInvalidArgument with the parser's message and byte offset for malformed XML.
Result<std::string> wordprocessingMlToText(std::string_view xml);

}  // namespace beslut::plugins
