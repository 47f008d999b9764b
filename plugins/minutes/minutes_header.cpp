// The header of minutes: body, date, time, place, signatures, attendees.
#include <algorithm>
#include <array>

#include "beslut/text.h"
#include "minutes_internal.h"

namespace beslut::plugins::minutes {
namespace {

// "Tid: Fredag ..." -> rest after the label when `lower` starts with `label`.
std::optional<std::string_view> afterLabel(std::string_view line, std::string_view lower, std::string_view label) {
  if (!lower.starts_with(label)) return std::nullopt;
  return trimView(line.substr(label.size()));
}

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
    if (w == "ordförande" || w == "justerare" || w == "justerande" || w == "sekreterare" ||
        w == "protokollförare") {
      if (!roles.empty() && roles.back() == "vice") roles.back() = "vice ordförande";
      else roles.push_back(std::string(w));
      continue;
    }
    return std::nullopt;
  }
  if (roles.empty()) return std::nullopt;
  return roles;
}

// Attendee role for a group heading ("Ledamöter:", "Övriga närvarande:"), or
// nullopt when the line is no group heading. An empty role means "skip group".
std::optional<std::string> groupRole(std::string_view lower) {
  std::string_view t = trimView(lower);
  if (t.ends_with(":")) t.remove_suffix(1);
  t = trimView(t);
  struct G { std::string_view heading; std::string_view role; };
  static constexpr std::array<G, 16> kGroups = {{
      {"närvarande ledamöter", "ledamot"}, {"ledamöter", "ledamot"}, {"beslutande", "ledamot"},
      {"beslutande ledamöter", "ledamot"}, {"närvarande", "ledamot"},
      {"ersättare", "ersättare"}, {"tjänstgörande ersättare", "ersättare"},
      {"närvarande ersättare", "ersättare"}, {"icke tjänstgörande ersättare", "ersättare"},
      {"övriga närvarande", "övrig närvarande"}, {"övriga deltagare", "övrig närvarande"},
      {"övriga", "övrig närvarande"}, {"närvarande tjänstemän", "övrig närvarande"},
      {"tjänstemän", "övrig närvarande"}, {"frånvarande", ""}, {"anmält förhinder", ""},
  }};
  for (const G& g : kGroups)
    if (t == g.heading) return std::string(g.role);
  return std::nullopt;
}

// "Håkan Söderman (M), vice ordförande Lekeberg kommun" -> attendee.
std::optional<Attendee> parseAttendee(std::string_view line, const std::string& role) {
  std::string_view t = trimView(line);
  if (t.empty() || t.size() > 200) return std::nullopt;
  Attendee a;
  a.role = role;
  std::string_view rest;
  std::size_t open = t.find('(');
  std::size_t close = open == std::string_view::npos ? open : t.find(')', open);
  if (open != std::string_view::npos && close != std::string_view::npos && close - open <= 5 && open < 60) {
    a.name = trim(t.substr(0, open));
    a.party = trim(t.substr(open + 1, close - open - 1));
    for (char c : a.party)
      if (!(c >= 'A' && c <= 'Z')) return std::nullopt;
    rest = trimView(t.substr(close + 1));
  } else {
    auto cols = columns(t);
    if (cols.empty()) return std::nullopt;
    std::string_view first = cols[0];
    std::size_t comma = first.find(',');
    a.name = trim(first.substr(0, comma));
    rest = trimView(t.substr(static_cast<std::size_t>(first.data() - t.data()) + a.name.size()));
  }
  if (!looksLikePersonName(a.name)) return std::nullopt;
  if (rest.starts_with(",")) {
    rest = trimView(rest.substr(1));
    std::string lower = toLowerSwedish(rest);
    static constexpr std::array<std::string_view, 6> kRoles = {
        "2:e vice ordförande", "förste vice ordförande", "vice ordförande", "ordförande", "sekreterare", "ersättare"};
    for (auto r : kRoles)
      if (lower.starts_with(r)) {
        a.role = std::string(r);
        rest = trimView(rest.substr(r.size()));
        break;
      }
  }
  a.affiliation = oneLine(rest);
  return a;
}

void setOrganization(const std::vector<Line>& lines, std::size_t i, std::string_view afterWord, Document& doc) {
  std::string org(trimView(afterWord));
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
  }
  // A date printed after the body ("Kommunstyrelsen 2020-05-12") is the meeting date.
  if (auto d = parseSwedishDate(org)) {
    if (doc.date.empty()) doc.date = *d;
    std::size_t digit = org.find_first_of("0123456789");
    if (digit != std::string::npos) org = trim(org.substr(0, digit));
  }
  doc.organization = collapseSpaces(org);
}

}  // namespace

void parseHeader(const std::vector<Line>& lines, std::size_t end, Document& doc) {
  std::optional<std::string> role;  // current attendee group
  for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
    std::string_view t = trimView(lines[i].text);
    if (t.empty()) continue;
    std::string lower = toLowerSwedish(t);

    // "Protokoll <body>" / "Sammanträdesprotokoll <body>"
    if (doc.organization.empty()) {
      for (std::string_view w : {"protokoll ", "sammanträdesprotokoll "}) {
        if (lower.starts_with(w) && !lower.starts_with("protokollet")) setOrganization(lines, i, t.substr(w.size()), doc);
      }
    }
    if (auto rest = afterLabel(t, lower, "tid:")) {
      if (auto d = parseSwedishDate(*rest); d && doc.date.empty()) doc.date = *d;
      if (auto tr = parseTimeRange(*rest)) doc.time = *tr;
      continue;
    }
    if (auto rest = afterLabel(t, lower, "datum:")) {
      if (auto d = parseSwedishDate(*rest); d && doc.date.empty()) doc.date = *d;
      continue;
    }
    if (auto rest = afterLabel(t, lower, "plats:")) {
      doc.place = oneLine(*rest);
      continue;
    }
    if (auto rest = afterLabel(t, lower, "plats och tid:")) {
      doc.place = oneLine(rest->substr(0, rest->find_first_of("0123456789")));
      if (auto d = parseSwedishDate(*rest); d && doc.date.empty()) doc.date = *d;
      if (auto tr = parseTimeRange(*rest)) doc.time = *tr;
      continue;
    }
    if (lower.starts_with("vid protokollet") || lower.starts_with("sekreterare:")) {
      std::string_view rest = trimView(t.substr(t.find(':') == std::string_view::npos ? t.size() : t.find(':') + 1));
      if (looksLikePersonName(rest)) doc.secretary = std::string(rest);
      for (std::size_t j = i + 1; doc.secretary.empty() && j < end && j < i + 5; ++j)
        if (looksLikePersonName(trimView(lines[j].text))) doc.secretary = trim(lines[j].text);
      continue;
    }
    if (lower.starts_with("justerat") || lower.starts_with("justeringsdatum") || lower.starts_with("justerad")) {
      auto d = parseSwedishDate(t);
      for (std::size_t j = i + 1; !d && j < end && j < i + 4; ++j) d = parseSwedishDate(lines[j].text);
      if (d) doc.adjusted_date = *d;
      continue;
    }
    if (auto rest = afterLabel(t, lower, "justerare:")) {
      std::string names = oneLine(*rest);
      for (std::size_t b = 0; b < names.size();) {
        std::size_t e = names.find_first_of(",", b);
        std::size_t och = names.find(" och ", b);
        if (och != std::string::npos && (e == std::string::npos || och < e)) e = och;
        std::string n = trim(std::string_view(names).substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (looksLikePersonName(n)) doc.adjusters.push_back(n);
        if (e == std::string::npos) break;
        b = e + (names.compare(e, 5, " och ") == 0 ? 5 : 1);
      }
      continue;
    }
    if (auto rest = afterLabel(t, lower, "ordförande:"); rest && looksLikePersonName(*rest)) {
      doc.chair = std::string(*rest);
      continue;
    }
    // Signature block: a line of names above a line of roles.
    if (auto roles = signatureRoles(lower)) {
      std::size_t j = i;
      while (j > 0 && trimView(lines[j - 1].text).empty()) --j;
      if (j > 0) {
        auto names = columns(trimView(lines[j - 1].text));
        if (names.size() == roles->size()) {
          for (std::size_t k = 0; k < names.size(); ++k) {
            if (!looksLikePersonName(names[k])) continue;
            const std::string& r = (*roles)[k];
            std::string n(names[k]);
            if (r == "ordförande" && doc.chair.empty()) doc.chair = n;
            if ((r == "justerare" || r == "justerande") &&
                std::find(doc.adjusters.begin(), doc.adjusters.end(), n) == doc.adjusters.end())
              doc.adjusters.push_back(n);
            if ((r == "sekreterare" || r == "protokollförare") && doc.secretary.empty()) doc.secretary = n;
          }
        }
      }
      continue;
    }
    if (auto g = groupRole(lower)) {
      role = *g;
      continue;
    }
    if (role) {
      if (isUrlLine(t) || isLetterheadLine(t)) {
        role.reset();
        continue;
      }
      if (role->empty()) continue;  // absentees
      if (auto a = parseAttendee(t, *role)) doc.attendees.push_back(std::move(*a));
      else role.reset();
    }
  }

  // Without a "Protokoll <body>" line: the first header line naming a body.
  if (doc.organization.empty()) {
    for (std::size_t i = 0; i < end && i < lines.size() && i < 40; ++i) {
      std::string_view t = trimView(lines[i].text);
      std::string lower = toLowerSwedish(t);
      if (t.empty() || t.size() > 120 || isLetterheadLine(t) || t.find(':') != std::string_view::npos) continue;
      for (std::string_view body : {"nämnd", "styrelse", "fullmäktige", "råd", "utskott", "beredning"}) {
        if (lower.find(body) != std::string::npos) {
          auto cols = columns(t);
          doc.organization = cols.empty() ? std::string(t) : std::string(cols[0]);
          break;
        }
      }
      if (!doc.organization.empty()) break;
    }
  }
  if (doc.date.empty() && end > 0 && !lines.empty()) {
    for (std::size_t i = 0; i < end && i < lines.size() && i < 60 && doc.date.empty(); ++i)
      if (auto d = parseSwedishDate(lines[i].text)) doc.date = *d;
  }

  // Roles from the signatures; the secretary is an attendee too.
  for (Attendee& a : doc.attendees) {
    if (!doc.chair.empty() && a.name == doc.chair && a.role == "ledamot") a.role = "ordförande";
    if (doc.chair.empty() && a.role == "ordförande") doc.chair = a.name;
  }
  if (!doc.secretary.empty()) {
    bool present = false;
    for (const Attendee& a : doc.attendees) present = present || a.name == doc.secretary;
    if (!present) doc.attendees.push_back(Attendee{doc.secretary, "", "sekreterare", "", false});
  }
}

}  // namespace beslut::plugins::minutes
