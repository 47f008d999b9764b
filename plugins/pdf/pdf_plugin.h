// Extractor "pdf": text of PDF files through poppler-cpp, cleaned of what PDF
// extraction leaves behind (see pdf_cleanup.h). Only pdf_plugin.cpp includes
// poppler headers.
#pragma once

#include <cstddef>
#include <string>

#include "beslut/plugin.h"

namespace beslut::plugins {

struct PdfLimits {
  std::size_t max_pages = 2000;              // more pages -> kTooLarge
  std::size_t max_output_bytes = 64u << 20;  // more extracted text -> kTooLarge
  // A page's text in content-stream order (poppler's cheap raw_order_layout,
  // read before the physical layout, whose word grouping grows faster than
  // linearly with the words on a page). A dense A4 page has about 8 kB; more
  // -> kTooLarge. Pages that share one big content stream, or that draw the
  // same text thousands of times, stop here on their first page.
  std::size_t max_page_bytes = 64u << 10;
  // Wall-clock budget for reading all pages, checked between pages -> kTooLarge.
  // poppler-cpp cannot interrupt a page, so one page may overrun it.
  double max_seconds = 10.0;
};

class PdfPlugin : public Extractor {
 public:
  PdfPlugin();
  explicit PdfPlugin(PdfLimits limits);
  std::string name() const override { return "pdf"; }
  std::string description() const override;
  // application/pdf (also application/x-pdf), or a *.pdf file name when the
  // media type is empty or generic.
  bool accepts(const std::string& media_type, const std::string& filename) const override;
  // Every page's text (poppler's physical layout), then pdf::cleanPages.
  // kInvalidArgument: not a PDF, corrupt or truncated ("PDF-filen är skadad
  // eller kan inte läsas."); kUnprocessable: password protected ("PDF-filen är
  // lösenordsskyddad.") or no text ("PDF-filen innehåller ingen text (skannad
  // bild?)."); kTooLarge: over the page, output, per-page text or time limit.
  Result<ExtractedText> extract(const ExtractInput& input) const override;

 private:
  PdfLimits limits_;
};

}  // namespace beslut::plugins
