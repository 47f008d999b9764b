#include "annual_report_plugin.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

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

// --- Goals, indicators and assignments -----------------------------------------
//
// Reports print them as
//   "Mål: Fokusområde 5.1.1 - … kraft."  /  "Effektmål 8. Länets invånare …"  (a goal)
//   "Indikatorer Utfall Målvärde"       (then per indicator: its wording, maybe a line
//                                        of values "57 % 74 %", and a "Kommentar")
//   "Uppdrag: Öka samverkan med …"      (an assignment, then "Kommentar" and its text)

struct TextLine {
  std::string_view text;  // trimmed
  std::size_t begin = 0;  // offset of the trimmed text
};

std::vector<TextLine> textLines(std::string_view text) {
  std::vector<TextLine> out;
  for (std::string_view l : splitLines(text)) {
    std::string_view t = trimView(l.substr(0, std::min<std::size_t>(l.size(), 4000)));
    out.push_back({t, static_cast<std::size_t>(t.data() - text.data())});
  }
  return out;
}

enum class Block { kNone, kGoal, kAssignment, kIndicators, kOther };

// What a line starts: a goal, an assignment, an indicator table, or a numbered section.
Block blockStart(std::string_view t, std::string_view& rest) {
  rest = {};
  if (t.starts_with("Mål:") || t.starts_with("Nämndmål:") || t.starts_with("Verksamhetsmål:")) {
    rest = trimView(t.substr(t.find(':') + 1));
    return Block::kGoal;
  }
  constexpr std::string_view kEffect = "Effektmål ";
  if (t.starts_with(kEffect) && t.size() > kEffect.size() + 2) {
    std::size_t i = kEffect.size();
    while (i < t.size() && isDigit(t[i])) ++i;
    if (i > kEffect.size() && i < t.size() && t[i] == '.') {
      rest = trimView(t.substr(i + 1));
      if (!rest.empty()) return Block::kGoal;
    }
  }
  if (t.starts_with("Uppdrag:")) {
    rest = trimView(t.substr(8));
    return Block::kAssignment;
  }
  std::string lower = toLowerSwedish(t.substr(0, 60));
  if (lower.starts_with("indikator") && lower.find("utfall") != std::string::npos) return Block::kIndicators;
  if (parseNumberedHeading(t) && !t.starts_with("Effektmål")) return Block::kOther;
  return Block::kNone;
}

// A line of values, outcome then target: "57 % 74 %", "7,1 st 7 st", "138 147",
// "1,17 miljoner ton 1,145 miljoner ton". Empty when the line is not one.
std::vector<std::string> valuesIn(std::string_view t) {
  if (t.empty() || t.size() > 80 || !isDigit(t[0])) return {};
  std::vector<std::string> groups;
  std::size_t i = 0;
  int words = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < t.size() && t[i] != ' ' && t[i] != '\t') ++i;
    std::string_view tok = t.substr(b, i - b);
    if (tok.empty()) break;
    if (++words > 8) return {};
    bool numeric = std::all_of(tok.begin(), tok.end(),
                               [](char c) { return isDigit(c) || c == ',' || c == '.' || c == '-' || c == '%'; }) &&
                   std::any_of(tok.begin(), tok.end(), isDigit);
    bool unit = !numeric && std::none_of(tok.begin(), tok.end(), isDigit) && tok.size() <= 10;
    if (!numeric && !unit) return {};
    if (numeric) groups.emplace_back(tok);  // every number starts a value; units follow it
    else if (groups.empty()) return {};
    else groups.back() += " " + std::string(tok);
  }
  if (groups.size() > 2) {
    // "12 300 st 12 000 st": digits grouped by thousands.
    std::vector<std::string> merged;
    for (const std::string& g : groups) {
      bool threeDigits = g.size() >= 3 && isDigit(g[0]) && isDigit(g[1]) && isDigit(g[2]) &&
                         (g.size() == 3 || g[3] == ' ' || g[3] == ',');
      const std::string* prev = merged.empty() ? nullptr : &merged.back();
      bool prevBare = prev && prev->size() <= 3 && std::all_of(prev->begin(), prev->end(), isDigit);
      if (threeDigits && prevBare) merged.back() += " " + g;
      else merged.push_back(g);
    }
    if (merged.size() <= 2) return merged;
  }
  return groups;
}

struct StatusRule {
  std::string_view phrase;
  AssignmentStatus status;
};
// Checked in order: a negated or partial phrase before the plain one it contains.
constexpr std::array<StatusRule, 38> kStatusRules = {{
    {"avslutat utan", AssignmentStatus::kCancelled},
    {"avslutats utan", AssignmentStatus::kCancelled},
    {"avslutas utan", AssignmentStatus::kCancelled},
    {"avbrutet", AssignmentStatus::kCancelled},
    {"avbrutits", AssignmentStatus::kCancelled},
    {"avbryts", AssignmentStatus::kCancelled},
    {"inte helt utfört", AssignmentStatus::kInProgress},
    {"inte helt genomfört", AssignmentStatus::kInProgress},
    {"inte helt uppnått", AssignmentStatus::kInProgress},
    {"inte uppnått", AssignmentStatus::kInProgress},
    {"inte slutfört", AssignmentStatus::kInProgress},
    {"ej slutfört", AssignmentStatus::kInProgress},
    {"slutförs under", AssignmentStatus::kInProgress},
    {"kommer slutföras", AssignmentStatus::kInProgress},
    {"kommer att slutföras", AssignmentStatus::kInProgress},
    {"delvis", AssignmentStatus::kInProgress},
    {"pågår", AssignmentStatus::kInProgress},
    {"pågående", AssignmentStatus::kInProgress},
    {"fortsätter under", AssignmentStatus::kInProgress},
    {"inte uppfyllt", AssignmentStatus::kInProgress},
    {"ej uppfyllt", AssignmentStatus::kInProgress},
    {"inte uppfylld", AssignmentStatus::kInProgress},
    {"ej uppfylld", AssignmentStatus::kInProgress},
    {"ej uppnått", AssignmentStatus::kInProgress},
    {"ej genomfört", AssignmentStatus::kInProgress},
    {"inte genomfört", AssignmentStatus::kInProgress},
    {"inte klart", AssignmentStatus::kInProgress},
    // "Målet är uppfyllt", "Uppdraget är uppfyllt": done.
    {"uppfyllt", AssignmentStatus::kDone},
    {"uppfylld", AssignmentStatus::kDone},
    {"uppfyllts", AssignmentStatus::kDone},
    {"uppnått", AssignmentStatus::kDone},
    {"genomfört", AssignmentStatus::kDone},
    {"genomförts", AssignmentStatus::kDone},
    {"slutfört", AssignmentStatus::kDone},
    {"slutförts", AssignmentStatus::kDone},
    {"är klart", AssignmentStatus::kDone},
    {"klart", AssignmentStatus::kDone},
    {"utfört", AssignmentStatus::kDone},
}};

// The follow-up a "Kommentar" states: its status, and the sentence it was read from.
FollowUp followUpFrom(std::string_view comment, std::size_t comment_begin, const std::string& year) {
  FollowUp f;
  f.comment = truncateText(oneLine(comment), 4000);
  f.date = year;
  auto sentences = splitSentences(comment);
  for (const StatusRule& rule : kStatusRules) {
    // The last sentence that states a status is the conclusion ("Uppdraget är inte helt utfört …").
    for (auto it = sentences.rbegin(); it != sentences.rend(); ++it) {
      std::string lower = toLowerSwedish(*it);
      std::size_t p = lower.find(rule.phrase);
      if (p == std::string::npos) continue;
      f.status = rule.status;
      // "… inte helt utfört … Uppdraget kommer slutföras under 2025.": keep the following
      // sentence when it continues the same status.
      std::string_view ev = *it;
      auto next = it.base();  // the sentence after *it
      if (next != sentences.end()) {
        std::string nl = toLowerSwedish(*next);
        if (nl.find("slutför") != std::string::npos || nl.find("under 20") != std::string::npos)
          ev = comment.substr(static_cast<std::size_t>(ev.data() - comment.data()),
                              static_cast<std::size_t>(next->data() + next->size() - ev.data()));
      }
      f.evidence_text = oneLine(ev);
      std::size_t b = comment_begin + static_cast<std::size_t>(ev.data() - comment.data());
      f.span = {b, b + ev.size()};
      f.confidence = 0.8;
      return f;
    }
  }
  // No status words: in progress, with the comment's opening as evidence.
  f.status = AssignmentStatus::kInProgress;
  std::string_view first = sentences.empty() ? comment : sentences.front();
  f.evidence_text = oneLine(first);
  std::size_t b = comment_begin + static_cast<std::size_t>(first.data() - comment.data());
  f.span = {b, b + first.size()};
  f.confidence = 0.3;
  return f;
}

void extractGoalsAndAssignments(Document& doc, const std::string& year) {
  std::string_view text = doc.text;
  std::vector<TextLine> lines = textLines(text);
  std::vector<Item> found;
  int goals = 0, assignments = 0;
  std::optional<std::size_t> currentGoal;  // index in `found`
  std::size_t i = 0;
  // The paragraph starting at line k (up to a blank line or a new block), joined.
  auto paragraph = [&](std::size_t k, std::string_view first, std::size_t& end) {
    std::string out(first);
    end = k + 1;
    while (end < lines.size() && !lines[end].text.empty()) {
      std::string_view r;
      if (blockStart(lines[end].text, r) != Block::kNone || lines[end].text == "Kommentar") break;
      out += " " + std::string(lines[end].text);
      ++end;
    }
    return oneLine(out);
  };
  // The "Kommentar" text after line k: from the line after "Kommentar" to the next block.
  auto comment = [&](std::size_t k, std::size_t& begin, std::size_t& end) {
    std::size_t j = k;
    while (j < lines.size() && lines[j].text.empty()) ++j;
    if (j >= lines.size() || !lines[j].text.starts_with("Kommentar")) return false;
    begin = j + 1;
    end = begin;
    while (end < lines.size()) {
      std::string_view r;
      if (blockStart(lines[end].text, r) != Block::kNone) break;
      ++end;
    }
    return true;
  };
  while (i < lines.size()) {
    std::string_view rest;
    Block b = blockStart(lines[i].text, rest);
    if (b == Block::kGoal || b == Block::kAssignment) {
      std::size_t end = i + 1;
      std::string title = paragraph(i, rest, end);
      Item item;
      item.kind = b == Block::kGoal ? "goal" : "assignment";
      item.number = (b == Block::kGoal ? "Mål " + std::to_string(++goals) : "Uppdrag " + std::to_string(++assignments));
      item.title = truncateText(title, 400);
      item.span = {lines[i].begin, lines[end - 1].begin + lines[end - 1].text.size()};
      std::size_t cb = 0, ce = 0;
      if (comment(end, cb, ce) && cb < lines.size()) {
        std::size_t from = lines[cb].begin;
        std::size_t to = ce < lines.size() ? lines[ce].begin : text.size();
        std::string_view body = text.substr(from, to - from);
        item.text = truncateText(cleanSectionText(body), 8000);
        if (b == Block::kAssignment) {
          Assignment a;
          a.assignee = doc.organization;
          a.task = item.title;
          a.span = item.span;
          a.confidence = 0.85;
          a.followups.push_back(followUpFrom(body, from, year));
          a.status = a.followups.back().status;
          item.assignments.push_back(std::move(a));
        }
        item.span.end = to;
        end = ce;
      } else if (b == Block::kAssignment) {
        Assignment a;
        a.assignee = doc.organization;
        a.task = item.title;
        a.span = item.span;
        a.confidence = 0.85;
        item.assignments.push_back(std::move(a));
      }
      found.push_back(std::move(item));
      if (b == Block::kGoal) currentGoal = found.size() - 1;
      i = std::max(end, i + 1);
      continue;
    }
    if (b == Block::kIndicators) {
      // Indicators until the next goal, assignment or section.
      std::size_t j = i + 1;
      while (j < lines.size()) {
        std::string_view r;
        Block nb = blockStart(lines[j].text, r);
        if (nb != Block::kNone && nb != Block::kIndicators) break;
        if (lines[j].text.empty() || nb == Block::kIndicators || isPageMarkerLine(lines[j].text) ||
            lines[j].text.starts_with("Kommentar")) {
          ++j;
          continue;
        }
        std::size_t end = j + 1;
        std::string name = paragraph(j, lines[j].text, end);
        Indicator ind;
        ind.name = truncateText(name, 400);
        ind.period = year;
        ind.span = {lines[j].begin, lines[end - 1].begin + lines[end - 1].text.size()};
        ind.confidence = 0.7;
        // A line of values ("57 % 74 %") after the wording: utfall, then målvärde.
        std::size_t k = end;
        while (k < lines.size() && lines[k].text.empty()) ++k;
        if (k < lines.size()) {
          auto values = valuesIn(lines[k].text);
          if (!values.empty() && values.size() <= 3) {
            ind.outcome = values[0];
            if (values.size() > 1) ind.target = values[1];
            ind.span.end = lines[k].begin + lines[k].text.size();
            end = k + 1;
          }
        }
        // An indicator's wording is followed by its values or its "Kommentar"; other
        // paragraphs here are comment text.
        if (ind.outcome.empty()) {
          while (k < lines.size() && lines[k].text.empty()) ++k;
          if (k >= lines.size() || !lines[k].text.starts_with("Kommentar") || !isUpperAt(ind.name, 0)) {
            j = std::max(end, j + 1);
            continue;
          }
        }
        if (currentGoal && ind.name.size() > 10) found[*currentGoal].indicators.push_back(std::move(ind));
        j = std::max(end, j + 1);
      }
      i = j;
      continue;
    }
    ++i;
  }
  for (Item& item : found) doc.items.push_back(std::move(item));
}

}  // namespace

std::string AnnualReportPlugin::description() const {
  return "Verksamhetsberättelser och årsredovisningar: mål, indikatorer, uppdrag och avsnitt.";
}

double AnnualReportPlugin::score(std::string_view text) const {
  if (trimView(text).empty()) return 0.0;
  std::string f = foldForMatching(text, kWindow);
  double s = 0.0;
  // Named in its opening, the document is one; named further down it is
  // usually referred to ("redovisas i samband med årsredovisningen").
  bool named = false, mentioned = false;
  std::string_view head = std::string_view(f).substr(0, std::min<std::size_t>(f.size(), 600));
  for (std::string_view k : {"verksamhetsberättelse", "årsredovisning", "årsrapport", "verksamhetsrapport"}) {
    named = named || head.find(k) != std::string_view::npos;
    mentioned = mentioned || f.find(k) != std::string::npos;
  }
  if (named) s += 0.35;
  else if (mentioned) s += 0.1;
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
  auto mark = [&](const std::string& key, const std::string& needle, double confidence) {
    if (needle.empty()) return;
    std::size_t p = text.find(needle);
    if (p != std::string_view::npos) doc.evidence[key] = Evidence{{p, p + needle.size()}, confidence};
  };
  mark("body", body, 0.8);
  mark("title", kind.empty() ? body : kind, 0.7);
  mark("date", year, 0.6);

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
  for (Item& item : doc.items) item.kind = "section";
  extractGoalsAndAssignments(doc, year);
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::AnnualReportPlugin)
POCO_END_MANIFEST
#endif
