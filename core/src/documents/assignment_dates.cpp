// Report dates for the assignment reader: "senast den 15 december 2026",
// "31 maj 2023", "före utgången av december 2022", "31 augusti i år",
// "1 december, 2022 och 2023", "2026-03-31". One left-to-right pass, no
// allocation per character, never throws (callers catch allocation failure).
#include "assignment_dates.h"

#include <array>
#include <cstdio>

#include "beslut/assignment_reader.h"

namespace beslut::assignment_detail {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
unsigned char u8(char c) { return static_cast<unsigned char>(c); }

// A byte that belongs to a word: ASCII letters and digits and any non-ASCII
// byte except the no-break space U+00A0 (C2 A0).
bool isWordByte(std::string_view s, std::size_t i) {
  char c = s[i];
  if (isDigit(c) || isAsciiAlpha(c)) return true;
  if (u8(c) < 0x80) return false;
  if (u8(c) == 0xC2 && i + 1 < s.size() && u8(s[i + 1]) == 0xA0) return false;
  if (u8(c) == 0xA0 && i > 0 && u8(s[i - 1]) == 0xC2) return false;
  return true;
}

bool atWordStart(std::string_view s, std::size_t i) { return i == 0 || !isWordByte(s, i - 1); }

// Spaces, tabs, line breaks and no-break spaces from `i`.
std::size_t skipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (u8(c) == 0xC2 && i + 1 < s.size() && u8(s[i + 1]) == 0xA0) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool equalsFold(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lowerAscii(word[i]) != lower[i]) return false;
  return true;
}

// Month number for a Swedish month name; abbreviations only when `allow_abbrev`.
int monthOf(std::string_view word, bool allow_abbrev) {
  static constexpr std::string_view kFull[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                               "juli",    "augusti",  "september", "oktober", "november", "december"};
  for (std::size_t m = 0; m < std::size(kFull); ++m)
    if (equalsFold(word, kFull[m])) return static_cast<int>(m) + 1;
  if (!allow_abbrev) return 0;
  struct A {
    std::string_view w;
    int m;
  };
  static constexpr std::array<A, 11> kAbbrev = {{{"jan", 1},
                                                 {"feb", 2},
                                                 {"febr", 2},
                                                 {"apr", 4},
                                                 {"aug", 8},
                                                 {"sep", 9},
                                                 {"sept", 9},
                                                 {"okt", 10},
                                                 {"nov", 11},
                                                 {"dec", 12},
                                                 {"jun", 6}}};
  for (const auto& a : kAbbrev)
    if (equalsFold(word, a.w)) return a.m;
  return 0;
}

// A four-digit year 1900-2100 at `i` not followed by another digit; 0 if none.
int yearAt(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) return 0;
  for (std::size_t k = 0; k < 4; ++k)
    if (!isDigit(s[i + k])) return 0;
  if (i + 4 < s.size() && isDigit(s[i + 4])) return 0;
  if (i > 0 && isDigit(s[i - 1])) return 0;
  int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
  return (y >= 1900 && y <= 2100) ? y : 0;
}

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && year > 0 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  if (month == 2 && year == 0) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

// The end of the word starting at `i` (letters only, ASCII or multi-byte).
std::size_t wordEnd(std::string_view s, std::size_t i) {
  while (i < s.size() && isWordByte(s, i) && !isDigit(s[i])) ++i;
  return i;
}

// Extends the start of a date back over "senast (före utgången av) (den)", "den", "i".
std::size_t textBegin(std::string_view s, std::size_t begin) {
  static constexpr std::string_view kLead[] = {"den", "senast", "i", "av", "utg\xC3\xA5ngen", "f\xC3\xB6re", "till"};
  std::size_t b = begin;
  for (int step = 0; step < 5; ++step) {
    std::size_t j = b;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t')) --j;
    if (j == b) break;  // words are separated by a space
    std::size_t w = j;
    while (w > 0 && (isAsciiAlpha(s[w - 1]) || u8(s[w - 1]) >= 0x80)) --w;
    if (w == j) break;
    std::string_view word = s.substr(w, j - w);
    bool lead = false;
    for (auto l : kLead)
      if (equalsFold(word, l)) lead = true;
    if (!lead) break;
    b = w;
  }
  return b;
}

}  // namespace

std::string isoOf(const RawDate& d) {
  if (d.year <= 0 || d.month < 1 || d.month > 12) return {};
  char buf[32];
  if (d.day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  }
  return buf;
}

int yearOf(std::string_view iso) {
  if (iso.size() < 4) return 0;
  return yearAt(iso, 0);
}

std::vector<RawDate> scanDates(std::string_view s, int reference_year, std::size_t max_bytes) {
  std::vector<RawDate> out;
  std::size_t limit = s.size() < max_bytes ? s.size() : max_bytes;
  std::size_t i = 0;
  while (i < limit) {
    if (!isWordByte(s, i) || !atWordStart(s, i)) {
      ++i;
      continue;
    }
    if (isDigit(s[i])) {
      std::size_t j = i;
      while (j < s.size() && isDigit(s[j])) ++j;
      std::size_t len = j - i;
      // ISO "2026-03-31".
      if (len == 4 && j + 6 <= s.size() && s[j] == '-' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && s[j + 3] == '-' &&
          isDigit(s[j + 4]) && isDigit(s[j + 5]) && (j + 6 == s.size() || !isDigit(s[j + 6]))) {
        int y = yearAt(s, i);
        int m = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
        int d = (s[j + 4] - '0') * 10 + (s[j + 5] - '0');
        if (y > 0 && m >= 1 && m <= 12 && d >= 1) {
          RawDate r{y, m, d <= daysInMonth(y, m) ? d : 0, i, j + 6, textBegin(s, i)};
          out.push_back(r);
        }
        i = j + 6;
        continue;
      }
      if (len > 2) {
        i = j;
        continue;
      }
      int day = len == 1 ? (s[i] - '0') : (s[i] - '0') * 10 + (s[i + 1] - '0');
      std::size_t k = j;
      if (k < s.size() && s[k] == '.') ++k;
      std::size_t w = skipSpaces(s, k);
      if (w == k || w >= s.size() || day < 1 || day > 31) {
        i = j;
        continue;
      }
      std::size_t we = wordEnd(s, w);
      int month = monthOf(s.substr(w, we - w), true);
      if (month == 0) {
        i = j;
        continue;
      }
      std::size_t m2 = we;
      if (m2 < s.size() && s[m2] == '.') ++m2;
      std::size_t p = skipSpaces(s, m2);
      RawDate r;
      r.month = month;
      r.day = day;
      r.begin = i;
      r.text_begin = textBegin(s, i);
      int y = yearAt(s, p);
      if (y > 0) {
        r.year = y;
        r.end = p + 4;
        if (r.day > daysInMonth(y, month)) r.day = 0;
        out.push_back(r);
        i = r.end;
        continue;
      }
      if (m2 < s.size() && s[m2] == ',') {
        // "1 december, 2022 och 2023": one date per year.
        std::size_t q = skipSpaces(s, m2 + 1);
        int first = yearAt(s, q);
        if (first > 0) {
          std::size_t end = q + 4;
          std::vector<int> years{first};
          for (int guard = 0; guard < 20; ++guard) {
            std::size_t t = end;
            if (t < s.size() && s[t] == ',') ++t;
            t = skipSpaces(s, t);
            std::size_t we2 = wordEnd(s, t);
            std::string_view conj = s.substr(t, we2 - t);
            if (equalsFold(conj, "och") || equalsFold(conj, "samt")) t = skipSpaces(s, we2);
            int y2 = yearAt(s, t);
            if (y2 == 0) break;
            years.push_back(y2);
            end = t + 4;
          }
          for (int yy : years) {
            RawDate c = r;
            c.year = yy;
            c.end = end;
            if (c.day > daysInMonth(yy, month)) c.day = 0;
            out.push_back(c);
          }
          i = end;
          continue;
        }
      }
      // "31 augusti i år".
      r.end = we;
      if (p + 1 < s.size() && s[p] == 'i' && p + 1 < s.size() && s[p + 1] == ' ') {
        std::size_t a = p + 2;
        if (a + 3 <= s.size() && s.substr(a, 3) == "\xC3\xA5r" && (a + 3 == s.size() || !isWordByte(s, a + 3))) {
          r.end = a + 3;
          r.year = reference_year;
        }
      }
      if (r.day > daysInMonth(r.year, month)) r.day = 0;
      out.push_back(r);
      i = r.end;
      continue;
    }
    // A month name without a day: "december 2022", "i oktober 2019".
    std::size_t we = wordEnd(s, i);
    if (we - i >= 3 && we - i <= 9) {
      int month = monthOf(s.substr(i, we - i), false);
      if (month > 0) {
        std::size_t p = skipSpaces(s, we);
        int y = yearAt(s, p);
        if (y > 0 && p > we) {
          RawDate r{y, month, 0, i, p + 4, textBegin(s, i)};
          out.push_back(r);
          i = p + 4;
          continue;
        }
      }
    }
    i = we > i ? we : i + 1;
  }
  return out;
}

}  // namespace beslut::assignment_detail

namespace beslut {

std::optional<DueDate> findDueDate(std::string_view s, std::string_view reference_date) {
  try {
    int ref = assignment_detail::yearOf(reference_date);
    for (const auto& d : assignment_detail::scanDates(s, ref)) {
      if (d.year <= 0) continue;
      DueDate due;
      due.due = assignment_detail::isoOf(d);
      due.text = std::string(s.substr(d.text_begin, d.end - d.text_begin));
      due.span = Span{d.text_begin, d.end};
      return due;
    }
  } catch (...) {
  }
  return std::nullopt;
}

}  // namespace beslut
