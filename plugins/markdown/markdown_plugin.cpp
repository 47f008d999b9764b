#include "markdown_plugin.h"

#include <memory>
#include <vector>

#include "beslut/markdown.h"
#include "beslut/text.h"

namespace beslut::plugins {
namespace {

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

}  // namespace

std::string MarkdownPlugin::description() const { return "Läser Markdown-filer (CommonMark, .md) som ren text."; }

bool MarkdownPlugin::accepts(const std::string& media_type, const std::string& filename) const {
  std::string type = lowerAscii(trim(media_type.substr(0, media_type.find(';'))));
  if (type == "text/markdown" || type == "text/x-markdown") return true;
  std::string name = lowerAscii(filename);
  bool mdName = name.ends_with(".md") || name.ends_with(".markdown");
  return mdName && (type.empty() || type == "text/plain" || type == "application/octet-stream");
}

Result<ExtractedText> MarkdownPlugin::extract(const ExtractInput& input) const {
  auto source = decodeUtf8Text(input.bytes);
  if (!source.ok()) return source.status();
  std::string text = markdownToPlainText(source.value());
  if (trimView(text).empty()) return Status::unprocessable("Filen innehåller ingen text.");
  return ExtractedText{std::move(text), "text/markdown"};
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::MarkdownPlugin)
POCO_END_MANIFEST
#endif
