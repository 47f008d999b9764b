// libFuzzer target: every document plugin (text, Markdown, DOCX, XML, PDF) and
// what core builds from them. The first byte picks the format; the rest is
// the file. Extraction answers a Status for bad input, never crashes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "beslut/document_json.h"
#include "beslut/ingest.h"
#include "beslut/plugin_loader.h"

namespace {

struct Format {
  const char* filename;
  const char* media_type;
};
constexpr Format kFormats[] = {
    {"f.txt", "text/plain"},
    {"f.md", "text/markdown"},
    {"f.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"f.xml", "application/xml"},
    {"f.pdf", "application/pdf"},
};

beslut::PluginHost& host() {
  static std::unique_ptr<beslut::PluginHost> h = [] {
    auto p = std::make_unique<beslut::PluginHost>();
    (void)p->loadDirectory(BESLUT_PLUGIN_DIR);
    return p;
  }();
  return *h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Format& format = kFormats[data[0] % (sizeof kFormats / sizeof kFormats[0])];
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto doc = beslut::extractDocument(host().registry(), {bytes, format.filename, format.media_type});
  if (doc.ok()) (void)beslut::toJsonString(beslut::documentToJson(doc.value(), {}));
  return 0;
}
