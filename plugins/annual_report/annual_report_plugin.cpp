#include "annual_report_plugin.h"

#include <algorithm>
#include <array>
#include <map>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kWindow = 1 << 20;
constexpr std::size_t kMaxItemBytes = 8000;
constexpr std::array<std::string_view, 3> kKinds = {"Verksamhetsberättelse", "Årsredovisning", "Årsrapport"};

double saturate(std::size_t count, double at) { return std::min(1.0, static_cast<double>(count) / at); }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The year the report is about: "verksamhetsåret 2024", else the year
// mentioned most often (ties to the later year).
std::string reportYear(std::string_view text) {
  std::string lower = toLowerSwedish(text.substr(0, kWindow));
  std::size_t p = lower.find("verksamhetsåret ");
  if (p != std::string::npos) {
    std::string_view y = std::string_view(lower).substr(p + 17, 4);
    if (y.size() == 4 && std::all_of(y.begin(), y.end(), isDigit)) return std::string(y);
  }
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i + 4 <= lower.size(); ++i) {
    if ((lower[i] != '1' && lower[i] != '2') || (i > 0 && isDigit(lower[i - 1]))) continue;
    std::string_view y = std::string_view(lower).substr(i, 4);
    if (!std::all_of(y.begin(), y.end(), isDigit) || (i + 4 < lower.size() && isDigit(lower[i + 4]))) continue;
    if (y < "1900" || y > "2100") continue;
    ++counts[std::string(y)];
    i += 3;
  }
  std::string best;
  int n = 0;
  for (const auto& [y, c] : counts)
    if (c >= n) {
      best = y;
      n = c;
    }
  return best;
}

// "Regional tillväxtnämnd  Verksamhetsberättelse 20(42)" -> kind word and body.
void titleParts(std::string_view text, std::string& kind, std::string& body) {
  std::size_t pos = 0, lines = 0;
  while (pos < text.size() && pos < kWindow && lines++ < 20000) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view t = trimView(text.substr(pos, std::min<std::size_t>(e - pos, 300)));
    pos = e + 1;
    if (t.size() > 160) continue;
    for (auto k : kKinds) {
      std::size_t p = t.find(k);
      if (p == std::string_view::npos) continue;
      if (kind.empty()) kind = std::string(k);
      std::string_view before = trimView(t.substr(0, p));
      if (body.empty() && isPageMarkerLine(t) && !before.empty() && before.size() < 100) body = std::string(before);
    }
    if (!kind.empty() && !body.empty()) return;
  }
}

// "verksamhetsberättelsen för regional tillväxtnämnd är ..." -> "Regional tillväxtnämnd".
std::string bodyFromPhrase(std::string_view text) {
  std::string lower = toLowerSwedish(text.substr(0, kWindow));
  for (std::string_view k : {"verksamhetsberättelsen för ", "årsredovisningen för ", "verksamhetsberättelse för "}) {
    std::size_t p = lower.find(k);
    if (p == std::string::npos) continue;
    std::string_view rest = std::string_view(text).substr(p + k.size(), 120);
    std::string out;
    std::size_t i = 0;
    for (int words = 0; words < 5 && i < rest.size(); ++words) {
      while (i < rest.size() && rest[i] == ' ') ++i;
      std::size_t b = i;
      while (i < rest.size() && rest[i] != ' ' && rest[i] != '\n' && rest[i] != ',' && rest[i] != '.') ++i;
      std::string w(rest.substr(b, i - b));
      std::string wl = toLowerSwedish(w);
      if (w.empty() || wl == "är" || wl == "har" || wl == "och" || wl == "som" || wl == "år" || isDigit(w[0])) break;
      out += (out.empty() ? "" : " ") + w;
      if (i < rest.size() && rest[i] != ' ') break;
    }
    if (!out.empty()) {
      if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
      return out;
    }
  }
  return {};
}

}  // namespace

std::string AnnualReportPlugin::description() const {
  return "Verksamhetsberättelser och årsredovisningar: mål, indikatorer, uppdrag och avsnitt.";
}

double AnnualReportPlugin::score(std::string_view text) const {
  if (trimView(text).empty()) return 0.0;
  std::string f = foldForMatching(text, kWindow);
  double s = 0.0;
  bool named = false;
  for (std::string_view k : {"verksamhetsberättelse", "årsredovisning", "årsrapport"})
    named = named || f.find(k) != std::string::npos;
  if (named) s += 0.35;
  s += 0.2 * saturate(countOccurrences(f, "måluppfyllelse"), 3);
  s += 0.15 * saturate(countOccurrences(f, "indikator"), 5);
  s += 0.15 * saturate(countOccurrences(f, "utfall"), 3);
  s += 0.15 * saturate(countOccurrences(f, "målvärde"), 2);
  return std::min(1.0, s);
}

Result<Document> AnnualReportPlugin::parse(std::string_view input) const {
  if (trimView(input).empty()) return Status::unprocessable("Texten är tom.");
  Document doc;
  doc.kind = DocumentKind::kAnnualReport;
  doc.plugin = name();
  doc.text = dehyphenate(normalizeNewlines(input));
  std::string_view text = doc.text;

  std::string kind, body;
  titleParts(text, kind, body);
  if (body.empty()) body = bodyFromPhrase(text);
  if (body.empty()) body = mostMentionedPublicBody(text);
  std::string year = reportYear(text);
  doc.organization = body;
  doc.title = kind.empty() ? "Verksamhetsberättelse" : kind;
  if (!year.empty()) doc.title += " " + year;
  if (!body.empty()) doc.title += " " + body;
  // The period the report covers; year precision ("2024") when no date is printed.
  doc.date = year;

  std::vector<Section> sections = findNumberedSections(text);
  if (!sections.empty() && !trimView(text.substr(0, sections.front().begin)).empty())
    sections.insert(sections.begin(), Section{"", doc.title, 0, 0, sections.front().begin});
  if (sections.empty()) sections.push_back(Section{"", doc.title, 0, 0, text.size()});
  for (const Section& sec : sections) {
    std::string clean = cleanSectionText(text.substr(sec.body, sec.end - sec.body));
    if (sec.number.empty() && clean == oneLine(doc.title)) continue;  // a preamble holding just the title
    int part = 0;
    for (std::string_view piece : splitIntoPassages(clean, kMaxItemBytes)) {
      Item item;
      item.number = sec.number;
      item.title = truncateText(sec.title, 200) + (part++ > 0 ? " (forts.)" : "");
      item.text = trim(piece);
      item.span = {sec.begin, sec.end};
      if (!item.text.empty() || part == 1) doc.items.push_back(std::move(item));
    }
    if (clean.empty()) {
      Item item;
      item.number = sec.number;
      item.title = truncateText(sec.title, 200);
      item.span = {sec.begin, sec.end};
      doc.items.push_back(std::move(item));
    }
  }
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::AnnualReportPlugin)
POCO_END_MANIFEST
#endif
