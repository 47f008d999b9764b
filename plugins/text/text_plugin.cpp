#include "text_plugin.h"

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

// Media type without parameters ("text/plain; charset=utf-8" -> "text/plain").
std::string baseMediaType(const std::string& media_type) {
  return lowerAscii(trim(media_type.substr(0, media_type.find(';'))));
}

}  // namespace

std::string TextPlugin::description() const { return "Läser vanliga textfiler (UTF-8, text/plain, .txt)."; }

bool TextPlugin::accepts(const std::string& media_type, const std::string& filename) const {
  std::string type = baseMediaType(media_type);
  if (type == "text/plain") return true;
  bool txtName = lowerAscii(filename).ends_with(".txt");
  return txtName && (type.empty() || type == "application/octet-stream");
}

Result<ExtractedText> TextPlugin::extract(const ExtractInput& input) const {
  auto text = decodeUtf8Text(input.bytes);
  if (!text.ok()) return text.status();
  return ExtractedText{std::move(text).value(), "text/plain"};
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::TextPlugin)
POCO_END_MANIFEST
#endif
