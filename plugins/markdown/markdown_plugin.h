// Extractor "markdown": CommonMark files to plain text.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class MarkdownPlugin : public Extractor {
 public:
  std::string name() const override { return "markdown"; }
  std::string description() const override;
  // text/markdown (or text/x-markdown), or *.md / *.markdown.
  bool accepts(const std::string& media_type, const std::string& filename) const override;
  // Validates UTF-8 like "text", then renders the CommonMark tree as plain text:
  // headings on their own line, paragraphs separated by blank lines, list
  // items one per line ("• " or "1. "), code blocks verbatim, raw HTML dropped.
  Result<ExtractedText> extract(const ExtractInput& input) const override;
};

}  // namespace beslut::plugins
