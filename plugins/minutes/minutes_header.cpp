// The header of minutes: body, date, time, place, signatures, attendees.
//
// Swedish minutes print their front page in one of a few shapes, all handled
// here line by line:
//   "Tid: Fredag 28 september 2018 kl 09:00 – 12:00"         label, colon, value
//   "Plats och tid       Kommunhuset, kl. 13.00–16.15"        label column, value column
//   "Tid och plats" / "Tisdag 3 september 2019 kl. 08.30 …"   label alone, value below
//   "Beslutande          Maria Lind (S), ordförande"           attendee group, first row
//   "                    Olle Strand (S), tjg ers för …"       further rows, indented
//   "Ordförande          Birgitta Holm (C)"                    role-first rows
//   "Irén Lejegren        Håkan Söderman" / "Ordförande  Justerare"   names above roles
//   "Sekreterare   ..........   Paragrafer 63–67" / "Helena Ros"      role, then name below
#include <algorithm>
#include <array>

#include <unordered_map>

#include "beslut/text.h"
#include "minutes_internal.h"

namespace beslut::plugins::minutes {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Pieces of a line separated by runs of two or more spaces (or tabs).
std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < line.size()) {
      if (line[i] == '\t') break;
      if (line[i] == ' ' && i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t')) break;
      ++i;
    }
    if (i > b) out.push_back(trimView(line.substr(b, i - b)));
  }
  return out;
}

Span spanOf(std::string_view part, const Document& doc) {
  std::size_t b = static_cast<std::size_t>(part.data() - doc.text.data());
  return {b, b + part.size()};
}

void setFact(Document& doc, std::string& field, const std::string& key, std::string value, std::string_view source,
             double confidence) {
  field = std::move(value);
  doc.evidence[key] = Evidence{spanOf(source, doc), confidence};
}

// Role words of a signature line: "Ordförande   Justerare" -> {"ordförande", "justerare"}.
std::optional<std::vector<std::string>> signatureRoles(std::string_view lower) {
  std::vector<std::string> roles;
  std::string_view t = trimView(lower);
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < t.size() && t[i] != ' ' && t[i] != '\t') ++i;
    std::string_view w = t.substr(b, i - b);
    if (w.empty()) break;
    if (w == "vice") {
      roles.push_back("vice");
      continue;
    }
    if (w == "ordförande" || w == "justerare" || w == "justerande" || w == "sekreterare" || w == "protokollförare") {
      if (!roles.empty() && roles.back() == "vice") roles.back() = "vice ordförande";
      else roles.push_back(std::string(w));
      continue;
    }
    return std::nullopt;
  }
  if (roles.empty()) return std::nullopt;
  return roles;
}

enum class LabelKind {
  kTime,
  kDate,
  kPlace,
  kPlaceTime,
  kGroup,
  kAdjusters,
  kAdjustedDate,
  kSecretary,
  kChair,
  kIgnore
};
struct Label {
  std::string_view text;  // lower case
  LabelKind kind;
  std::string_view role;  // attendee role of a group
};

// Longest first, so that "justeringens plats och tid" wins over "justerare".
constexpr std::array<Label, 54> kLabels = {{
    {"justeringens plats och tid", LabelKind::kAdjustedDate, ""},
    {"justeringens tid och plats", LabelKind::kAdjustedDate, ""},
    {"plats och tid för justering", LabelKind::kAdjustedDate, ""},
    {"tid och plats för justering", LabelKind::kAdjustedDate, ""},
    {"icke tjänstgörande ersättare", LabelKind::kGroup, "ej tjänstgörande ersättare"},
    {"ej tjänstgörande ersättare", LabelKind::kGroup, "ej tjänstgörande ersättare"},
    {"övriga närvarande tjänstemän", LabelKind::kGroup, "övrig närvarande"},
    {"tjänstgörande ersättare", LabelKind::kGroup, "tjänstgörande ersättare"},
    {"närvarande ersättare", LabelKind::kGroup, "ej tjänstgörande ersättare"},
    {"närvarande ledamöter", LabelKind::kGroup, "ledamot"},
    {"beslutande ledamöter", LabelKind::kGroup, "ledamot"},
    {"närvarande tjänstemän", LabelKind::kGroup, "övrig närvarande"},
    {"datum för justering", LabelKind::kAdjustedDate, ""},
    {"övriga närvarande", LabelKind::kGroup, "övrig närvarande"},
    {"övriga deltagare", LabelKind::kGroup, "övrig närvarande"},
    {"sammanträdesdatum", LabelKind::kDate, ""},
    {"utses att justera", LabelKind::kAdjusters, ""},
    {"anmält förhinder", LabelKind::kGroup, ""},
    {"sammanträdestid", LabelKind::kTime, ""},
    {"sammanträdeslokal", LabelKind::kPlace, ""},
    {"vid protokollet", LabelKind::kSecretary, ""},
    {"justeringsdatum", LabelKind::kAdjustedDate, ""},
    {"protokollförare", LabelKind::kSecretary, ""},
    {"plats och tid", LabelKind::kPlaceTime, ""},
    {"tid och plats", LabelKind::kPlaceTime, ""},
    {"justerat den", LabelKind::kAdjustedDate, ""},
    {"justeringens", LabelKind::kAdjustedDate, ""},
    {"underskrifter", LabelKind::kIgnore, ""},
    {"justerandes signatur", LabelKind::kIgnore, ""},
    {"utdragsbestyrkande", LabelKind::kIgnore, ""},
    {"förvaringsplats", LabelKind::kIgnore, ""},
    {"underskrift", LabelKind::kIgnore, ""},
    {"sekreterare", LabelKind::kSecretary, ""},
    {"beslutande", LabelKind::kGroup, "ledamot"},
    {"närvarande", LabelKind::kGroup, "ledamot"},
    {"frånvarande", LabelKind::kGroup, ""},
    {"tjänstemän", LabelKind::kGroup, "övrig närvarande"},
    {"paragrafer", LabelKind::kIgnore, ""},
    {"ordförande", LabelKind::kChair, ""},
    {"justerande", LabelKind::kAdjusters, ""},
    {"ledamöter", LabelKind::kGroup, "ledamot"},
    {"ersättare", LabelKind::kGroup, "ersättare"},
    {"inbjudna", LabelKind::kGroup, "inbjuden"},
    {"gäster", LabelKind::kGroup, "inbjuden"},
    {"justerare", LabelKind::kAdjusters, ""},
    {"mötesdatum", LabelKind::kDate, ""},
    {"justerat", LabelKind::kAdjustedDate, ""},
    {"justerad", LabelKind::kAdjustedDate, ""},
    {"övriga", LabelKind::kGroup, "övrig närvarande"},
    {"anslag", LabelKind::kIgnore, ""},
    {"datum", LabelKind::kDate, ""},
    {"plats", LabelKind::kPlace, ""},
    {"lokal", LabelKind::kPlace, ""},
    {"tid", LabelKind::kTime, ""},
}};

struct LabelMatch {
  const Label* label = nullptr;
  std::string_view rest;  // the value on the same line, trimmed (a view into the line)
};

// A label at the start of the line, followed by the end, a colon, or a column gap.
std::optional<LabelMatch> matchLabel(std::string_view t, std::string_view lower) {
  // An attendance register's group heading with its column headings: "LEDAMÖTER Ja Nej Tid
  // Kl. 09.00-12.00 Ja Nej", "ERSÄTTARE:".
  for (std::string_view group : {"ledamöter", "ersättare"}) {
    if (!lower.starts_with(group) || !t.starts_with(group == "ledamöter" ? "LEDAM" : "ERS")) continue;
    std::string_view rest = lower.substr(group.size());
    bool columnsOnly = true;
    for (std::string_view w : splitWords(rest)) {
      if (w == ":" || w == "ja" || w == "nej" || w == "tid" || w == "kl." || w == "kl" || w == "närvaro" ||
          w == "votering" || w.find_first_not_of("0123456789.:-") == std::string_view::npos)
        continue;
      columnsOnly = false;
    }
    if (!columnsOnly || rest.empty() || rest == ":") continue;  // a plain "Ledamöter" is read below
    for (const Label& l : kLabels)
      if (l.kind == LabelKind::kGroup && l.text == group) return LabelMatch{&l, {}};
  }
  // A heading of its own with the body in the genitive: "Direktionens ledamöter",
  // "Nämndens ersättare:".
  if (std::size_t sp = lower.find(' '); sp != std::string_view::npos && sp > 3 && lower[sp - 1] == 's') {
    std::string_view rest = trimView(lower.substr(sp + 1));
    while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
    for (const Label& l : kLabels)
      if (l.kind == LabelKind::kGroup && (l.text == "ledamöter" || l.text == "ersättare") && rest == l.text)
        return LabelMatch{&l, {}};
  }
  for (const Label& l : kLabels) {
    if (!lower.starts_with(l.text)) continue;
    std::size_t n = l.text.size();
    std::string_view after = t.substr(n);
    if (after.empty()) return LabelMatch{&l, {}};
    if (after[0] == ':') return LabelMatch{&l, trimView(after.substr(1))};
    if (after[0] == '\t' || after.starts_with("  ")) return LabelMatch{&l, trimView(after)};
  }
  return std::nullopt;
}

// "Region Örebro län och länets kommuner", "Kumlaby kommun" in the letterhead.
std::string parentBody(const std::vector<Line>& lines, std::size_t end) {
  int seen = 0;
  std::string best;  // a region found so far
  for (std::size_t i = 0; i < end && i < lines.size() && seen < 16; ++i) {
    std::string_view t = trimView(lines[i].text);
    if (t.empty() || isLetterheadLine(t)) continue;
    ++seen;
    // An attendee's line ("Anna Ek (S)   Askersund kommun") names the
    // attendee's municipality, not the council that keeps the minutes.
    if (std::size_t paren = t.find(" (");
        paren != std::string_view::npos &&
        (looksLikePersonName(t.substr(0, paren)) ||
         looksLikePersonName(columns(t.substr(0, paren)).empty() ? std::string_view()
                                                                 : columns(t.substr(0, paren)).back())))
      continue;
    if (!columns(t).empty() && looksLikePersonName(columns(t).front()) && columns(t).size() >= 2) continue;
    std::string lower = toLowerSwedish(t);
    for (std::size_t p = lower.find("region "); p != std::string::npos; p = lower.find("region ", p + 1)) {
      if (p > 0 && lower[p - 1] != ' ') continue;
      if (!isUpperAt(t, p + 7)) continue;
      std::size_t lan = lower.find(" län", p);
      if (lan == std::string::npos || lan - p > 40) continue;
      std::size_t e = lan + 5;  // " län" is 5 bytes
      std::string out(t.substr(p, e - p));
      for (std::string_view tail : {" och länets kommuner", " och kommunerna i länet"})
        if (lower.compare(e, tail.size(), tail) == 0) out += std::string(t.substr(e, tail.size()));
      // A running header ("Region Örebro län   Protokoll") may name the region
      // before the letterhead names the council in full ("… och länets kommuner").
      if (best.empty()) best = out;
      else if (out.size() > best.size() && out.starts_with(best)) best = out;
      break;
    }
    if (!best.empty()) continue;
    for (std::string_view col : columns(t)) {
      std::string cl = toLowerSwedish(col);
      std::size_t sp = cl.find(' ');
      if (sp == std::string::npos || cl.substr(sp) != " kommun" || !isUpperAt(col, 0)) continue;
      std::string word = toLowerSwedish(col.substr(0, sp));
      // Title case: the first letter as printed, the rest lower case.
      std::size_t first = static_cast<unsigned char>(col[0]) >= 0xC0 ? 2 : 1;
      return std::string(col.substr(0, first)) + word.substr(first) + " kommun";
    }
  }
  return best;
}

// Words of an organisation: an affiliation, not a title.
bool looksLikeOrganisation(std::string_view s) {
  if (s.empty() || !isUpperAt(s, 0) || s.size() > 80) return false;
  std::string l = " " + toLowerSwedish(s) + " ";
  for (std::string_view w :
       {" kommun ", "region ", " län ", "landsting", " ab ", "universitet", "förbund", "kommunalförbund", " bolag"})
    if (l.find(w) != std::string::npos) return true;
  return false;
}


// "Håkan Söderman (M), vice ordförande Lekeberg kommun", "Ewa Lindberg   Region Örebro län",
// "Olle Strand (S), tjg ers för Anna Nyström (S)", "Lars Frisk, kommundirektör".
std::optional<Attendee> parseNameFirst(std::string_view t, const std::string& groupRole) {
  if (t.empty() || t.size() > 200) return std::nullopt;
  Attendee a;
  a.role = groupRole;
  std::string_view rest;
  std::size_t open = t.find('(');
  std::size_t close = open == std::string_view::npos ? open : t.find(')', open);
  if (open != std::string_view::npos && close != std::string_view::npos && close - open <= 7 && open < 60) {
    a.name = trim(t.substr(0, open));
    a.party = trim(t.substr(open + 1, close - open - 1));
    if (a.party.empty()) return std::nullopt;
    for (std::size_t i = 0; i < a.party.size() && a.party != "-"; ++i) {  // "(-)": no party, as printed
      bool ok = (a.party[i] >= 'A' && a.party[i] <= 'Z') || (a.party[i] >= 'a' && a.party[i] <= 'z') ||
                static_cast<unsigned char>(a.party[i]) >= 0x80;
      if (!ok) return std::nullopt;
    }
    rest = trimView(t.substr(close + 1));
  } else {
    auto cols = columns(t);
    if (cols.empty()) return std::nullopt;
    std::string_view first = cols[0];
    std::size_t cut = first.find(',');
    for (std::string_view w : {" ersätter ", " för "}) {
      std::size_t p = first.find(w);
      if (p != std::string_view::npos && p < cut) cut = p;
    }
    a.name = trim(first.substr(0, cut));
    rest = trimView(t.substr(static_cast<std::size_t>(first.data() - t.data()) + a.name.size()));
    // "Ewa Lindberg Region Örebro län": the column gap lost (a PDF's text layer,
    // a web page); the organisation at the end is the affiliation.
    if (!looksLikePersonName(a.name) && (cut == std::string_view::npos || cut >= first.size())) {
      for (std::size_t sp = first.find(' '); sp != std::string_view::npos; sp = first.find(' ', sp + 1)) {
        std::string_view head = trimView(first.substr(0, sp)), tail = trimView(first.substr(sp + 1));
        // The organisation must start where the tail starts: "Region …", "Landstinget …",
        // "Askersund kommun", "Solna stad" (not "Ladinek Region Örebro län").
        std::string lt = toLowerSwedish(tail);
        const std::size_t words = static_cast<std::size_t>(std::count(lt.begin(), lt.end(), ' ')) + 1;
        const bool orgStart = lt.starts_with("region ") || lt.starts_with("landstinget ") ||
                              lt.starts_with("regionförbundet ") ||
                              (words == 2 &&
                               (lt.ends_with(" kommun") || lt.ends_with(" stad") || lt.ends_with(" landsting")));
        if (orgStart && looksLikePersonName(head) && looksLikeOrganisation(tail)) {
          a.name = std::string(head);
          rest = trimView(t.substr(static_cast<std::size_t>(tail.data() - t.data())));
          break;
        }
      }
    }
  }
  if (!looksLikePersonName(a.name)) return std::nullopt;
  // The rest: a role ("ordförande", "tjg ers för X"), a title, an affiliation.
  while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
  // "Thor Lindgren, s, ordförande", "Stina Kimselius, M, via länk": the party
  // between commas, in any case, one to three letters.
  if (a.party.empty()) {
    std::size_t end = 0;
    while (end < rest.size() && end < 4 &&
           ((rest[end] >= 'a' && rest[end] <= 'z') || (rest[end] >= 'A' && rest[end] <= 'Z')))
      ++end;
    if (end >= 1 && end <= 3 && (end == rest.size() || rest[end] == ',' || rest[end] == ' ')) {
      std::string token(rest.substr(0, end));
      std::string lower = toLowerSwedish(token);
      if (isPartyAbbreviation(lower)) {
        a.party = token;
        rest.remove_prefix(end);
        while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
      }
    }
  }
  if (std::string r = roleOf(rest); !r.empty()) a.role = r;
  std::string lowerRest = toLowerSwedish(rest);
  bool substitute = a.role.ends_with("ersättare") &&
                    (lowerRest.find(" för ") != std::string::npos || lowerRest.find("ersätter") != std::string::npos ||
                     lowerRest.starts_with("för "));
  if (!substitute) {
    // Affiliation: the first organisation-like piece (split at commas and column gaps).
    std::vector<std::string_view> pieces;
    for (std::string_view col : columns(rest)) {
      std::size_t b = 0;
      while (b <= col.size()) {
        std::size_t e = col.find(',', b);
        if (e == std::string_view::npos) e = col.size();
        pieces.push_back(trimView(col.substr(b, e - b)));
        b = e + 1;
      }
    }
    for (std::string_view piece : pieces) {
      // "vice ordförande Lekeberg kommun": drop a leading role phrase.
      std::string pl = toLowerSwedish(piece);
      for (std::string_view r : {"2:e vice ordförande", "1:e vice ordförande", "förste vice ordförande",
                                 "andre vice ordförande", "vice ordförande", "ordförande", "ledamot", "ersättare"})
        if (pl.starts_with(r)) {
          piece = trimView(piece.substr(r.size()));
          break;
        }
      if (looksLikeOrganisation(piece)) {
        a.affiliation = oneLine(piece);
        break;
      }
    }
  }
  return a;
}

// A row of an attendee list: name first, or role/title first ("Ordförande   Birgitta Holm (C)").
std::optional<Attendee> parseAttendee(std::string_view line, const std::string& groupRole) {
  std::string_view t = trimView(line);
  if (t.empty() || t.size() > 200) return std::nullopt;
  auto cols = columns(t);
  if (cols.size() >= 2 && !looksLikePersonName(cols[0]) && cols[0].find('(') == std::string_view::npos &&
      isUpperAt(cols[0], 0) && cols[0].size() <= 40) {
    std::string_view rest = t.substr(static_cast<std::size_t>(cols[1].data() - t.data()));
    std::string role = roleOf(cols[0]);
    if (auto a = parseNameFirst(rest, role.empty() ? (groupRole.empty() ? "övrig närvarande" : groupRole) : role)) {
      if (!role.empty()) a->role = role;
      return a;
    }
  }
  // A row of an attendance register (närvarolista): "Nils Matsson, ordf m x",
  // "Annili Caap m x", "Catharina Famer Erdtman s x Kl. 09.00-09.45": the party, then
  // the cross of presence (a row without it is someone absent).
  if (t.find('(') == std::string_view::npos) {
    std::vector<std::string_view> words = splitWords(t);
    for (std::size_t k = 2; k < words.size(); ++k) {
      if (words[k] != "x" && words[k] != "X") continue;
      if (!isPartyAbbreviation(toLowerSwedish(words[k - 1]))) break;
      std::string_view head = t.substr(0, static_cast<std::size_t>(words[k - 1].data() - t.data()));
      head = trimView(head);
      std::size_t comma = head.find(',');
      std::string rebuilt = std::string(trimView(head.substr(0, comma))) + " (" + std::string(words[k - 1]) + ")";
      if (comma != std::string_view::npos) rebuilt += ", " + std::string(trimView(head.substr(comma + 1)));
      std::string role = comma != std::string_view::npos ? roleOf(head.substr(comma + 1)) : std::string();
      if (auto a = parseNameFirst(rebuilt, groupRole)) {
        if (!role.empty()) a->role = role;
        return a;
      }
      break;
    }
  }
  return parseNameFirst(t, groupRole);
}

// A row holding several people, two columns flattened into one line:
// "Magnus Persson (C), ordförande Atilla Yavuz (V)", "Göran Stark (M) (distans)
// Gunnar Ihrén (L) (distans)". A new person starts at the capitalised name
// before a party, unless the word before it ties the two ("Jon Pettersson (M)
// ersätter Veronika de Jonge (M)", "X (S) tjg för Y (S)").
std::vector<std::string_view> splitPeopleRow(std::string_view t) {
  std::vector<std::size_t> starts{0};
  std::size_t lastParty = std::string_view::npos;  // the last party's " (" seen
  for (std::size_t open = t.find(" ("); open != std::string_view::npos; open = t.find(" (", open + 2)) {
    std::size_t close = t.find(')', open);
    if (close == std::string_view::npos || close - open > 7) continue;
    std::string_view party = t.substr(open + 2, close - open - 2);
    bool partyLike = !party.empty() && party.size() <= 4;
    for (char c : party) partyLike = partyLike && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-');
    if (!partyLike) continue;
    // Back over the name: capitalised words and the particles inside names.
    std::size_t b = open;
    int words = 0;
    while (b > 0 && words < 5) {
      std::size_t sp = t.rfind(' ', b - 1);
      std::size_t wb = sp == std::string_view::npos ? 0 : sp + 1;
      std::string_view w = t.substr(wb, b - wb);
      // "(S)Dennis Ljunggren (S)": a transcript glued the name to the party before it.
      if (std::size_t q = w.rfind(')'); q != std::string_view::npos && q + 1 < w.size() && isUpperAt(w, q + 1)) {
        b = wb + q + 1;
        ++words;
        break;
      }
      // "ordförandeDan Björk (M)", "KarlssonSonny Landerberg (MP)": a word glued to the
      // name after it (a capital after at least five letters; "MariAnne" is a name).
      std::size_t glue = std::string_view::npos;
      for (std::size_t q = 5; q + 1 < w.size(); ++q)
        if (isUpperAt(w, q) && (isLowerAt(w, q - 1) || (w[q - 1] >= '0' && w[q - 1] <= '9'))) {
          glue = q;
          break;
        }
      if (glue != std::string_view::npos) {
        b = wb + glue;
        ++words;
        break;
      }
      bool particle = w == "de" || w == "af" || w == "von" || w == "van" || w == "la" || w == "di";
      if (w.empty() || (!isUpperAt(w, 0) && !particle) || w.back() == ')' || w.back() == ',') break;
      b = wb == 0 ? 0 : wb - 1;
      ++words;
      if (wb == 0) break;
    }
    std::size_t nameBegin = b == 0 ? 0 : (t[b] == ' ' ? b + 1 : b);
    const bool personBefore = lastParty != std::string_view::npos && lastParty >= starts.back() &&
                              lastParty < nameBegin;
    lastParty = open;
    if (words == 0 || nameBegin <= starts.back()) continue;
    if (!personBefore) continue;  // no person before it yet
    // The word before the name (from a short window, so that a long row stays linear).
    const std::size_t from = std::max(starts.back(), nameBegin > 40 ? nameBegin - 40 : 0);
    std::string before = toLowerSwedish(trimView(t.substr(from, nameBegin - from)));
    std::size_t sp = before.rfind(' ');
    std::string_view prev = std::string_view(before).substr(sp == std::string::npos ? 0 : sp + 1);
    if (prev == "för" || prev == "ersätter" || prev == "tjg" || prev == "av" || prev == "ers" || prev == "ers." ||
        prev == "och" || prev == "samt" || prev == "ersättare")
      continue;
    starts.push_back(nameBegin);
  }
  std::vector<std::string_view> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t e = k + 1 < starts.size() ? starts[k + 1] : t.size();
    out.push_back(trimView(t.substr(starts[k], e - starts[k])));
  }
  return out;
}

// The attendees of a row (a view into doc.text), each with its span.
std::vector<Attendee> peopleInRow(std::string_view row, const std::string& role, const Document& doc) {
  std::vector<Attendee> out;
  for (std::string_view part : splitPeopleRow(row))
    if (auto a = parseAttendee(part, role)) {
      a->span = spanOf(part, doc);
      a->confidence = a->party.empty() ? 0.75 : 0.9;
      out.push_back(std::move(*a));
    }
  return out;
}

// Names in "Anna Berg och Per Ek", "Anna Berg, Per Ek", "Anna Berg    Per Ek".
std::vector<std::string> namesIn(std::string_view s) {
  std::vector<std::string> out;
  std::string names = oneLine(s);
  std::string joined;
  for (std::string_view col : columns(names)) joined += (joined.empty() ? "" : ", ") + std::string(col);
  for (std::size_t b = 0; b < joined.size();) {
    std::size_t e = joined.find(',', b);
    std::size_t och = joined.find(" och ", b);
    if (och != std::string::npos && (e == std::string::npos || och < e)) e = och;
    std::string n = trim(std::string_view(joined).substr(b, e == std::string::npos ? std::string::npos : e - b));
    // "Anna Berg (S)" -> "Anna Berg"
    if (std::size_t p = n.find(" ("); p != std::string::npos) n = trim(n.substr(0, p));
    if (looksLikePersonName(n)) out.push_back(n);
    if (e == std::string::npos) break;
    b = e + (joined.compare(e, 5, " och ") == 0 ? 5 : 1);
  }
  return out;
}

// The value of a signature role: "..........   Paragrafer 63–67" -> "" ; "Helena Ros" -> "Helena Ros".
std::string_view signatureValue(std::string_view rest) {
  auto cols = columns(rest);
  for (std::string_view c : cols) {
    std::string_view v = c;
    while (!v.empty() && (v.front() == '.' || v.front() == '_' || v.front() == ' ')) v.remove_prefix(1);
    if (looksLikePersonName(v)) return v;
  }
  return {};
}

// The next non-blank line after `i` (within `limit` lines) when it holds a person's name.
std::optional<std::string_view> nameBelow(const std::vector<Line>& lines, std::size_t i, std::size_t limit) {
  for (std::size_t j = i + 1; j < lines.size() && j <= i + limit; ++j) {
    std::string_view t = trimView(lines[j].text);
    if (t.empty()) continue;
    auto cols = columns(t);
    if (!cols.empty() && looksLikePersonName(cols[0])) return cols[0];
    return std::nullopt;
  }
  return std::nullopt;
}

// "Kommunhuset, sammanträdesrum Bergslagen, kl. 13.00–16.15" -> place, date and time.
void placeAndTime(std::string_view v, Document& doc) {
  std::string lower = toLowerSwedish(v);
  if (auto d = parseSwedishDate(v); d && doc.date.empty()) setFact(doc, doc.date, "date", *d, v, 0.9);
  if (auto tr = parseTimeRange(v)) setFact(doc, doc.time, "time", *tr, v, 0.9);
  // Where the date/time part starts: a weekday, "den", "kl", or the first digit.
  std::size_t start = v.size();
  for (std::string_view w :
       {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "kl ", "kl.", "klockan ", "den "}) {
    std::size_t p = lower.find(w);
    if (p != std::string::npos && (p == 0 || lower[p - 1] == ' ' || lower[p - 1] == ',')) start = std::min(start, p);
  }
  for (std::size_t i = 0; i < v.size(); ++i)
    if (isDigit(v[i])) {
      start = std::min(start, i);
      break;
    }
  auto clean = [](std::string_view s) {
    while (!s.empty() && (s.front() == ',' || s.front() == ' ' || s.front() == '-')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ',' || s.back() == ' ' || s.back() == '-')) s.remove_suffix(1);
    return s;
  };
  std::string_view before = clean(v.substr(0, start));
  if (!before.empty()) {
    setFact(doc, doc.place, "place", oneLine(before), before, 0.85);
    return;
  }
  // After the date and time: skip characters of dates and times.
  std::size_t i = start;
  while (i < v.size()) {
    char c = v[i];
    bool timeChar = isDigit(c) || c == '.' || c == ':' || c == '-' || c == ' ' || c == ',';
    if (timeChar) {
      ++i;
      continue;
    }
    if (v.substr(i, 3) == "\xE2\x80\x93") {
      i += 3;
      continue;
    }
    // a word: skip weekday, month names, "den", "kl", "klockan"
    std::size_t e = i;
    while (e < v.size() && v[e] != ' ' && v[e] != ',') ++e;
    std::string w = toLowerSwedish(v.substr(i, e - i));
    while (!w.empty() && w.back() == '.') w.pop_back();
    bool dateWord = w == "den" || w == "kl" || w == "klockan" || swedishMonth(w).has_value() || w.ends_with("dag") ||
                    w.ends_with("dagen");
    if (!dateWord) break;
    i = e;
  }
  std::string_view after = clean(v.substr(std::min(i, v.size())));
  // "Solna stadshus, rum 126 Edsviken, kl 18:00-20:56 Uppehåll …": the place ends at its time.
  {
    std::string la = toLowerSwedish(after);
    for (std::string_view w : {", kl ", ", kl.", " kl ", " kl.", ", klockan ", " klockan "})
      if (std::size_t p = la.find(w); p != std::string::npos) after = clean(after.substr(0, std::min(p, after.size())));
  }
  if (!after.empty()) setFact(doc, doc.place, "place", oneLine(after), after, 0.8);
}

void setOrganization(const std::vector<Line>& lines, std::size_t i, std::string_view afterWord, Document& doc) {
  std::string org(trimView(afterWord));
  std::size_t last = i;
  for (std::size_t j = i + 1; j < lines.size() && j < i + 3; ++j) {
    std::string_view t = trimView(lines[j].text);
    std::string lower = toLowerSwedish(t);
    if (t.empty() || t.find(':') != std::string_view::npos || parseSwedishDate(t)) break;
    if (lower.starts_with("tid") || lower.starts_with("datum") || lower.starts_with("plats")) break;
    if (org.empty() || org.back() != ',') {
      std::string lastWord = toLowerSwedish(org.substr(org.rfind(' ') == std::string::npos ? 0 : org.rfind(' ') + 1));
      if (!org.empty() && lastWord != "och" && lastWord != "för" && lastWord != "i" && lastWord != "med") break;
    }
    org += org.empty() ? "" : " ";
    org += t;
    last = j;
  }
  // A date printed after the body ("Kommunstyrelsen 2020-05-12") is the meeting date; one
  // far into a cover run into the line is another date (the adjustment's, the notice's).
  if (auto d = parseSwedishDate(std::string_view(org).substr(0, std::min<std::size_t>(org.size(), 80)))) {
    if (doc.date.empty()) setFact(doc, doc.date, "date", *d, lines[i].text, 0.8);
    std::size_t digit = org.find_first_of("0123456789");
    if (digit != std::string::npos) org = trim(org.substr(0, digit));
  }
  doc.organization = collapseSpaces(org);
  std::size_t b = static_cast<std::size_t>(afterWord.data() - doc.text.data());
  doc.evidence["body"] = Evidence{{b, lines[last].end}, 0.9};
}

void addAdjusters(Document& doc, std::string_view value, double confidence) {
  for (const std::string& n : namesIn(value))
    if (std::find(doc.adjusters.begin(), doc.adjusters.end(), n) == doc.adjusters.end()) {
      doc.adjusters.push_back(n);
      doc.evidence["adjusters/" + std::to_string(doc.adjusters.size() - 1)] = Evidence{spanOf(value, doc), confidence};
    }
}

}  // namespace

void parseSignatures(const std::vector<Line>& lines, std::size_t from, std::size_t to, Document& doc) {
  for (std::size_t i = from; i < to && i < lines.size(); ++i) {
    std::string_view t = trimView(lines[i].text);
    if (t.empty() || t.size() > 200) continue;
    auto roles = signatureRoles(toLowerSwedish(t));
    if (!roles) continue;
    // Names on the line just above or just below the roles; then with blank lines between.
    auto namesAt = [&](std::size_t k) {
      std::string_view line = trimView(lines[k].text);
      std::vector<std::string_view> n = columns(line);
      // "Astrid Edin Thor Lindgren Ulf Lundberg" above "sekreterare ordförande justerare":
      // the column gaps lost, two capitalised words a name.
      if (n.size() == 1 && roles->size() >= 2) {
        std::vector<std::string_view> words = splitWords(line);
        bool capitals = std::all_of(words.begin(), words.end(), [](std::string_view w) { return isUpperAt(w, 0); });
        if (capitals && words.size() == 2 * roles->size()) {
          n.clear();
          for (std::size_t w = 0; w < words.size(); w += 2)
            n.push_back(
                line.substr(static_cast<std::size_t>(words[w].data() - line.data()),
                            static_cast<std::size_t>(words[w + 1].data() + words[w + 1].size() - words[w].data())));
        }
      }
      if (n.size() != roles->size() || !looksLikePersonName(n[0])) n.clear();
      return n;
    };
    std::vector<std::string_view> names;
    if (i > from) names = namesAt(i - 1);
    if (names.empty() && i + 1 < lines.size()) names = namesAt(i + 1);
    if (names.empty()) {
      std::size_t j = i;
      while (j > from && trimView(lines[j - 1].text).empty()) --j;
      if (j > from && j < i) names = namesAt(j - 1);
    }
    if (names.empty()) {
      std::size_t k = i + 1;
      while (k < lines.size() && k < i + 3 && trimView(lines[k].text).empty()) ++k;
      if (k > i + 1 && k < lines.size() && k < i + 3) names = namesAt(k);
    }
    if (names.size() != roles->size()) continue;
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (!looksLikePersonName(names[k])) continue;
      const std::string& r = (*roles)[k];
      std::string n(names[k]);
      if (r == "ordförande" && doc.chair.empty()) setFact(doc, doc.chair, "chair", n, names[k], 0.9);
      if ((r == "justerare" || r == "justerande") &&
          std::find(doc.adjusters.begin(), doc.adjusters.end(), n) == doc.adjusters.end())
        addAdjusters(doc, names[k], 0.85);
      if ((r == "sekreterare" || r == "protokollförare") && doc.secretary.empty())
        setFact(doc, doc.secretary, "secretary", n, names[k], 0.9);
    }
  }
}

// A list of substitutes where some are marked serving ("Anna Ek (S), tjänstgörande"):
// the others in the same list do not serve.
void settleSubstitutes(Document& doc, std::size_t begin) {
  bool serving = false, plain = false;
  for (std::size_t k = begin; k < doc.attendees.size(); ++k) {
    serving = serving || doc.attendees[k].role == "tjänstgörande ersättare";
    plain = plain || doc.attendees[k].role == "ersättare";
  }
  if (serving && plain)
    for (std::size_t k = begin; k < doc.attendees.size(); ++k)
      if (doc.attendees[k].role == "ersättare") doc.attendees[k].role = "ej tjänstgörande ersättare";
}

void parseHeader(const std::vector<Line>& lines, std::size_t end, Document& doc) {
  std::optional<std::string> role;  // current attendee group
  std::size_t groupBegin = doc.attendees.size();
  LabelKind lastLabel = LabelKind::kIgnore;
  for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
    std::string_view t = trimView(lines[i].text);
    if (t.empty()) continue;
    std::string lower = toLowerSwedish(t);

    // "Protokoll <body>" / "Sammanträdesprotokoll <body>"
    if (doc.organization.empty()) {
      for (std::string_view w : {"protokoll ", "sammanträdesprotokoll "}) {
        if (lower.starts_with(w) && !lower.starts_with("protokollet") && t.size() > w.size() &&
            isUpperAt(trimView(t.substr(w.size())), 0))
          setOrganization(lines, i, trimView(t.substr(w.size())), doc);
      }
    }
    if (auto roles = signatureRoles(lower)) {
      parseSignatures(lines, i > 4 ? i - 4 : 0, i + 1, doc);
      if (roles->size() > 1) continue;
    }
    auto label = matchLabel(t, lower);
    // Inside an attendee group, "Ordförande   Birgitta Holm (C)" is a row, not a label.
    if (role && (!label || label->label->kind == LabelKind::kChair || label->label->kind == LabelKind::kSecretary)) {
      if (auto people = peopleInRow(t, *role, doc); !people.empty()) {
        if (!role->empty())
          for (Attendee& a : people)
            if (doc.attendees.size() < kMaxAttendees) doc.attendees.push_back(std::move(a));
        continue;
      }
    }
    if (!label) {
      if (role && (isUrlLine(t) || isLetterheadLine(t))) role.reset();
      else if (role) role.reset();
      continue;
    }
    const Label& l = *label->label;
    std::string_view rest = label->rest;
    // A label alone on its line: the value is on the next line(s).
    auto valueBelow = [&]() -> std::string_view {
      for (std::size_t j = i + 1; j < end && j < i + 3; ++j) {
        std::string_view v = trimView(lines[j].text);
        if (v.empty()) continue;
        if (matchLabel(v, toLowerSwedish(v))) return {};
        return v;
      }
      return {};
    };
    if (l.kind != LabelKind::kGroup) role.reset();
    const LabelKind previousLabel = lastLabel;
    lastLabel = l.kind;
    switch (l.kind) {
      case LabelKind::kTime: {
        std::string_view v = rest.empty() ? valueBelow() : rest;
        if (auto d = parseSwedishDate(v); d && doc.date.empty()) setFact(doc, doc.date, "date", *d, v, 0.95);
        if (auto tr = parseTimeRange(v)) setFact(doc, doc.time, "time", *tr, v, 0.95);
        break;
      }
      case LabelKind::kDate: {
        std::string_view v = rest.empty() ? valueBelow() : rest;
        if (auto d = parseSwedishDate(v); d && doc.date.empty()) setFact(doc, doc.date, "date", *d, v, 0.95);
        break;
      }
      case LabelKind::kPlace: {
        std::string_view v = rest.empty() ? valueBelow() : rest;
        if (!v.empty() && doc.place.empty()) setFact(doc, doc.place, "place", oneLine(v), v, 0.95);
        break;
      }
      case LabelKind::kPlaceTime: {
        std::string_view v = rest.empty() ? valueBelow() : rest;
        // After "Utses att justera …" the place and time are the adjustment's (SKR's
        // template repeats the label).
        if (previousLabel == LabelKind::kAdjusters && !doc.place.empty()) {
          if (auto d = parseSwedishDateAfter(v, doc.date); d && doc.adjusted_date.empty())
            setFact(doc, doc.adjusted_date, "adjusted_date", *d, v, 0.85);
          break;
        }
        if (!v.empty()) placeAndTime(v, doc);
        break;
      }
      case LabelKind::kGroup:
        settleSubstitutes(doc, groupBegin);
        groupBegin = doc.attendees.size();
        role = std::string(l.role);
        if (!rest.empty() && !role->empty())
          for (Attendee& a : peopleInRow(rest, *role, doc))
            if (doc.attendees.size() < kMaxAttendees) doc.attendees.push_back(std::move(a));
        break;
      case LabelKind::kAdjusters: {
        std::string_view v = rest.empty() ? valueBelow() : rest;
        addAdjusters(doc, v, 0.95);
        break;
      }
      case LabelKind::kAdjustedDate: {
        std::optional<std::string> d;
        std::string_view src = rest;
        if (!rest.empty()) d = parseSwedishDate(rest);
        for (std::size_t j = i + 1; !d && j < end && j < i + 4; ++j) {
          d = parseSwedishDate(lines[j].text);
          src = lines[j].text;
        }
        if (d && doc.adjusted_date.empty()) setFact(doc, doc.adjusted_date, "adjusted_date", *d, src, 0.9);
        break;
      }
      case LabelKind::kSecretary:
      case LabelKind::kChair: {
        std::string_view v = signatureValue(rest);
        if (v.empty())
          if (auto below = nameBelow(lines, i, 4)) v = *below;
        if (v.empty()) break;
        if (l.kind == LabelKind::kSecretary && doc.secretary.empty())
          setFact(doc, doc.secretary, "secretary", std::string(v), v, 0.9);
        if (l.kind == LabelKind::kChair && doc.chair.empty()) setFact(doc, doc.chair, "chair", std::string(v), v, 0.9);
        break;
      }
      case LabelKind::kIgnore: break;
    }
  }

  // Without a "Protokoll <body>" line: the first header line naming a body.
  if (doc.organization.empty()) {
    for (std::size_t i = 0; i < end && i < lines.size() && i < 40; ++i) {
      std::string_view t = trimView(lines[i].text);
      if (t.empty() || t.size() > 160 || isLetterheadLine(t) || t.find(':') != std::string_view::npos) continue;
      for (std::string_view col : columns(t)) {
        std::string lower = toLowerSwedish(col);
        if (col.size() > 100 || !isUpperAt(col, 0) || isPageMarkerLine(col)) continue;
        bool body = false;
        for (std::string_view word : {"nämnd", "styrelse", "fullmäktige", "råd", "utskott", "beredning", "direktion"})
          body = body || lower.find(word) != std::string::npos;
        if (!body || lower.find("protokoll") != std::string::npos) continue;
        std::string_view name = col;
        if (std::size_t d = name.find_first_of("0123456789"); d != std::string_view::npos)
          name = trimView(name.substr(0, d));
        if (name.empty()) continue;
        doc.organization = std::string(name);
        doc.evidence["body"] = Evidence{spanOf(name, doc), 0.75};
        break;
      }
      if (!doc.organization.empty()) break;
    }
  }
  // The municipality or region the body belongs to, as in "Kommunstyrelsen (Kumlaby kommun)".
  std::string parent = parentBody(lines, end);
  if (!doc.organization.empty() && !parent.empty()) {
    std::string firstWord = toLowerSwedish(parent.substr(0, parent.find(' ')));
    if (firstWord == "region") firstWord = toLowerSwedish(parent.substr(7, parent.find(' ', 7) - 7));
    if (toLowerSwedish(doc.organization).find(firstWord) == std::string::npos) doc.organization += " (" + parent + ")";
  }
  if (doc.date.empty() && end > 0 && !lines.empty()) {
    for (std::size_t i = 0; i < end && i < lines.size() && i < 60 && doc.date.empty(); ++i)
      if (auto d = parseSwedishDate(lines[i].text)) setFact(doc, doc.date, "date", *d, lines[i].text, 0.6);
  }

  settleSubstitutes(doc, groupBegin);
  for (const Attendee& a : doc.attendees) {
    if (doc.chair.empty() && a.role == "ordförande")
      setFact(doc, doc.chair, "chair", a.name,
              std::string_view(doc.text).substr(a.span.begin, a.span.end - a.span.begin), 0.85);
    if (doc.secretary.empty() && a.role == "sekreterare")
      setFact(doc, doc.secretary, "secretary", a.name,
              std::string_view(doc.text).substr(a.span.begin, a.span.end - a.span.begin), 0.85);
  }
}

void addSecretaryAttendee(const std::vector<Line>& lines, std::size_t end, Document& doc) {
  if (doc.secretary.empty()) return;
  for (const Attendee& a : doc.attendees)
    if (a.name == doc.secretary) return;
  // Listed only by the signature: an official of the organisation that keeps the minutes.
  std::string parent = parentBody(lines, end);
  if (std::size_t och = parent.find(" och "); och != std::string::npos) parent = parent.substr(0, och);
  Attendee a;
  a.name = doc.secretary;
  a.role = "sekreterare";
  a.affiliation = parent;
  auto it = doc.evidence.find("secretary");
  if (it != doc.evidence.end()) a.span = it->second.span;
  a.confidence = 0.7;
  doc.attendees.push_back(std::move(a));
}

void settleAttendees(Document& doc) {
  // Each person once: a name printed in two lists or twice in one.
  std::vector<Attendee> unique;
  std::unordered_map<std::string, std::size_t> byName;
  for (Attendee& a : doc.attendees) {
    if (auto it = byName.find(a.name); it != byName.end()) {
      // Named first among the others (as adjuster, say), listed later as a member.
      Attendee& u = unique[it->second];
      if (u.role == "övrig närvarande" && (a.role == "ledamot" || a.role.ends_with("ordförande"))) {
        u.role = a.role;
        if (u.party.empty()) u.party = a.party;
      }
      continue;
    }
    byName.emplace(a.name, unique.size());
    unique.push_back(std::move(a));
  }
  doc.attendees = std::move(unique);
  // Roles from the signatures; the chair and the secretary are attendees too. The
  // minutes have one secretary, who signs them: a "kommunsekreterare" among the
  // officials is one of the others present.
  auto samePerson = [](const std::string& x, const std::string& y) {
    auto words = [](const std::string& s) {
      std::vector<std::string> w;
      for (std::string_view word : splitWords(s)) w.push_back(toLowerSwedish(word));
      std::sort(w.begin(), w.end());
      return w;
    };
    return words(x) == words(y);  // "Salomonsson Elisabeth" = "Elisabeth Salomonsson"
  };
  // Substitutes in minutes that mark who serves: the others present do not serve.
  const bool servingMarked = std::any_of(doc.attendees.begin(), doc.attendees.end(),
                                         [](const Attendee& a) { return a.role == "tjänstgörande ersättare"; });
  for (Attendee& a : doc.attendees) {
    if (servingMarked && a.role == "ersättare") a.role = "ej tjänstgörande ersättare";
    if (!doc.chair.empty() && a.name == doc.chair && (a.role == "ledamot" || a.role.empty())) a.role = "ordförande";
    if (doc.secretary.empty()) continue;
    if (samePerson(a.name, doc.secretary)) a.role = "sekreterare";
    else if (a.role == "sekreterare") a.role = "övrig närvarande";
  }
}

std::string viceChairRole(std::string_view lower) {
  std::size_t v = lower.find("vice ordf");
  if (v == std::string_view::npos) {
    // "v ordf", "v. ordf": the abbreviation of a register or a signature.
    for (std::string_view abbr : {"v ordf", "v. ordf", "v.ordf"})
      if (std::size_t a = lower.find(abbr); a != std::string_view::npos && (a == 0 || lower[a - 1] == ' '))
        return "vice ordförande";
    return {};
  }
  std::string_view before = trimView(lower.substr(0, v));
  std::size_t sp = before.rfind(' ');
  std::string_view ordinal = before.substr(sp == std::string_view::npos ? 0 : sp + 1);
  if (ordinal == "förste" || ordinal == "första") return "1:e vice ordförande";
  if (ordinal == "andre" || ordinal == "andra") return "2:e vice ordförande";
  if (ordinal.size() == 3 && ordinal[0] >= '1' && ordinal[0] <= '9' && ordinal[1] == ':' &&
      (ordinal[2] == 'e' || ordinal[2] == 'a'))
    return std::string(ordinal) + " vice ordförande";
  return "vice ordförande";
}

void readRegister(const std::vector<Line>& lines, std::size_t from, Document& doc) {
  std::size_t i = from;
  while (i < lines.size() && toLowerSwedish(trimView(lines[i].text).substr(0, 13)) != "närvarolista") ++i;
  if (i >= lines.size()) return;
  std::optional<std::string> role;
  int misses = 0;
  for (++i; i < lines.size() && misses < 4; ++i) {
    std::string_view t = trimView(lines[i].text);
    if (t.empty()) continue;
    std::string lower = toLowerSwedish(t);
    if (auto label = matchLabel(t, lower); label && label->label->kind == LabelKind::kGroup) {
      role = std::string(label->label->role);
      misses = 0;
      continue;
    }
    if (lower.starts_with("närvaro") || lower.starts_with("ledamöter") || lower.starts_with("ersättare")) continue;
    if (!role) {
      ++misses;
      continue;
    }
    auto a = parseAttendee(t, *role);
    if (!a || t.find(" x") == std::string_view::npos) {
      ++misses;
      continue;
    }
    misses = 0;
    if (doc.attendees.size() >= kMaxAttendees) break;
    a->span = spanOf(t, doc);
    a->confidence = 0.8;
    doc.attendees.push_back(std::move(*a));
  }
}

void readAttendanceProse(Document& doc) {
  if (!doc.attendees.empty()) return;
  std::string_view region = std::string_view(doc.text).substr(0, std::min<std::size_t>(doc.text.size(), 20000));
  auto add = [&doc](std::string_view raw, const std::string& role) {
    std::string name = oneLine(trimView(raw));
    if (std::size_t paren = name.find(" ("); paren != std::string::npos)
      name = trim(std::string_view(name).substr(0, paren));
    while (!name.empty() && (name.back() == '.' || name.back() == ',' || name.back() == ' ')) name.pop_back();
    for (std::string_view lead : {"Även ", "varvid ", "Varvid ", "också "})
      if (name.starts_with(lead)) name = name.substr(lead.size());
    if (!looksLikePersonName(name) || doc.attendees.size() >= kMaxAttendees) return;
    for (const Attendee& a : doc.attendees)
      if (a.name == name) return;
    Attendee a;
    a.name = name;
    a.role = role;
    std::size_t at = doc.text.find(name);
    if (at != std::string::npos) a.span = {at, at + name.size()};
    a.confidence = 0.6;
    doc.attendees.push_back(std::move(a));
  };
  // Names in "A, B och C" or "A respektive B", up to the end of the clause.
  auto eachName = [](std::string_view list, auto&& f) {
    std::size_t end = list.find_first_of(".;(");
    list = list.substr(0, end);
    std::size_t b = 0;
    while (b < list.size()) {
      std::size_t e = list.size();
      std::size_t sep = 0;
      for (std::string_view s : {", ", " och ", " respektive "})
        if (std::size_t p = list.find(s, b); p != std::string_view::npos && p < e) e = p, sep = s.size();
      f(list.substr(b, e - b));
      if (e == list.size()) break;
      b = e + sep;
    }
  };
  for (std::string_view sentence : splitSentences(region)) {
    if (sentence.size() > 3000) continue;
    const std::string lower = toLowerSwedish(sentence);
    // "Som ersättare för de frånvarande ledamöterna inträder: A för B, C för D och E för F."
    if (std::size_t p = lower.find("inträder:"); p != std::string::npos)
      eachName(sentence.substr(p + std::string_view("inträder:").size()), [&](std::string_view pair) {
        if (std::size_t f = pair.find(" för "); f != std::string_view::npos)
          add(pair.substr(0, f), "tjänstgörande ersättare");
      });
    // "Carl-Axel Roslund infinner sig under ärendet 57", "A och B infinner sig också …".
    if (std::size_t p = lower.find(" infinner sig"); p != std::string::npos)
      eachName(sentence.substr(0, p), [&](std::string_view n) { add(n, "ledamot"); });
    // "A och B lämnar sammanträdet under ärendet 58 och ersättes av C respektive D."
    if (std::size_t p = lower.find(" lämnar sammanträdet"); p != std::string::npos) {
      eachName(sentence.substr(0, p), [&](std::string_view n) { add(n, "ledamot"); });
      if (std::size_t q = lower.find("ersättes av ", p); q != std::string::npos)
        eachName(sentence.substr(q + std::string_view("ersättes av ").size()),
                 [&](std::string_view n) { add(n, "tjänstgörande ersättare"); });
    }
    // "…, varvid Thorbjörn Lindhqvist blir ny ersättare för Olle Aulin."
    if (std::size_t p = lower.find(" blir ny ersättare"); p != std::string::npos) {
      std::string_view before = sentence.substr(0, p);
      std::size_t from = before.find_last_of(",");
      add(before.substr(from == std::string_view::npos ? 0 : from + 1), "tjänstgörande ersättare");
    }
  }
}

bool isPartyAbbreviation(std::string_view lower) {
  static constexpr std::string_view kParties[] = {"s",  "m",  "c",  "v",   "l",  "kd",  "mp",  "sd",
                                                  "fp", "fi", "pp", "spi", "ns", "skp", "ald", "vänst"};
  return std::find(std::begin(kParties), std::end(kParties), lower) != std::end(kParties);
}

// The attendee role a phrase states: "vice ordförande", "1:e vice ordförande", "ordförande", …
std::string roleOf(std::string_view phrase) {
  std::string l = toLowerSwedish(trimView(phrase));
  if (std::string vice = viceChairRole(l); !vice.empty()) return vice;
  if (l.starts_with("ordf")) return "ordförande";
  if (l.find("ej tjg") != std::string::npos || l.find("ej tjänstgörande") != std::string::npos ||
      l.starts_with("icke tjänstgörande"))
    return "ej tjänstgörande ersättare";
  // A substitute serving for a member: "tjg ers för X", "ersätter X", ", tjänstgörande", "tj ersättare".
  if (l.starts_with("tjg") || l.starts_with("tjänstgör") || l.starts_with("tj ers") || l.starts_with("ersätter") ||
      l.find(" ersätter ") != std::string::npos || l.find("tjg ers") != std::string::npos ||
      l.find("tj ersättare") != std::string::npos)
    return "tjänstgörande ersättare";
  if (l.starts_with("ersättare") || l.starts_with("ers ") || l.starts_with("ers.") || l == "ers") return "ersättare";
  if (l.starts_with("ledamot")) return "ledamot";
  std::size_t comma = l.find(',');
  std::string first = l.substr(0, comma);
  // The minutes' secretary; a "kommunsekreterare" or "nämndsekreterare" is an official's
  // title, the secretary only when the signatures say so (settleAttendees).
  if (first == "sekreterare" || first == "protokollförare" || first == "mötessekreterare" ||
      first.starts_with("sekreterare "))
    return "sekreterare";
  return {};
}

}  // namespace beslut::plugins::minutes
