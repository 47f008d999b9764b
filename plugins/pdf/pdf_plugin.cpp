#include "pdf_plugin.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <chrono>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "beslut/text.h"
#include "pdf_cleanup.h"

namespace beslut::plugins {
namespace {

constexpr const char* kCorrupt = "PDF-filen är skadad eller kan inte läsas.";
constexpr const char* kLocked = "PDF-filen är lösenordsskyddad.";
constexpr const char* kNoText = "PDF-filen innehåller ingen text (skannad bild?).";

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

std::string baseMediaType(const std::string& media_type) {
  return lowerAscii(trim(media_type.substr(0, media_type.find(';'))));
}

// Poppler reports syntax errors through a global callback that prints to
// stderr by default; route them nowhere, once per process.
void silencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// A PDF starts with "%PDF-" (within the first 1024 bytes, as readers allow)
// and ends with "%%EOF" (within the last 1024 bytes); a file cut short lacks it.
bool looksComplete(std::string_view b) {
  if (b.substr(0, 1024).find("%PDF-") == std::string_view::npos) return false;
  std::string_view tail = b.size() > 1024 ? b.substr(b.size() - 1024) : b;
  return tail.find("%%EOF") != std::string_view::npos;
}

// Pages are read one at a time and poppler-cpp cannot stop inside a page, so
// the budget is checked between pages.
Status tooSlow(double seconds) {
  return Status::tooLarge("PDF-filen tar för lång tid att läsa (mer än " + std::to_string(static_cast<int>(seconds)) +
                          " sekunder).");
}

}  // namespace

PdfPlugin::PdfPlugin() : PdfPlugin(PdfLimits{}) {}
PdfPlugin::PdfPlugin(PdfLimits limits) : limits_(limits) { silencePoppler(); }

std::string PdfPlugin::description() const {
  return "Läser PDF-filer (poppler): text i läsordning utan sidhuvuden, sidfötter och sidnummer.";
}

bool PdfPlugin::accepts(const std::string& media_type, const std::string& filename) const {
  std::string type = baseMediaType(media_type);
  if (type == "application/pdf" || type == "application/x-pdf") return true;
  return lowerAscii(filename).ends_with(".pdf") && (type.empty() || type == "application/octet-stream");
}

Result<ExtractedText> PdfPlugin::extract(const ExtractInput& input) const {
  if (input.bytes.empty()) return Status::invalidArgument("Filen är tom.");
  if (input.bytes.size() > static_cast<std::size_t>(INT_MAX)) return Status::tooLarge("PDF-filen är för stor.");
  if (!looksComplete(input.bytes)) return Status::invalidArgument(kCorrupt);
  try {
    // The bytes are not copied: they outlive `doc`.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(input.bytes.data(), static_cast<int>(input.bytes.size())));
    if (!doc) return Status::invalidArgument(kCorrupt);
    if (doc->is_locked()) return Status::unprocessable(kLocked);
    const int count = doc->pages();
    if (count <= 0) return Status::invalidArgument(kCorrupt);
    if (static_cast<std::size_t>(count) > limits_.max_pages)
      return Status::tooLarge("PDF-filen har för många sidor (högst " + std::to_string(limits_.max_pages) + ").");
    std::vector<std::string> pages;
    pages.reserve(static_cast<std::size_t>(count));
    std::size_t total = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limits_.max_seconds);
    for (int i = 0; i < count; ++i) {
      if (std::chrono::steady_clock::now() > deadline) return tooSlow(limits_.max_seconds);
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) {
        pages.emplace_back();
        continue;
      }
      // Cheap pass first (no word grouping): its size is what the physical
      // layout below would have to group.
      poppler::byte_array raw = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
      if (raw.size() > limits_.max_page_bytes)
        return Status::tooLarge("PDF-filen har för mycket text på sida " + std::to_string(i + 1) + " (högst " +
                                std::to_string(limits_.max_page_bytes >> 10) + " kB per sida).");
      if (trimView(std::string_view(raw.data(), raw.size())).empty()) {  // no text: skip the second pass
        pages.emplace_back();
        continue;
      }
      if (std::chrono::steady_clock::now() > deadline) return tooSlow(limits_.max_seconds);
      poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
      total += utf8.size();
      if (total > limits_.max_output_bytes) return Status::tooLarge("PDF-filen innehåller för mycket text.");
      pages.emplace_back(utf8.data(), utf8.size());
    }
    std::string text = pdf::cleanPages(pages);
    if (trimView(text).empty()) return Status::unprocessable(kNoText);
    return ExtractedText{std::move(text), "application/pdf"};
  } catch (const std::bad_alloc&) {
    return Status::tooLarge("PDF-filen är för stor för att läsas.");
  } catch (const std::exception&) {
    return Status::invalidArgument(kCorrupt);
  }
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::PdfPlugin)
POCO_END_MANIFEST
#endif
