// Names of bodies and lists of names (see assignment_internal.h).
#include <algorithm>
#include <string>
#include <utility>

#include "beslut/text.h"
#include "assignment_internal.h"

namespace beslut::assignment_detail {

// ---------------------------------------------------------------------------
// Names

std::string nameKey(std::string_view name) {
  std::string low = toLowerSwedish(name);
  std::string out;
  out.reserve(low.size());
  for (std::size_t i = 0; i < low.size(); ++i) {
    char c = low[i];
    if (c == '-' && i > 0 && isLetterByte(low[i - 1]) && isLowerAt(low, i + 1)) continue;  // "Ekobrotts-myndigheten"
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}


// Lower-case words that can open a body's name ("länsstyrelserna", "kommunstyrelsen").
bool startsWithLowerHead(std::string_view lower) {
  return startsWithAny(lower, {"l\xC3\xA4nsstyrelse",
                               "myndighet",
                               "kommun",
                               "region",
                               "f\xC3\xB6rvaltning",
                               "n\xC3\xA4mnd",
                               "styrelse",
                               "l\xC3\xA4ros\xC3\xA4t",
                               "universitet",
                               "h\xC3\xB6gskol",
                               "stadsdirekt",
                               "ordf\xC3\xB6rande",
                               "presidie",
                               "utskott",
                               "f\xC3\xB6rbund",
                               "bolag",
                               "sekretariat",
                               "direkt\xC3\xB6r",
                               "skolchef",
                               "socialchef"});
}


// A lower-cased word or name that names an organisation ("...myndigheten", "...verket", "... universitet").
bool looksLikeAgency(std::string_view lower) {
  static constexpr std::string_view kContains[] = {"myndighet",
                                                   "universitet",
                                                   "h\xC3\xB6gskol",
                                                   "l\xC3\xA4nsstyrelse",
                                                   "kommun",
                                                   "region",
                                                   "domstol",
                                                   "akademi",
                                                   "ombudsman",
                                                   "f\xC3\xB6rening",
                                                   "delegation",
                                                   "kommitt",
                                                   "samordnare",
                                                   "utredare",
                                                   "centrum",
                                                   "f\xC3\xB6rhandlingsperson",
                                                   "stiftelse",
                                                   "museum",
                                                   "museet",
                                                   "museer",
                                                   "bibliotek",
                                                   "arkiv",
                                                   "institut",
                                                   "inspektion",
                                                   "styrelse",
                                                   "n\xC3\xA4mnd",
                                                   "verket",
                                                   "l\xC3\xA4ros\xC3\xA4t",
                                                   "kollegiet",
                                                   "\xC3\xA4mbetet",
                                                   "f\xC3\xB6rvaltning",
                                                   "centralbyr",
                                                   "kraftn\xC3\xA4t",
                                                   "direkt\xC3\xB6r",
                                                   "f\xC3\xB6rbund"};
  for (auto c : kContains) {
    std::size_t q = findp(lower, c);
    if (q == npos) continue;
    // "regionala", "kommunala" are adjectives, not bodies.
    if ((c == "region" || c == "kommun") && at(lower, q + c.size(), "al")) continue;
    return true;
  }
  std::size_t sp = lower.rfind(' ');
  std::string_view lastWord = sp == npos ? lower : lower.substr(sp + 1);
  static constexpr std::string_view kEnds[] = {"verk",
                                               "r\xC3\xA4tt",
                                               "r\xC3\xA4tten",
                                               "r\xC3\xA5"
                                               "det",
                                               "r\xC3\xA5"
                                               "d",
                                               "tinget",
                                               "kassan",
                                               "makten",
                                               "v\xC3\xA5rden",
                                               "polisen",
                                               "kontoret",
                                               "byr\xC3\xA5n",
                                               "bevakningen",
                                               "f\xC3\xB6rmedlingen",
                                               "banken",
                                               "g\xC3\xA4lden",
                                               "fonden",
                                               "centret",
                                               "verken",
                                               "rederiet",
                                               "bolaget",
                                               "sekretariatet"};
  if (endsWith(lastWord, "samr\xC3\xA5"
                         "d"))
    return false;
  for (auto e : kEnds)
    if (endsWith(lastWord, e)) return true;
  return false;
}

// The body word opens or closes the name: "Myndigheten för ...", "Svea hovrätt",
// not "Finansiering av Högskoleverkets kostnader".
bool isAbbreviation(std::string_view name) {
  if (name.size() < 3 || name.size() > 6) return false;
  for (char c : name)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool headedByAgency(std::string_view key) {
  std::size_t sp1 = key.find(' ');
  std::size_t sp2 = key.rfind(' ');
  std::string_view first = key.substr(0, sp1);
  std::string_view last = sp2 == npos ? key : key.substr(sp2 + 1);
  return looksLikeAgency(first) || looksLikeAgency(last);
}

bool isRecipient(std::string_view key) {
  return key == "regeringen" || key.starts_with("regeringskansliet") || endsWith(key, "departementet") ||
         key == "riksdagen" || key.starts_with("regeringens") || key == "sverige";
}

bool isAnaphor(std::string_view key) {
  static constexpr std::string_view kAnaphors[] = {"myndigheten",
                                                   "myndigheterna",
                                                   "l\xC3\xA4ros\xC3\xA4tena",
                                                   "l\xC3\xA4ros\xC3\xA4tet",
                                                   "universitetet",
                                                   "h\xC3\xB6gskolan",
                                                   "verket",
                                                   "f\xC3\xB6reningen",
                                                   "bolaget",
                                                   "de",
                                                   "dessa",
                                                   "b\xC3\xA5"
                                                   "da",
                                                   "samtliga",
                                                   "myndigheterna gemensamt",
                                                   "uppdragstagaren",
                                                   "uppdragstagarna",
                                                   "organisationen",
                                                   "organisationerna",
                                                   "b\xC3\xA5"
                                                   "da myndigheterna",
                                                   "de tre myndigheterna"};
  for (auto a : kAnaphors)
    if (key == a) return true;
  return false;
}

// Words that may stand in front of a name and are not part of it.
std::string_view stripAdverbs(std::string_view s) {
  for (int guard = 0; guard < 4; ++guard) {
    s = trimView(s);
    bool changed = false;
    for (std::string_view w :
         {"d\xC3\xA4rf\xC3\xB6r ", "ocks\xC3\xA5 ", "\xC3\xA4ven ", "vidare ", "dessutom ", "h\xC3\xA4rmed ", "nu ",
          "samtidigt ", "d\xC3\xA4rut\xC3\xB6ver ", "och ", "samt ", "eller ", "\xC3\xA5ter ", "\xC3\xA5terigen "}) {
      if (s.size() > w.size() && startsWithFold(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    for (std::string_view w :
         {" gemensamt", " tillsammans", " ocks\xC3\xA5", " \xC3\xA4ven", " d\xC3\xA4rf\xC3\xB6r"}) {
      if (s.size() > w.size() && startsWithFold(s.substr(s.size() - w.size()), w)) {
        s.remove_suffix(w.size());
        changed = true;
      }
    }
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':')) {
      s.remove_suffix(1);
      changed = true;
    }
    if (!changed) break;
  }
  return trimView(s);
}

std::size_t countWords(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

// A name as it may be written anywhere: starts with a capital letter or a
// lower-case body word, at most 12 words, no clause words.
bool plausibleName(std::string_view name) {
  if (name.size() < 2 || name.size() > 120 || countWords(name) > 12) return false;
  // A role in the definite form names its holder: "stadsarkitekten", "förvaltningschefen",
  // "kommundirektören" (the explicit triggers bound it: "delegera till X att").
  const bool role = name.find(' ') == std::string_view::npos && name.size() >= 8 && isLowerAt(name, 0) &&
                    (endsWith(name, "en") || endsWith(name, "et"));
  if (!isUpperAt(name, 0) && !startsWithLowerHead(name) && !role) return false;
  for (char c : name)
    if (c == '"' || c == '[' || c == ']' || c == '/' || c == '=') return false;
  std::string low = toLowerSwedish(name);
  for (std::string_view w :
       {" ska ", " att ", " har ", " f\xC3\xA5r ", " ges ", " kan ", " skall ", " senast ", " gav ", " med anledning",
        " genom ", " mellan ", " erbjud", " p\xC3\xA5 f\xC3\xB6ljande", " m.fl", " respektive "})
    if (has(low, w)) return false;
  for (std::string_view w :
       {"d\xC3\xA4rf\xC3\xB6r", "ocks\xC3\xA5", "\xC3\xA4ven", "vidare", "dessutom", "h\xC3\xA4rmed", "samtidigt",
        "d\xC3\xA4rut\xC3\xB6ver", "myndighet", "museet", "myndigheten", "regeringen"})
    if (low == w) return false;
  // A lone genitive ("Jönköpings", "Statens") is part of a name, not one.
  if (low.find(' ') == std::string::npos && low.size() > 4 && low.back() == 's' && !isUpperAt(name, 1)) {
    char before = low[low.size() - 2];
    if (before != 'y' && before != 'a' && before != 'e' && before != 'i' && before != 'o' && before != 'u')
      return false;
  }
  if (endsWith(low, " ska") || endsWith(low, " att")) return false;
  return !isRecipient(nameKey(name));
}

// A stricter test for names read from a clause without explicit bounds ("X
// ska ..."): every lower-case word must follow a connector ("för", "i", "och")
// within three words, or be a body word, or stand before one ("svenska kraftnät").
bool strictName(std::string_view name) {
  if (!plausibleName(name)) return false;
  std::string low = toLowerSwedish(name);
  std::vector<std::string_view> words;
  std::string_view rest = low;
  while (!rest.empty()) {
    std::size_t sp = rest.find(' ');
    words.push_back(rest.substr(0, sp));
    if (sp == npos) break;
    rest.remove_prefix(sp + 1);
  }
  std::string_view orig = name;
  std::vector<bool> upper;
  std::size_t pos = 0;
  for (auto w : words) {
    upper.push_back(isUpperAt(orig, pos));
    pos += w.size() + 1;
  }
  // A name does not end in a genitive ("Kommuners och myndigheters samråd").
  std::string_view lastWord = words.back();
  if (lastWord.size() > 4 && lastWord.back() == 's' && !upper.back()) return false;
  if (lastWord.size() > 4 && lastWord.back() == 's' && upper.size() == 1) return false;
  int since = 99;
  for (std::size_t k = 1; k < words.size(); ++k) {
    auto w = words[k];
    if (upper[k] || isDigit(w.empty() ? ' ' : w[0])) continue;
    if (w == "f\xC3\xB6r" || w == "i" || w == "och" || w == "av" || w == "med" || w == "om" || w == "p\xC3\xA5" ||
        w == "inom" || w == "vid") {
      since = 0;
      continue;
    }
    if (since < 3) {
      ++since;
      continue;
    }
    if (looksLikeAgency(w)) continue;
    if (k + 1 < words.size() && looksLikeAgency(words[k + 1])) continue;
    return false;
  }
  return true;
}


// Splits a list of names; see splitAssigneeList.
std::vector<NameItem> splitNames(std::string_view s) {
  std::vector<NameItem> out;
  if (s.size() > kMaxList) return out;
  // 1. Parenthesised parts removed, remembered as aliases at their position.
  std::string stripped;
  std::vector<std::pair<std::size_t, std::string>> aliases;
  int depth = 0;
  std::size_t open = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') {
      if (depth == 0) open = i;
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
      if (depth == 0) aliases.emplace_back(stripped.size(), std::string(trimView(s.substr(open + 1, i - open - 1))));
    } else if (depth == 0) {
      stripped.push_back(c);
    }
  }
  auto aliasFor = [&](std::size_t b, std::size_t e) -> std::string {
    for (const auto& [pos, a] : aliases) {
      if (pos < b || pos > e + 2) continue;
      if (a.empty() || a.size() > 40 || !isUpperAt(a, 0) || has(a, "departement") || has(a, "/")) continue;
      bool digits = false;
      for (char c : a) digits = digits || isDigit(c);
      if (!digits) return a;
    }
    return {};
  };
  // 2. Comma parts; 3. "och"/"samt" inside them.
  std::size_t pb = 0;
  while (pb <= stripped.size()) {
    std::size_t pe = stripped.find_first_of(",;", pb);
    if (pe == std::string::npos) pe = stripped.size();
    std::string_view part(stripped.data() + pb, pe - pb);
    std::size_t partBase = pb;
    pb = pe + 1;
    // Leading conjunction and spaces.
    std::size_t lead = 0;
    while (lead < part.size() && part[lead] == ' ') ++lead;
    for (std::string_view w : {"och ", "samt ", "eller "})
      if (part.substr(lead).starts_with(w)) lead += w.size();
    part.remove_prefix(lead);
    partBase += lead;
    if (part.empty()) continue;
    std::string lowPart = toLowerSwedish(part);
    if (!isUpperAt(part, 0) && !startsWithLowerHead(lowPart) && !out.empty()) continue;  // an apposition
    std::size_t qb = 0;
    std::size_t q = 0;
    while (true) {
      std::size_t o = lowPart.find(" och ", q);
      std::size_t sa = lowPart.find(" samt ", q);
      std::size_t cut = std::min(o, sa);
      bool split = false;
      std::size_t len = 0;
      if (cut != std::string::npos) {
        if (cut == sa) {
          split = true;
          len = 6;
        } else {
          len = 5;
          std::size_t next = cut + len;
          bool hyphenBefore = cut > 0 && part[cut - 1] == '-';
          split = !hyphenBefore && (isUpperAt(part, next) || startsWithLowerHead(lowPart.substr(next)));
        }
      }
      if (cut == std::string::npos || split) {
        std::size_t pe2 = cut == std::string::npos ? part.size() : cut;
        std::string_view piece = stripAdverbs(part.substr(qb, pe2 - qb));
        if (!piece.empty()) {
          std::size_t off = static_cast<std::size_t>(piece.data() - part.data());
          out.push_back(NameItem{std::string(piece), aliasFor(partBase + off, partBase + off + piece.size())});
        }
        if (cut == std::string::npos) break;
        qb = cut + len;
        q = qb;
      } else {
        q = cut + len;
      }
    }
    if (pe >= stripped.size()) break;
  }
  return out;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  if (a.size() > 100 || b.size() > 100) return 100;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string capitalize(std::string s) {
  if (s.empty()) return s;
  if (s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 32);
  } else if (u8(s[0]) == 0xC3 && s.size() > 1 && u8(s[1]) >= 0xA0 && u8(s[1]) <= 0xBE && u8(s[1]) != 0xB7) {
    s[1] = static_cast<char>(u8(s[1]) - 0x20);
  }
  return s;
}

std::string lowerFirst(std::string s) {
  if (s.empty()) return s;
  if (s[0] >= 'A' && s[0] <= 'Z') {
    s[0] = static_cast<char>(s[0] + 32);
  } else if (u8(s[0]) == 0xC3 && s.size() > 1 && u8(s[1]) >= 0x80 && u8(s[1]) <= 0x9E && u8(s[1]) != 0x97) {
    s[1] = static_cast<char>(u8(s[1]) + 0x20);
  }
  return s;
}

}  // namespace beslut::assignment_detail
