// Item (§) splitting: headings, titles spanning lines, cleaned item text.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "beslut/text.h"
#include "beslut/councils.h"
#include "minutes_internal.h"

namespace beslut::plugins::minutes {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Up to `max` digits at t[i]; advances i. Returns -1 when none.
int readNumber(std::string_view t, std::size_t& i, std::size_t max) {
  std::size_t b = i;
  int v = 0;
  while (i < t.size() && isDigit(t[i]) && i - b < max) v = v * 10 + (t[i++] - '0');
  if (i == b || (i < t.size() && isDigit(t[i]))) return -1;
  return v;
}

void skipSpaces(std::string_view t, std::size_t& i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
}

// "§ 12", "§ 63/20" at t[i] (after the section sign); fills number and value.
bool readParagraphNumber(std::string_view t, std::size_t& i, ItemHeading& h, std::string prefix) {
  skipSpaces(t, i);
  std::size_t b = i;
  int v = readNumber(t, i, 4);
  if (v < 0) return false;
  if (i + 1 < t.size() && t[i] == '/' && isDigit(t[i + 1])) {
    ++i;
    if (readNumber(t, i, 4) < 0) return false;
  }
  h.number = prefix + std::string(t.substr(b, i - b));
  h.value = v;
  return true;
}

// The title after the number: empty, or starting with an upper-case letter or a quote.
// A registry number printed on the heading line ("§ 64/20      Dnr KS 2020/123") is
// taken out of the title.
bool acceptTitle(std::string_view rest, ItemHeading& h) {
  rest = trimView(rest);
  for (std::string_view dnr : {"Dnr", "DNR", "Diarienr", "Diarienummer"}) {
    std::size_t p = rest.find(dnr);
    if (p == std::string_view::npos || (p > 0 && rest[p - 1] != ' ')) continue;
    std::string_view after = rest.substr(p + dnr.size());
    if (!after.empty() && after[0] != ' ' && after[0] != ':' && after[0] != '.') continue;
    while (!after.empty() && (after.front() == ':' || after.front() == '.' || after.front() == ' '))
      after.remove_prefix(1);
    // "Dnr 0015/13 - 200 DELGIVNINGAR MYN 2013-04-04": the registry number is the
    // run of tokens with digits (and the dashes and short codes between them);
    // a title may follow it on the same line.
    std::string_view before = trimView(rest.substr(0, p));
    std::size_t q = 0, numberEnd = 0;
    while (q < after.size()) {
      while (q < after.size() && after[q] == ' ') ++q;
      std::size_t b = q;
      while (q < after.size() && after[q] != ' ') ++q;
      std::string_view tok = after.substr(b, q - b);
      if (tok.empty()) break;
      bool digit = tok.find_first_of("0123456789") != std::string_view::npos;
      bool joiner = tok == "-" || tok == "\xE2\x80\x93" || tok == "/";
      bool code = tok.size() <= 4 && isUpperAt(tok, 0) && q < after.size() &&
                  after.substr(q).find_first_of("0123456789") == 1;  // "KS 2020/123"
      if (!(digit || joiner || code)) break;
      numberEnd = q;
    }
    std::string_view number = trimView(after.substr(0, numberEnd));
    std::string_view title = trimView(after.substr(numberEnd));
    h.registry_number = oneLine(number.empty() ? after : number);
    if (before.empty() && !number.empty() && title.size() >= 3 && isUpperAt(title, 0)) {
      // A page header's residue after the title: the number's prefix and a date ("MYN 2013-04-04").
      std::size_t cut = title.size();
      for (std::size_t d = 0; d + 10 <= title.size(); ++d)
        if (isDigit(title[d]) && title[d + 4] == '-' && title[d + 7] == '-' && (d == 0 || title[d - 1] == ' ')) {
          cut = d;
          std::size_t sp = title.rfind(' ', d >= 2 ? d - 2 : 0);
          if (sp != std::string_view::npos && d - sp <= 6) cut = sp;
          break;
        }
      rest = trimView(title.substr(0, cut));
    } else {
      rest = before;
    }
    break;
  }
  if (!rest.empty() && (rest.front() == '.' || rest.front() == ':')) rest = trimView(rest.substr(1));
  if (!rest.empty() && !isUpperAt(rest, 0) && !rest.starts_with("\xE2\x80\x9D") && rest.front() != '"') return false;
  h.title = collapseSpaces(rest);
  return true;
}

int countQuotes(std::string_view s) {
  return static_cast<int>(countOccurrences(s, "\xE2\x80\x9D") + countOccurrences(s, "\xE2\x80\x9C") +
                          countOccurrences(s, "\""));
}

// A title line that obviously continues on the next line.
bool titleContinues(std::string_view title) {
  if (title.empty()) return true;
  if (countQuotes(title) % 2 == 1) return true;
  char last = title.back();
  if (last == ',' || last == '-') return true;
  std::size_t sp = title.rfind(' ');
  std::string lastWord = toLowerSwedish(sp == std::string_view::npos ? title : title.substr(sp + 1));
  static constexpr std::string_view kOpen[] = {"och",  "om",     "för",  "av",   "på",  "till", "i",  "med",
                                               "inom", "mellan", "samt", "från", "vid", "en",   "ett"};
  for (auto w : kOpen)
    if (lastWord == w) return true;
  return false;
}

bool isNoiseLine(std::string_view line) {
  if (isUrlLine(line) || isLetterheadLine(line) || isPageMarkerLine(line)) return true;
  std::string lower = toLowerSwedish(trimView(line).substr(0, 60));
  return lower.starts_with("justerandes sign") || lower.starts_with("justerares sign") ||
         lower.starts_with("utdragsbestyrkande") || lower == "justerare" || lower == "signatur";
}

// Page headers repeated on every page ("Kommunstyrelsen   Sammanträdesdatum 2020-05-12"):
// short lines that occur at least three times and hold a digit or an all-capitals word.
std::unordered_set<std::string_view> repeatedHeaderLines(const std::vector<Line>& lines) {
  std::unordered_map<std::string_view, int> counts;
  for (const Line& l : lines) {
    std::string_view t = trimView(l.text);
    if (t.size() >= 4 && t.size() <= 150) ++counts[t];
  }
  std::unordered_set<std::string_view> out;
  for (const auto& [t, n] : counts) {
    if (n < 3 || parseItemHeading(t)) continue;
    bool digit = t.find_first_of("0123456789") != std::string_view::npos;
    bool capsWord = false;
    for (std::size_t i = 0, run = 0; i < t.size(); ++i) {
      run = (t[i] >= 'A' && t[i] <= 'Z') ? run + 1 : 0;
      if (run >= 5) capsWord = true;
    }
    if (digit || capsWord) out.insert(t);
  }
  return out;
}

bool isBlank(std::string_view line) { return trimView(line).empty(); }

// Does heading `h` continue the sequence whose last heading was `prev`?
bool continuesSequence(const std::optional<ItemHeading>& prev, const ItemHeading& h) {
  if (!prev) return h.style != HeadingStyle::kDotted || h.value <= 2;
  if (h.style != prev->style) return false;
  if (h.style == HeadingStyle::kDotted) return h.value == prev->value + 1;
  return h.value > prev->value && h.value <= prev->value + 50;
}

}  // namespace

std::vector<Line> splitIntoLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back({text.substr(b, std::min(e - b, kMaxLine)), text.substr(b, e - b), b, e});
    b = e + 1;
  }
  return lines;
}

std::optional<ItemHeading> parseItemHeading(std::string_view line) {
  std::string_view t = trimView(line);
  if (t.empty() || t.size() > 400) return std::nullopt;
  ItemHeading h;
  std::size_t i = 0;
  if (t.starts_with("\xC2\xA7")) {  // "§"
    i = 2;
    h.style = HeadingStyle::kParagraph;
    if (!readParagraphNumber(t, i, h, "\xC2\xA7 ")) return std::nullopt;
    if (!acceptTitle(t.substr(i), h)) return std::nullopt;
    return h;
  }
  if (isDigit(t[0])) {
    // "56 § Föregående protokoll": the number before the section sign.
    {
      std::size_t j = 0;
      int v = readNumber(t, j, 4);
      std::size_t k = j;
      skipSpaces(t, k);
      if (v >= 0 && t.substr(k, 2) == "\xC2\xA7" && (k + 2 == t.size() || t[k + 2] == ' ' || t[k + 2] == '\t')) {
        h.style = HeadingStyle::kParagraph;
        h.number = std::string(t.substr(0, j)) + " \xC2\xA7";
        h.value = v;
        if (!acceptTitle(t.substr(k + 2), h)) return std::nullopt;
        return h;
      }
    }
    int v = readNumber(t, i, 3);
    if (v < 0 || i >= t.size() || t[i] != '.') return std::nullopt;
    ++i;
    if (i >= t.size() || (t[i] != ' ' && t[i] != '\t')) return std::nullopt;
    h.style = HeadingStyle::kDotted;
    h.number = std::to_string(v);
    h.value = v;
    if (!acceptTitle(t.substr(i), h) || h.title.empty()) return std::nullopt;
    // "1. Att kommunen ger …": a point of a proposed or taken decision, not an item.
    if (h.title.starts_with("Att ") || h.title.starts_with("ATT ")) return std::nullopt;
    return h;
  }
  // "Ks 39", "KS § 39", "BUN 12": a short capitalised prefix, then a number.
  std::size_t p = 0;
  while (p < t.size() && p < 5 && ((t[p] >= 'A' && t[p] <= 'Z') || (t[p] >= 'a' && t[p] <= 'z'))) ++p;
  if (p < 2 || p > 4 || !(t[0] >= 'A' && t[0] <= 'Z') || p >= t.size() || t[p] != ' ') return std::nullopt;
  std::string prefix(t.substr(0, p));
  i = p;
  skipSpaces(t, i);
  if (t.substr(i, 2) == "\xC2\xA7") {
    i += 2;
    prefix += " \xC2\xA7";
  }
  h.style = HeadingStyle::kPrefixed;
  if (!readParagraphNumber(t, i, h, prefix + " ")) return std::nullopt;
  if (!acceptTitle(t.substr(i), h)) return std::nullopt;
  return h;
}

std::size_t findFirstItem(const std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto h = parseItemHeading(lines[i].text);
    if (!h || !continuesSequence(std::nullopt, *h)) continue;
    // The first heading must be followed by a second one in sequence.
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      auto h2 = parseItemHeading(lines[j].text);
      if (h2 && continuesSequence(h, *h2)) return i;
      if (h2 && h2->style == h->style) break;
    }
  }
  // An excerpt or an extract of minutes (protokollsutdrag) may hold one
  // paragraph only: a lone "§ 19" heading, with the section sign, counts.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto h = parseItemHeading(lines[i].text);
    if (h && h->style != HeadingStyle::kDotted && h->number.find("\xC2\xA7") != std::string::npos) return i;
  }
  return lines.size();
}

std::size_t OffsetMap::toSource(std::size_t clean_offset) const {
  if (pieces.empty()) return 0;
  auto it = std::upper_bound(pieces.begin(), pieces.end(), clean_offset,
                             [](std::size_t off, const Piece& p) { return off < p.clean; });
  if (it != pieces.begin()) --it;
  std::size_t delta = std::min(clean_offset - std::min(clean_offset, it->clean), it->length);
  return it->source + delta;
}

std::vector<Item> parseItems(const std::vector<Line>& lines, std::size_t first) {
  // Heading line indexes, in sequence.
  std::vector<std::pair<std::size_t, ItemHeading>> heads;
  std::optional<ItemHeading> prev;
  for (std::size_t i = first; i < lines.size(); ++i) {
    auto h = parseItemHeading(lines[i].text);
    if (h && continuesSequence(prev, *h)) {
      heads.emplace_back(i, *h);
      prev = h;
    }
  }
  std::vector<Item> items;
  auto repeated = repeatedHeaderLines(lines);
  auto noise = [&](std::string_view t) { return isNoiseLine(t) || repeated.count(trimView(t)) > 0; };
  for (std::size_t k = 0; k < heads.size(); ++k) {
    std::size_t line = heads[k].first;
    std::size_t stop = k + 1 < heads.size() ? heads[k + 1].first : lines.size();
    const ItemHeading& h = heads[k].second;
    Item item;
    item.number = h.number;
    item.registry_number = h.registry_number;
    std::string title = h.title;
    std::size_t titleEnd = lines[line].end;
    std::size_t next = line + 1;
    // Title continuation lines (or the title itself, under a bare "§ 12").
    for (int extra = 0; extra < 4 && next < stop && titleContinues(title); ++extra) {
      if (isBlank(lines[next].text) && title.empty()) {
        ++next;
        --extra;
        continue;
      }
      if (noise(lines[next].text) && title.empty()) {
        ++next;
        --extra;
        continue;
      }
      if (isBlank(lines[next].text) || noise(lines[next].text)) break;
      if (title.empty() && trimView(lines[next].text).starts_with("Dnr")) {
        std::string_view rest = trimView(lines[next].text).substr(3);
        while (!rest.empty() && (rest.front() == ':' || rest.front() == '.' || rest.front() == ' '))
          rest.remove_prefix(1);
        if (item.registry_number.empty()) item.registry_number = oneLine(rest);
        ++next;
        --extra;
        continue;
      }
      std::string_view more = trimView(lines[next].text);
      if (!title.empty()) title += ' ';
      title += collapseSpaces(more);
      titleEnd = lines[next].end;
      ++next;
    }
    item.title = trim(title);
    item.title = truncateText(item.title, 300);

    // Item text: the following lines without boilerplate; blank lines become
    // paragraph breaks; the blank lines around a dropped line are dropped too.
    std::string text;
    OffsetMap map;
    bool pendingBreak = false, droppedNoise = false;
    for (std::size_t i = next; i < stop; ++i) {
      std::string_view t = trimView(lines[i].full);
      if (t.size() <= kMaxLine && noise(t)) {
        droppedNoise = true;
        pendingBreak = false;
        continue;
      }
      if (t.empty()) {
        if (!droppedNoise) pendingBreak = true;
        continue;
      }
      if (t.starts_with("Dnr") && item.registry_number.empty()) {
        std::string_view rest = t.substr(3);
        while (!rest.empty() && (rest.front() == ':' || rest.front() == '.' || rest.front() == ' '))
          rest.remove_prefix(1);
        item.registry_number = truncateText(oneLine(rest.substr(0, std::min<std::size_t>(rest.size(), 200))), 60);
      }
      if (!text.empty()) text += pendingBreak ? "\n\n" : "\n";
      pendingBreak = false;
      droppedNoise = false;
      std::size_t src = lines[i].begin + static_cast<std::size_t>(t.data() - lines[i].full.data());
      map.pieces.push_back({text.size(), src, t.size()});
      text += t;
    }
    item.text = collapseSpaces(text);
    // collapseSpaces may shorten the text; spans are computed on the uncollapsed text.
    item.span = {lines[line].begin, stop > line + 1 ? lines[stop - 1].end : titleEnd};
    findDecisions(item.title, Span{lines[line].begin, titleEnd}, text, map, item);
    items.push_back(std::move(item));
  }
  return items;
}

// A word that opens an agenda title ("Information ang …", "Biblioteksplan",
// "Statistikrapport …", "Svar på motion …"), whatever stands before it.
bool titleHead(std::string_view word) {
  std::string w = toLowerSwedish(word);
  while (!w.empty() && (w.back() == ':' || w.back() == ',')) w.pop_back();
  static constexpr std::string_view kStarts[] = {
      "information",    "redovisning", "rapport",     "svar",           "yttrande",   "motion",      "medborgarförslag",
      "interpellation", "ansökan",     "anmälan",     "anmälning",      "revidering", "godkännande", "fastställ",
      "upphandling",    "ekonomisk",   "uppföljning", "internkontroll", "meddelande", "remiss",      "ändring",
      "antagande",      "avsägelse",   "fyllnadsval", "upprop",         "justering",  "översyn",     "delegation",
      "delgivning",     "val av",      "återrapport"};
  static constexpr std::string_view kEnds[] = {"plan",     "rapport",    "redovisning", "ärenden",   "program",
                                               "strategi", "reglemente", "policy",      "prislista", "ordning"};
  for (std::string_view h : kStarts)
    if (w.starts_with(h)) return true;
  for (std::string_view h : kEnds)
    if (w.size() > h.size() + 2 && w.ends_with(h)) return true;
  return false;
}

// A table of contents a transcript ran into one line: "Innehållsförteckning
// Återrapport kosten 99 Rapport om lovskola 100 Nämndplan Prislista: …",
// "Ärendelista 63. Fastställande av dagordning Redovisning av
// delegationsbeslut …". Numbers stand before the titles or after them, as the
// run's first token shows; a number missing leaves its title without one.
// Titles are told apart by their capital: a capitalised word starts a new
// title, except after a preposition or a colon, inside a name ("från Anna
// Andersson"), an abbreviation ("LF Arena", "PÅPP") or a place
// ("Varberg-Kungsbacka-Mark").
std::vector<Item> tocRunItems(std::string_view text) {
  std::vector<Item> out;
  std::size_t at = std::string_view::npos, labelEnd = 0;
  for (std::string_view label : {"Innehållsförteckning", "Ärendelista", "Ärendeförteckning", "Föredragningslista"}) {
    // The label as a heading: a word of its own, then dots, a colon, a number or a
    // capital ("Föredragningslista, daterad …, godkändes" and "Föredragningslistan" are text).
    for (std::size_t p = text.find(label); p != std::string_view::npos; p = text.find(label, p + 1)) {
      if (p > 0 && static_cast<unsigned char>(text[p - 1]) > ' ') continue;
      std::string_view after = text.substr(p + label.size());
      while (!after.empty() && (after.front() == '.' || after.front() == ':' || after.front() == ' '))
        after.remove_prefix(1);
      if (after.empty() || !(isUpperAt(after, 0) || (after[0] >= '0' && after[0] <= '9'))) continue;
      if (p + label.size() < text.size() && text[p + label.size()] != ' ' && text[p + label.size()] != '.' &&
          text[p + label.size()] != ':')
        continue;
      if (p < at) at = p, labelEnd = p + label.size();
      break;
    }
  }
  if (at == std::string_view::npos) return out;
  std::size_t eol = text.find('\n', labelEnd);
  std::string_view run = text.substr(labelEnd, (eol == std::string_view::npos ? text.size() : eol) - labelEnd);
  if (run.size() < 40) return out;  // a list on lines of its own is read line by line
  // "211 Föredragningslista Föredragningslista, daterad …": an item's heading, not a list
  // ("3 Innehållsförteckning" is a page's number before the contents).
  if (!text.substr(at).starts_with("Innehållsförteckning")) {
    std::string_view before = trimView(text.substr(0, at));
    std::size_t sp = before.find_last_of(" \n");
    std::string_view prev = before.substr(sp == std::string_view::npos ? 0 : sp + 1);
    if (!prev.empty() && prev.find_first_not_of("0123456789") == std::string_view::npos && prev.size() <= 3) return out;
  }
  std::vector<std::pair<std::size_t, std::string_view>> tokens;  // offset in text, token
  for (std::string_view w : splitWords(run))
    tokens.emplace_back(labelEnd + static_cast<std::size_t>(w.data() - run.data()), w);
  auto number = [](std::string_view t) {
    if (t.ends_with(".")) t.remove_suffix(1);
    if (t.empty() || t.size() > 3) return -1;
    int v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v > 0 ? v : -1;
  };
  auto skippable = [](std::string_view t) {
    std::string l = toLowerSwedish(t);
    while (!l.empty() && (l.back() == '.' || l.back() == ':')) l.pop_back();
    return l.empty() || l == "sid" || l == "sida" || l == "\xC2\xA7" || l == "paragraf" || l == "ärende" ||
           l.find_first_not_of('.') == std::string::npos;
  };
  std::size_t k = 0;
  while (k < tokens.size() && skippable(tokens[k].second)) ++k;
  if (k >= tokens.size()) return out;
  const bool numbersFirst = number(tokens[k].second) > 0;
  static constexpr std::string_view kTies[] = {"i",     "till",   "från", "av",   "för",      "med",      "om",
                                               "på",    "och",    "vid",  "inom", "mellan",   "samt",     "hos",
                                               "under", "enligt", "mot",  "ang",  "angående", "gällande", "avseende",
                                               "inför", "efter",  "över", "genom"};
  auto allCaps = [](std::string_view w) {
    int letters = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (isLowerAt(w, i)) return false;
      if (isUpperAt(w, i)) ++letters;
    }
    return letters >= 2;
  };
  Item cur;
  std::size_t curBegin = 0, curEnd = 0;
  bool prevStarted = false;  // the previous word started its title
  int capitalRun = 0;        // capitalised words in a row inside a title
  std::string prevLower;
  auto flush = [&]() {
    if (!cur.title.empty() && cur.title.size() <= 300) {
      cur.span = {curBegin, curEnd};
      out.push_back(std::move(cur));
    }
    cur = Item();
  };
  for (; k < tokens.size(); ++k) {
    auto [off, w] = tokens[k];
    if (int v = number(w); v > 0) {
      if (numbersFirst) {
        flush();
        cur.number = std::to_string(v);
      } else if (!cur.title.empty()) {
        cur.number = std::to_string(v);
        flush();
      }
      prevLower.clear();
      prevStarted = false;
      continue;
    }
    if (skippable(w)) continue;
    // A sentence ("… godkändes. Landstingsdirektören rapporterade …") is no table of contents.
    if (w.size() > 4 && w.back() == '.' && !cur.title.empty()) return {};
    bool starts = false;
    if (cur.title.empty()) {
      starts = isUpperAt(w, 0);
    } else if (isUpperAt(w, 0) && !allCaps(w)) {
      std::string_view place = w.substr(0, w.find('-'));
      while (!place.empty() && (place.back() == ',' || place.back() == ':' || place.back() == '.'))
        place.remove_suffix(1);
      const bool tie = std::find(std::begin(kTies), std::end(kTies), prevLower) != std::end(kTies);
      const bool afterColon = !prevLower.empty() && prevLower.back() == ':';
      // A name has two capitalised words ("från Anna Andersson"); a third starts a title.
      const bool inName = !prevLower.empty() && !prevStarted && isUpperAt(tokens[k - 1].second, 0) &&
                          isLowerAt(tokens[k - 1].second, 1) && capitalRun < 2;
      const bool afterCaps = k > 0 && allCaps(tokens[k - 1].second);
      starts = !tie && !afterColon && (titleHead(w) || (!inName && !afterCaps && !councils::municipalityNamed(place)));
    }
    if (starts && !cur.title.empty()) flush();
    if (cur.title.empty() && !isUpperAt(w, 0)) continue;  // a fragment before the first title
    if (cur.title.empty()) curBegin = off;
    cur.title += (cur.title.empty() ? "" : " ") + std::string(w);
    curEnd = off + w.size();
    capitalRun = (!starts && isUpperAt(w, 0)) ? capitalRun + 1 : 0;
    prevStarted = starts;
    prevLower = toLowerSwedish(w);
  }
  flush();
  if (out.size() < 2) out.clear();
  if (out.size() > 500) out.resize(500);  // no agenda is longer; a longer run is a text misread
  return out;
}

std::vector<Item> agendaListItems(const std::vector<Line>& lines, std::size_t end) {
  // "1 Ordföranden hälsar välkommen.", "4 Inlämnande av motioner." — a number,
  // a space and a capitalised title, each on a line of its own, the numbers rising.
  struct Entry {
    int value;
    std::size_t line;
    std::string_view title;
  };
  std::vector<Entry> run, best;
  for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
    std::string_view t = trimView(lines[i].text);
    if (t.empty()) continue;
    std::size_t k = 0;
    int v = readNumber(t, k, 3);
    bool entry = v > 0 && k < t.size() && t[k] == ' ' && t.size() <= 300;
    std::string_view title = entry ? trimView(t.substr(k)) : std::string_view();
    entry = entry && title.size() >= 3 && isUpperAt(title, 0);
    if (entry && (run.empty() || (v > run.back().value && v <= run.back().value + 3))) {
      run.push_back({v, i, title});
    } else {
      if (run.size() > best.size()) best = run;
      run.clear();
      if (entry && v <= 2) run.push_back({v, i, title});
    }
  }
  if (run.size() > best.size()) best = run;
  std::vector<Item> out;
  if (best.size() < 3) return out;
  for (const Entry& e : best) {
    Item item;
    item.number = std::to_string(e.value);
    item.title = truncateText(collapseSpaces(e.title), 300);
    item.span = {lines[e.line].begin, lines[e.line].end};
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace beslut::plugins::minutes

namespace beslut::plugins::minutes {
namespace {

// Tokens a page header leaves before the first paragraph of a page in a
// flattened transcript: "3", "3(26)", "Sida", "(23)", "SAMMANTRÄDESPROTOKOLL",
// "VILHELMINA KOMMUN PROTOKOLL 3".
bool pageHeaderToken(std::string_view w) {
  if (w.empty()) return false;
  bool digitsOrMarks = true, caps = true;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (!(isDigit(c) || c == '(' || c == ')' || c == '/')) digitsOrMarks = false;
    if (isLowerAt(w, i)) caps = false;
  }
  std::string l = toLowerSwedish(w);
  // A running header: "2 2 Kommunstyrelsen 1 …", "3 Sammanträdesprotokoll …".
  for (std::string_view h : {"styrelsen", "nämnden", "fullmäktige", "utskottet", "protokoll", "sammanträdesdatum"})
    if (l.ends_with(h) && isUpperAt(w, 0)) return true;
  return digitsOrMarks || (caps && w.size() >= 3) || l == "sida" || l == "sid" || l == "kommun";
}

// A short paragraph prefix before the number: "Sn 49", "Ks 12", "MYN 19".
bool paragraphPrefix(std::string_view w) {
  if (w.size() < 2 || w.size() > 4 || !isUpperAt(w, 0)) return false;
  for (char c : w)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  return true;
}

}  // namespace

// Items from headings found inside a run of text (a paragraph's number or an agenda
// marker): the title between its bounds, the body up to the next heading (at most 20,000
// bytes for the last), the decisions read in the body.
struct RunHeading {
  std::size_t begin;  // of the heading
  std::size_t titleBegin, titleEnd;
  std::size_t bodyBegin;  // after the title, or after the marker that ends it
  std::string number;
};

static std::vector<Item> itemsFromHeadings(std::string_view text, const std::vector<RunHeading>& headings) {
  std::vector<Item> out;
  for (std::size_t c = 0; c < headings.size(); ++c) {
    const RunHeading& h = headings[c];
    Item item;
    item.number = h.number;
    item.title = truncateText(oneLine(trimView(text.substr(h.titleBegin, h.titleEnd - h.titleBegin))), 300);
    while (!item.title.empty() && item.title.back() == '.') item.title.pop_back();
    std::size_t bodyEnd = c + 1 < headings.size() ? headings[c + 1].begin : std::min(text.size(), h.bodyBegin + 20000);
    std::string_view body = text.substr(h.bodyBegin, bodyEnd - h.bodyBegin);
    item.text = collapseSpaces(trim(body));
    item.span = {h.begin, bodyEnd};
    OffsetMap map;
    map.pieces.push_back({0, h.bodyBegin, body.size()});
    findDecisions(item.title, Span{h.titleBegin, h.titleEnd}, body, map, item);
    out.push_back(std::move(item));
  }
  return out;
}

// Items whose headings carry their agenda number: "78 Förhinder - inkallande av
// ersättare (ärende 1)", "Upprop (ärende 2)" (a transcript lost the paragraph's
// number), as some councils print them. The title runs back from the marker to
// the paragraph number, the end of a sentence or the start of the line.
std::vector<Item> agendaMarkedItems(std::string_view text) {
  std::vector<RunHeading> marks;
  const std::string lower = toLowerSwedish(text.substr(0, std::min<std::size_t>(text.size(), 200000)));
  for (std::size_t m = lower.find("(ärende "); m != std::string::npos; m = lower.find("(ärende ", m + 1)) {
    std::size_t q = m + std::string_view("(ärende ").size();
    std::size_t d = q;
    while (d < lower.size() && isDigit(lower[d])) ++d;
    if (d == q || d - q > 3 || d >= lower.size() || lower[d] != ')') continue;
    // Back to the boundary: a sentence's end, a paragraph number, a line start (120 bytes at most).
    std::size_t floor = m > 120 ? m - 120 : 0;
    if (!marks.empty()) floor = std::max(floor, marks.back().bodyBegin);
    // Word by word back from the marker, never before `floor` (so each marker costs at
    // most the 120 bytes of its window).
    std::size_t b = m;  // where the words taken so far begin
    std::string number;
    std::size_t begin = std::string_view::npos;
    while (true) {
      std::size_t e = b;
      while (e > floor && text[e - 1] == ' ') --e;
      if (e == floor) {
        begin = b = floor;
        break;
      }
      if (text[e - 1] == '\n') {  // the line starts here
        begin = b = e;
        break;
      }
      std::size_t wb = e;
      while (wb > floor && text[wb - 1] != ' ' && text[wb - 1] != '\n') --wb;
      std::string_view w = text.substr(wb, e - wb);
      // A paragraph number stands before a capitalised title ("den 8 december kl Val …" has none).
      std::size_t next = e;
      while (next < m && text[next] == ' ') ++next;
      if (std::all_of(w.begin(), w.end(), isDigit) && w.size() <= 4 && next < m && isUpperAt(text, next)) {
        number = std::string(w);
        begin = wb;
        break;
      }
      if ((w.back() == '.' || w.back() == '?' || w.back() == '!') && w.size() > 2) {
        begin = b;
        break;
      }
      b = wb;
    }
    std::size_t titleBegin = number.empty() ? b : begin + number.size();
    while (titleBegin < m && (text[titleBegin] == ' ' || text[titleBegin] == '\n')) ++titleBegin;
    // The title starts at its capital: "… bilaga Upprop (ärende 2)" has "Upprop".
    std::string_view title = text.substr(titleBegin, m - titleBegin);
    if (number.empty()) {
      // Titles are in sentence case: the last capital after a lower-case word
      // ("… bilaga Upprop", "… kl Val som skall förrättas …").
      std::size_t cap = std::string_view::npos;
      for (std::size_t k = 0; k < title.size(); ++k) {
        if (!((k == 0 || title[k - 1] == ' ') && isUpperAt(title, k))) continue;
        std::size_t pw = k >= 2 ? title.rfind(' ', k - 2) : std::string_view::npos;
        pw = pw == std::string_view::npos ? 0 : pw + 1;
        if (k == 0 || !isUpperAt(title, pw)) cap = k;
      }
      if (cap == std::string_view::npos) continue;
      titleBegin += cap;
    }
    if (titleBegin >= m || !isUpperAt(text, titleBegin)) continue;
    if (begin == std::string_view::npos) begin = titleBegin;
    marks.push_back({number.empty() ? titleBegin : begin, titleBegin, m, d + 1, number});
  }
  if (marks.size() < 2) return {};
  return itemsFromHeadings(text, marks);
}

std::vector<Item> inlineParagraphs(std::string_view text, std::size_t from) {
  std::vector<RunHeading> chain;
  std::vector<int> values;  // the chain's paragraph numbers
  std::size_t i = from;
  const std::size_t n = text.size();
  while (i < n) {
    if (!isDigit(text[i]) || (i > 0 && !(text[i - 1] == ' ' || text[i - 1] == '\n'))) {
      ++i;
      continue;
    }
    std::size_t k = i;
    int v = readNumber(text, k, 4);
    if (v <= 0 || k >= n || text[k] != ' ' || k + 1 >= n || !isUpperAt(text, k + 1)) {
      i = std::max(k, i + 1);
      continue;
    }
    // What stands before the number on its line (at most 200 bytes back, so
    // that a text of one 10 MB line stays linear).
    const std::size_t lookBack = i > 200 ? i - 200 : 0;
    std::size_t nl = text.substr(lookBack, i - lookBack).rfind('\n');
    std::size_t lineStart = nl == std::string_view::npos ? lookBack : lookBack + nl + 1;
    std::string_view before = text.substr(lineStart, i - lineStart);
    std::vector<std::string_view> toks;
    for (std::size_t p = 0; p < before.size();) {
      while (p < before.size() && before[p] == ' ') ++p;
      std::size_t b = p;
      while (p < before.size() && before[p] != ' ') ++p;
      if (p > b) toks.push_back(before.substr(b, p - b));
    }
    std::string prefix;
    std::size_t begin = i;
    if (!toks.empty() && paragraphPrefix(toks.back()) && !pageHeaderToken(toks.back())) {
      prefix = std::string(toks.back()) + " ";
      begin = static_cast<std::size_t>(toks.back().data() - text.data());
      toks.pop_back();
    } else if (!toks.empty() && paragraphPrefix(toks.back()) && toks.size() >= 2) {
      prefix = std::string(toks.back()) + " ";  // "MYN 19" after a page header
      begin = static_cast<std::size_t>(toks.back().data() - text.data());
      toks.pop_back();
    }
    bool lineHead = std::all_of(toks.begin(), toks.end(), pageHeaderToken);
    // The page's own number again ("3 VILHELMINA KOMMUN PROTOKOLL 3 …"), not a paragraph.
    if (!toks.empty() && toks.front() == text.substr(i, k - i)) lineHead = false;
    bool afterSentence = before.size() >= 2 && (before.ends_with(". ") || before.ends_with(".  "));
    bool follows = !values.empty() && v == values.back() + 1;
    if (!(lineHead || (afterSentence && follows))) {
      i = k;
      continue;
    }
    // The title: the capitalised first word and the lower-case words after it,
    // up to the next capitalised word (Swedish titles are in sentence case).
    std::size_t t = k + 1, e = t;
    // "1 Dnr A Får jag lov?": the registry number (digits dropped by a transcript) before the title.
    std::string registry;
    if (text.substr(t).starts_with("Dnr ")) {
      std::size_t q = t + 4;
      for (int tok = 0; tok < 3 && q < n; ++tok) {
        std::size_t b = q;
        while (q < n && text[q] != ' ' && text[q] != '\n') ++q;
        std::string_view w = text.substr(b, q - b);
        bool digits = w.find_first_of("0123456789") != std::string_view::npos;
        bool code = w.size() <= 4 && !w.empty() &&
                    std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!(digits || code || w == "-" || w == "/")) {
          q = b;
          break;
        }
        registry += (registry.empty() ? "" : " ") + std::string(w);
        while (q < n && text[q] == ' ') ++q;
      }
      if (q < n && isUpperAt(text, q)) t = e = q;
    }
    std::size_t p = t;
    bool firstWord = true;
    while (p < n && text[p] != '\n') {
      std::size_t b = p;
      while (p < n && text[p] != ' ' && text[p] != '\n') ++p;
      std::string_view w = text.substr(b, p - b);
      if (!firstWord && isUpperAt(w, 0)) break;
      e = p;
      firstWord = false;
      if (!w.empty() && w.back() == '.') break;
      while (p < n && text[p] == ' ') ++p;
      if (e - t > 200) break;
    }
    std::string title = trim(text.substr(t, e - t));
    while (!title.empty() && title.back() == '.') title.pop_back();
    std::string lowerTitle = toLowerSwedish(title);
    // A cover label, not a paragraph ("§ 134 Utses att justera …").
    bool label = false;
    for (std::string_view l : {"utses att justera", "justeringens", "paragrafer", "underskrift", "plats och tid",
                               "övriga", "sekreterare", "ordförande", "justerande", "beslutande", "ersättare"})
      label = label || lowerTitle.starts_with(l);
    // A cover's label after a transcript's page number ("1 Plats", "2 Paragraf", "2 Datum (20)").
    {
      std::string first = lowerTitle.substr(0, lowerTitle.find(' '));
      while (!first.empty() && (first.back() == ':' || first.back() == ',')) first.pop_back();
      for (std::string_view l : {"plats", "paragraf", "tid", "datum", "närvarande", "ledamöter", "ledamot", "sida",
                                 "sid", "justerare", "organ", "lokal", "sammanträdesdatum", "innehållsförteckning"})
        label = label || first == l;
    }
    // A page that starts inside a list of people: "2 Daniel Hansson (S) …".
    {
      std::string_view after = text.substr(k + 1, std::min<std::size_t>(80, n - k - 1));
      std::size_t paren = after.find(" (");
      if (paren != std::string_view::npos && paren < 40 && looksLikePersonName(after.substr(0, paren))) label = true;
      // "2 Johan Utter, sekreterare": a page that starts with an official and a title.
      std::size_t comma = after.find(',');
      if (comma != std::string_view::npos && comma < 30 && looksLikePersonName(after.substr(0, comma)) &&
          after.substr(0, comma).find(' ') != std::string_view::npos) {
        // Names are short words ("Föredragningslista Föredragningslista, daterad …" is a title).
        auto words = splitWords(after.substr(0, comma));
        label = label || std::all_of(words.begin(), words.end(), [](std::string_view w) { return w.size() <= 14; });
      }
    }
    // A page header after a transcript's page index ("1 Sammanträdesprotokoll",
    // "3 SAMMANTRÄDESPROTOKOLL Sida 3", "11 Hultsfreds kommun", "2 Kommunstyrelsen").
    bool allCaps = true;
    for (std::size_t q = 0; q < title.size(); ++q)
      if (isLowerAt(title, q)) allCaps = false;
    // "Protokoll", "Sammanträdesprotokoll": a running header ("Protokollsjustering" is an item).
    // "1 Socialnämnden (27)": the body and the page count of a running header.
    if (std::size_t pc = lowerTitle.rfind(" (");
        pc != std::string::npos && lowerTitle.ends_with(")") &&
        lowerTitle.find_first_not_of("0123456789", pc + 2) == lowerTitle.size() - 1)
      lowerTitle = lowerTitle.substr(0, pc), title = title.substr(0, pc);
    std::string firstTitleWord = lowerTitle.substr(0, lowerTitle.find(' '));
    bool header = allCaps || firstTitleWord.ends_with("protokoll") || firstTitleWord == "protokollsutdrag" ||
                  lowerTitle.starts_with("sida") || lowerTitle.ends_with(" kommun") || lowerTitle.ends_with(" stad") ||
                  lowerTitle.starts_with("region ") || lowerTitle.starts_with("landsting") ||
                  (title.find(' ') == std::string::npos &&
                   (lowerTitle.ends_with("styrelsen") || lowerTitle.ends_with("nämnden") ||
                    lowerTitle.ends_with("fullmäktige") || lowerTitle.ends_with("utskottet")));
    if (title.size() < 3 || label || header) {
      i = k;
      continue;
    }
    if (!values.empty() && v <= values.back()) {
      i = k;
      continue;
    }
    chain.push_back({begin, t, e, e, prefix + std::to_string(v)});
    values.push_back(v);
    i = e;
  }
  return itemsFromHeadings(text, chain);
}

}  // namespace beslut::plugins::minutes
