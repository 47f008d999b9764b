#include "beslut/text.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>

namespace beslut {
namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isHSpace(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
unsigned char u8(char c) { return static_cast<unsigned char>(c); }

// Length of the whitespace (ASCII or U+00A0) starting at s[i], 0 if none.
std::size_t spaceLen(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (isAsciiSpace(s[i])) return 1;
  if (u8(s[i]) == 0xC2 && i + 1 < s.size() && u8(s[i + 1]) == 0xA0) return 2;
  return 0;
}

// A letter byte: ASCII letter or any byte of a multi-byte UTF-8 sequence
// (good enough for Swedish text, where those are letters).
bool isWordByte(char c) { return isAsciiAlpha(c) || u8(c) >= 0x80; }

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool validDate(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  int max = kDays[static_cast<std::size_t>(m - 1)] + ((m == 2 && isLeapYear(y)) ? 1 : 0);
  return d <= max;
}

std::string isoDate(int y, int m, int d) {
  char buf[40];  // room for any int, though dates need 10
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string isoMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

// Parses exactly `n` digits at s[i]; -1 if not digits.
int digitsAt(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!isDigit(s[i + k])) return -1;
    v = v * 10 + (s[i + k] - '0');
  }
  return v;
}

bool digitBoundaryBefore(std::string_view s, std::size_t i) { return i == 0 || !isDigit(s[i - 1]); }
bool digitBoundaryAfter(std::string_view s, std::size_t i) { return i >= s.size() || !isDigit(s[i]); }

// The word (letters only) starting at s[i]; its end is returned in `end`.
std::string_view wordAt(std::string_view s, std::size_t i, std::size_t& end) {
  end = i;
  while (end < s.size() && isWordByte(s[end])) ++end;
  return s.substr(i, end - i);
}

// "2018-09-28" at s[i].
std::optional<std::string> isoDateAt(std::string_view s, std::size_t i) {
  if (!digitBoundaryBefore(s, i)) return std::nullopt;
  int y = digitsAt(s, i, 4);
  if (y < 0 || i + 10 > s.size() || s[i + 4] != '-' || s[i + 7] != '-') return std::nullopt;
  int m = digitsAt(s, i + 5, 2), d = digitsAt(s, i + 8, 2);
  if (m < 0 || d < 0 || !digitBoundaryAfter(s, i + 10) || !validDate(y, m, d)) return std::nullopt;
  return isoDate(y, m, d);
}

// "<month name>[.] <year>" at s[i]; returns month and year, `end` after the year.
bool monthYearAt(std::string_view s, std::size_t i, int& month, int& year, std::size_t& end) {
  std::size_t wend = 0;
  std::string_view w = wordAt(s, i, wend);
  if (w.empty()) return false;
  auto m = swedishMonth(w);
  if (!m) return false;
  std::size_t j = wend;
  if (j < s.size() && s[j] == '.') ++j;
  std::size_t sp = 0;
  while (std::size_t l = spaceLen(s, j)) {
    j += l;
    ++sp;
  }
  if (sp == 0) return false;
  int y = digitsAt(s, j, 4);
  if (y < 1800 || y > 2200 || !digitBoundaryAfter(s, j + 4)) return false;
  month = *m;
  year = y;
  end = j + 4;
  return true;
}

// "28 september 2018" at s[i].
std::optional<std::string> textDateAt(std::string_view s, std::size_t i) {
  if (!digitBoundaryBefore(s, i) || !isDigit(s[i])) return std::nullopt;
  std::size_t j = i;
  int d = 0;
  while (j < s.size() && isDigit(s[j]) && j - i < 2) d = d * 10 + (s[j++] - '0');
  if (!digitBoundaryAfter(s, j)) return std::nullopt;
  if (j < s.size() && s[j] == '.') ++j;  // "28. september"
  std::size_t sp = 0;
  while (std::size_t l = spaceLen(s, j)) {
    j += l;
    ++sp;
  }
  if (sp == 0) return std::nullopt;
  int m = 0, y = 0;
  std::size_t end = 0;
  if (!monthYearAt(s, j, m, y, end) || !validDate(y, m, d)) return std::nullopt;
  return isoDate(y, m, d);
}

bool isConjunctionAfterHyphen(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kWords = {"och",  "eller", "samt", "respektive", "resp",
                                                             "till", "som",   "men",  "med"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

// The word (run of word bytes and digits) that ends just before position `end`.
std::string_view wordBefore(std::string_view s, std::size_t end) {
  std::size_t b = end;
  while (b > 0 && (isWordByte(s[b - 1]) || isDigit(s[b - 1]))) --b;
  return s.substr(b, end - b);
}

bool isAcronymOrNumber(std::string_view w) {
  if (w.empty()) return false;
  bool allDigits = true, allUpper = true;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!isDigit(w[i])) allDigits = false;
    if (isUpperAt(w, i)) {
      if (u8(w[i]) >= 0x80) ++i;  // skip the continuation byte
    } else {
      allUpper = false;
    }
  }
  return allDigits || (allUpper && w.size() >= 2);
}

}  // namespace

bool isValidUtf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = u8(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned int cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = u8(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    i += len;
  }
  return true;
}

std::string safeFileName(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > name.size() || !isValidUtf8(name.substr(i, len))) {
      out += '_';
      ++i;
      continue;
    }
    const std::string_view ch = name.substr(i, len);
    i += len;
    if (len == 1 && (c < 0x20 || c == 0x7F)) continue;
    // U+200E/F, U+202A-E, U+2066-9: marks and overrides that make a name read otherwise than it is.
    if (ch == "\u200E" || ch == "\u200F" || (ch >= "\u202A" && ch <= "\u202E") || (ch >= "\u2066" && ch <= "\u2069")) {
      continue;
    }
    if (out.size() + len > 200) break;
    out += ch;
  }
  const std::size_t first = out.find_first_not_of(" ."), last = out.find_last_not_of(" .");
  out = first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
  return out.empty() ? std::string("dokument") : out;
}

std::string_view stripUtf8Bom(std::string_view s) {
  if (s.size() >= 3 && u8(s[0]) == 0xEF && u8(s[1]) == 0xBB && u8(s[2]) == 0xBF) s.remove_prefix(3);
  return s;
}

Result<std::string> decodeUtf8Text(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos)
    return Status::invalidArgument("Filen innehåller NUL-tecken och verkar vara en binärfil (binary file), inte text.");
  std::string_view body = stripUtf8Bom(bytes);
  if (!isValidUtf8(body))
    return Status::invalidArgument(
        "Filen är inte giltig UTF-8-text. Spara den med teckenkodningen UTF-8 och försök igen.");
  std::string text = normalizeNewlines(body);
  if (trimView(text).empty()) return Status::unprocessable("Filen innehåller ingen text.");
  return text;
}

std::string mapPrivateUseBullets(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    // U+F000..U+F0FF is EF 80 80 .. EF 83 BF in UTF-8.
    if (static_cast<unsigned char>(s[i]) == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x83 && (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      out += "\xE2\x80\xA2";
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string normalizeNewlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::optional<std::string> parseSwedishDateAfter(std::string_view s, std::string_view reference) {
  if (auto d = parseSwedishDate(s)) return d;
  if (reference.size() < 10) return std::nullopt;
  const int refYear = std::atoi(std::string(reference.substr(0, 4)).c_str());
  const int refMonth = std::atoi(std::string(reference.substr(5, 2)).c_str());
  const int refDay = std::atoi(std::string(reference.substr(8, 2)).c_str());
  if (refYear < 1900) return std::nullopt;
  if (s.size() > kMaxDateScan) s = s.substr(0, kMaxDateScan);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!isDigit(s[i]) || (i > 0 && isDigit(s[i - 1]))) continue;
    std::size_t j = i;
    int day = 0;
    while (j < s.size() && isDigit(s[j]) && j - i < 3) day = day * 10 + (s[j++] - '0');
    if (j - i > 2 || day < 1 || day > 31 || j >= s.size() || s[j] != ' ') continue;
    std::size_t b = j + 1, e = b;
    while (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.') ++e;
    auto month = swedishMonth(s.substr(b, e - b));
    if (!month) continue;
    int year = (*month > refMonth || (*month == refMonth && day >= refDay)) ? refYear : refYear + 1;
    // Within two months of the reference: "6 mars" after a date in April names no adjustment.
    const int monthsAfter = (year - refYear) * 12 + (*month - refMonth);
    if (monthsAfter > 2) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, *month, day);
    if (auto checked = parseSwedishDate(buf)) return checked;  // rejects 30 februari
    return std::nullopt;
  }
  return std::nullopt;
}

std::string dropTranscriptSiteLines(std::string_view s) {
  static constexpr std::string_view kWhole[] = {"storlek: px",
                                                "starta visningen från sidan:",
                                                "transkript",
                                                "transcript",
                                                "save this pdf as:",
                                                "word png txt jpg",
                                                "protected",
                                                "n/a",
                                                "copied!",
                                                "full text",
                                                "loading.... (view fulltext now)",
                                                "• no results found",
                                                "category:",
                                                "upload/view/download",
                                                "embed",
                                                "report"};
  // "Download \"…\"" and "Share \"…\"" stay: they repeat the document's title, often with its date.
  static constexpr std::string_view kPrefix[] = {"academic year:", "upload:", "post on "};
  std::string out;
  out.reserve(s.size());
  std::size_t b = 0;
  while (b <= s.size()) {
    std::size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view line = s.substr(b, e - b);
    bool drop = false;
    std::string_view t = line;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    if (!t.empty() && t.size() <= 200) {
      std::string l = collapseSpaces(toLowerSwedish(t));
      for (std::string_view w : kWhole) drop = drop || l == w;
      for (std::string_view p : kPrefix) drop = drop || l.starts_with(p);
      // "10 views", "0 download"
      std::size_t d = 0;
      while (d < l.size() && l[d] >= '0' && l[d] <= '9') ++d;
      if (d > 0 && (l.substr(d) == " views" || l.substr(d) == " download" || l.substr(d) == " downloads")) drop = true;
    }
    if (!drop) {
      out.append(line);
      if (e < s.size()) out.push_back('\n');
    }
    if (e >= s.size()) break;
    b = e + 1;
  }
  return out;
}

std::string dehyphenate(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c != '-' || i == 0 || !(isWordByte(s[i - 1]) || isDigit(s[i - 1]))) {
      out.push_back(c);
      ++i;
      continue;
    }
    // c == '-' after a letter or digit: is it followed by [ \t]* \n [ \t]* word?
    std::size_t j = i + 1;
    while (j < n && isHSpace(s[j])) ++j;
    if (j >= n || s[j] != '\n') {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t k = j + 1;
    while (k < n && isHSpace(s[k])) ++k;
    if (k >= n || !(isWordByte(s[k]) || isDigit(s[k]))) {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t fragEnd = k;
    while (fragEnd < n && !isAsciiSpace(s[fragEnd])) ++fragEnd;
    std::size_t wEnd = 0;
    std::string_view nextWord = wordAt(s, k, wEnd);
    if (isConjunctionAfterHyphen(nextWord)) {
      out.push_back(c);
      ++i;
      continue;
    }
    bool keepHyphen = isDigit(s[k]) || isUpperAt(s, k) || isAcronymOrNumber(wordBefore(s, i));
    if (!keepHyphen && !isLowerAt(s, k)) {
      out.push_back(c);
      ++i;
      continue;
    }
    if (keepHyphen) out.push_back('-');
    out.append(s.substr(k, fragEnd - k));
    // Rest of the second line: keep it on its own line, unless it is empty.
    std::size_t r = fragEnd;
    while (r < n && isHSpace(s[r])) ++r;
    if (r < n && s[r] != '\n') out.push_back('\n');
    i = r;
  }
  return out;
}

std::string collapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool inSpace = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t l = spaceLen(s, i);
    if (l > 0 && s[i] != '\n' && s[i] != '\r') {
      if (!inSpace) out.push_back(' ');
      inSpace = true;
      i += l;
      continue;
    }
    inSpace = false;
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string oneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t l = spaceLen(s, i)) {
      pending = !out.empty();
      i += l;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string_view trimView(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    std::size_t l = spaceLen(s, b);
    if (l == 0) break;
    b += l;
  }
  while (e > b) {
    if (isAsciiSpace(s[e - 1])) {
      --e;
      continue;
    }
    if (e - b >= 2 && u8(s[e - 2]) == 0xC2 && u8(s[e - 1]) == 0xA0) {
      e -= 2;
      continue;
    }
    break;
  }
  return s.substr(b, e - b);
}

std::string trim(std::string_view s) { return std::string(trimView(s)); }

std::string toLowerSwedish(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    } else if (u8(c) == 0xC3 && i + 1 < out.size()) {
      unsigned char d = u8(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::string foldForMatching(std::string_view s, std::size_t max_bytes) {
  if (s.size() > max_bytes) s = s.substr(0, max_bytes);
  // Every document plugin folds the same text when the registry asks each for
  // its score: the last folding is kept per thread (compared in full, so a new
  // text at the same address is never mistaken for the old one).
  constexpr std::size_t kMemoFrom = 512;
  thread_local std::string lastInput, lastOutput;
  if (s.size() >= kMemoFrom && s.size() == lastInput.size() && std::equal(s.begin(), s.end(), lastInput.begin()))
    return lastOutput;
  std::string lower = toLowerSwedish(s);
  std::string out(lower.size(), '\0');
  std::size_t n = 0;
  bool space = false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    if (c == '-' && i > 0 && isWordByte(lower[i - 1])) {
      // "kompetens-\n försörjning" -> "kompetensförsörjning"
      std::size_t j = i + 1;
      while (j < lower.size() && isHSpace(lower[j])) ++j;
      if (j < lower.size() && lower[j] == '\n') {
        ++j;
        while (j < lower.size() && isHSpace(lower[j])) ++j;
        if (j < lower.size() && isLowerAt(lower, j)) {
          i = j - 1;
          continue;
        }
      }
    }
    if (isAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space && n > 0) out[n++] = ' ';
    space = false;
    out[n++] = c;
  }
  out.resize(n);
  if (s.size() >= kMemoFrom) {
    lastInput.assign(s);
    lastOutput = out;
  }
  return out;
}

std::size_t countOccurrences(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  std::size_t count = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size()))
    ++count;
  return count;
}

std::optional<int> swedishMonth(std::string_view word) {
  if (word.size() < 3 || word.size() > 10) return std::nullopt;
  std::string w = toLowerSwedish(word);
  struct M {
    std::string_view full;
    int n;
  };
  static constexpr std::array<M, 12> kMonths = {{{"januari", 1},
                                                 {"februari", 2},
                                                 {"mars", 3},
                                                 {"april", 4},
                                                 {"maj", 5},
                                                 {"juni", 6},
                                                 {"juli", 7},
                                                 {"augusti", 8},
                                                 {"september", 9},
                                                 {"oktober", 10},
                                                 {"november", 11},
                                                 {"december", 12}}};
  for (const auto& m : kMonths)
    if (w == m.full) return m.n;
  static constexpr std::array<M, 14> kAbbrev = {{{"jan", 1},
                                                 {"feb", 2},
                                                 {"mar", 3},
                                                 {"apr", 4},
                                                 {"jun", 6},
                                                 {"jul", 7},
                                                 {"aug", 8},
                                                 {"sep", 9},
                                                 {"sept", 9},
                                                 {"okt", 10},
                                                 {"nov", 11},
                                                 {"dec", 12},
                                                 {"febr", 2},
                                                 {"aug", 8}}};
  for (const auto& m : kAbbrev)
    if (w == m.full) return m.n;
  return std::nullopt;
}

std::optional<std::string> parseSwedishDate(std::string_view s) {
  if (s.size() > kMaxDateScan) s = s.substr(0, kMaxDateScan);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!isDigit(s[i]) || !digitBoundaryBefore(s, i)) continue;
    if (auto iso = isoDateAt(s, i)) return iso;
    if (auto txt = textDateAt(s, i)) return txt;
  }
  return std::nullopt;
}

std::optional<std::string> parseSwedishMonth(std::string_view s) {
  if (s.size() > kMaxDateScan) s = s.substr(0, kMaxDateScan);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (isDigit(s[i]) && digitBoundaryBefore(s, i)) {
      if (auto iso = isoDateAt(s, i)) return iso->substr(0, 7);
      continue;
    }
    if (!isWordByte(s[i]) || (i > 0 && isWordByte(s[i - 1]))) continue;
    int m = 0, y = 0;
    std::size_t end = 0;
    if (monthYearAt(s, i, m, y, end)) return isoMonth(y, m);
  }
  return std::nullopt;
}

std::optional<std::string> parseTimeRange(std::string_view s) {
  if (s.size() > kMaxDateScan) s = s.substr(0, kMaxDateScan);
  // A time: H or HH, then ':' or '.', then MM.
  auto timeAt = [&](std::size_t i, std::size_t& end) -> std::optional<std::string> {
    if (i >= s.size() || !isDigit(s[i]) || !digitBoundaryBefore(s, i)) return std::nullopt;
    std::size_t j = i;
    int h = 0;
    while (j < s.size() && isDigit(s[j]) && j - i < 2) h = h * 10 + (s[j++] - '0');
    if (j >= s.size() || (s[j] != ':' && s[j] != '.')) return std::nullopt;
    int m = digitsAt(s, j + 1, 2);
    if (m < 0 || m > 59 || h > 24 || !digitBoundaryAfter(s, j + 3)) return std::nullopt;
    end = j + 3;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    return std::string(buf);
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t end = 0;
    auto start = timeAt(i, end);
    if (!start) continue;
    // The times that follow, joined by a dash, a comma, "och" or (a transcript that
    // lost the dashes) only a space: "09.00-11.45, 12.30-16.15", "kl 09:00 14:45".
    std::vector<std::string> times{*start};
    std::size_t j = end;
    while (times.size() < 6) {
      std::size_t k = j;
      while (k < s.size() && isHSpace(s[k])) ++k;
      if (k < s.size() && (s[k] == '-' || s[k] == ',')) ++k;
      else if (s.substr(k, 3) == "\xE2\x80\x93" || s.substr(k, 3) == "\xE2\x80\x94") k += 3;
      else if (s.substr(k, 4) == "och ") k += 3;
      while (k < s.size() && isHSpace(s[k])) ++k;
      if (k == j) break;  // nothing between: no second time
      std::size_t next = 0;
      auto t = timeAt(k, next);
      if (!t || *t <= times.back()) break;
      times.push_back(*t);
      j = next;
    }
    std::string out;
    for (std::size_t t = 0; t < times.size(); t += 2) {
      if (!out.empty()) out += ", ";
      out += times[t];
      if (t + 1 < times.size()) out += "\xE2\x80\x93" + times[t + 1];
    }
    return out;
  }
  return std::nullopt;
}

std::vector<std::string_view> splitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    lines.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return lines;
}

std::vector<std::string_view> splitWords(std::string_view s) {
  std::vector<std::string_view> words;
  for (std::size_t b = 0; b < s.size();) {
    std::size_t e = s.find(' ', b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) words.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return words;
}

bool isUrlLine(std::string_view line) {
  std::string_view t = trimView(line);
  if (t.empty() || t.size() > 300) return false;
  for (char c : t)
    if (isAsciiSpace(c)) return false;
  if (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")) return true;
  std::size_t at = t.find('@');
  return at != std::string_view::npos && at > 0 && t.find('.', at) != std::string_view::npos;
}

bool isLetterheadLine(std::string_view line) {
  std::string_view t = trimView(line);
  if (t.empty() || t.size() > 300) return false;
  static constexpr std::array<std::string_view, 10> kCaptions = {
      "POSTADRESS", "BESÖKSADRESS", "TELEFON", "TELEFAX",  "ORG.NR",
      "PLUSGIRO",   "BANKGIRO",     "E-POST",  "INTERNET", "ORGANISATIONSNUMMER"};
  int hits = 0;
  for (auto k : kCaptions)
    if (t.find(k) != std::string_view::npos) ++hits;
  return hits >= 2 || ((t.starts_with("E-POST") || t.starts_with("INTERNET")) && hits >= 1);
}

bool isPageMarkerLine(std::string_view line) {
  std::string_view t = trimView(line);
  if (t.empty() || t.size() > 160) return false;
  // "... 20(42)" or "Sida 2 (5)"
  if (t.back() == ')') {
    std::size_t i = t.size() - 1;
    std::size_t d = i;
    while (d > 0 && isDigit(t[d - 1])) --d;
    if (d < i && d > 0 && t[d - 1] == '(') {
      std::size_t p = d - 1;
      while (p > 0 && isHSpace(t[p - 1])) --p;
      std::size_t q = p;
      while (q > 0 && isDigit(t[q - 1])) --q;
      if (q < p && (q == 0 || isHSpace(t[q - 1]))) return true;
    }
  }
  // "Sida 2 av 5"
  std::string lower = toLowerSwedish(t);
  if (lower.starts_with("sida ") && lower.find(" av ") != std::string::npos && lower.size() < 20) return true;
  return false;
}

bool isUpperAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (s[i] >= 'A' && s[i] <= 'Z') return true;
  if (u8(s[i]) == 0xC3 && i + 1 < s.size()) {
    unsigned char d = u8(s[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool isLowerAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (s[i] >= 'a' && s[i] <= 'z') return true;
  if (u8(s[i]) == 0xC3 && i + 1 < s.size()) {
    unsigned char d = u8(s[i + 1]);
    return d >= 0x9F && d <= 0xBF && d != 0xB7;
  }
  return false;
}

bool looksLikePersonName(std::string_view s) {
  s = trimView(s);
  if (s.empty() || s.size() > 60) return false;
  int words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    if (!isUpperAt(s, i)) return false;
    ++words;
    while (i < s.size() && s[i] != ' ') {
      if (isDigit(s[i]) || s[i] == '(' || s[i] == ')' || s[i] == ',' || s[i] == ':') return false;
      ++i;
    }
  }
  return words >= 2 && words <= 5;
}

std::vector<std::string_view> splitSentences(std::string_view s) {
  std::vector<std::string_view> out;
  auto push = [&](std::size_t b, std::size_t e) {
    std::string_view t = trimView(s.substr(b, e - b));
    if (!t.empty()) out.push_back(t);
  };
  std::size_t start = 0, n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c == '\n') {
      std::size_t j = i + 1;
      while (j < n && isHSpace(s[j])) ++j;
      if (j < n && s[j] == '\n') {  // blank line
        push(start, i);
        start = j;
        i = j;
      }
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    // closing quotes and brackets belong to the sentence
    while (j < n) {
      if (s[j] == '"' || s[j] == ')' || s[j] == '\'') {
        ++j;
        continue;
      }
      if (s.substr(j, 3) == "\xE2\x80\x9D" || s.substr(j, 3) == "\xE2\x80\x99") {
        j += 3;
        continue;
      }
      break;
    }
    std::size_t k = j;
    while (k < n && spaceLen(s, k)) k += spaceLen(s, k);
    if (k == j && k < n) continue;  // no whitespace after the stop
    bool boundary = k >= n || isUpperAt(s, k) || isDigit(s[k]) || s[k] == '"' || s.substr(k, 3) == "\xE2\x80\x9D" ||
                    s.substr(k, 3) == "\xE2\x80\xA2";
    if (!boundary) continue;
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, n);
  return out;
}

std::vector<std::string_view> splitIntoPassages(std::string_view s, std::size_t max_bytes) {
  std::vector<std::string_view> out;
  if (max_bytes < 16) max_bytes = 16;
  std::size_t pos = 0;
  while (s.size() - pos > max_bytes) {
    std::string_view window = s.substr(pos, max_bytes);
    std::size_t cut = window.rfind("\n\n");
    if (cut == std::string_view::npos || cut < max_bytes / 4) cut = window.rfind('\n');
    if (cut == std::string_view::npos || cut < max_bytes / 4) cut = window.rfind(' ');
    if (cut == std::string_view::npos || cut < max_bytes / 4) {
      cut = max_bytes;
      while (cut > 1 && (u8(s[pos + cut]) & 0xC0) == 0x80) --cut;
    } else {
      ++cut;  // keep the separator with the first passage
    }
    out.push_back(s.substr(pos, cut));
    pos += cut;
  }
  if (pos < s.size()) out.push_back(s.substr(pos));
  return out;
}

std::optional<NumberedHeading> parseNumberedHeading(std::string_view line) {
  std::string_view t = trimView(line);
  if (t.size() > 160) return std::nullopt;
  std::size_t i = 0;
  int parts = 0;
  while (true) {
    std::size_t d = i;
    while (i < t.size() && isDigit(t[i]) && i - d < 3) ++i;
    if (i == d || i - d > 2 || (i < t.size() && isDigit(t[i]))) return std::nullopt;
    ++parts;
    if (i + 1 < t.size() && t[i] == '.' && isDigit(t[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (parts > 4) return std::nullopt;
  std::size_t numEnd = i;
  if (i < t.size() && t[i] == '.') ++i;
  std::size_t sp = i;
  while (i < t.size() && isHSpace(t[i])) ++i;
  if (i == sp || i >= t.size() || !isUpperAt(t, i)) return std::nullopt;
  std::string_view title = t.substr(i);
  if (title.size() > 120 || title.back() == ',' || title.back() == ';') return std::nullopt;
  int words = 1;
  for (char c : title)
    if (c == ' ') ++words;
  if (words > 14) return std::nullopt;
  NumberedHeading h;
  h.number = std::string(t.substr(0, numEnd));
  h.title = collapseSpaces(title);
  h.trailing_dot = numEnd < t.size() && t[numEnd] == '.';
  return h;
}

namespace {
std::vector<int> numberParts(std::string_view n) {
  std::vector<int> parts;
  int v = 0;
  bool any = false;
  for (char c : n) {
    if (isDigit(c)) {
      v = v * 10 + (c - '0');
      any = true;
    } else if (c == '.') {
      if (any) parts.push_back(v);
      v = 0;
      any = false;
    }
  }
  if (any) parts.push_back(v);
  return parts;
}
}  // namespace

bool isNextHeadingNumber(std::string_view prev, std::string_view next) {
  std::vector<int> n = numberParts(next);
  if (n.empty()) return false;
  if (prev.empty()) {
    if (n.size() == 1) return n[0] <= 2;
    return n.size() == 2 && n[0] == 1 && n[1] == 1;
  }
  std::vector<int> p = numberParts(prev);
  std::size_t k = n.size() - 1;
  if (k > p.size()) return false;
  for (std::size_t i = 0; i < k; ++i)
    if (n[i] != p[i]) return false;
  return n[k] == (k < p.size() ? p[k] + 1 : 1);
}

std::string mostMentionedPublicBody(std::string_view s, std::size_t max_bytes) {
  if (s.size() > max_bytes) s = s.substr(0, max_bytes);
  std::map<std::string, std::pair<int, std::size_t>> counts;
  auto add = [&](std::string name, std::size_t pos) {
    auto [it, inserted] = counts.try_emplace(std::move(name), 0, pos);
    ++it->second.first;
  };
  for (std::size_t pos = s.find("Region "); pos != std::string_view::npos; pos = s.find("Region ", pos + 7)) {
    std::size_t w = pos + 7;
    if (!isUpperAt(s, w)) continue;
    std::size_t wend = 0;
    wordAt(s, w, wend);
    constexpr std::string_view kLan = " l\xC3\xA4n";  // " län"
    std::size_t e = wend + kLan.size();
    if (s.substr(wend, kLan.size()) == kLan && (e >= s.size() || !isWordByte(s[e])))
      add(std::string(s.substr(pos, e - pos)), pos);
  }
  for (std::size_t pos = s.find(" kommun"); pos != std::string_view::npos; pos = s.find(" kommun", pos + 7)) {
    if (pos + 7 < s.size() && isWordByte(s[pos + 7])) continue;
    std::string_view w = wordBefore(s, pos);
    if (w.empty() || !isUpperAt(w, 0)) continue;
    std::size_t b = pos - w.size();
    add(std::string(s.substr(b, pos + 7 - b)), b);
  }
  std::string best;
  int bestCount = 0;
  std::size_t bestPos = 0;
  for (const auto& [name, cp] : counts) {
    if (cp.first > bestCount || (cp.first == bestCount && cp.second < bestPos)) {
      best = name;
      bestCount = cp.first;
      bestPos = cp.second;
    }
  }
  return best;
}

std::vector<Section> findNumberedSections(std::string_view text) {
  std::vector<Section> out;
  std::string prev;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, std::min<std::size_t>(e - pos, 300));
    if (auto h = parseNumberedHeading(line)) {
      bool multi = h->number.find('.') != std::string::npos;
      if ((!h->trailing_dot || multi) && isNextHeadingNumber(prev, h->number)) {
        if (!out.empty()) out.back().end = pos;
        out.push_back(Section{h->number, h->title, pos, std::min(e + 1, text.size()), text.size()});
        prev = h->number;
      }
    }
    pos = e + 1;
  }
  return out;
}

std::string cleanSectionText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pendingBreak = false, dropped = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t e = s.find('\n', pos);
    if (e == std::string_view::npos) e = s.size();
    std::string_view t = trimView(s.substr(pos, e - pos));
    pos = e + 1;
    if (isUrlLine(t) || isLetterheadLine(t) || isPageMarkerLine(t)) {
      dropped = true;
      pendingBreak = false;
      continue;
    }
    if (t.empty()) {
      if (!dropped) pendingBreak = true;
      continue;
    }
    if (!out.empty()) out += pendingBreak ? "\n\n" : "\n";
    pendingBreak = false;
    dropped = false;
    out += t;
  }
  return out;
}

std::string truncateText(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = s.rfind(' ', max_bytes);
  if (cut == std::string_view::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (u8(s[cut]) & 0xC0) == 0x80) --cut;
  return trim(s.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace beslut

namespace beslut {

std::string tidyLines(std::string_view s) {
  std::string result;
  bool pending_blank = false;
  for (std::string_view l : splitLines(s)) {
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    if (trimView(l).empty()) {
      pending_blank = !result.empty();
      continue;
    }
    if (pending_blank) result.push_back('\n');
    pending_blank = false;
    result.append(l);
    result.push_back('\n');
  }
  return result;
}

}  // namespace beslut
