#include "decision_plugin.h"

#include <algorithm>

#include "beslut/assignment_reader.h"
#include "beslut/sections.h"
#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kMaxTitle = 400;
constexpr std::size_t kHead = 3000;


bool givesAssignment(std::string_view head) {
  for (std::string_view w : {"regeringen ger ", "regeringen uppdrar åt ", "regeringen uppdrar till ",
                             "regeringen har i dag gett ", "regeringen har gett ", "regeringen beslutar att ge ",
                             "regeringen har beslutat att ge ", "styrelsen uppdrar åt ", "nämnden ger "})
    for (std::size_t p = head.find(w); p != std::string_view::npos; p = head.find(w, p + 1)) {
      std::size_t near = head.find("uppdrag", p + w.size() - 7);
      if (near != std::string_view::npos && near - p < 260) return true;
    }
  return false;
}

bool decisionTitle(const std::string& t) {
  for (std::string_view w :
       {"protokollsbilaga", "beslutsuppteckning", "sammanfattning av beslut", "beslut i korthet", "regeringsbeslut"})
    if (t.find(w) != std::string::npos) return true;
  return t == "beslut" || t.starts_with("beslut om ") || t.starts_with("beslut:") || t.ends_with("s beslut");
}

}  // namespace

std::string DecisionPlugin::description() const {
  return "Beslut och uppdrag utanför protokoll: regeringsuppdrag, styrelsebeslut, beslutsbilagor.";
}

double DecisionPlugin::score(std::string_view text) const {
  std::string title = openingLine(text, kMaxTitle);
  if (title.empty() || title.find("protokoll ") == 0 || title.find("kallelse") != std::string::npos) return 0.0;
  const DecisionTitle kind = classifyDecisionTitle(title);
  if (kind == DecisionTitle::kAssignment || kind == DecisionTitle::kAmendment) return 0.75;
  // The same window as the other plugins' scores, so the folding is shared.
  std::string folded = foldForMatching(text, 1 << 20);
  std::string_view head = std::string_view(folded).substr(0, std::min<std::size_t>(folded.size(), kHead));
  if (givesAssignment(head)) return 0.6;
  if (kind == DecisionTitle::kGrant) return 0.5;
  if (decisionTitle(title)) return 0.45;
  return 0.0;
}

Result<Document> DecisionPlugin::parse(std::string_view input) const {
  auto read = readTitledSections(input);
  if (!read.ok()) return read;
  Document doc = std::move(read).value();
  doc.plugin = name();
  const std::size_t found = addAssignmentsToItems(doc);
  doc.kind = found == 0 ? DocumentKind::kDecisionSummary : DocumentKind::kAssignment;
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::DecisionPlugin)
POCO_END_MANIFEST
#endif
