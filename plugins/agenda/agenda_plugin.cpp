#include "agenda_plugin.h"

#include <array>

#include "beslut/sections.h"
#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kMaxTitle = 300;


constexpr std::array<std::string_view, 9> kAgendaWords = {
    "kallelse",          "föredragningslista", "dagordning",        "kommenterad dagordning",      "ärendelista",
    "ärendeförteckning", "regeringsärenden",   "sammanträdeslista", "underrättelse om sammanträde"};

}  // namespace

std::string AgendaPlugin::description() const {
  return "Kallelser, föredragningslistor och dagordningar: sammanträdets datum och ärenden.";
}

double AgendaPlugin::score(std::string_view text) const {
  std::string title = openingLine(text, kMaxTitle);
  if (title.empty() || title.find("protokoll") != std::string::npos) return 0.0;
  // Whole words: "återkallelse av uppdrag" is no kallelse.
  for (std::string_view w : kAgendaWords)
    for (std::size_t p = title.find(w); p != std::string::npos; p = title.find(w, p + 1))
      if (p == 0 || title[p - 1] == ' ' || title[p - 1] == '-') return 0.7;
  // The same window as the other plugins' scores, so the folding is shared
  // (foldForMatching keeps the last one); the opening of it is what counts here.
  std::string folded = foldForMatching(text, 1 << 20);
  std::string_view head = std::string_view(folded).substr(0, std::min<std::size_t>(folded.size(), 1200));
  if (head.find("protokoll") != std::string_view::npos || head.find("justera") != std::string_view::npos) return 0.0;
  if (head.find("kallas till sammanträde") != std::string_view::npos ||
      head.find("kallas härmed till") != std::string_view::npos)
    return 0.45;
  return 0.0;
}

Result<Document> AgendaPlugin::parse(std::string_view input) const {
  auto doc = readTitledSections(input);
  if (!doc.ok()) return doc;
  doc.value().kind = DocumentKind::kAgenda;
  doc.value().plugin = name();
  doc.value().evidence["kind"] = Evidence{{0, std::min<std::size_t>(doc.value().text.size(), doc.value().title.size())},
                                          0.8};
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::AgendaPlugin)
POCO_END_MANIFEST
#endif
