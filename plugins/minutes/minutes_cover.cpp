// The cover page of minutes read as a run of labels and values, whatever the
// line breaks. SKR's template and the vendors' layouts (Ciceron, Meetings
// Plus, Lex, Word exports) print the same labels — "Plats och tid",
// "Beslutande", "Övriga närvarande", "Utses att justera", "Justeringens plats
// och tid", "Underskrifter", "Sekreterare", "Ordförande", "Justerande",
// "Paragrafer", "Anslag/Bevis", "Organ", "Sammanträdesdatum" — and PDF and
// web transcripts flatten them into one line ("Plats och tid Kommunhuset, kl
// 13.00 Beslutande Anna Ek (S) …") or print the labels of a column first and
// its values after ("Sekreterare Ordförande Justerande Anna Ek Per Ek Eva
// Ek"). This reader finds the labels anywhere in the cover (capitalised, at a
// word boundary), takes the text up to the next label as the value, and
// shares the values of a run of labels out in order. It only fills what the
// line-based header reader left empty, so layouts that one reads well keep
// their reading.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <type_traits>

#include "beslut/councils.h"
#include "beslut/text.h"
#include "minutes_internal.h"

namespace beslut::plugins::minutes {
namespace {

enum class Label {
  kPlaceTime,
  kPlace,
  kTime,
  kDate,
  kMembers,
  kServing,
  kNonServing,
  kSubstitutes,
  kPresentSubstitutes,  // "Närvarande ersättare": present, not among the deciding members
  kOthers,
  kInvited,
  kAbsent,
  kAdjusters,
  kAdjustPlaceTime,
  kAdjustDate,
  kSecretary,
  kChair,
  kAdjusterSignature,
  kOrgan,
  kOther  // a label whose value we do not use; it still ends the value before it
};

struct LabelWord {
  std::string_view phrase;  // lower case
  Label label;
};

// Longer phrases first: the first match at a position wins.
constexpr std::array kLabels = {
    LabelWord{"justeringens plats och tid", Label::kAdjustPlaceTime},
    LabelWord{"justeringens tid och plats", Label::kAdjustPlaceTime},
    LabelWord{"plats och tid för justering", Label::kAdjustPlaceTime},
    LabelWord{"plats/tid för justering", Label::kAdjustPlaceTime},
    LabelWord{"tid och plats för justering", Label::kAdjustPlaceTime},
    LabelWord{"ej tjänstgörande ersättare", Label::kNonServing},
    LabelWord{"förvaringsplats för protokollet", Label::kOther},
    LabelWord{"organ och sammanträdesdatum", Label::kOther},
    LabelWord{"tjänstgörande ersättare", Label::kServing},
    LabelWord{"närvarande ersättare", Label::kPresentSubstitutes},
    LabelWord{"närvarande ledamöter", Label::kMembers},
    LabelWord{"beslutande ledamöter", Label::kMembers},
    LabelWord{"justerandes signatur", Label::kOther},
    LabelWord{"utses att justera", Label::kAdjusters},
    LabelWord{"övriga närvarande", Label::kOthers},
    LabelWord{"övriga deltagande", Label::kOthers},
    LabelWord{"övriga deltagare", Label::kOthers},
    LabelWord{"sammanträdesdatum", Label::kDate},
    LabelWord{"utdragsbestyrkande", Label::kOther},
    LabelWord{"justeringsdatum", Label::kAdjustDate},
    LabelWord{"vid protokollet", Label::kSecretary},
    LabelWord{"tid och plats", Label::kPlaceTime},
    LabelWord{"plats och tid", Label::kPlaceTime},
    LabelWord{"underskrifter", Label::kOther},
    LabelWord{"justeringsdag", Label::kAdjustDate},
    LabelWord{"anslag/bevis", Label::kOther},
    LabelWord{"anslagsbevis", Label::kOther},
    LabelWord{"frånvarande", Label::kAbsent},
    LabelWord{"tjänstemän", Label::kOthers},
    LabelWord{"närvarande", Label::kMembers},
    LabelWord{"underskrift", Label::kOther},
    LabelWord{"sekreterare", Label::kSecretary},
    LabelWord{"beslutande", Label::kMembers},
    LabelWord{"justerande", Label::kAdjusterSignature},
    LabelWord{"ordförande", Label::kChair},
    LabelWord{"paragrafer", Label::kOther},
    LabelWord{"ledamöter", Label::kMembers},
    LabelWord{"justerare", Label::kAdjusters},
    LabelWord{"ersättare", Label::kSubstitutes},
    LabelWord{"klockan", Label::kTime},
    LabelWord{"inbjudna", Label::kInvited},
    LabelWord{"övriga", Label::kOthers},
    LabelWord{"plats", Label::kPlace},
    LabelWord{"organ", Label::kOrgan},
    LabelWord{"beslutsinstans", Label::kOrgan},
    LabelWord{"instans", Label::kOrgan},
    LabelWord{"forum", Label::kOrgan},
    LabelWord{"datum", Label::kDate},
    LabelWord{"tid", Label::kTime},
};

struct Found {
  Label label;
  std::size_t begin, end;  // the label, in the cover
  std::string_view value;  // up to the next label, trimmed
};

bool wordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '/' || c == '-'; }

// Labels in `cover` (lower-cased copy `lower`, same offsets).
std::vector<Found> findLabels(std::string_view cover, const std::string& lower) {
  std::vector<Found> out;
  std::size_t i = 0;
  while (i < lower.size()) {
    bool boundary = i == 0 || !wordChar(static_cast<unsigned char>(lower[i - 1]));
    // "ande Anna Ek (S) …": a transcript that dropped the word part "Beslut" of "Beslutande".
    if (boundary && lower.compare(i, 5, "ande ") == 0 && i + 5 < cover.size() && isUpperAt(cover, i + 5) &&
        (i == 0 || cover[i - 1] == ' ' || cover[i - 1] == '\n')) {
      out.push_back({Label::kMembers, i, i + 5, {}});
      i += 5;
      continue;
    }
    if (!boundary || !isUpperAt(cover, i)) {
      ++i;
      continue;
    }
    bool matched = false;
    // A heading line "Direktionens ledamöter", "Nämndens ersättare": the body in
    // the genitive, then the group.
    if (i == 0 || cover[i - 1] == '\n') {
      std::size_t sp = lower.find(' ', i);
      std::size_t eol = lower.find('\n', i);
      if (eol == std::string::npos) eol = lower.size();
      if (sp != std::string::npos && sp < eol && sp > i + 2 && lower[sp - 1] == 's') {
        std::string_view rest = trimView(std::string_view(lower).substr(sp + 1, eol - sp - 1));
        while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
        Label group = rest == "ledamöter" || rest == "ledamot" ? Label::kMembers
                      : rest == "ersättare"                    ? Label::kSubstitutes
                                                               : Label::kOther;
        if (group != Label::kOther) {
          out.push_back({group, i, eol, {}});
          i = eol;
          continue;
        }
      }
    }
    for (const LabelWord& w : kLabels) {
      if (lower.compare(i, w.phrase.size(), w.phrase) != 0) continue;
      // "Forum", "Instans": labels only at a line's start ("Kulturhuset Forum" is a place).
      if ((w.phrase == "forum" || w.phrase == "instans") && i > 0 && cover[i - 1] != '\n') continue;
      std::size_t e = i + w.phrase.size();
      if (e < lower.size() && wordChar(static_cast<unsigned char>(lower[e]))) continue;
      // A role after a name and a comma is an attendee's role, not a label:
      // "Anna Ek (S), ordförande".
      std::size_t b = i;
      while (b > 0 && cover[b - 1] == ' ') --b;
      if (b > 0 && cover[b - 1] == ',' && (w.label == Label::kChair || w.label == Label::kSecretary)) break;
      while (e < cover.size() && (cover[e] == ':' || cover[e] == ' ')) ++e;
      out.push_back({w.label, i, e, {}});
      i = e;
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    std::size_t b = out[k].end, e = k + 1 < out.size() ? out[k + 1].begin : cover.size();
    std::string_view v = cover.substr(b, e > b ? e - b : 0);
    // No value runs into the paragraphs: "§ 1 Upprop", "56 § Öppnande".
    for (std::size_t nl = v.find('\n'); nl != std::string_view::npos; nl = v.find('\n', nl + 1)) {
      std::string_view line = trimView(v.substr(nl + 1, 12));
      std::size_t d = 0;
      while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
      if (line.starts_with("\xC2\xA7") || (d > 0 && line.substr(d).starts_with(" \xC2\xA7"))) {
        v = v.substr(0, nl);
        break;
      }
      // After a blank line, "33 Delårsbokslut …": a paragraph whose sign a transcript
      // dropped (a page that goes on with people, "2 Daniel Hansson (S) …", does not end it).
      if (nl > 0 && v[nl - 1] == '\n' && d > 0 && d <= 3 && line.size() > d + 1 && line[d] == ' ' &&
          isUpperAt(line, d + 1)) {
        std::size_t lineStart = nl + 1;
        while (lineStart < v.size() && (v[lineStart] == ' ' || v[lineStart] == '\t')) ++lineStart;
        std::string_view rest = v.substr(std::min(v.size(), lineStart + d + 1), 60);
        std::size_t paren = rest.find(" (");
        if (!(paren != std::string_view::npos && paren < 40 && looksLikePersonName(rest.substr(0, paren)))) {
          v = v.substr(0, nl);
          break;
        }
      }
    }
    // Trailing dots of signature lines and leading colons.
    while (!v.empty() && (v.back() == '.' || v.back() == ' ' || v.back() == '\n' || v.back() == ':' ||
                          v.back() == ',' || v.back() == '_'))
      v.remove_suffix(1);
    while (!v.empty() &&
           (v.front() == '.' || v.front() == ' ' || v.front() == '\n' || v.front() == ':' || v.front() == '_'))
      v.remove_prefix(1);
    out[k].value = v;
  }
  return out;
}

bool isNameParticle(std::string_view w) { return w == "af" || w == "von" || w == "van" || w == "de" || w == "du"; }

// A word of a person's name: upper-case first letter, letters and hyphens.
bool nameWord(std::string_view w) {
  if (w.empty()) return false;
  if (isNameParticle(w)) return true;
  if (!isUpperAt(w, 0)) return false;
  for (char c : w)
    if ((c >= '0' && c <= '9') || c == '(' || c == ')' || c == ':' || c == '/') return false;
  if (w.find("\xC2\xA7") != std::string_view::npos) return false;  // §
  if (w.back() == '-') return false;                               // "Miljö-": the first part of a compound title
  // Capitalised words of the minutes themselves, not of names: "Justering",
  // "Sammanträdesdag", "Föredragningslistan", "Regionstyrelsen".
  std::string l = toLowerSwedish(w);
  // A register's column headings: "Närvaro Votering … Ja Nej".
  if (l == "ja" || l == "nej" || l == "närvaro" || l == "votering" || l == "avstår") return false;
  for (std::string_view tail :
       {"protokoll", "protokollet", "listan", "lista", "styrelsen", "styrelse", "nämnden", "nämnd", "anslaget",
        "justering", "justeringen", "sdag", "datum", "fullmäktige", "kommun", "kommunen", "förvaltningen", "utskottet",
        "rådet", "regionen", "beslut", "ärende", "ärenden", "paragrafer", "närvarande", "ersättare", "ledamöter",
        "förbundet", "landstinget", "bolaget", "förvaltning", "justeringens", "närvarorätt", "yttranderätt",
        // An official's title before the name: "Kommundirektör Jan Fransson".
        "direktör", "chef", "sekreterare", "handläggare", "strateg", "ekonom", "arkitekt", "inspektör", "samordnare",
        "utvecklare", "ingenjör", "kommunikatör", "controller", "assistent", "rådgivare", "jurist", "utredare",
        "administratör", "adjungerade", "adjungerad"})
    if (l.size() >= tail.size() && l.ends_with(tail)) return false;
  // All-capital words longer than 3 letters are headings ("PROTOKOLL"), not names.
  bool allUpper = true;
  for (std::size_t i = 0; i < w.size(); ++i)
    if (isLowerAt(w, i)) allUpper = false;
  return !(allUpper && w.size() > 3);
}

struct Word {
  std::string_view text;  // without trailing punctuation
  std::size_t begin;      // in the value
  bool comma_after = false;
  bool dot_after = false;
};

std::vector<Word> wordsOf(std::string_view v) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\n' || v[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < v.size() && v[i] != ' ' && v[i] != '\n' && v[i] != '\t') ++i;
    if (i == b) break;
    std::string_view w = v.substr(b, i - b);
    Word word{w, b};
    while (!word.text.empty() && (word.text.back() == ',' || word.text.back() == '.' || word.text.back() == ';')) {
      if (word.text.back() == ',') word.comma_after = true;
      else word.dot_after = true;
      word.text.remove_suffix(1);
    }
    out.push_back(word);
  }
  return out;
}

// A party in parentheses: "(S)", "(FiA)", "(kd)"; 1-5 letters.
bool isParty(std::string_view w) {
  if (w.size() < 3 || w.front() != '(' || w.back() != ')') return false;
  std::string_view in = w.substr(1, w.size() - 2);
  // One to four letters ("S", "KD", "FiA", "SJVP"); "(BSNLÖ)", an administration, is none.
  std::size_t letters = 0;
  for (char c : in) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (in.empty() || letters > 4) return false;
  for (std::size_t i = 0; i < in.size(); ++i)
    if (!(isUpperAt(in, i) || isLowerAt(in, i)) && static_cast<unsigned char>(in[i]) < 0x80) return false;
  return true;
}

struct PersonMention {
  std::string name;
  std::string party;
  std::string status;  // words after the party up to the next name: "tjg för", "ordförande", "ej närvarande"
  std::size_t begin = 0, end = 0;  // in the value
};

// People in a value: "Anna Ek (S), ordförande Per Ek (M) tjg för Eva Ek (M)",
// "Anna Ek, ordförande Per Ek", "Anna Ek. Per Ek", "Anna Ek, Per Ek och Eva Ek".
// A party written before the name, as a column of its own: "S", "KD", "MBP".
bool isPartyToken(std::string_view w) {
  if (w.empty() || w.size() > 4) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// An initial inside a name: "Natalia E. Henriksson".
bool isInitial(const Word& w) { return w.text.size() == 1 && isUpperAt(w.text, 0) && w.dot_after; }

// "Jan W Kjellberg": an initial printed without its dot, between two name words.
bool bareInitial(const std::vector<Word>& words, std::size_t k) {
  return words[k].text.size() == 1 && isUpperAt(words[k].text, 0) && !words[k].dot_after && k > 0 &&
         k + 1 < words.size() && !words[k - 1].comma_after && words[k + 1].text.size() > 1 &&
         isUpperAt(words[k + 1].text, 0);
}

std::vector<PersonMention> peopleIn(std::string_view v) {
  std::vector<PersonMention> out;
  auto words = wordsOf(v);
  auto isName = [&](std::size_t k) {
    return (nameWord(words[k].text) && !isPartyToken(words[k].text)) || bareInitial(words, k);
  };
  std::string partyBefore;
  std::size_t i = 0;
  while (i < words.size()) {
    // "M Anders Lindahl": a party column before the name.
    if (isPartyToken(words[i].text) && i + 2 < words.size() + 1 && i + 1 < words.size() && isName(i + 1) &&
        !words[i].comma_after) {
      partyBefore = std::string(words[i].text);
      ++i;
      continue;
    }
    if (!isName(i) || isNameParticle(words[i].text)) {
      if (!out.empty()) {
        if (!out.back().status.empty()) out.back().status += ' ';
        out.back().status += std::string(words[i].text);
      }
      partyBefore.clear();
      ++i;
      continue;
    }
    // Up to four name words, ending at a comma, a dot, a party or a non-name word.
    std::size_t j = i;
    while (j < words.size() && j - i < 4 && isName(j)) {
      ++j;
      if ((words[j - 1].comma_after || words[j - 1].dot_after) && !isInitial(words[j - 1])) break;
    }
    std::size_t n = j - i;
    // Names run together: "Anna Ek Per Ek" — without a separator, take two words.
    bool separated = j >= words.size() || isParty(words[j].text) || !isName(j) || isPartyToken(words[j].text);
    if (!separated && n > 2 && !(words[j - 1].comma_after || words[j - 1].dot_after)) n = 2, j = i + 2;
    if (n < 2) {
      if (!out.empty()) out.back().status += " " + std::string(words[i].text);
      partyBefore.clear();
      ++i;
      continue;
    }
    PersonMention p;
    for (std::size_t k = i; k < j; ++k) {
      if (!p.name.empty()) p.name += ' ';
      p.name += std::string(words[k].text);
      if (isInitial(words[k])) p.name += '.';
    }
    p.begin = words[i].begin;
    p.end = words[j - 1].begin + words[j - 1].text.size();
    p.party = partyBefore;
    partyBefore.clear();
    if (j < words.size() && isParty(words[j].text)) {
      p.party = std::string(words[j].text.substr(1, words[j].text.size() - 2));
      p.end = words[j].begin + words[j].text.size();
      ++j;
    } else if (p.party.empty() && j < words.size() && words[j - 1].comma_after) {
      // "Ulf Lundberg, v", "Thor Lindgren, s, ordförande": a party between commas.
      if (isPartyAbbreviation(toLowerSwedish(words[j].text))) {
        p.party = std::string(words[j].text);
        p.end = words[j].begin + words[j].text.size();
        ++j;
      }
    }
    out.push_back(std::move(p));
    i = j;
  }
  return out;
}

// The role a status after a name states (roleOf, the one rule), else the group's.
std::string roleFromStatus(const std::string& status, const std::string& groupRole) {
  std::string role = roleOf(status);
  return role.empty() ? groupRole : role;
}

// Whom a substitute serves for: the person after "för"/"ersätter" in the status.
bool replacesSomeone(const std::string& status) {
  std::string l = toLowerSwedish(status);
  return l.ends_with(" för") || l == "för" || l.ends_with("ersätter") || l.ends_with("tjänstgörande för");
}

std::string groupRoleOf(Label l) {
  switch (l) {
    case Label::kMembers: return "ledamot";
    case Label::kServing: return "tjänstgörande ersättare";
    case Label::kNonServing: return "ej tjänstgörande ersättare";
    case Label::kSubstitutes: return "ersättare";
    case Label::kPresentSubstitutes: return "ersättare";
    case Label::kOthers: return "övrig närvarande";
    case Label::kInvited: return "inbjuden";
    default: return {};
  }
}

// "Kommunhuset, Hultsfred , kl 13.00" / "Nolia City Konferens, Styrelserummet Tisdag den 6 mars 2012, kl":
// the place is the text before the time or the date.
std::string placeOf(std::string_view v) {
  v = v.substr(0, v.find("\n\n"));  // a place ends with its paragraph
  // "2021-05-26 Solna stadshus, rum 126 Edsviken, kl 18:00": the date first, then the place.
  if (v.size() > 11 && v[4] == '-' && v[7] == '-' && v[10] == ' ' &&
      std::all_of(v.begin(), v.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    v = trimView(v.substr(11));
  // "Sessionssalen, Rådhus Skåne, V Storgatan 12, Kristianstad 78 Förhinder …": an address
  // ends with its town; what a transcript ran on after it is no part of the place.
  for (const councils::Mention& m : councils::municipalitiesIn(v.substr(0, std::min<std::size_t>(v.size(), 200)))) {
    std::string_view before = trimView(v.substr(0, m.begin));
    if (!before.ends_with(",") || m.end >= v.size()) continue;
    std::string_view after = trimView(v.substr(m.end));
    // A paragraph number or a person with a party follows the town ("Ale Kulturrum" goes on).
    std::size_t paren = after.find(" (");
    const bool runOn = !after.empty() &&
                       ((after[0] >= '0' && after[0] <= '9') ||
                        (paren != std::string_view::npos && paren < 40 && looksLikePersonName(after.substr(0, paren))));
    if (runOn) {
      v = v.substr(0, m.end);
      break;
    }
  }
  std::string lower = toLowerSwedish(v);
  std::size_t cut = v.size();
  auto at = [&](std::string_view w) {
    for (std::size_t p = lower.find(w); p != std::string::npos; p = lower.find(w, p + 1)) {
      if (p == 0 || lower[p - 1] == ' ' || lower[p - 1] == ',') return p;
      // After a no-break space or a dash: "Norrtälje\u00A0kl. 13.00", "Norrtälje–kl."
      if ((p >= 2 && lower.compare(p - 2, 2, "\xC2\xA0") == 0) ||
          (p >= 3 && (lower.compare(p - 3, 3, "\xE2\x80\x93") == 0 || lower.compare(p - 3, 3, "\xE2\x80\x94") == 0)))
        return p;
    }
    return std::string::npos;
  };
  for (std::string_view w :
       {"kl ", "kl.", "kl\n", "klockan", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "den "})
    cut = std::min(cut, at(w));
  if (lower.ends_with(" kl") || lower.ends_with(",kl")) cut = std::min(cut, lower.size() - 2);
  for (std::size_t i = 0; i < v.size() && i < cut; ++i)
    if (v[i] >= '0' && v[i] <= '9' && i + 4 < v.size() && v[i + 4] == '-' && i + 3 < cut) {
      // An ISO date starts here ("2018-10-02").
      bool iso = true;
      for (std::size_t k = i; k < i + 4; ++k) iso = iso && v[k] >= '0' && v[k] <= '9';
      if (iso) {
        cut = i;
        break;
      }
    }
  // "Sätila 15 december 2016 kl": a day and a month name start the date.
  for (std::size_t i = 0; i + 2 < cut; ++i) {
    if (!(v[i] >= '0' && v[i] <= '9') || (i > 0 && v[i - 1] != ' ')) continue;
    std::size_t j = i;
    while (j < v.size() && v[j] >= '0' && v[j] <= '9') ++j;
    if (j - i > 2 || j >= v.size() || v[j] != ' ') continue;
    std::size_t e = v.find(' ', j + 1);
    std::string_view word = v.substr(j + 1, (e == std::string_view::npos ? v.size() : e) - j - 1);
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    if (swedishMonth(word)) {
      cut = i;
      break;
    }
  }
  std::string p = trim(v.substr(0, cut));
  for (bool more = true; more;) {
    more = false;
    while (!p.empty() && (p.back() == ',' || p.back() == ' ' || p.back() == '-')) p.pop_back();
    for (std::string_view tail : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xA0"})
      if (p.ends_with(tail)) p.resize(p.size() - tail.size()), more = true;
  }
  p = oneLine(p);
  // ", ," residue of dropped digits.
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == ' ' && i + 1 < p.size() && p[i + 1] == ',') continue;
    out += p[i];
  }
  return out;
}

// A word of the text ends like a body's name: "…nämnd(en)", "…styrelse(n)",
// "…fullmäktige", "…utskott(et)", "Direktionen", "…rådet", "…beredning(en)"
// ("Styrelserummet" and "Rådhus" do not).
bool looksLikeBody(std::string_view s) {
  std::string l = toLowerSwedish(s);
  std::size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && (l[i] == ' ' || l[i] == ',' || l[i] == '(' || l[i] == ')')) ++i;
    std::size_t b = i;
    while (i < l.size() && l[i] != ' ' && l[i] != ',' && l[i] != '(' && l[i] != ')') ++i;
    std::string_view w = std::string_view(l).substr(b, i - b);
    for (std::string_view h : {"nämnd", "nämnden", "styrelse", "styrelsen", "fullmäktige", "utskott", "utskottet",
                               "direktion", "direktionen", "beredning", "beredningen", "råd", "rådet", "kommitté",
                               "kommittén", "presidium", "presidiet", "delegation", "delegationen"})
      if (w.ends_with(h)) return true;
  }
  return false;
}


// The head word of a body's name: "…nämnd(en)", "…styrelse(n)", "…fullmäktige",
// "…utskott(et)", "Direktionen", "…rådet", "…beredning(en)"; with the genitive
// "s" before " beslut" ("Kommunfullmäktiges beslut").
// "Nämnden", "Styrelsen", "Utskottet": a head word alone, which names no body.
bool bareHead(std::string_view lower) {
  for (std::string_view bare : {"nämnden", "nämnd", "styrelsen", "styrelse", "utskottet", "utskott"})
    if (lower == bare) return true;
  return false;
}

}  // namespace

bool bodyHead(std::string_view lowerWord) {
  for (std::string_view h : {"nämnd", "nämnden", "styrelse", "styrelsen", "fullmäktige", "utskott", "utskottet",
                             "direktion", "direktionen", "beredning", "beredningen", "presidiet", "presidium"})
    if (lowerWord.ends_with(h)) return true;
  return false;
}

namespace {

// Bodies named in `cover`, capitalised: "Barn- och utbildningsnämnden",
// "Tekniska nämnden", "Kommunstyrelsens arbetsutskott", "Kommunfullmäktiges
// beslut" -> "Kommunfullmäktige". Returns the most mentioned, ties to the first.
std::string mainBody(std::string_view cover, const std::string& lower, std::size_t* where) {
  auto words = wordsOf(cover);
  std::vector<std::pair<std::string, std::size_t>> found;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].text;
    std::string lw = toLowerSwedish(w);
    bool genitive = false;
    if (!bodyHead(lw) && lw.size() > 2 && lw.back() == 's' && bodyHead(std::string_view(lw).substr(0, lw.size() - 1)) &&
        i + 1 < words.size() &&
        (toLowerSwedish(words[i + 1].text).starts_with("beslut") ||
         toLowerSwedish(words[i + 1].text) == "arbetsutskott")) {
      genitive = true;
    }
    if (!bodyHead(lw) && !genitive) continue;
    std::size_t first = i;
    // "Tekniska nämnden": a capitalised adjective before a bare head word.
    if ((lw == "nämnden" || lw == "nämnd" || lw == "styrelsen") && i > 0 && isUpperAt(words[i - 1].text, 0) &&
        words[i - 1].text.ends_with("a"))
      first = i - 1;
    // "Kultur- och fritidsnämnden": a coordinated first part.
    if (first >= 2 && toLowerSwedish(words[first - 1].text) == "och" && words[first - 2].text.ends_with("-"))
      first -= 2;
    if (!isUpperAt(words[first].text, 0)) continue;
    if (first == i && bareHead(lw)) continue;  // "Nämnden beslutar"
    std::string name(cover.substr(words[first].begin, words[i].begin + words[i].text.size() - words[first].begin));
    name = oneLine(name);
    if (genitive) {
      if (toLowerSwedish(words[i + 1].text) == "arbetsutskott") name += " " + std::string(words[i + 1].text);
      else name.pop_back();
    }
    // All capitals ("MILJÖNÄMNDEN") in title case.
    bool caps = true;
    for (std::size_t k = 1; k < name.size(); ++k)
      if (isLowerAt(name, k)) caps = false;
    if (caps) {
      std::string l = toLowerSwedish(name);
      std::size_t firstLen = static_cast<unsigned char>(name[0]) >= 0xC0 ? 2 : 1;
      name = name.substr(0, firstLen) + l.substr(firstLen);
    }
    // "Barn- och skolnämnd Lund Öster", "Stadsdelsnämnd Södermalm": a body named
    // for its district carries the indefinite head and the district after it.
    if (!genitive && lw.ends_with("nämnd")) {
      for (std::size_t d = i + 1; d < words.size() && d <= i + 2; ++d) {
        std::string_view dw = words[d].text;
        std::string ld = toLowerSwedish(dw);
        if (!isUpperAt(dw, 0) || ld.find("protokoll") != std::string::npos || ld.find("datum") != std::string::npos ||
            bodyHead(ld) || dw.size() < 2)
          break;
        bool shouting = true;
        for (std::size_t q = 1; q < dw.size(); ++q)
          if (isLowerAt(dw, q)) shouting = false;
        if (shouting) break;
        name += " " + std::string(dw);
        if (words[d].comma_after || words[d].dot_after) break;
      }
    }
    found.emplace_back(name, words[first].begin);
  }
  (void)lower;
  // Last, minutes that name their body only through its officers: "Protokollet
  // föres av undertecknad kommunfullmäktiges sekreterare".
  if (found.empty())
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      std::string lw = toLowerSwedish(words[i].text);
      std::string next = toLowerSwedish(words[i + 1].text);
      if (lw.size() < 4 || lw.back() != 's' || !bodyHead(std::string_view(lw).substr(0, lw.size() - 1)) ||
          (next != "sekreterare" && next != "ordförande" && next != "sammanträde"))
        continue;
      std::string name(words[i].text.substr(0, words[i].text.size() - 1));
      if (isLowerAt(name, 0) && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 32);
      found.emplace_back(name, words[i].begin);
      break;
    }
  std::string best;
  int bestCount = 0;
  for (const auto& [name, pos] : found) {
    int n = 0;
    std::string ln = toLowerSwedish(name);
    for (const auto& f : found) n += toLowerSwedish(f.first) == ln;
    if (n > bestCount) best = name, bestCount = n, *where = pos;
  }
  return best;
}

// "KUMLA KOMMUN" -> "Kumla kommun", "REGIONSTYRELSEN" -> "Regionstyrelsen"; a name
// with lower-case letters stays as printed.
std::string titleCase(const std::string& name) {
  for (std::size_t i = 0; i < name.size(); ++i)
    if (isLowerAt(name, i)) return name;
  std::string lower = toLowerSwedish(name);
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const std::size_t len = static_cast<unsigned char>(name[i]) >= 0xC0 ? 2 : 1;
    out += out.empty() ? name.substr(i, len) : lower.substr(i, len);
    i += len - 1;
  }
  // Proper names after "Region"/"Landstinget" keep their capital: "Region Skåne".
  std::size_t sp = out.find(' ');
  if (sp != std::string::npos &&
      (out.starts_with("Region ") || out.starts_with("Landstinget ") || out.starts_with("Regionförbundet "))) {
    const std::size_t len = static_cast<unsigned char>(name[sp + 1]) >= 0xC0 ? 2 : 1;
    out.replace(sp + 1, len, name.substr(sp + 1, len));
  }
  return out;
}

// The byte offset of a word's second character ("Örebro": 2).
std::size_t secondChar(std::string_view w) {
  if (w.empty()) return 0;
  const auto c = static_cast<unsigned char>(w[0]);
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

// The council of the minutes: "Hultsfreds kommun", "Solna stad", "Region
// Halland", "Landstinget Kronoberg", "Jämtlands läns landsting", most
// mentioned outside the attendance lists (an attendee's municipality is not
// the council's).

std::string council(std::string_view cover, const std::vector<std::pair<std::size_t, std::size_t>>& skip) {
  auto words = wordsOf(cover);
  std::vector<std::string> found;
  auto skipped = [&](std::size_t pos) {
    for (auto [b, e] : skip)
      if (pos >= b && pos < e) return true;
    return false;
  };
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (skipped(words[i].begin)) continue;
    std::string a = toLowerSwedish(words[i].text), b = toLowerSwedish(words[i + 1].text);
    std::string name;
    if ((b == "kommun" || b == "stad" || b == "kommuns" || b == "stads") && isUpperAt(words[i].text, 0) &&
        !bodyHead(a) && a != "hela" && a != "denna" && a != "vår" && a != "varje" && a != "annan")
      name = std::string(words[i].text) + " " +
             std::string(words[i + 1].text.substr(0, b.ends_with("s") ? b.size() - 1 : b.size()));
    // A federation of councils: "Medelpads räddningstjänstförbund", "Samordningsförbundet …".
    else if (a.size() > 3 && a.back() == 's' && isUpperAt(words[i].text, 0) && b.size() > 8 && b.ends_with("förbund") &&
             b != "regionförbund" && !bodyHead(a))
      name = std::string(words[i].text) + " " + b;
    else if ((a == "region" || a == "landstinget" || a == "regionförbundet") && words[i].text != "region" &&
             isUpperAt(words[i + 1].text, 0) &&
             (isLowerAt(words[i + 1].text, secondChar(words[i + 1].text)) ||
              (isUpperAt(words[i].text, 1) && isUpperAt(words[i + 1].text, secondChar(words[i + 1].text))))) {
      // "Region Halland", and a letterhead in capitals: "REGIONFÖRBUNDET ÖREBRO LÄN".
      name = std::string(words[i].text) + " " + std::string(words[i + 1].text);
      if (i + 2 < words.size() && toLowerSwedish(words[i + 2].text) == "län")
        name += " " + std::string(words[i + 2].text);
    } else if (b == "läns" && i + 2 < words.size() && toLowerSwedish(words[i + 2].text) == "landsting" &&
               isUpperAt(words[i].text, 0))
      name = std::string(words[i].text) + " läns landsting";
    // "Region Västerbottens digitala anslagstavla": the genitive is not the name.
    if (!name.empty() && (a == "region" || a == "landstinget") && name.back() == 's' && i + 2 < words.size() &&
        isLowerAt(words[i + 2].text, 0) && toLowerSwedish(words[i + 2].text) != "län")
      name.pop_back();
    if (!name.empty()) found.push_back(titleCase(name));
  }
  std::string best;
  int bestCount = 0;
  for (const auto& n : found) {
    int c = static_cast<int>(std::count(found.begin(), found.end(), n));
    if (c > bestCount) best = n, bestCount = c;
  }
  return best;
}

// The council of minutes that do not print it, from the places they name: a
// municipality in the meeting's or the adjustment's place ("Plats och tid Folkets
// Hus, Norrtälje", "Justeringens plats och tid Krokom 2020-06-16") weighs 3; one
// named elsewhere after a comma or "i" ("Ove Marklund, Piteå Hockey", "i Piteå")
// weighs 1. A word of a person's name ("Anna Lund", "Lund Anna (S)") is no place.
// A regional body ("Regionstyrelsen", "Landstingsstyrelsen") sums the places by
// county. Named only when the best weighs at least 3 and leads the next by 2.
std::string inferredCouncil(std::string_view cover, const std::vector<Found>& labels, std::string_view bodyName) {
  std::vector<std::pair<std::size_t, std::size_t>> places;
  for (const Found& f : labels)
    if (f.label == Label::kPlace || f.label == Label::kPlaceTime || f.label == Label::kAdjustPlaceTime) {
      std::size_t b = static_cast<std::size_t>(f.value.data() - cover.data());
      places.emplace_back(b, b + std::min<std::size_t>(f.value.size(), 150));
    }
  const std::string lname = toLowerSwedish(bodyName);
  const bool landsting = lname.find("landsting") != std::string::npos;
  const bool regional = landsting || lname.find("region") != std::string::npos;
  std::map<int, int> byCounty;
  std::map<const councils::Municipality*, int> byMunicipality;
  for (const councils::Mention& m : councils::municipalitiesIn(cover)) {
    bool inPlace = false;
    for (auto [b, e] : places)
      if (m.begin >= b && m.begin < e) inPlace = true;
    std::string_view before = cover.substr(0, m.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    std::string_view after = trimView(cover.substr(m.end, 40));
    const bool afterComma = !before.empty() && (before.back() == ',' || before.back() == '\n');
    const bool afterI = before.ends_with(" i") || before.ends_with(" I") || before.ends_with("\ni");
    // A person's name: a capitalised word before ("Anna Lund"), or one after and a
    // party or a comma ("Lund Anna (S)", "Lund Anna, ordförande").
    std::size_t sp = before.find_last_of(" \n");
    std::string_view prevWord = before.substr(sp == std::string_view::npos ? 0 : sp + 1);
    const bool prevName = !prevWord.empty() && isUpperAt(prevWord, 0) && isLowerAt(prevWord, prevWord.size() - 1) &&
                          !afterComma;
    std::size_t nsp = after.find(' ');
    std::string_view nextWord = after.substr(0, nsp);
    std::string_view afterNext = nsp == std::string_view::npos ? std::string_view() : trimView(after.substr(nsp));
    const bool nextName = !nextWord.empty() && isUpperAt(nextWord, 0) &&
                          (afterNext.starts_with("(") || nextWord.ends_with(","));
    if (!inPlace && (prevName || nextName || !(afterComma || afterI))) continue;
    if (regional) byCounty[m.municipality->county] += inPlace ? 3 : 1;
    else byMunicipality[m.municipality] += inPlace ? 3 : 1;
  }
  auto leader = [](const auto& weights) {
    std::remove_cvref_t<decltype(weights.begin()->first)> best{};
    int bestW = 0, second = 0;
    for (const auto& [k, w] : weights) {
      if (w > bestW) {
        second = bestW;
        best = k, bestW = w;
      } else if (w > second) {
        second = w;
      }
    }
    return bestW >= 3 && bestW - second >= 2 ? std::optional(best) : std::nullopt;
  };
  if (regional) {
    auto county = leader(byCounty);
    return county ? councils::regionName(*county, landsting) : std::string();
  }
  auto m = leader(byMunicipality);
  return m ? councils::officialName(**m) : std::string();
}

Span spanIn(std::string_view part, const Document& doc) {
  std::size_t b = static_cast<std::size_t>(part.data() - doc.text.data());
  return {b, b + part.size()};
}

// The body's name and its council, unless the line-based reader found a body
// that looks like one. The council is never taken from an attendance list.
void readBody(std::string_view cover, const std::string& lower, const std::vector<Found>& labels, Document& doc) {
  std::string org = doc.organization;
  // A name with a label run into it: "Kommunstyrelsen Sammanträdesdatum:".
  if (!org.empty()) {
    std::string lorg = toLowerSwedish(org);
    auto inOrg = findLabels(org, lorg);
    if (!inOrg.empty() && inOrg.front().begin > 0) org = trim(std::string_view(org).substr(0, inOrg.front().begin));
  }
  // "Förbundsstyrelsen för Regionförbundet Örebro län": the body, then its council.
  if (std::size_t fr = org.find(" för "); fr != std::string::npos && org.find('(') == std::string::npos) {
    std::string tail = org.substr(fr + 5);
    while (!tail.empty() && (tail.back() == '.' || tail.back() == ' ')) tail.pop_back();
    std::string lt = toLowerSwedish(tail);
    if (lt.starts_with("regionförbundet ") || lt.starts_with("region ") || lt.starts_with("landstinget ") ||
        lt.ends_with(" kommun") || lt.ends_with(" stad") || lt.ends_with("förbund") || lt.ends_with("förbundet"))
      org = org.substr(0, fr) + " (" + tail + ")";
  }
  // "Tekniska nämnden, Sundby kommun": the council after a comma.
  if (std::size_t comma = org.rfind(", "); comma != std::string::npos && org.find('(') == std::string::npos) {
    std::string tail = org.substr(comma + 2);
    std::string lt = toLowerSwedish(tail);
    if (lt.ends_with(" kommun") || lt.ends_with(" stad") || lt.starts_with("region ") ||
        lt.starts_with("landstinget ") || lt.ends_with(" landsting"))
      org = org.substr(0, comma) + " (" + tail + ")";
  }
  // "Direktionen, Nr 1", "Direktionen nr 7": the meeting's number is not the body's name;
  // "Direktionens beslut" names the body in the genitive.
  {
    std::string lorg = toLowerSwedish(org);
    for (std::string_view nr : {", nr", " nr", ", nummer", " nummer"})
      if (std::size_t p = lorg.rfind(nr); p != std::string::npos && p > 0) {
        std::string_view after = trimView(std::string_view(lorg).substr(p + nr.size()));
        if (after.empty() || (after[0] >= '0' && after[0] <= '9') || after == ".") {
          org = trim(std::string_view(org).substr(0, p));
          lorg = toLowerSwedish(org);
        }
      }
    if (lorg.ends_with("s beslut") && looksLikeBody(lorg.substr(0, lorg.size() - 8)))
      org = org.substr(0, org.size() - 8);
  }
  // "Östhammars socialnämnd": the council in the genitive, then the body, which the
  // minutes also name on its own ("Socialnämnden").
  if (org.find('(') == std::string::npos && org.find(' ') != std::string::npos && isUpperAt(org, 0)) {
    std::string first = org.substr(0, org.find(' '));
    std::string rest = org.substr(org.find(' ') + 1);
    // ("Kommunstyrelsens arbetsutskott" is a body's own committee, not a council's body.)
    const std::string lfirst = toLowerSwedish(first);
    if (first.size() > 3 && first.back() == 's' && !bodyHead(std::string_view(lfirst).substr(0, lfirst.size() - 1)) &&
        !rest.empty() && isLowerAt(rest, 0) && looksLikeBody(rest) && rest.find(' ') == std::string::npos) {
      std::string lrest = toLowerSwedish(rest);
      std::string definite = lrest + (lrest.ends_with("e") ? "n" : "en");
      std::string named;
      std::size_t pos = lower.find(definite);
      for (; pos != std::string::npos; pos = lower.find(definite, pos + 1))
        if (isUpperAt(cover, pos)) {
          named = std::string(cover.substr(pos, definite.size()));
          break;
        }
      if (named.empty()) {
        std::size_t firstLen = static_cast<unsigned char>(rest[0]) >= 0xC0 ? 2 : 1;
        named = toLowerSwedish(rest);
        std::string upper(rest.substr(0, firstLen));
        if (firstLen == 1 && upper[0] >= 'a' && upper[0] <= 'z') upper[0] = static_cast<char>(upper[0] - 32);
        named = upper + named.substr(firstLen);
      }
      org = named + " (" + first + " kommun)";
    }
  }
  bool hasCouncil = org.find('(') != std::string::npos;
  std::string name = hasCouncil ? org.substr(0, org.find(" (")) : org;
  std::size_t at = 0;
  if (!looksLikeBody(name) || name.size() > 60) {
    std::string found = mainBody(cover, lower, &at);
    if (!found.empty()) {
      name = found;
      doc.evidence["body"] = Evidence{{at, at + found.size()}, 0.6};
    } else if (!looksLikeBody(name)) {
      name.clear();
    }
  }
  if (name.empty()) {
    if (!looksLikeBody(doc.organization)) doc.organization.clear();
    return;
  }
  // A body's name ends at its head word ("… landstingsstyrelse Thomas Andersson BEVIS …"
  // is a run of the cover), except a district after an indefinite "nämnd".
  if (name.find(" (") == std::string::npos) {
    auto words = wordsOf(name);
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      std::string lw = toLowerSwedish(words[k].text);
      if (!bodyHead(lw) || lw.ends_with("nämnd")) continue;
      // "Kommunstyrelsens arbetsutskott": the genitive head leads the real one.
      if (lw.back() == 's') continue;
      name = trim(std::string_view(name).substr(0, words[k].begin + words[k].text.size()));
      break;
    }
  }
  // "Nämnden beslutar …" read as the body: the bare head word names none; the cover's own name does.
  if (bareHead(toLowerSwedish(name))) {
    std::size_t at2 = 0;
    if (std::string found = mainBody(cover, lower, &at2); !found.empty() && !bareHead(toLowerSwedish(found))) {
      name = found;
      doc.evidence["body"] = Evidence{{at2, at2 + found.size()}, 0.6};
    }
  }
  name = titleCase(name);
  auto memberOf = [&doc](const std::string& c) {
    // Members of a council's body belong to its municipality or region.
    if (!c.empty())
      for (Attendee& a : doc.attendees)
        if (a.affiliation.empty()) a.affiliation = c;
  };
  if (hasCouncil && looksLikeBody(org.substr(0, org.find(" (")))) {
    doc.organization = org;
    // Only a council-shaped part in parentheses at the end ("(Sundby kommun)") is
    // the attendees' municipality; "(KSAU)" is an abbreviation.
    std::size_t open = org.rfind(" (");
    if (open != std::string::npos && org.ends_with(")")) {
      std::string c = org.substr(open + 2, org.size() - open - 3);
      std::string lc = toLowerSwedish(c);
      const bool council = lc.ends_with(" kommun") || lc.ends_with(" stad") || lc.starts_with("region ") ||
                           lc.starts_with("landstinget ") || lc.ends_with(" landsting") || lc.ends_with(" län");
      if (council && c.find(" och ") == std::string::npos) memberOf(c);
    }
    return;
  }
  std::vector<std::pair<std::size_t, std::size_t>> attendance;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    Label l = labels[k].label;
    if (l == Label::kMembers || l == Label::kServing || l == Label::kNonServing || l == Label::kSubstitutes ||
        l == Label::kPresentSubstitutes || l == Label::kOthers || l == Label::kInvited || l == Label::kAbsent) {
      // Up to the next label, or the end of the page ("2 2(26) Övriga närvarande … \n\n 3 3(26) …").
      std::size_t end = k + 1 < labels.size() ? labels[k + 1].begin : cover.size();
      end = std::min(end, std::min(cover.size(), cover.find("\n\n", labels[k].end)));
      attendance.emplace_back(labels[k].begin, end);
    }
  }
  for (const Attendee& a : doc.attendees) attendance.emplace_back(a.span.begin, a.span.end + 80);
  std::string c = council(cover, attendance);
  if (c.empty()) c = inferredCouncil(cover, labels, name);
  std::string lname = toLowerSwedish(name);
  std::string cfirst = toLowerSwedish(c.substr(0, c.find(' ')));
  if (cfirst == "region" || cfirst == "landstinget" || cfirst == "regionförbundet")
    cfirst = toLowerSwedish(c.substr(c.find(' ') + 1));
  // Not when the name already says it: "Region Örebro läns …", "Kumla kommunstyrelse"
  // (a district's name in the body's, "Barn- och skolnämnd Lund Öster", is no council).
  // A county's own bodies ("Jämtlands läns landstingsstyrelse") name their council.
  const bool county = lname.find(" läns ") != std::string::npos;
  const bool named = county ||
                     (!c.empty() && (lname.find(toLowerSwedish(c)) != std::string::npos ||
                                     lname.starts_with(cfirst.substr(0, std::max<std::size_t>(3, cfirst.size() - 1)))));
  if (!c.empty() && !named) name += " (" + c + ")";
  doc.organization = name;
  // The members of a federation's board come from its member councils.
  if (!toLowerSwedish(c).ends_with("förbund")) memberOf(c);
}

}  // namespace

static void readLabelled(std::string_view cover, const std::vector<Found>& labels, Document& doc);

void readCover(std::size_t end, Document& doc) {
  std::string_view text = doc.text;
  std::size_t limit = std::min<std::size_t>(text.size(), std::max<std::size_t>(end, 6000));
  limit = std::min<std::size_t>(limit, 16000);
  std::string_view cover = text.substr(0, limit);
  std::string lower = toLowerSwedish(cover);
  auto labels = findLabels(cover, lower);
  if (labels.size() >= 2) readLabelled(cover, labels, doc);
  readBody(cover, lower, labels, doc);
}

static void readLabelled(std::string_view, const std::vector<Found>& labels, Document& doc) {
  std::string_view text = doc.text;
  (void)text;

  auto evidence = [&](const std::string& key, std::string_view part, double confidence) {
    doc.evidence[key] = Evidence{spanIn(part, doc), confidence};
  };
  auto weakDate = [&] {
    auto it = doc.evidence.find("date");
    return doc.date.empty() || (it != doc.evidence.end() && it->second.confidence < 0.7);
  };

  // Labels printed in a run and their values after it: share the values out.
  // "Sekreterare Ordförande Justerande Anna Ek Per Ek Eva Ek".
  std::vector<std::pair<Label, std::string>> signatures;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    Label l = labels[k].label;
    if (l != Label::kSecretary && l != Label::kChair && l != Label::kAdjusterSignature) continue;
    std::size_t run = k;
    while (run + 1 < labels.size() && labels[run].value.empty() &&
           (labels[run + 1].label == Label::kSecretary || labels[run + 1].label == Label::kChair ||
            labels[run + 1].label == Label::kAdjusterSignature))
      ++run;
    auto people = peopleIn(labels[run].value);
    // "Sekreterare ........ Paragrafer 221-244 Tomas Sjöberg": the name printed
    // under the signature line comes after the next label's value.
    for (std::size_t next = run + 1;
         people.empty() && next < labels.size() && next <= run + 2 && labels[next].label == Label::kOther; ++next)
      people = peopleIn(labels[next].value);
    std::size_t count = run - k + 1;
    // "Sekreterare Ordförande Justerande Patrik Skanser Mariette Sjölund (S) Lennart Ahlström (S)":
    // fewer names than labels, and a name of four words is two run together.
    for (std::size_t m = 0; people.size() < count && m < people.size(); ++m) {
      auto ws = wordsOf(people[m].name);
      if (ws.size() != 4) continue;
      PersonMention second = people[m];
      second.name = std::string(ws[2].text) + " " + std::string(ws[3].text);
      people[m].name = std::string(ws[0].text) + " " + std::string(ws[1].text);
      people[m].party.clear();
      people.insert(people.begin() + static_cast<std::ptrdiff_t>(m) + 1, second);
      ++m;
    }
    for (std::size_t m = 0; m < count && m < people.size(); ++m)
      signatures.emplace_back(labels[k + m].label, people[m].name);
    // Several adjusters after the last label.
    if (labels[run].label == Label::kAdjusterSignature)
      for (std::size_t m = count; m < people.size(); ++m)
        signatures.emplace_back(Label::kAdjusterSignature, people[m].name);
    k = run;
  }

  for (std::size_t fi = 0; fi < labels.size(); ++fi) {
    Found f = labels[fi];
    // "Plats och tid Beslutande Gröna rummet, …, kl.09:00-13:40 Enligt …": the labels of a
    // column printed before their values; the first value is the place and time.
    if ((f.label == Label::kPlaceTime || f.label == Label::kPlace) && f.value.empty() && fi + 1 < labels.size() &&
        parseTimeRange(labels[fi + 1].value.substr(0, std::min<std::size_t>(labels[fi + 1].value.size(), 120))))
      f.value = labels[fi + 1].value;
    // "Utses att justera Anna Ek Plats och tid Stadshuset, 2021-05-27": the place and time
    // after the adjusters are the adjustment's (SKR's template repeats the label).
    if (f.label == Label::kPlaceTime && fi > 0 && labels[fi - 1].label == Label::kAdjusters && !doc.place.empty())
      f.label = Label::kAdjustPlaceTime;
    switch (f.label) {
      case Label::kPlaceTime:
      case Label::kPlace:
        if (doc.place.empty()) {
          std::string p = placeOf(f.value);
          if (!p.empty() && p.size() < 160 && !looksLikeBody(p)) {
            doc.place = p;
            evidence("place", f.value, 0.7);
          }
        }
        [[fallthrough]];
      case Label::kTime:
        if (doc.time.empty())
          if (auto t = parseTimeRange(f.value.substr(0, std::min<std::size_t>(f.value.size(), 200)))) {
            doc.time = *t;
            evidence("time", f.value, 0.7);
          }
        if (f.label != Label::kTime && weakDate())
          if (auto d = parseSwedishDate(f.value.substr(0, std::min<std::size_t>(f.value.size(), 120)))) {
            doc.date = *d;
            evidence("date", f.value, 0.7);
          }
        break;
      case Label::kDate:
        if (weakDate())
          if (auto d = parseSwedishDate(f.value.substr(0, std::min<std::size_t>(f.value.size(), 40)))) {
            doc.date = *d;
            evidence("date", f.value, 0.75);
          }
        break;
      case Label::kAdjusters:
        if (doc.adjusters.empty()) {
          std::string_view v = f.value;
          std::string lv = toLowerSwedish(v);
          // "Tord Persson (S) med Per Jakobsson (M) som ersättare": the substitute adjuster is not one.
          if (std::size_t med = lv.find(" med "); med != std::string::npos) v = v.substr(0, med);
          auto people = peopleIn(v.substr(0, std::min<std::size_t>(v.size(), 200)));
          // More than three "adjusters" is a column of another label flattened into
          // this one: the signatures ("Justerande … Anna Ek") decide instead.
          std::vector<std::string> signed_;
          for (const auto& [label, name] : signatures)
            if (label == Label::kAdjusterSignature) signed_.push_back(name);
          if (people.size() > 3) {
            std::vector<PersonMention> both;
            for (const auto& p : people)
              if (std::find(signed_.begin(), signed_.end(), p.name) != signed_.end()) both.push_back(p);
            people = both;
          }
          for (const auto& p : people) {
            doc.adjusters.push_back(p.name);
            evidence("adjusters/" + std::to_string(doc.adjusters.size() - 1), f.value, 0.7);
          }
        }
        break;
      case Label::kAdjustPlaceTime:
      case Label::kAdjustDate:
        if (doc.adjusted_date.empty())
          if (auto d = parseSwedishDateAfter(f.value.substr(0, std::min<std::size_t>(f.value.size(), 160)), doc.date)) {
            doc.adjusted_date = *d;
            evidence("adjusted_date", f.value, 0.7);
          }
        break;
      case Label::kOrgan:
        if (doc.organization.empty()) {
          std::string_view v = f.value;
          // "Organ och sammanträdesdatum Socialnämnden …" with a word lost: "och Socialnämnden".
          while (!v.empty() && isLowerAt(v, 0)) {
            std::size_t sp = v.find(' ');
            v = sp == std::string_view::npos ? std::string_view() : trimView(v.substr(sp + 1));
          }
          auto ws = wordsOf(v);
          std::string name;
          for (const Word& w : ws) {
            if (w.text.empty() || (w.text[0] >= '0' && w.text[0] <= '9')) break;
            if (!name.empty()) name += ' ';
            name += std::string(w.text);
            if (looksLikeBody(name) && (w.comma_after || w.dot_after)) break;
            if (name.size() > 80) break;
          }
          if (looksLikeBody(name)) {
            doc.organization = name;
            evidence("body", f.value, 0.7);
          }
        }
        break;
      default: break;
    }
  }
  for (const auto& [label, name] : signatures) {
    if (label == Label::kChair && doc.chair.empty()) doc.chair = name;
    if (label == Label::kSecretary && doc.secretary.empty()) doc.secretary = name;
    if (label == Label::kAdjusterSignature &&
        std::find(doc.adjusters.begin(), doc.adjusters.end(), name) == doc.adjusters.end() && name != doc.chair)
      doc.adjusters.push_back(name);
  }

  // Attendees: all when the line-based reader found none, else those it missed
  // (a transcript printing the cover once in one run and again line by line).
  {
    const std::size_t lineBased = doc.attendees.size();
    auto known = [&doc, lineBased](const std::string& name) {
      std::string l = toLowerSwedish(name);
      // Beside a line-based reading, a run's names must be plain: "Ladinek Region Örebro"
      // is a column gap lost, not a person.
      if (lineBased > 0) {
        std::string padded = " " + l + " ";
        for (std::string_view org : {" region ", " kommun ", " län ", " landsting ", " stad ", " landstinget "})
          if (padded.find(org) != std::string::npos) return true;
      }
      for (std::size_t k = 0; k < lineBased; ++k) {
        std::string o = toLowerSwedish(doc.attendees[k].name);
        // As whole words: a known "Anna Ek" is in "Anna Ek Justeringens", not in "Johanna Ekström".
        auto within = [](const std::string& hay, const std::string& needle) {
          for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
            if ((at == 0 || hay[at - 1] == ' ') && (at + needle.size() == hay.size() || hay[at + needle.size()] == ' '))
              return true;
          return false;
        };
        if (within(l, o) || within(o, l)) return true;
      }
      return false;
    };
    // A row of labels printed before all their values ("Plats Närvarande ledamöter Närvarande
    // ers Övriga närvarande Sekreterare Föreläsningssalen, …, Växjö Anna Ek (m), ordf … Per
    // Berg, Eva Dahl Kristina Brundin"): the place first, then the members with their parties,
    // then the others without, the secretary last.
    if (lineBased == 0)
      for (std::size_t k = 3; k < labels.size(); ++k) {
        const Found& f = labels[k];
        if (f.value.size() < 40 || (f.label != Label::kSecretary && groupRoleOf(f.label).empty())) continue;
        auto blank = [](std::string_view v) { return v.size() <= 4 && (v.empty() || !isUpperAt(v, 0)); };
        std::size_t r = k, groups = 0;
        bool place = false;
        while (r > 0 && blank(labels[r - 1].value)) {
          --r;
          if (!groupRoleOf(labels[r].label).empty()) ++groups;
          if (labels[r].label == Label::kPlace || labels[r].label == Label::kPlaceTime) place = true;
        }
        if (k - r < 3 || groups < 2) continue;
        std::string_view v = f.value.substr(0, std::min<std::size_t>(f.value.size(), 4000));
        if (place) {
          std::string pl = placeOf(v);
          if (!pl.empty() && v.starts_with(pl)) {
            if (doc.place.empty()) {
              doc.place = pl;
              evidence("place", v.substr(0, pl.size()), 0.6);
            }
            v = trimView(v.substr(pl.size()));
          }
        }
        // The values end where the first paragraph starts: "… Kristina Brundin 210 Val av
        // protokolljusterare …" (a number, then a title in sentence case; "215 Leif Hognert" is
        // a presence note).
        for (std::size_t q = 0; q + 1 < v.size(); ++q) {
          if (v[q] != ' ' || !(v[q + 1] >= '0' && v[q + 1] <= '9')) continue;
          std::size_t d = q + 1;
          while (d < v.size() && v[d] >= '0' && v[d] <= '9') ++d;
          if (d - q - 1 > 4 || d + 1 >= v.size() || v[d] != ' ' || !isUpperAt(v, d + 1)) continue;
          std::size_t sp = v.find(' ', d + 1);
          if (sp != std::string_view::npos && sp + 1 < v.size() && isLowerAt(v, sp + 1)) {
            v = v.substr(0, q);
            break;
          }
        }
        auto people = peopleIn(v);
        std::size_t lastParty = people.size();
        for (std::size_t q = 0; q < people.size(); ++q)
          if (!people[q].party.empty()) lastParty = q;
        if (lastParty == people.size()) break;
        // "… Per Carlsson Kristina Brundin": the last of the others and the secretary run together.
        if (!people.empty() && people.size() - 1 > lastParty && people.back().party.empty()) {
          auto ws = wordsOf(people.back().name);
          if (ws.size() == 4) {
            PersonMention second = people.back();
            second.name = std::string(ws[2].text) + " " + std::string(ws[3].text);
            people.back().name = std::string(ws[0].text) + " " + std::string(ws[1].text);
            std::size_t cut = people.back().begin + static_cast<std::size_t>(ws[2].begin);
            people.back().end = cut;
            second.begin = cut;
            people.push_back(second);
          }
        }
        for (std::size_t q = 0; q < people.size() && doc.attendees.size() < kMaxAttendees; ++q) {
          const auto& pm = people[q];
          std::string l = toLowerSwedish(pm.status);
          if (l.find("ej närvarande") != std::string::npos) continue;
          Attendee a;
          a.name = pm.name;
          a.party = pm.party;
          a.role = q <= lastParty ? roleFromStatus(pm.status, "ledamot") : "övrig närvarande";
          if (q + 1 == people.size() && q > lastParty && f.label == Label::kSecretary) {
            a.role = "sekreterare";
            // The label row says more surely than a signature run that began with the place.
            doc.secretary = a.name;
            evidence("secretary", v.substr(pm.begin, pm.end - pm.begin), 0.6);
          }
          if (a.role == "ordförande" && doc.chair.empty()) doc.chair = a.name;
          a.span = spanIn(v.substr(pm.begin, pm.end - pm.begin), doc);
          a.confidence = 0.55;
          doc.attendees.push_back(std::move(a));
        }
        break;
      }
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const Found& f = labels[k];
      std::string group = groupRoleOf(f.label);
      if (group.empty() || f.value.empty()) continue;
      // Column labels printed in a run ("Beslutande Ersättare Anna Ek (S) …"): the
      // values that follow are the first column's, the deciding members.
      for (std::size_t r = k; r > 0 && labels[r - 1].value.empty() && !groupRoleOf(labels[r - 1].label).empty(); --r)
        group = groupRoleOf(labels[r - 1].label);
      // "Kommunfullmäktiges samtliga ledamöter med undantag för A (KP), B (M) och C (S)": those
      // named are the absent.
      {
        std::string lv = toLowerSwedish(f.value.substr(0, std::min<std::size_t>(f.value.size(), 200)));
        if (lv.find("med undantag för") != std::string::npos ||
            lv.find("samtliga ledamöter utom") != std::string::npos ||
            lv.find("övriga ledamöter utom") != std::string::npos)
          continue;
      }
      // Beside a line-based reading, a list ends at a blank line before a line that
      // holds no one ("Justering och sekreterare").
      std::string_view value = f.value;
      if (lineBased > 0)
        for (std::size_t bl = value.find("\n\n"); bl != std::string_view::npos; bl = value.find("\n\n", bl + 2)) {
          std::string_view next = trimView(value.substr(bl + 2, value.find('\n', bl + 2) - (bl + 2)));
          std::size_t sp1 = next.find(' ');
          std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : next.find(' ', sp1 + 1);
          std::string_view firstTwo = next.substr(0, sp2);
          while (!firstTwo.empty() && firstTwo.back() == ',') firstTwo.remove_suffix(1);
          if (next.find('(') == std::string_view::npos && !looksLikePersonName(firstTwo)) {
            value = value.substr(0, bl);
            break;
          }
        }
      auto people = peopleIn(value);
      // Substitutes listed apart from the deciding members: those marked serving
      // serve ("Anna Ek (S), tjänstgörande"), the others are present without serving.
      if (group == "ersättare") {
        bool anyServing = f.label == Label::kPresentSubstitutes;
        for (const auto& p : people)
          anyServing = anyServing || roleFromStatus(p.status, group) == "tjänstgörande ersättare" ||
                       toLowerSwedish(p.status).starts_with("tjänstgörande");
        if (anyServing) group = "ej tjänstgörande ersättare";
      }
      // A role column printed after the names ("Gösta Berg (M) … Margit Bik (S) ordförande
      // 1:e vice ordförande 2:e vice ordförande"): the roles belong to the first names in order.
      std::vector<std::string> columnRoles;
      if (people.size() >= 3) {
        // The last person's "status" is then a run of role phrases, one per person in order
        // ("… ordförande 1:e vice ordförande ledamot … tjänstgörande ersättare").
        std::string l = toLowerSwedish(people.back().status);
        static constexpr std::string_view kRoles[] = {"ej tjänstgörande ersättare",
                                                      "tjänstgörande ersättare",
                                                      "vice ordförande",
                                                      "ordförande",
                                                      "ersättare",
                                                      "ledamot"};
        std::size_t i = 0;
        bool onlyRoles = true;
        while (i < l.size() && onlyRoles) {
          while (i < l.size() && l[i] == ' ') ++i;
          if (i >= l.size()) break;
          // An ordinal before "vice": "1:e", "2:a", "förste", "andre".
          std::size_t ordEnd = l.find(' ', i);
          std::string_view ord = std::string_view(l).substr(i, ordEnd == std::string::npos ? l.size() - i : ordEnd - i);
          std::size_t at = i;
          if (ordEnd != std::string::npos && std::string_view(l).substr(ordEnd + 1).starts_with("vice ordförande") &&
              (ord == "förste" || ord == "andre" || (ord.size() == 3 && ord[1] == ':')))
            at = ordEnd + 1;
          bool matched = false;
          for (std::string_view r : kRoles)
            if (std::string_view(l).substr(at).starts_with(r)) {
              std::size_t e = at + r.size();
              columnRoles.push_back(r == "vice ordförande" ? viceChairRole(std::string_view(l).substr(i, e - i))
                                                           : std::string(r));
              i = e;
              matched = true;
              break;
            }
          onlyRoles = matched;
        }
        bool othersBare = true;
        for (std::size_t q = 0; q + 1 < people.size(); ++q) othersBare = othersBare && people[q].status.empty();
        if (!onlyRoles || columnRoles.size() < 2 || !othersBare || columnRoles.size() > people.size())
          columnRoles.clear();
        if (!columnRoles.empty()) people.back().status.clear();
      }
      bool nextReplaced = false;
      std::size_t personIndex = 0;
      for (auto& p : people) {
        if (personIndex < columnRoles.size()) p.status = columnRoles[personIndex];
        ++personIndex;
        if (nextReplaced) {
          nextReplaced = false;
          continue;
        }
        std::string l = toLowerSwedish(p.status);
        if (l.find("ej närvarande") != std::string::npos) continue;
        // "Ove Marklund, Piteå Hockey 11": a guest's club, named for its town, is no person.
        if (std::string_view first = std::string_view(p.name).substr(0, p.name.find(' '));
            first.size() >= 5 && councils::municipalityNamed(first))
          continue;
        Attendee a;
        a.name = p.name;
        a.party = p.party;
        a.role = roleFromStatus(p.status, group);
        if (l.starts_with("tjänstgörande") && a.role != "tjänstgörande ersättare") a.role = "tjänstgörande ersättare";
        if (replacesSomeone(p.status)) {
          a.role = "tjänstgörande ersättare";
          nextReplaced = true;
        }
        a.span = spanIn(value.substr(p.begin, p.end - p.begin), doc);
        a.confidence = 0.6;
        bool dup = known(a.name);
        for (std::size_t b = lineBased; b < doc.attendees.size(); ++b) dup = dup || doc.attendees[b].name == a.name;
        if (!dup && doc.attendees.size() < kMaxAttendees) doc.attendees.push_back(std::move(a));
      }
    }
  }
  for (Attendee& a : doc.attendees) {
    if (!doc.chair.empty() && a.name == doc.chair && (a.role == "ledamot" || a.role.empty())) a.role = "ordförande";
  }
  if (doc.chair.empty())
    for (const Attendee& a : doc.attendees)
      if (a.role == "ordförande") {
        doc.chair = a.name;
        break;
      }
}

std::vector<std::string> adjustersElected(std::string_view sentence, std::string_view chair) {
  std::string lower = toLowerSwedish(sentence);
  if (lower.find("juster") == std::string::npos) return {};
  bool elected = false;
  for (std::string_view v : {"utse", "utsåg", "utses", "väljs", "välja", "valdes", "vald ", "förslag på justerare",
                             "förslag till justerare"})
    elected = elected || lower.find(v) != std::string::npos;
  if (!elected) return {};
  // "…, ersättare Marianne Eckerbom", "… med Per Ek (M) som ersättare": substitutes for the adjusters are not.
  std::size_t cut = sentence.size();
  for (std::string_view w : {" ersättare", " med "})
    if (std::size_t p = lower.find(w); p != std::string::npos) cut = std::min(cut, p);
  std::vector<std::string> out;
  for (const auto& p : peopleIn(sentence.substr(0, cut))) {
    if (p.name == chair) continue;
    // "jämte ordföranden Åke Nylén": the chair, named.
    std::string before = toLowerSwedish(sentence.substr(0, p.begin));
    while (!before.empty() && before.back() == ' ') before.pop_back();
    if (before.ends_with("ordförande") || before.ends_with("ordföranden")) continue;
    out.push_back(p.name);
  }
  return out;
}

void settleAdjusters(Document& doc) {
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (!name.empty() && name != doc.chair && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const std::string& a : doc.adjusters) {
    // "Britt-Marie Åhman Lennart Allard": two adjusters run together on one line.
    auto people = peopleIn(a);
    auto words = wordsOf(a);
    if (people.size() >= 2 && words.size() >= 4) {
      for (const auto& p : people) add(p.name);
    } else if (people.size() == 1 && words.size() == 4 && people[0].name == a) {
      // Four name words and no separator: two people of two names each (a
      // three-part name is kept whole: "Carina Grahn Hellberg").
      add(std::string(a.substr(0, words[2].begin - 1)));
      add(std::string(a.substr(words[2].begin)));
    } else if (!people.empty() || a.find(' ') == std::string::npos) {
      add(a);
    }
  }
  doc.adjusters = std::move(out);
}

}  // namespace beslut::plugins::minutes
