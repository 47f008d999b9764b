#include "action_plan_plugin.h"

#include <algorithm>

#include "action_plan_sections.h"
#include "beslut/sections.h"
#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kWindow = 1 << 20;
constexpr std::size_t kMaxItemBytes = 8000;

double saturate(std::size_t count, double at) { return std::min(1.0, static_cast<double>(count) / at); }

// What a section is, from its heading: "Strategiska inriktningar" (direction),
// "… – insatsområden" (area), "Övergripande mål" (goal), else a plain section.
std::string sectionKind(std::string_view title) {
  std::string l = toLowerSwedish(title);
  if (l.find("strategisk inriktning") != std::string::npos || l.find("strategiska inriktning") != std::string::npos)
    return "direction";
  if (l.find("insatsområde") != std::string::npos) return "area";
  std::string padded = " " + l + " ";
  for (std::string_view w : {" mål ", " mål:", " målen ", " effektmål ", " delmål ", " målsättning"})
    if (padded.find(w) != std::string::npos) return "goal";
  return "section";
}

// Text left by a figure (a cover or a diagram): short fragments, no sentence.
bool isFigureText(std::string_view clean) {
  if (clean.size() > 3000) return false;
  for (std::string_view l : splitLines(clean)) {
    std::string_view t = trimView(l);
    if (t.size() >= 8 && (t.back() == '.' || t.back() == ':' || t.find(". ") != std::string_view::npos)) return false;
  }
  return true;
}

}  // namespace

std::string ActionPlanPlugin::description() const {
  return "Handlingsplaner: strategiska inriktningar, insatsområden och avsnitt.";
}

double ActionPlanPlugin::score(std::string_view text) const {
  if (trimView(text).empty()) return 0.0;
  std::string f = foldForMatching(text, kWindow);
  // Every signal below contains one of these words: most texts are done after three scans.
  const bool plan = f.find("handlingsplan") != std::string::npos;
  if (!plan && f.find("insatsområde") == std::string::npos && f.find("strategisk") == std::string::npos) return 0.0;
  double s = 0.0;
  if (plan && (f.find("handlingsplan för") != std::string::npos || f.starts_with("handlingsplan"))) s += 0.25;
  s += 0.35 * saturate(countOccurrences(f, "insatsområde"), 4);
  s += 0.25 * saturate(countOccurrences(f, "strategisk inriktning") + countOccurrences(f, "strategiska inriktning"), 2);
  s += 0.15 * saturate(countOccurrences(f, "handlingsplan"), 5);
  return std::min(1.0, s);
}

Result<Document> ActionPlanPlugin::parse(std::string_view input) const {
  if (trimView(input).empty()) return Status::unprocessable("Texten är tom.");
  Document doc;
  doc.kind = DocumentKind::kActionPlan;
  doc.plugin = name();
  doc.text = dehyphenate(normalizeNewlines(input));
  std::string_view text = doc.text;

  doc.title = action_plan::findTitle(text);
  if (doc.title.empty()) {
    for (std::string_view l : splitLines(text.substr(0, 4096)))
      if (!trimView(l).empty()) {
        doc.title = truncateText(oneLine(l.substr(0, 400)), 200);
        break;
      }
  }
  if (!doc.title.empty())
    if (std::size_t p = text.find(doc.title); p != std::string_view::npos)
      doc.evidence["title"] = Evidence{{p, p + doc.title.size()}, 0.8};
  doc.organization = mostMentionedPublicBody(text);
  if (!doc.organization.empty())
    if (std::size_t p = text.find(doc.organization); p != std::string_view::npos)
      doc.evidence["body"] = Evidence{{p, p + doc.organization.size()}, 0.6};
  // A decision date: "Antagen av regionfullmäktige 2019-06-20", "Fastställd 12 mars 2020".
  std::string lower = toLowerSwedish(text.substr(0, kWindow));
  for (std::string_view k : {"antagen ", "antogs ", "fastställd ", "beslutad "}) {
    std::size_t p = lower.find(k);
    if (p == std::string::npos) continue;
    if (auto d = parseSwedishDate(text.substr(p, 120))) {
      doc.date = *d;
      doc.evidence["date"] = Evidence{{p, std::min(text.size(), p + 120)}, 0.7};
      break;
    }
  }

  std::vector<Section> sections = action_plan::findSections(text);
  if (sections.empty() || !trimView(text.substr(0, sections.front().begin)).empty())
    sections.insert(sections.begin(),
                    Section{"", doc.title, 0, 0, sections.empty() ? text.size() : sections.front().begin});
  int n = 0;
  for (const Section& sec : sections) {
    std::string clean = cleanSectionText(text.substr(sec.body, sec.end - sec.body));
    if (sec.number.empty() && clean == oneLine(doc.title)) continue;  // a preamble holding just the title
    if (clean.empty()) continue;  // a heading without text (figure captions, cover lines)
    if (isFigureText(clean)) continue;
    int part = 0;
    for (std::string_view piece : splitIntoPassages(clean, kMaxItemBytes)) {
      Item item;
      item.number = sec.number.empty() ? std::to_string(++n) : sec.number;
      item.title = truncateText(sec.title, 200) + (part++ > 0 ? " (forts.)" : "");
      item.text = trim(piece);
      item.span = {sec.begin, sec.end};
      item.kind = sectionKind(sec.title);
      doc.items.push_back(std::move(item));
    }
  }
  // "Regionstyrelsen får i uppdrag att …" in a plan's decision or its actions.
  addAssignmentsToItems(doc);
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::ActionPlanPlugin)
POCO_END_MANIFEST
#endif
