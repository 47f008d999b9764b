// Extractor "text": plain UTF-8 text files.
#pragma once

#include <string>

#include "beslut/plugin.h"

namespace beslut::plugins {

class TextPlugin : public Extractor {
 public:
  std::string name() const override { return "text"; }
  std::string description() const override;
  // text/plain, or a *.txt file name when the media type is empty or generic.
  bool accepts(const std::string& media_type, const std::string& filename) const override;
  // Strips a BOM, normalises line endings. kInvalidArgument for invalid UTF-8
  // or NUL bytes, kUnprocessable for a file without text.
  Result<ExtractedText> extract(const ExtractInput& input) const override;
};

}  // namespace beslut::plugins
