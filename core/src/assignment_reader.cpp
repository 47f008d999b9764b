// The assignment reader (see assignment_reader.h). Works on a normalised copy
// of the text (soft hyphens and Markdown removed, hard line breaks inside
// paragraphs joined, whitespace collapsed) with a byte map back to the
// original for spans. Per sentence it looks for assignment triggers ("ger X i
// uppdrag", "uppdrar åt X att", "X får i uppdrag", "X ska ...", "samordnas
// av X", "överlämnas till X för beredning", "delegera till X att") and for
// report dates; reports are attached to the sentence's subjects, to the last
// named subjects, or to everybody ("Uppdraget ska redovisas ...").
// Time is linear in the text: sentences are capped in length, the number of
// entities and events is capped, and every scan is a find() over one sentence.
#include "beslut/assignment_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "assignment_dates.h"
#include "beslut/text.h"

namespace beslut {
namespace {

using assignment_detail::RawDate;

constexpr std::size_t kMaxSentence = 2000;
constexpr std::size_t kMaxEntities = 48;
constexpr std::size_t kMaxEvents = 400;
constexpr std::size_t kMaxSpan = 300;
constexpr std::size_t kMaxList = 900;  // a bounded list of names ("ger A, B, ... och N i uppdrag")
constexpr std::size_t kMaxTask = 300;
constexpr std::size_t npos = std::string_view::npos;

unsigned char u8(char c) { return static_cast<unsigned char>(c); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isLetterByte(char c) { return isAsciiAlpha(c) || u8(c) >= 0x80; }
// s.find(needle, from), cheaper for the short needles used here: memchr for
// the first byte and a check of the last byte before comparing the rest.
std::size_t findp(std::string_view s, std::string_view needle, std::size_t from = 0) {
  std::size_t n = needle.size();
  if (n == 0) return from <= s.size() ? from : std::string_view::npos;
  if (n > s.size() || from > s.size() - n) return std::string_view::npos;
  const char* base = s.data();
  const char* p = base + from;
  const char* last = base + (s.size() - n);
  const char first = needle[0];
  const char end = needle[n - 1];
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, first, static_cast<std::size_t>(last - p) + 1));
    if (p == nullptr) return std::string_view::npos;
    if (p[n - 1] == end && std::memcmp(p + 1, needle.data() + 1, n - 1) == 0) return static_cast<std::size_t>(p - base);
    ++p;
  }
  return std::string_view::npos;
}
bool has(std::string_view s, std::string_view needle) { return findp(s, needle) != std::string_view::npos; }
bool endsWith(std::string_view s, std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; }

// True when `s` starts with `lower` ignoring the case of ASCII and Latin-1 letters.
bool startsWithFold(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    } else if (i > 0 && static_cast<unsigned char>(s[i - 1]) == 0xC3 && static_cast<unsigned char>(c) >= 0x80 &&
               static_cast<unsigned char>(c) <= 0x9E && static_cast<unsigned char>(c) != 0x97) {
      c = static_cast<char>(c + 0x20);
    }
    if (c != lower[i]) return false;
  }
  return true;
}

bool isNbsp(std::string_view s, std::size_t i) { return i + 1 < s.size() && u8(s[i]) == 0xC2 && u8(s[i + 1]) == 0xA0; }
bool isSoftHyphen(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && u8(s[i]) == 0xC2 && u8(s[i + 1]) == 0xAD;
}

// ---------------------------------------------------------------------------
// Normalisation

struct NormText {
  std::string s;                     // normalised text, '\n' between blocks
  std::vector<std::uint32_t> map;    // s[i] comes from original[map[i]]
  std::vector<std::size_t> headings; // offsets in s where heading lines start
};

class Normalizer {
 public:
  explicit Normalizer(std::string_view t) : t_(t) {
    // The output is never longer than the input plus a final line break.
    n_.s.resize(t.size() + 8);
    n_.map.resize(t.size() + 8);
    out_ = n_.s.data();
    map_ = n_.map.data();
    cap_ = n_.s.size();
  }

  NormText run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      std::size_t e = t_.find('\n', i);
      if (e == npos) e = t_.size();
      line(i, e);
      i = e + 1;
    }
    newline(t_.size());
    n_.s.resize(len_);
    n_.map.resize(len_);
    return std::move(n_);
  }

 private:
  void push(char c, std::size_t at) {
    if (len_ == cap_) grow();
    out_[len_] = c;
    map_[len_] = static_cast<std::uint32_t>(at);
    ++len_;
  }
  void grow() {
    n_.s.resize(len_ * 2 + 8);
    n_.map.resize(len_ * 2 + 8);
    out_ = n_.s.data();
    map_ = n_.map.data();
    cap_ = n_.s.size();
  }
  void pop() {
    if (len_ > 0) --len_;
  }
  char last() const { return len_ == 0 ? '\n' : out_[len_ - 1]; }
  void space(std::size_t at) {
    char l = last();
    if (l != ' ' && l != '\n') push(' ', at);
  }
  void newline(std::size_t at) {
    while (len_ > 0 && n_.s[len_ - 1] == ' ') pop();
    if (len_ > 0 && n_.s[len_ - 1] != '\n') push('\n', at);
  }

  void line(std::size_t b, std::size_t e) {
    std::size_t a = b;
    while (a < e) {
      if (t_[a] == ' ' || t_[a] == '\t' || t_[a] == '\r') {
        ++a;
      } else if (isNbsp(t_, a)) {
        a += 2;
      } else {
        break;
      }
    }
    std::size_t z = e;
    while (z > a && (t_[z - 1] == ' ' || t_[z - 1] == '\t' || t_[z - 1] == '\r')) --z;
    if (a >= z) {
      newline(b);
      prev_blank_ = true;
      return;
    }
    std::string_view body = t_.substr(a, z - a);
    if (body[0] == '[' && has(body, "](")) {  // a Markdown link line (press release links)
      newline(a);
      prev_blank_ = true;
      return;
    }
    bool heading = false;
    bool item = false;
    std::size_t k = 0;
    if (body[0] == '#') {
      while (k < body.size() && body[k] == '#') ++k;
      heading = true;
    } else if (body.size() > 1 && (body[0] == '*' || body[0] == '-') && body[1] == ' ') {
      k = 2;
      item = true;
    } else if (body.size() > 3 && u8(body[0]) == 0xE2 && u8(body[1]) == 0x80 &&
               (u8(body[2]) == 0xA2 || u8(body[2]) == 0x93) && body[3] == ' ') {
      k = 4;  // "• " or "– "
      item = true;
    } else if (isDigit(body[0])) {
      std::size_t d = 0;
      while (d < body.size() && d < 3 && isDigit(body[d])) ++d;
      if (d < 3 && d + 1 < body.size() && (body[d] == '.' || body[d] == ')') && body[d + 1] == ' ') {
        k = d + 2;
        item = true;
      } else {
        // A page marker "2 (6)" left at the start of a line.
        std::size_t q = d;
        if (q < body.size() && body[q] == ' ' && q + 1 < body.size() && body[q + 1] == '(') {
          std::size_t r = q + 2;
          while (r < body.size() && isDigit(body[r])) ++r;
          if (r > q + 2 && r < body.size() + 1 && r < body.size() && body[r] == ')' &&
              (r + 1 == body.size() || body[r + 1] == ' '))
            k = r + 1;
        }
      }
    }
    while (k < body.size() && (body[k] == ' ' || body[k] == '\t')) ++k;
    bool glue = false;
    bool join = false;
    if (!heading && !item && !prev_blank_ && !prev_heading_ && k < body.size()) {
      std::string_view rest = body.substr(k);
      if (prev_soft_hyphen_) {
        glue = true;
      } else if (last() == '-' && prev_lower_end_before_hyphen_ && isLowerAt(rest, 0) && !startsWithConjunction(rest)) {
        pop();  // "Ekobrotts-\nmyndigheten" -> "Ekobrottsmyndigheten"
        glue = true;
      } else if (isLowerAt(rest, 0) || isDigit(rest[0]) || rest[0] == '(') {
        join = true;
      } else if (prev_len_ >= 40 && prev_lower_end_) {
        join = true;
      }
    }
    if (!glue) {
      if (join) {
        space(a);
      } else {
        newline(a);
      }
    }
    if (heading) n_.headings.push_back(len_);
    content(body, a, k);
    prev_heading_ = heading;
    if (heading) newline(z);
    prev_blank_ = false;
    prev_len_ = body.size();
    prev_soft_hyphen_ = body.size() >= 2 && isSoftHyphen(body, body.size() - 2);
    char lc = last();
    prev_lower_end_ = (lc >= 'a' && lc <= 'z') || lc == ',' || u8(lc) >= 0x80;
    prev_lower_end_before_hyphen_ = false;
    if (lc == '-' && len_ >= 2) {
      char pc = n_.s[len_ - 2];
      prev_lower_end_before_hyphen_ = (pc >= 'a' && pc <= 'z') || u8(pc) >= 0x80;
    }
  }

  static bool startsWithConjunction(std::string_view s) {
    for (std::string_view w : {"och ", "eller ", "samt ", "till ", "som "})
      if (s.starts_with(w)) return true;
    return false;
  }

  void content(std::string_view body, std::size_t base, std::size_t k) {
    while (k < body.size()) {
      char c = body[k];
      if (u8(c) > 0x20 && u8(c) < 0x80 && c != '*' && c != '\\') {
        push(c, base + k);  // the common case: a plain ASCII character
        ++k;
        continue;
      }
      if (isSoftHyphen(body, k)) {
        k += 2;
        std::size_t j = k;
        while (j < body.size() && body[j] == ' ') ++j;
        if (j > k && isLowerAt(body, j)) k = j;  // "redo\u00ad visas" -> "redovisas"
        continue;
      }
      if (isNbsp(body, k)) {
        space(base + k);
        k += 2;
        continue;
      }
      if (c == '\\' && k + 1 < body.size() && (body[k + 1] == '_' || body[k + 1] == '*' || body[k + 1] == '\\' ||
                                                body[k + 1] == '[' || body[k + 1] == ']' || body[k + 1] == '#')) {
        // A Markdown escape; "\_" stands between words ("Tillväxtverket\_att").
        if (body[k + 1] == '_') {
          space(base + k);
        } else {
          push(body[k + 1], base + k + 1);
        }
        k += 2;
        continue;
      }
      if (c == '*' && k + 1 < body.size() && body[k + 1] == '*') {
        k += 2;
        continue;
      }
      if (u8(c) < 0x20 || c == ' ') {
        space(base + k);
        ++k;
        continue;
      }
      push(c, base + k);
      ++k;
    }
  }

  std::string_view t_;
  NormText n_;
  std::size_t len_ = 0;  // bytes of n_.s and n_.map in use
  std::size_t cap_ = 0;
  char* out_ = nullptr;
  std::uint32_t* map_ = nullptr;
  bool prev_blank_ = true;
  bool prev_heading_ = false;
  bool prev_soft_hyphen_ = false;
  bool prev_lower_end_ = false;
  bool prev_lower_end_before_hyphen_ = false;
  std::size_t prev_len_ = 0;
};

// ---------------------------------------------------------------------------
// Sentences

struct Sentence {
  std::size_t b = 0;
  std::size_t e = 0;
  bool heading = false;
};

bool abbreviationBefore(std::string_view s, std::size_t dot) {
  std::size_t w = dot;
  while (w > 0 && (isAsciiAlpha(s[w - 1]) || s[w - 1] == '.')) --w;
  std::string_view tok = s.substr(w, dot - w);
  if (tok.size() == 1 && tok[0] >= 'A' && tok[0] <= 'Z') return true;  // an initial
  if (tok.empty() || tok.size() > 6) return false;
  char buf[8];
  for (std::size_t i = 0; i < tok.size(); ++i) buf[i] = (tok[i] >= 'A' && tok[i] <= 'Z') ? static_cast<char>(tok[i] + 32) : tok[i];
  tok = std::string_view(buf, tok.size());
  static constexpr std::string_view kAbbrev[] = {"kungl", "bl.a", "t.ex", "m.fl", "m.m", "dvs", "d.v.s", "s.k",
      "resp", "jfr", "prop", "skr", "bet", "rskr", "ca", "kap", "nr", "f.d", "fr.o.m", "t.o.m", "inkl", "exkl", "ang",
      "kl", "p"};
  for (auto a : kAbbrev)
    if (tok == a) return true;
  return false;
}

std::vector<Sentence> splitIntoSentences(const NormText& n) {
  std::vector<Sentence> out;
  const std::string& s = n.s;
  std::size_t h = 0;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && s[b] == ' ') ++b;
    while (e > b && s[e - 1] == ' ') --e;
    if (b >= e) return;
    while (h < n.headings.size() && n.headings[h] < b) ++h;
    out.push_back(Sentence{b, e, h < n.headings.size() && n.headings[h] == b});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      emit(start, i);
      start = i + 1;
    } else if ((c == '.' || c == '!' || c == '?') && i + 2 < s.size() && s[i + 1] == ' ' &&
               (isUpperAt(s, i + 2) || s[i + 2] == '"') && !abbreviationBefore(s, i)) {
      emit(start, i + 1);
      start = i + 2;
      ++i;
    } else if (c == ' ' && i - start >= kMaxSentence) {
      emit(start, i);
      start = i + 1;
    }
  }
  emit(start, s.size());
  return out;
}

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

bool startsWithAny(std::string_view s, std::initializer_list<std::string_view> list) {
  for (auto w : list)
    if (s.starts_with(w)) return true;
  return false;
}

// Lower-case words that can open a body's name ("länsstyrelserna", "kommunstyrelsen").
bool startsWithLowerHead(std::string_view lower) {
  return startsWithAny(lower, {"l\xC3\xA4nsstyrelse", "myndighet", "kommun", "region", "f\xC3\xB6rvaltning", "n\xC3\xA4mnd",
                                   "styrelse", "l\xC3\xA4ros\xC3\xA4t", "universitet", "h\xC3\xB6gskol", "stadsdirekt",
                                   "ordf\xC3\xB6rande", "presidie", "utskott", "f\xC3\xB6rbund", "bolag", "sekretariat",
                                   "direkt\xC3\xB6r", "skolchef", "socialchef"});
}


// A lower-cased word or name that names an organisation ("...myndigheten", "...verket", "... universitet").
bool looksLikeAgency(std::string_view lower) {
  static constexpr std::string_view kContains[] = {"myndighet", "universitet", "h\xC3\xB6gskol",
      "l\xC3\xA4nsstyrelse", "kommun", "region", "domstol", "akademi", "ombudsman", "f\xC3\xB6rening", "delegation",
      "kommitt", "samordnare", "utredare", "centrum", "f\xC3\xB6rhandlingsperson", "stiftelse", "museum", "museet", "museer", "bibliotek", "arkiv", "institut", "inspektion",
      "styrelse", "n\xC3\xA4mnd", "verket", "l\xC3\xA4ros\xC3\xA4t", "kollegiet", "\xC3\xA4mbetet", "f\xC3\xB6rvaltning",
      "centralbyr", "kraftn\xC3\xA4t", "direkt\xC3\xB6r", "f\xC3\xB6rbund"};
  for (auto c : kContains) {
    std::size_t q = findp(lower, c);
    if (q == npos) continue;
    // "regionala", "kommunala" are adjectives, not bodies.
    if ((c == "region" || c == "kommun") && lower.compare(q + c.size(), 2, "al") == 0) continue;
    return true;
  }
  std::size_t sp = lower.rfind(' ');
  std::string_view lastWord = sp == npos ? lower : lower.substr(sp + 1);
  static constexpr std::string_view kEnds[] = {"verk", "r\xC3\xA4tt", "r\xC3\xA4tten", "r\xC3\xA5" "det",
      "r\xC3\xA5" "d", "tinget", "kassan", "makten", "v\xC3\xA5rden", "polisen", "kontoret", "byr\xC3\xA5n", "bevakningen",
      "f\xC3\xB6rmedlingen", "banken", "g\xC3\xA4lden", "fonden", "centret", "verken", "rederiet", "bolaget", "sekretariatet"};
  if (endsWith(lastWord, "samr\xC3\xA5" "d")) return false;
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
  static constexpr std::string_view kAnaphors[] = {"myndigheten", "myndigheterna", "l\xC3\xA4ros\xC3\xA4tena",
      "l\xC3\xA4ros\xC3\xA4tet", "universitetet", "h\xC3\xB6gskolan", "verket", "f\xC3\xB6reningen", "bolaget", "de",
      "dessa", "b\xC3\xA5" "da", "samtliga", "myndigheterna gemensamt", "uppdragstagaren", "uppdragstagarna",
      "organisationen", "organisationerna", "b\xC3\xA5" "da myndigheterna", "de tre myndigheterna"};
  for (auto a : kAnaphors)
    if (key == a) return true;
  return false;
}

// Words that may stand in front of a name and are not part of it.
std::string_view stripAdverbs(std::string_view s) {
  for (int guard = 0; guard < 4; ++guard) {
    s = trimView(s);
    bool changed = false;
    for (std::string_view w : {"d\xC3\xA4rf\xC3\xB6r ", "ocks\xC3\xA5 ", "\xC3\xA4ven ", "vidare ", "dessutom ",
                               "h\xC3\xA4rmed ", "nu ", "samtidigt ", "d\xC3\xA4rut\xC3\xB6ver ", "och ", "samt ",
                               "eller ", "\xC3\xA5ter ", "\xC3\xA5terigen "}) {
      if (s.size() > w.size() && startsWithFold(s, w)) {
        s.remove_prefix(w.size());
        changed = true;
      }
    }
    for (std::string_view w : {" gemensamt", " tillsammans", " ocks\xC3\xA5", " \xC3\xA4ven", " d\xC3\xA4rf\xC3\xB6r"}) {
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
  if (!isUpperAt(name, 0) && !startsWithLowerHead(name)) return false;
  for (char c : name)
    if (c == '"' || c == '[' || c == ']' || c == '/' || c == '=') return false;
  std::string low = toLowerSwedish(name);
  for (std::string_view w : {" ska ", " att ", " har ", " f\xC3\xA5r ", " ges ", " kan ", " skall ", " senast ", " gav ",
                             " med anledning", " genom ", " mellan ", " erbjud", " p\xC3\xA5 f\xC3\xB6ljande", " m.fl",
                             " respektive "})
    if (has(low, w)) return false;
  for (std::string_view w : {"d\xC3\xA4rf\xC3\xB6r", "ocks\xC3\xA5", "\xC3\xA4ven", "vidare", "dessutom", "h\xC3\xA4rmed",
                             "samtidigt", "d\xC3\xA4rut\xC3\xB6ver", "myndighet", "museet", "myndigheten", "regeringen"})
    if (low == w) return false;
  // A lone genitive ("Jönköpings", "Statens") is part of a name, not one.
  if (low.find(' ') == std::string::npos && low.size() > 4 && low.back() == 's' && !isUpperAt(name, 1)) {
    char before = low[low.size() - 2];
    if (before != 'y' && before != 'a' && before != 'e' && before != 'i' && before != 'o' && before != 'u') return false;
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

struct NameItem {
  std::string name;
  std::string alias;  // "(MSB)" after the name
};

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

// ---------------------------------------------------------------------------
// The reader

struct Entity {
  std::string name;
  std::string key;
  std::vector<std::string> aliases;  // keys
  std::string task;
  Span span;
  std::string type;
  double confidence = 0.9;
  bool copies_reports = false;  // coordinates the report too ("redovisningen ska samordnas av X")
  bool assisting = false;       // "X ska bistå ...": a task without a report
  std::string assist_task;
};

struct Event {
  std::vector<int> who;
  std::string due;
  std::string due_text;
  std::string kind;
  bool dead = false;
};

int kindRank(std::string_view k) { return k == "slutredovisning" ? 3 : k == "delredovisning" ? 2 : 1; }

class Reader {
 public:
  Reader(std::string_view text, const AssignmentReadOptions& options) : orig_(text), opt_(options) {}

  std::vector<Assignment> run() {
    std::string_view title = opt_.title;
    if (title.empty() && orig_.starts_with("# ")) {
      std::size_t e = orig_.find('\n');
      title = trimView(orig_.substr(2, e == npos ? npos : e - 2));
    }
    title_ = std::string(title);
    std::string ltitle = toLowerSwedish(title_);
    // Cheap exit: no trigger word anywhere.
    bool any = has(ltitle, "uppdrag");
    for (std::string_view w : {"ppdra", "elegera", "beredning", "rekvirera"}) any = any || has(orig_, w);
    if (opt_.decision_text) any = any || has(orig_, " ska ");
    if (!any) return {};

    n_ = Normalizer(orig_).run();
    low_ = toLowerSwedish(n_.s);
    ref_year_ = assignment_detail::yearOf(opt_.reference_date);
    gate_ = opt_.decision_text || has(ltitle, "uppdrag");
    for (std::string_view w : {"i uppdrag", "uppdrar \xC3\xA5t", "uppdras \xC3\xA5t", "uppdra \xC3\xA5t",
                               "uppdra till", "uppdras att", "r\xC3\xA4tt att rekvirera", "delegera"})
      gate_ = gate_ || has(low_, w);

    for (std::string_view w : {"gav", "fick", "f\xC3\xA5tt", "kommer att", "tidigare", "har get", "har giv", "beslutade"})
      may_quote_ = may_quote_ || has(low_, w);
    readTitle(ltitle);
    auto sentences = splitIntoSentences(n_);
    readSentences(sentences);
    if (ents_.empty()) {
      // Nothing named: take the bodies of an amended or extended assignment.
      fallback_ = true;
      events_.clear();
      last_.clear();
      pending_ = -1;
      readSentences(sentences);
    }
    return assemble();
  }

  void readSentences(const std::vector<Sentence>& sentences) {
    bool background = false;
    for (const auto& s : sentences) {
      std::string_view lv = std::string_view(low_).substr(s.b, s.e - s.b);
      if (s.heading || isSectionLine(lv)) {
        background = isBackgroundHeading(lv);
        if (s.heading) continue;
      }
      if (background) continue;
      sentence(s.b, s.e);
    }
  }

 private:
  // "Bakgrund", "Ärendet", "Skälen för regeringens beslut": explanation, not decision.
  static bool isBackgroundHeading(std::string_view lv) {
    return startsWithAny(lv, {"bakgrund", "\xC3\xA4rendet", "sk\xC3\xA4l", "motivering", "\xC3\xA4rendebeskrivning",
                              "beskrivning av \xC3\xA4rendet", "sammanfattning av \xC3\xA4rendet", "beslutsunderlag",
                              "tidigare beslut", "yrkanden", "yttrande", "historik"});
  }
  // A short line that is a section heading even without "#".
  static bool isSectionLine(std::string_view lv) {
    if (lv.size() > 60 || lv.empty() || lv.back() == '.') return false;
    return isBackgroundHeading(lv) || startsWithAny(lv, {"beslut", "f\xC3\xB6rslag till beslut", "uppdraget"});
  }

  Span origSpan(std::size_t b, std::size_t e) const {
    if (b >= e || e > n_.map.size()) return {};
    return Span{n_.map[b], static_cast<std::size_t>(n_.map[e - 1]) + 1};
  }

  // ---- entities

  int resolve(std::string_view key) const {
    if (key.empty()) return -1;
    for (std::size_t i = 0; i < ents_.size(); ++i) {
      if (ents_[i].key == key) return static_cast<int>(i);
      for (const auto& a : ents_[i].aliases)
        if (a == key) return static_cast<int>(i);
    }
    bool oneWord = key.find(' ') == npos;
    for (std::size_t i = 0; i < ents_.size(); ++i) {
      const std::string& k = ents_[i].key;
      if (key.size() >= 4 && k.size() > key.size() && endsWith(k, key) && k[k.size() - key.size() - 1] == ' ')
        return static_cast<int>(i);  // "Svenska kraftnät" for "Affärsverket svenska kraftnät"
      if (key.size() >= 8 && k.size() > key.size() && k.starts_with(key)) return static_cast<int>(i);
      std::size_t sp = k.rfind(' ');
      std::string_view lastWord = sp == npos ? std::string_view(k) : std::string_view(k).substr(sp + 1);
      if (oneWord && sp != npos && lastWord.size() >= 5 && key.starts_with(lastWord) && key.size() <= lastWord.size() + 3)
        return static_cast<int>(i);  // "Skolverket" for "Statens skolverk"
    }
    if (key.size() >= 15) {
      for (std::size_t i = 0; i < ents_.size(); ++i) {
        const std::string& k = ents_[i].key;
        std::size_t d = k.size() > key.size() ? k.size() - key.size() : key.size() - k.size();
        if (d <= 2 && k.size() >= 15 && editDistance(k, key) <= 2) return static_cast<int>(i);
      }
    }
    return -1;
  }

  // Finds or creates the entity for `item`. Returns -1 when it is not one.
  int entity(const NameItem& item, bool create, std::string_view task, Span span, std::string_view type, double conf) {
    std::string key = nameKey(item.name);
    if (key.empty() || isRecipient(key)) return -1;
    std::string akey = item.alias.empty() ? std::string() : nameKey(item.alias);
    int idx = resolve(key);
    if (idx < 0 && !akey.empty()) {
      for (std::size_t i = 0; i < ents_.size() && idx < 0; ++i)
        if (ents_[i].key == akey) idx = static_cast<int>(i);
    }
    if (idx >= 0) {
      Entity& e = ents_[static_cast<std::size_t>(idx)];
      if (!akey.empty() && e.key == akey && key != akey) {
        // The title said "MSB", the body "Myndigheten för samhällsskydd och beredskap (MSB)".
        e.aliases.push_back(e.key);
        e.name = item.name;
        e.key = key;
      } else if (e.key == key && std::count(e.name.begin(), e.name.end(), '-') >
                                     std::count(item.name.begin(), item.name.end(), '-')) {
        e.name = item.name;  // the form not broken by hyphenation
      }
      if (!akey.empty() && akey != e.key && std::find(e.aliases.begin(), e.aliases.end(), akey) == e.aliases.end())
        e.aliases.push_back(akey);
      if (e.task.empty() && !task.empty()) e.task = std::string(task);
      if (e.type.empty() && !type.empty()) e.type = std::string(type);
      return idx;
    }
    if (!create || ents_.size() >= kMaxEntities) return -1;
    Entity e;
    e.name = item.name;
    e.key = key;
    if (!akey.empty() && akey != key) e.aliases.push_back(akey);
    e.task = std::string(task);
    e.span = span;
    e.type = std::string(type);
    e.confidence = conf;
    ents_.push_back(std::move(e));
    return static_cast<int>(ents_.size() - 1);
  }

  // "X ska bistå ...": work of its own without a report, kept beside X's reports.
  void markAssisting(const std::vector<int>& v, const std::string& task) {
    for (int x : v) {
      Entity& e = ents_[static_cast<std::size_t>(x)];
      if (!e.assisting) e.assist_task = task;
      e.assisting = true;
    }
  }

  std::vector<int> allEntities() const {
    std::vector<int> v;
    for (std::size_t i = 0; i < ents_.size(); ++i) v.push_back(static_cast<int>(i));
    return v;
  }

  static void addUnique(std::vector<int>& v, int x) {
    if (x >= 0 && std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
  }

  // An abbreviation introduced anywhere as "Full name (ABBR)" whose full name is known.
  int resolveAbbreviation(const std::string& key) {
    std::string pat = "(" + key + ")";
    std::size_t q = findp(low_, pat);
    for (int guard = 0; guard < 4 && q != npos; ++guard) {
      std::size_t end = q;
      while (end > 0 && low_[end - 1] == ' ') --end;
      std::string_view before = std::string_view(low_).substr(0, end);
      for (std::size_t i = 0; i < ents_.size(); ++i) {
        const std::string& k = ents_[i].key;
        if (endsWith(before, k) && (before.size() == k.size() || !isLetterByte(before[before.size() - k.size() - 1]))) {
          ents_[i].aliases.push_back(key);
          return static_cast<int>(i);
        }
      }
      q = findp(low_, pat, q + 1);
    }
    return -1;
  }

  // Subjects written as a bounded list ("uppdrar åt A, B och C att").
  std::vector<int> boundedSubjects(std::string_view span, bool create, std::string_view task, Span sp,
                                   std::string_view type, double conf) {
    std::vector<int> out;
    span = trimView(span);
    if (span.empty() || span.size() > kMaxList) return out;
    for (const auto& item : splitNames(span)) {
      if (!plausibleName(item.name)) continue;
      std::string key = nameKey(item.name);
      if (isAnaphor(key) && resolve(key) < 0) {
        for (int x : last_.empty() ? allEntities() : last_) addUnique(out, x);
        continue;
      }
      addUnique(out, entity(item, create, task, sp, type, conf));
    }
    return out;
  }

  // Subjects of "X ska ...": the whole clause must be a list of names.
  std::vector<int> clauseSubjects(std::string_view clause, bool create, std::string_view task, Span sp) {
    std::vector<int> out;
    clause = trimView(clause);
    if (clause.empty() || clause.size() > 250 || countWords(clause) > 14) return out;
    if (!isUpperAt(clause, 0) && !startsWithLowerHead(clause) && !isLowerAt(clause, 0)) return out;
    auto items = splitNames(clause);
    if (items.empty()) return out;
    std::vector<int> found;
    std::vector<const NameItem*> fresh;
    for (const auto& item : items) {
      std::string key = nameKey(item.name);
      if (isAnaphor(key)) {
        int r = resolve(key);
        if (r >= 0 && key != "myndigheten" && key != "myndigheterna") {
          addUnique(found, r);
        } else {
          for (int x : last_.empty() ? allEntities() : last_) addUnique(found, x);
        }
        continue;
      }
      int r = key.empty() ? -1 : resolve(key);
      if (r < 0 && isAbbreviation(item.name)) r = resolveAbbreviation(key);
      if (r >= 0) {
        addUnique(found, r);
        continue;
      }
      if (!(headedByAgency(key) || isAbbreviation(item.name)) || !strictName(item.name)) return out;
      fresh.push_back(&item);
    }
    if (!fresh.empty() && !create) return out;
    for (const NameItem* item : fresh) addUnique(found, entity(*item, true, task, sp, "", 0.75));
    return found;
  }

  // Names read from `pos` on ("ska Läkemedelsverket och Etikprövningsmyndigheten redovisa",
  // "samordnas av Länsstyrelsen i Kalmar län"): known names first, else a capitalised run.
  std::vector<int> namesAt(std::string_view sv, std::string_view lv, std::size_t pos, bool create, Span sp) {
    std::vector<int> out;
    for (int guard = 0; guard < 10 && pos < sv.size(); ++guard) {
      while (pos < sv.size() && sv[pos] == ' ') ++pos;
      int best = -1;
      std::size_t bestLen = 0;
      for (std::size_t i = 0; i < ents_.size(); ++i) {
        auto tryKey = [&](const std::string& k) {
          if (k.size() > bestLen && lv.compare(pos, k.size(), k) == 0 &&
              (pos + k.size() == lv.size() || !isLetterByte(lv[pos + k.size()]))) {
            best = static_cast<int>(i);
            bestLen = k.size();
          }
        };
        tryKey(ents_[i].key);
        for (const auto& a : ents_[i].aliases) tryKey(a);
      }
      if (best >= 0) {
        addUnique(out, best);
        pos += bestLen;
      } else {
        if (!(isUpperAt(sv, pos) || startsWithLowerHead(lv.substr(pos)))) break;
        std::size_t end = nameEnd(sv, lv, pos);
        if (end <= pos) break;
        NameItem item{std::string(stripAdverbs(sv.substr(pos, end - pos))), {}};
        std::size_t after = end;
        while (after < sv.size() && sv[after] == ' ') ++after;
        if (after < sv.size() && sv[after] == '(') {
          std::size_t close = sv.find(')', after);
          if (close != npos && close - after < 45) {
            item.alias = std::string(trimView(sv.substr(after + 1, close - after - 1)));
            end = close + 1;
          }
        }
        pos = end;
        std::string key = nameKey(item.name);
        if (isAnaphor(key)) {
          for (int x : last_.empty() ? allEntities() : last_) addUnique(out, x);
        } else {
          int r = resolve(key);
          if (r >= 0) {
            addUnique(out, r);
          } else if (create && headedByAgency(key) && strictName(item.name)) {
            addUnique(out, entity(item, true, {}, sp, "", 0.7));
          } else {
            break;
          }
        }
      }
      while (pos < sv.size() && sv[pos] == ' ') ++pos;
      if (pos < sv.size() && sv[pos] == ',') {
        ++pos;
        while (pos < sv.size() && sv[pos] == ' ') ++pos;
        if (lv.compare(pos, 4, "och ") == 0) pos += 4;
        continue;
      }
      if (lv.compare(pos, 4, "och ") == 0) {
        pos += 4;
        continue;
      }
      if (lv.compare(pos, 5, "samt ") == 0) {
        pos += 5;
        continue;
      }
      break;
    }
    return out;
  }

  // End of a name starting at `pos`: capitalised words, body words, and after
  // "för"/"i"/"och" up to three more words ("Länsstyrelsen i Kalmar län").
  static std::size_t nameEnd(std::string_view sv, std::string_view lv, std::size_t pos) {
    static constexpr std::string_view kStop[] = {"ska", "att", "har", "f\xC3\xA5r", "ges", "senast", "den",
        "det", "till", "som", "genom", "inom", "under", "vid", "efter", "med", "samt", "kan", "b\xC3\xB6r", "redovisa",
        "l\xC3\xA4mna", "ha"};
    std::size_t end = pos;
    std::size_t i = pos;
    int since = 99;
    for (int w = 0; w < 9 && i < sv.size(); ++w) {
      std::size_t we = i;
      while (we < sv.size() && (isLetterByte(sv[we]) || sv[we] == '-' ||
                                (sv[we] == '.' && we + 1 < sv.size() && isLowerAt(sv, we + 1))))
        ++we;
      if (we == i) break;
      std::string_view word = lv.substr(i, we - i);
      bool ok = false;
      bool connector = false;
      if (w == 0) {
        ok = true;
      } else if (isUpperAt(sv, i)) {
        ok = true;
      } else {
        bool stop = false;
        for (auto s : kStop) stop = stop || word == s;
        if (word == "och") {
          std::size_t nx = we + 1;
          connector = since < 3 && nx < sv.size() && isLowerAt(sv, nx) && !startsWithAny(lv.substr(nx), {"ska ", "att "});
          ok = connector;
        } else if (!stop && (word == "f\xC3\xB6r" || word == "i" || word == "av")) {
          connector = true;
          ok = true;
        } else if (!stop && (since < 3 || looksLikeAgency(word))) {
          ok = true;
        }
      }
      if (!ok) break;
      since = connector ? 0 : since + 1;
      if (!connector) end = we;
      i = we;
      if (i < sv.size() && sv[i] == ' ') {
        ++i;
      } else {
        break;
      }
    }
    return end;
  }

  // ---- the title

  void readTitle(const std::string& lt) {
    if (title_.empty()) return;
    std::size_t p = npos;
    std::size_t len = 0;
    for (std::string_view w : {"uppdrag till ", "uppdraget till ", "uppdrag \xC3\xA5t "}) {
      std::size_t q = lt.find(w);
      if (q != npos && q < p) {
        p = q;
        len = w.size();
      }
    }
    if (p == npos) return;
    std::size_t s = p + len;
    std::size_t e = lt.size();
    for (std::string_view t : {" att ", " att,", " om ", " avseende ", " ang\xC3\xA5" "ende ", " g\xC3\xA4llande ",
                               " r\xC3\xB6rande ", " kring ", " inom ", " med anledning", " f\xC3\xB6r att ",
                               " i fr\xC3\xA5ga", " \xE2\x80\x93 ", " - ", ": ", " inf\xC3\xB6r ", " betr\xC3\xA4" "ffande ",
                               " under ", " vid "}) {
      std::size_t q = lt.find(t, s);
      if (q != npos && q < e) e = q;
    }
    std::string task;
    std::size_t att = lt.find(" att ", s);
    if (att != npos) task = capitalize(std::string(trimView(std::string_view(title_).substr(att + 5))));
    Span span;
    std::size_t at = orig_.find(title_);
    if (at != npos && !title_.empty()) span = Span{at, at + title_.size()};
    for (const auto& item : splitNames(std::string_view(title_).substr(s, e - s))) {
      if (!isUpperAt(item.name, 0) || !plausibleName(item.name) || countWords(item.name) > 8) continue;
      entity(item, true, task.empty() ? title_ : task, span, "", 0.6);
    }
  }

  // ---- one sentence

  static std::string taskAfter(std::string_view sv, std::size_t pos) {
    if (pos >= sv.size()) return {};
    std::string_view t = trimView(sv.substr(pos));
    while (!t.empty() && (t.front() == ',' || t.front() == ' ')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ',')) t.remove_suffix(1);
    return capitalize(truncateText(t, kMaxTask));
  }

  // "kommer att" before the trigger ("Regeringen kommer att ge X i uppdrag"), not
  // in a later subordinate clause ("... där det kommer att finnas avtal").
  static bool plannedBeforeTrigger(std::string_view lv) {
    std::size_t k = findp(lv, "kommer att");
    if (k == npos) return false;
    std::size_t t = std::min(findp(lv, "uppdra"), findp(lv, " ska "));
    return t == npos || k < t;
  }

  // The words before the sentence's first assignment word: a quoting verb
  // after it ("… som fått avslag") does not quote the assignment.
  static std::string_view beforeTrigger(std::string_view lv) {
    std::size_t t = npos;
    for (std::string_view w : {"uppdra", " ska ", "delegera", "beredning", "rekvirera"}) t = std::min(t, findp(lv, w));
    if (t == npos) return lv;
    return lv.substr(0, std::min(lv.size(), t + 16));  // "fick i uppdrag", "har fått i uppdrag" stay in view
  }

  static bool plannedOrEarlier(std::string_view full) {
    std::string_view lv = beforeTrigger(full);
    return lv.starts_with("gav ") || lv.starts_with("fick ") || has(lv, " gav ") || has(lv, " fick ") ||
           has(lv, "f\xC3\xA5tt") || plannedBeforeTrigger(lv) || has(lv, "har tidigare") || has(lv, " gavs ");
  }

  // Quoted from an earlier decision ("gav", "fick i uppdrag", "har tidigare") or a plan ("kommer att").
  static bool quoted(std::string_view full) {
    std::string_view lv = beforeTrigger(full);
    if (lv.starts_with("gav ") || lv.starts_with("fick ")) return true;
    if (has(lv, " gav ") || has(lv, " fick ") || has(lv, " gavs ") || has(lv, "f\xC3\xA5tt")) return true;
    if (plannedBeforeTrigger(lv)) return true;
    if (has(lv, "tidigare ") && (has(lv, "har tidigare") || has(lv, "tidigare gett") || has(lv, "tidigare uppdrag")))
      return true;
    if (has(lv, "har get") || has(lv, "har giv")) return true;
    std::size_t b = findp(lv, "beslutade ");
    if (b != npos) {
      std::string_view next = lv.substr(b + 10);
      if (next.starts_with("den ") || next.starts_with("att ") || next.starts_with("om ")) return true;
    }
    return false;
  }

  // Only when nothing else named an assignee: "Med ändring av beslut ... om
  // uppdrag till X att ...", "tillägg till tidigare beslutat uppdrag till X om ...".
  void fallbackTrigger(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj) {
    for (std::string_view w : {"uppdrag till ", "uppdraget till ", "uppdragen till ", "uppdrag \xC3\xA5t "}) {
      std::size_t p = findp(lv, w);
      if (p == npos || (p > 0 && lv[p - 1] != ' ')) continue;
      std::size_t s = p + w.size();
      std::size_t e = std::min(lv.size(), s + kMaxSpan);
      for (std::string_view t : {" om ", " att ", " att,", " avseende ", " ang\xC3\xA5" "ende ", " g\xC3\xA4llande ",
                                 " r\xC3\xB6rande ", " inom ", " (dnr", ". ", " f\xC3\xB6r att "}) {
        std::size_t q = findp(lv, t, s);
        if (q != npos && q < e) e = q;
      }
      if (e == lv.size() && lv.back() == '.') --e;
      std::size_t att = findAtt(lv, s);
      std::string task = att != npos ? taskAfter(sv, att + 5) : taskAfter(sv, 0);
      for (int x : boundedSubjects(sv.substr(s, e - s), true, task, sp, "", 0.5)) addUnique(subj, x);
    }
  }

  // " att " or " att," ("uppdrar åt Lantmäteriet att, i enlighet med ...").
  static std::size_t findAtt(std::string_view lv, std::size_t from) {
    std::size_t a = findp(lv, " att ", from);
    std::size_t b = findp(lv, " att,", from);
    std::size_t c = findp(lv, " att:", from);
    std::size_t r = std::min({a, b, c});
    if (r == npos && endsWith(lv, " att") && lv.size() >= from + 4) r = lv.size() - 4;  // "att" before a bullet list
    return r;
  }

  struct Cues {
    bool uppdra = false;
    bool ska = false;
    bool redovis = false;
    bool other = false;
  };

  void sentence(std::size_t b, std::size_t e) {
    std::string_view sv = std::string_view(n_.s).substr(b, e - b);
    std::string_view lv = std::string_view(low_).substr(b, e - b);
    Span sp = origSpan(b, e);
    std::vector<int> subj;
    // Cheap filters first: most sentences have no trigger and no date.
    Cues cues;
    cues.uppdra = has(lv, "uppdra");
    cues.ska = has(lv, " ska ") || has(lv, " ska:");
    cues.redovis = has(lv, "redovis");
    cues.other = has(lv, "delegera") || has(lv, "rekvirera") || has(lv, "beredning") || has(lv, "samordnas av") ||
                 has(lv, "l\xC3\xA4mnar ");
    bool digit = std::any_of(sv.begin(), sv.end(), [](char c) { return isDigit(c); });
    bool report = digit || cues.redovis;
    if (!cues.uppdra && !cues.ska && !cues.redovis && !cues.other && !report && !fallback_) {
      pending_ = -1;
      return;
    }
    // The second pass accepts the government's own perfect tense ("Regeringen
    // har gett X i uppdrag", "beslutade den ... om uppdrag till X") but still
    // not other bodies' earlier assignments or plans.
    bool isQuoted = fallback_ ? plannedOrEarlier(lv) : (may_quote_ && quoted(lv));
    if (fallback_ && !isQuoted) fallbackTrigger(sv, lv, sp, subj);
    if (!isQuoted) triggers(sv, lv, sp, subj, cues);
    if (!isQuoted && report) {
      reports(sv, lv, subj);
    } else {
      pending_ = -1;
    }
    if (!subj.empty()) last_ = subj;
  }

  // Start of the last `w` lying wholly inside lv[floor, before); npos if none.
  // A plain backward scan: std::string_view::rfind compares at every position.
  static std::size_t lastBefore(std::string_view lv, std::string_view w, std::size_t before, std::size_t floor) {
    if (w.empty()) return npos;
    before = std::min(before, lv.size());
    if (before < floor + w.size()) return npos;
    for (std::size_t i = before - w.size() + 1; i-- > floor;) {
      if (lv[i] == w[0] && lv.compare(i, w.size(), w) == 0) return i;
    }
    return npos;
  }

  void triggers(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj, const Cues& cues) {
    auto addAll = [&](const std::vector<int>& v) {
      for (int x : v) addUnique(subj, x);
    };
    // "uppdrar åt X att", "uppdra till X att", "delegera till X att".
    if (cues.uppdra || cues.other) {
      std::vector<std::size_t> anchors;
      for (std::string_view a : {"uppdra", "delegera"}) {
        std::size_t from = 0;
        for (int guard = 0; guard < 6; ++guard) {
          std::size_t q = findp(lv, a, from);
          if (q == npos) break;
          anchors.push_back(q);
          from = q + a.size();
        }
      }
      for (std::size_t p : anchors) {
        if (p > 0 && lv[p - 1] != ' ') continue;
        std::string_view w;
        for (std::string_view c : {"uppdrar \xC3\xA5t ", "uppdras \xC3\xA5t ", "uppdra \xC3\xA5t ", "uppdrag \xC3\xA5t ",
                                   "uppdra till ", "uppdrar till ", "uppdras till ", "delegera till ", "delegerar till ",
                                   "delegeras till ", "delegera \xC3\xA5t ", "delegerar \xC3\xA5t ", "delegeras \xC3\xA5t "})
          if (lv.compare(p, c.size(), c) == 0) w = c;
        if (w.empty()) continue;
        std::size_t s = p + w.size();
        bool delegation = w.starts_with("delegera");
        std::size_t att = findAtt(lv, s);
        std::size_t end = att;
        if (att == npos || att - s > kMaxSpan) {
          if (!delegation) continue;
          end = std::min(lv.size(), s + kMaxSpan);
          std::size_t dot = lv.find_first_of(".;", s);
          if (dot != npos && dot < end) end = dot;
        }
        std::string task = att != npos ? taskAfter(sv, att + 5) : taskAfter(sv, 0);
        auto v = boundedSubjects(sv.substr(s, end - s), true, task, sp, delegation ? "delegation" : "", 0.9);
        if (att != npos && lv.compare(att + 5, 6, "bist\xC3\xA5 ") == 0) markAssisting(v, task);
        addAll(v);
      }
    }
    // "ger X i uppdrag", "X får i uppdrag", "ger i uppdrag till X", "ger X uppdrag enligt nedan".
    if (cues.uppdra)
    for (std::string_view w : {"i uppdrag", "uppdrag enligt", "uppdrag att"}) {
      std::size_t from = 0;
      for (int guard = 0; guard < 4; ++guard) {
        std::size_t p = findp(lv, w, from);
        if (p == npos) break;
        from = p + w.size();
        if (p > 0 && lv[p - 1] != ' ') continue;
        if (from < lv.size() && isLetterByte(lv[from])) continue;  // "i uppdraget"
        if (w != "i uppdrag" && p >= 2 && lv.compare(p - 2, 2, "i ") == 0) continue;
        std::size_t floor = p > kMaxList ? p - kMaxList : 0;
        std::size_t best = npos;
        std::string_view verb;
        for (std::string_view v : {" ger ", " ge ", " f\xC3\xA5r ", " ges ", " gav ", " fick ", " getts ", " f\xC3\xA5tt ",
                                   " givits ", " gavs ", " gett "}) {
          std::size_t q = lastBefore(lv, v, p + 1, floor);
          if (q != npos && (best == npos || q > best)) {
            best = q;
            verb = v;
          }
        }
        if (best == npos) continue;
        bool giving = verb == " ger " || verb == " ge " || (fallback_ && verb == " gett ");
        bool getting = verb == " f\xC3\xA5r " || verb == " ges ";
        if (!giving && !getting) continue;  // quoted: "gav X i uppdrag", "har fått i uppdrag"
        std::size_t att = findp(lv, " att ", p);
        std::string task = att != npos && att < p + 40 ? taskAfter(sv, att + 5) : taskAfter(sv, 0);
        if (giving) {
          std::size_t s = best + verb.size();
          std::string_view span = trimView(sv.substr(s, p - s));
          if (span.empty() && lv.compare(from, 6, " till ") == 0) {
            std::size_t s2 = from + 6;
            std::size_t e2 = findp(lv, " att ", s2);
            if (e2 == npos || e2 - s2 > kMaxSpan) continue;
            span = sv.substr(s2, e2 - s2);
          }
          auto v = boundedSubjects(span, true, task, sp, "", 0.9);
          if (att != npos && lv.compare(att + 5, 6, "bist\xC3\xA5 ") == 0) markAssisting(v, task);
          addAll(v);
        } else {
          std::size_t cs = 0;
          std::size_t a = lastBefore(lv, " att ", best, 0);
          if (a != npos) cs = a + 5;
          std::size_t c = lastBefore(lv, ": ", best, 0);
          if (c != npos && c + 2 > cs) cs = c + 2;
          addAll(boundedSubjects(sv.substr(cs, best - cs), true, task, sp, "", 0.9));
        }
      }
    }
    // "X uppdras att".
    if (cues.uppdra) {
      std::size_t p = findp(lv, " uppdras ");
      if (p != npos) {
        std::size_t att = findp(lv, "att ", p + 9);
        if (att != npos && att < p + 30) {
          std::size_t cs = 0;
          std::size_t a = lastBefore(lv, " att ", p, 0);
          if (a != npos) cs = a + 5;
          addAll(boundedSubjects(sv.substr(cs, p - cs), true, taskAfter(sv, att + 4), sp, "", 0.9));
        }
      }
    }
    // "ge X rätt att rekvirera" (a grant with a reporting duty).
    if (cues.other) {
      std::size_t p = findp(lv, " r\xC3\xA4tt att rekvirera");
      if (p != npos) {
        std::size_t floor = p > kMaxSpan ? p - kMaxSpan : 0;
        std::size_t g = lastBefore(lv, " ge ", p + 1, floor);
        std::size_t g2 = lastBefore(lv, " ger ", p + 1, floor);
        std::size_t s = npos;
        if (g != npos) s = g + 4;
        if (g2 != npos && (s == npos || g2 + 5 > s)) s = g2 + 5;
        if (s != npos && s < p) addAll(boundedSubjects(sv.substr(s, p - s), true, taskAfter(sv, 0), sp, "", 0.8));
      }
    }
    // "Motionen överlämnas till kommunstyrelsen för beredning".
    if (cues.other)
    for (std::string_view w : {"\xC3\xB6verl\xC3\xA4mnas till ", "l\xC3\xA4mnas \xC3\xB6ver till ", "remitteras till ",
                               "\xC3\xB6vers\xC3\xA4nds till ", "h\xC3\xA4nskjuts till ", "\xC3\xB6verl\xC3\xA4mna till "}) {
      std::size_t p = findp(lv, w);
      if (p == npos) continue;
      std::size_t s = p + w.size();
      std::size_t f = findp(lv, " f\xC3\xB6r beredning", s);
      if (f == npos || f - s > 150) continue;
      std::string_view what = trimView(sv.substr(0, p));
      std::string task = "Bereda";
      if (!what.empty() && what.size() < 80) task += " " + lowerFirst(std::string(what));
      addAll(boundedSubjects(sv.substr(s, f - s), true, task, sp, "remiss f\xC3\xB6r beredning", 0.9));
    }
    // "samordnas av X": a coordinator.
    if (cues.other) {
      std::size_t p = findp(lv, "samordnas av ");
      if (p != npos) {
        auto v = namesAt(sv, lv, p + 13, gate_, sp);
        bool report = has(lv, "redovisningen") || has(lv, "redovisningarna");
        for (int x : v) {
          if (report) ents_[static_cast<std::size_t>(x)].copies_reports = true;
          if (ents_[static_cast<std::size_t>(x)].task.empty()) ents_[static_cast<std::size_t>(x)].task = "Samordna uppdraget";
        }
        addAll(v);
      }
    }
    // "X ska ...", "att X ska ...", "Inom ramen för uppdraget ska X ...".
    if (cues.ska) {
      std::size_t from = 0;
      for (int guard = 0; guard < 6; ++guard) {
        std::size_t p = std::min(findp(lv, " ska ", from), findp(lv, " ska:", from));
        if (p == npos) break;
        from = p + 5;
        if (lv[p + 4] == ':') {
          // "X ska: - göra ..." before a list
          while (from < lv.size() && (lv[from] == ' ' || lv[from] == '-')) ++from;
        }
        std::size_t cs = 0;
        std::size_t a = lastBefore(lv, " att ", p, 0);
        if (a != npos) cs = a + 5;
        std::size_t c = lastBefore(lv, ": ", p, 0);
        if (c != npos && c + 2 > cs) cs = c + 2;
        std::size_t ve = from;
        while (ve < lv.size() && isLetterByte(lv[ve])) ++ve;
        std::string_view verb = lv.substr(from, ve - from);
        bool excluded = false;
        for (std::string_view x : {"samr\xC3\xA5" "da", "samverka", "h\xC3\xA5lla", "f\xC3\xB6ra", "ha", "beakta",
                                   "informera", "inh\xC3\xA4mta", "h\xC3\xA4mta", "bidra", "delta", "medverka", "vara",
                                   "kunna", "f\xC3\xA5", "betalas", "utbetalas", "belasta", "redovisas", "l\xC3\xA4mnas"})
          excluded = excluded || verb == x;
        if (verb.size() > 3 && verb.back() == 's') excluded = true;  // passive: "ska beaktas"
        std::string task = taskAfter(sv, from);
        auto v = clauseSubjects(sv.substr(cs, p - cs), gate_ && !excluded, task, sp);
        if (v.empty()) v = namesAt(sv, lv, from, gate_, sp);
        if (verb == "bist\xC3\xA5") markAssisting(v, task);
        addAll(v);
      }
    }
    // Present tense: "delredovisar Socialstyrelsen", "slutredovisas av Socialstyrelsen".
    if (cues.redovis || cues.other)
    for (std::string_view w : {" delredovisar ", " slutredovisar ", " redovisar ", " redovisas av ", " slutredovisas av ",
                               " delredovisas av ", " l\xC3\xA4mnar "}) {
      std::size_t p = findp(lv, w);
      if (p == npos) continue;
      addAll(namesAt(sv, lv, p + w.size(), false, sp));
    }
  }

  // ---- reports

  struct KindWord {
    std::size_t pos;
    const char* kind;
  };

  static std::vector<KindWord> kindWords(std::string_view lv) {
    std::vector<KindWord> out;
    for (std::string_view w : {"redovis", "rapport"}) {
      std::size_t from = 0;
      for (int guard = 0; guard < 32; ++guard) {
        std::size_t p = findp(lv, w, from);
        if (p == npos) break;
        from = p + w.size();
        std::size_t ws = p;
        while (ws > 0 && isLetterByte(lv[ws - 1])) --ws;
        std::string_view prefix = lv.substr(ws, p - ws);
        const char* kind = "redovisning";
        if (prefix.ends_with("\xC3\xA5rs") || prefix.ends_with("resultat") || prefix.ends_with("verksamhets")) continue;
        if (prefix.ends_with("del")) {
          kind = "delredovisning";
        } else if (prefix.ends_with("slut")) {
          kind = "slutredovisning";
        } else {
          std::size_t we = from;
          while (we < lv.size() && isLetterByte(lv[we])) ++we;
          if (lv.compare(we, 8, " slutlig") == 0) kind = "slutredovisning";
        }
        out.push_back(KindWord{ws, kind});
      }
    }
    std::sort(out.begin(), out.end(), [](const KindWord& a, const KindWord& b) { return a.pos < b.pos; });
    return out;
  }

  static std::string kindAt(const std::vector<KindWord>& words, std::size_t pos) {
    const KindWord* before = nullptr;
    for (const auto& w : words)
      if (w.pos < pos) before = &w;
    if (before) return before->kind;
    // After the date: the first interim or final report named, else a plain one.
    for (const auto& w : words)
      if (w.pos >= pos && std::string_view(w.kind) != "redovisning") return w.kind;
    return "redovisning";
  }

  static bool anyOf(std::string_view s, std::initializer_list<std::string_view> words) {
    for (auto w : words)
      if (has(s, w)) return true;
    return false;
  }
  template <std::size_t N>
  static bool anyOf(std::string_view s, const std::string_view (&words)[N]) {
    for (auto w : words)
      if (has(s, w)) return true;
    return false;
  }

  void addEvent(const std::vector<int>& who, std::string due, std::string text, std::string kind) {
    if (who.empty() || events_.size() >= kMaxEvents) return;
    events_.push_back(Event{who, std::move(due), std::move(text), std::move(kind), false});
  }

  void reports(std::string_view sv, std::string_view lv, const std::vector<int>& subj) {
    auto dates = assignment_detail::scanDates(sv, ref_year_);
    bool redovis = has(lv, "redovis");
    if (dates.empty() && !redovis) {
      pending_ = -1;
      return;
    }
    bool reportWord = redovis || anyOf(lv, {"rapport", "l\xC3\xA4mna", "redog\xC3\xB6r", "underlag", "inkomma"});
    static constexpr std::string_view kExclude[] = {"\xC3\xA5terbetal", "betalas", "p\xC3\xA5" "b\xC3\xB6rja",
        "avslutas", "avslutats", "tr\xC3\xA4" "da i kraft", "tr\xC3\xA4" "der i kraft", "ikrafttr\xC3\xA4" "d",
        "fr\xC3\xA5n och med", "mellan den", "b\xC3\xB6rjat", "till och med", "ska ha genomf\xC3\xB6rt",
        "vara klar", "vara genomf\xC3\xB6rd", "anst\xC3\xA4lln", "beslut den", "beslutet den"};
    bool excludedSentence = !reportWord && !dates.empty() && anyOf(lv, kExclude);
    std::vector<int> who = subj;
    if (who.empty()) {
      if (startsWithAny(lv, {"uppdraget ", "uppdraget,", "hela uppdraget", "uppdraget som helhet"}) || last_.empty()) {
        who = allEntities();
      } else {
        who = last_;
      }
    }
    if (who.empty()) return;
    std::vector<KindWord> kinds;
    bool kindsReady = false;
    auto kindsFor = [&]() -> const std::vector<KindWord>& {
      if (!kindsReady) {
        kinds = kindWords(lv);
        kindsReady = true;
      }
      return kinds;
    };
    std::size_t firstNew = events_.size();
    bool dated = false;
    // Dated reports.
    int rangeFrom = 0;
    int rangeTo = 0;
    if (!dates.empty() && anyOf(lv, {"varje \xC3\xA5r", "\xC3\xA5rligen", "per \xC3\xA5r"})) findYearRange(lv, rangeFrom, rangeTo);
    std::size_t prevEnd = 0;
    for (const auto& d : dates) {
      std::size_t winStart = std::max(prevEnd, d.begin > 70 ? d.begin - 70 : std::size_t{0});
      std::string_view window = lv.substr(winStart, d.begin - winStart);
      prevEnd = d.end;
      bool senast = has(lv.substr(d.begin > 40 ? d.begin - 40 : 0, std::min<std::size_t>(d.begin, 40)), "senast");
      bool ok = reportWord ? !anyOf(window, kExclude) : (senast && !excludedSentence);
      if (!ok) continue;
      std::string kind = kindAt(kindsFor(), d.begin);
      std::string text(sv.substr(d.text_begin, d.end - d.text_begin));
      if (d.year > 0) {
        addEvent(who, assignment_detail::isoOf(d), text, kind);
        dated = true;
      } else if (rangeFrom > 0 && rangeTo >= rangeFrom && rangeTo - rangeFrom < 12) {
        for (int y = rangeFrom; y <= rangeTo; ++y) {
          RawDate c = d;
          c.year = y;
          addEvent(who, assignment_detail::isoOf(c), text, kind);
        }
        dated = true;
      }
    }
    // "i samband med årsredovisningen".
    {
      std::size_t from = 0;
      for (int guard = 0; guard < 4; ++guard) {
        std::size_t p = findp(lv, "i samband med", from);
        if (p == npos) break;
        from = p + 13;
        std::size_t a = findp(lv, "\xC3\xA5rsredovisning", from);
        if (a == npos || a > from + 40) continue;
        std::size_t te = a + 15;
        while (te < lv.size() && isLetterByte(lv[te])) ++te;
        if (lv.compare(te, 5, " f\xC3\xB6r ") == 0 && te + 9 < lv.size() + 1) {
          std::size_t ye = te + 5;
          while (ye < lv.size() && (isDigit(lv[ye]) || lv[ye] == ',' || lv[ye] == ' ' || lv[ye] == 'o' ||
                                    lv[ye] == 'c' || lv[ye] == 'h'))
            ++ye;
          while (ye > te && !isDigit(lv[ye - 1])) --ye;
          if (ye > te + 5) te = ye;
        }
        addEvent(who, "", std::string(sv.substr(p, te - p)), kindAt(kindsFor(), p));
      }
    }
    bool anyNew = events_.size() > firstNew;
    // An interim or final report announced in one sentence and dated in the next.
    if (dated && pending_ >= 0 && static_cast<std::size_t>(pending_) < events_.size()) {
      Event& pe = events_[static_cast<std::size_t>(pending_)];
      for (std::size_t i = firstNew; i < events_.size(); ++i) {
        Event& ev = events_[i];
        if (ev.due.empty() || ev.kind != "redovisning") continue;
        bool overlap = false;
        for (int x : ev.who) overlap = overlap || std::find(pe.who.begin(), pe.who.end(), x) != pe.who.end();
        if (!overlap) continue;
        ev.kind = pe.kind;
        pe.dead = true;
      }
    }
    pending_ = -1;
    if (!anyNew && !has(lv, "l\xC3\xB6pande")) {
      // Undated: "Uppdraget ska slutredovisas ... senast tre månader efter ...".
      std::string kind;
      if (anyOf(lv, {"slutredovisas", "slutredovisa ", "slutredovisa.", "redovisas slutligt"})) {
        kind = "slutredovisning";
      } else if (anyOf(lv, {"delredovisas", "delredovisa ", "delredovisa."})) {
        kind = "delredovisning";
      }
      if (!kind.empty()) {
        addEvent(who, "", {}, kind);
        if (events_.size() > firstNew) pending_ = static_cast<int>(events_.size() - 1);
      }
    }
  }

  // "under perioden 2022–2025" -> 2022, 2025.
  static void findYearRange(std::string_view lv, int& from, int& to) {
    for (std::size_t i = 0; i + 9 <= lv.size(); ++i) {
      if (!isDigit(lv[i]) || (i > 0 && isDigit(lv[i - 1]))) continue;
      int y1 = assignment_detail::yearOf(lv.substr(i, 4));
      if (y1 == 0 || i + 4 >= lv.size()) continue;
      std::size_t j = i + 4;
      if (lv[j] == '-') {
        ++j;
      } else if (j + 3 <= lv.size() && u8(lv[j]) == 0xE2 && u8(lv[j + 1]) == 0x80 && u8(lv[j + 2]) == 0x93) {
        j += 3;
      } else {
        continue;
      }
      int y2 = assignment_detail::yearOf(lv.substr(j, 4));
      if (y2 >= y1) {
        from = y1;
        to = y2;
        return;
      }
    }
  }

  // ---- output

  std::vector<Assignment> assemble() {
    std::vector<Assignment> out;
    for (std::size_t i = 0; i < ents_.size(); ++i) {
      const Entity& e = ents_[i];
      int idx = static_cast<int>(i);
      struct Rep {
        std::string due, text, kind;
      };
      std::vector<Rep> reps;
      for (const auto& ev : events_) {
        if (ev.dead) continue;
        bool mine = e.copies_reports || std::find(ev.who.begin(), ev.who.end(), idx) != ev.who.end();
        if (!mine) continue;
        bool merged = false;
        for (auto& r : reps) {
          if (r.due == ev.due && (!ev.due.empty() || r.kind == ev.kind)) {
            if (kindRank(ev.kind) > kindRank(r.kind)) r.kind = ev.kind;
            merged = true;
          }
        }
        if (!merged) reps.push_back(Rep{ev.due, ev.due_text, ev.kind});
      }
      // Interim and final: a plain report before a dated final one is interim;
      // the last plain report after interim ones is the final one.
      std::string lastSlut, lastDel, lastPlain;
      bool anyDel = false;
      for (const auto& r : reps) {
        if (r.kind == "delredovisning") anyDel = true;
        if (r.due.empty()) continue;
        if (r.kind == "slutredovisning") lastSlut = std::max(lastSlut, r.due);
        if (r.kind == "delredovisning") lastDel = std::max(lastDel, r.due);
        if (r.kind == "redovisning") lastPlain = std::max(lastPlain, r.due);
      }
      for (auto& r : reps) {
        if (r.due.empty() || r.kind != "redovisning") continue;
        if (!lastSlut.empty()) {
          if (r.due < lastSlut) r.kind = "delredovisning";
        } else if (anyDel && r.due == lastPlain && r.due > lastDel) {
          r.kind = "slutredovisning";
        }
      }
      std::stable_sort(reps.begin(), reps.end(), [](const Rep& a, const Rep& b) {
        if (a.due.empty() != b.due.empty()) return !a.due.empty();
        return a.due < b.due;
      });
      Assignment base;
      base.assignee = e.name;
      base.task = e.task;
      base.type = e.type;
      base.span = e.span;
      base.confidence = e.confidence;
      if (reps.empty()) {
        if (has(toLowerSwedish(e.task), "\xC3\xA5rsredovisning")) base.due_kind = "redovisning";
        out.push_back(base);
        continue;
      }
      if (e.assisting) {
        Assignment a = base;
        a.task = e.assist_task;
        out.push_back(std::move(a));
      }
      for (const auto& r : reps) {
        Assignment a = base;
        a.due = r.due;
        a.due_text = r.text;
        a.due_kind = r.kind;
        out.push_back(std::move(a));
      }
    }
    return out;
  }

  std::string_view orig_;
  const AssignmentReadOptions& opt_;
  std::string title_;
  NormText n_;
  std::string low_;
  int ref_year_ = 0;
  bool gate_ = false;
  bool may_quote_ = false;
  bool fallback_ = false;  // second pass: "uppdrag till X" in the body names assignees  // the text has a word that marks a quoted decision or a plan
  std::vector<Entity> ents_;
  std::vector<Event> events_;
  std::vector<int> last_;
  int pending_ = -1;
};

}  // namespace

std::vector<Assignment> readAssignments(std::string_view text, const AssignmentReadOptions& options) {
  try {
    return Reader(text, options).run();
  } catch (...) {
    return {};
  }
}

std::vector<std::string> splitAssigneeList(std::string_view s) {
  std::vector<std::string> out;
  try {
    for (auto& item : splitNames(s))
      if (plausibleName(item.name)) out.push_back(std::move(item.name));
  } catch (...) {
    out.clear();
  }
  return out;
}

}  // namespace beslut
