#include "pdf_cleanup.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "beslut/text.h"

namespace beslut::plugins::pdf {
namespace {

unsigned char u8(char c) { return static_cast<unsigned char>(c); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

constexpr std::size_t kMaxColumnLine = 400;    // code points
constexpr std::size_t kMaxColumnLines = 1000;  // lines per page
constexpr std::size_t kMinBandLines = 6;       // lines with text on both sides
constexpr std::size_t kMinColumnWidth = 25;    // average characters per column line
constexpr std::size_t kMinProseCell = 20;      // characters on each side of a prose row
constexpr std::size_t kMarginLines = 3;
constexpr std::size_t kLetterheadSpan = 16;

// Length of the UTF-8 sequence starting at s[i] when valid, else 0.
std::size_t validSequence(std::string_view s, std::size_t i) {
  unsigned char c = u8(s[i]);
  if (c < 0x80) return 1;
  std::size_t n;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char d = u8(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}

// Byte offsets of the code points of a (valid UTF-8) line.
std::vector<std::size_t> codePointStarts(std::string_view s) {
  std::vector<std::size_t> starts;
  starts.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((u8(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  return starts;
}

bool isBlank(std::string_view s) { return trimView(s).empty(); }

// Per-line layout facts for column detection, in code points.
struct LineShape {
  std::vector<std::size_t> starts;  // byte offset of each code point
  std::vector<int> prev_text;       // last non-space index <= x, or -1
  std::vector<int> next_text;       // first non-space index >= x, or len
  bool blank = true;
};

LineShape shapeOf(std::string_view line) {
  LineShape sh;
  sh.starts = codePointStarts(line);
  const int len = static_cast<int>(sh.starts.size());
  sh.prev_text.assign(sh.starts.size(), -1);
  sh.next_text.assign(sh.starts.size(), len);
  int last = -1;
  for (int x = 0; x < len; ++x) {
    if (line[sh.starts[x]] != ' ') last = x;
    sh.prev_text[x] = last;
  }
  int next = len;
  for (int x = len - 1; x >= 0; --x) {
    if (line[sh.starts[x]] != ' ') next = x;
    sh.next_text[x] = next;
  }
  sh.blank = last < 0;
  return sh;
}

struct Band {
  std::size_t begin = 0, end = 0;  // lines [begin, end)
  int gutter = 0;                  // split position (code points)
  std::size_t both = 0;            // lines with text on both sides
};

// The best two-column band in lines [from, n) (both == 0 when none).
Band findBand(const std::vector<LineShape>& shapes, std::size_t from) {
  int width = 0;
  for (std::size_t i = from; i < shapes.size(); ++i) width = std::max(width, static_cast<int>(shapes[i].starts.size()));
  Band best;
  for (int x = width / 4; x <= 3 * width / 4; ++x) {
    if (x < 1) continue;
    std::size_t i = from;
    while (i < shapes.size()) {
      // A run of lines through which the gap at x-1..x+1 runs.
      std::size_t both = 0, nonBlank = 0, leftSum = 0, leftN = 0, rightSum = 0, rightN = 0;
      std::size_t firstBoth = 0, lastBoth = 0;  // the band runs between lines with text on both sides
      while (i < shapes.size()) {
        const LineShape& sh = shapes[i];
        if (sh.blank) {
          ++i;
          continue;
        }
        const int len = static_cast<int>(sh.starts.size());
        bool gap = true;
        for (int k = x - 1; k <= x + 1 && gap; ++k)
          if (k < len && sh.next_text[k] == k) gap = false;
        if (!gap) break;
        ++nonBlank;
        int leftEnd = sh.prev_text[std::min(x - 1, len - 1)];
        int leftBegin = len > 0 ? sh.next_text[0] : len;
        int rightBegin = x + 1 < len ? sh.next_text[x + 1] : len;
        bool hasLeft = leftEnd >= 0;
        bool hasRight = rightBegin < len;
        std::size_t leftLen = hasLeft ? static_cast<std::size_t>(leftEnd - leftBegin + 1) : 0;
        std::size_t rightLen = hasRight ? static_cast<std::size_t>(sh.prev_text[len - 1] - rightBegin + 1) : 0;
        if (hasLeft) {
          leftSum += leftLen;
          ++leftN;
        }
        if (hasRight) {
          rightSum += rightLen;
          ++rightN;
        }
        // A prose row: both columns hold a good part of a line (a row of short
        // table cells, such as a signature line, is not one).
        if (leftLen >= kMinProseCell && rightLen >= kMinProseCell) {
          if (both == 0) firstBoth = i;
          lastBoth = i;
          ++both;
        }
        ++i;
      }
      if (both >= kMinBandLines && both * 10 >= nonBlank * 6 && leftSum >= kMinColumnWidth * leftN &&
          rightSum >= kMinColumnWidth * rightN && both > best.both) {
        best.begin = firstBoth;
        best.end = lastBoth + 1;
        best.gutter = x;
        best.both = both;
      }
      if (i < shapes.size()) ++i;  // the line at i blocks the gap: start after it
    }
  }
  return best;
}

std::string rtrimmed(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// "Sida", "page", "s." prefixes of page numbers; returns the rest or npos.
std::string_view afterWord(std::string_view lower, std::string_view word) {
  if (!lower.starts_with(word)) return {};
  return lower.substr(word.size());
}

// Folded margin line: lower case, digit runs as '#', spacing collapsed.
std::string marginKey(std::string_view line) {
  std::string lower = toLowerSwedish(oneLine(line));
  std::string key;
  key.reserve(lower.size());
  for (char c : lower) {
    if (isDigit(c)) {
      if (key.empty() || key.back() != '#') key.push_back('#');
    } else {
      key.push_back(c);
    }
  }
  return key;
}

bool startsWithAny(std::string_view t, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (t.starts_with(w)) return true;
  return false;
}

}  // namespace

std::string toValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = u8(s[i]);
    if (c == '\r') {
      out.push_back('\n');
      i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      if (c == '\n' || c == '\t' || c == '\f') out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::size_t n = validSequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::vector<std::string> splitTwoColumns(const std::vector<std::string>& lines) {
  if (lines.size() > kMaxColumnLines) return lines;
  std::vector<LineShape> shapes;
  shapes.reserve(lines.size());
  for (const std::string& l : lines) {
    if (l.size() > 4 * kMaxColumnLine) return lines;
    shapes.push_back(shapeOf(l));
    if (shapes.back().starts.size() > kMaxColumnLine) return lines;
    for (char c : l)
      if (c == '\t') return lines;  // not a physical layout
  }
  std::vector<std::string> out;
  out.reserve(lines.size() + 16);
  std::size_t from = 0;
  while (from < lines.size()) {
    Band band = findBand(shapes, from);
    if (band.both == 0) break;
    for (std::size_t i = from; i < band.begin; ++i) out.push_back(lines[i]);
    std::vector<std::string> right;
    for (std::size_t i = band.begin; i < band.end; ++i) {
      const LineShape& sh = shapes[i];
      std::size_t cut = static_cast<std::size_t>(band.gutter) < sh.starts.size() ? sh.starts[band.gutter]
                                                                                 : lines[i].size();
      out.push_back(rtrimmed(std::string_view(lines[i]).substr(0, cut)));
      right.push_back(std::string(trimView(std::string_view(lines[i]).substr(cut))));
    }
    for (auto& r : right) out.push_back(std::move(r));
    from = band.end;
  }
  for (std::size_t i = from; i < lines.size(); ++i) out.push_back(lines[i]);
  return out;
}

std::string normalizeLineSpaces(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  const std::size_t textEnd = trimView(line).empty() ? 0 : line.find_last_not_of(" \t\f\v\n\r");
  std::size_t spaces = 0;
  bool tab = false;
  auto flush = [&] {
    if (!out.empty() && (spaces || tab)) out.push_back(tab || spaces >= 3 ? '\t' : ' ');
    spaces = 0;
    tab = false;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == ' ' || c == '\f' || c == '\v' || c == '\n' || c == '\r') {
      ++spaces;
    } else if (c == '\t') {
      tab = true;
    } else if (u8(c) == 0xC2 && i + 1 < line.size() && u8(line[i + 1]) == 0xA0) {  // no-break space
      ++spaces;
      ++i;
    } else if (u8(c) == 0xC2 && i + 1 < line.size() && u8(line[i + 1]) == 0xAD) {  // soft hyphen
      ++i;
      if (i >= textEnd) {  // the soft hyphen ends the line's text
        flush();
        out.push_back('-');
      }
    } else {
      flush();
      out.push_back(c);
    }
  }
  return out;  // trailing spaces never flushed: trimmed
}

bool isPageNumberLine(std::string_view line) {
  std::string lower = toLowerSwedish(oneLine(line));
  std::string_view t = lower;
  if (t.empty() || t.size() > 40) return false;
  // Strip decorations: "- 3 -", "– 3 –".
  auto stripDash = [](std::string_view v) {
    for (std::string_view d : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (v.starts_with(d) && v.ends_with(d) && v.size() > 2 * d.size())
        return trimView(v.substr(d.size(), v.size() - 2 * d.size()));
    }
    return v;
  };
  t = stripDash(t);
  for (std::string_view w : {"sida ", "sidan ", "page ", "s. ", "sid. ", "sid "}) {
    if (auto rest = afterWord(t, w); !rest.empty()) {
      t = trimView(rest);
      break;
    }
  }
  // n, n av m, n (m), n(m), n/m, n of m
  std::size_t i = 0;
  auto digits = [&](std::string_view v, std::size_t& k) {
    std::size_t b = k;
    while (k < v.size() && isDigit(v[k]) && k - b < 5) ++k;
    return k > b && (k == v.size() || !isDigit(v[k]));
  };
  if (!digits(t, i)) return false;
  std::string_view rest = trimView(t.substr(i));
  if (rest.empty()) return true;
  for (std::string_view sep : {"av ", "of ", "/"}) {
    if (rest.starts_with(sep)) {
      std::string_view r = trimView(rest.substr(sep.size()));
      std::size_t k = 0;
      return digits(r, k) && k == r.size();
    }
  }
  if (rest.starts_with("(") && rest.ends_with(")")) {
    std::string_view r = rest.substr(1, rest.size() - 2);
    std::size_t k = 0;
    return digits(r, k) && k == r.size();
  }
  return false;
}

std::string normalizeBullet(std::string_view line) {
  static constexpr std::array<std::string_view, 11> kBullets = {
      "\xE2\x80\xA2",  // • U+2022
      "\xEF\x82\xB7",  //  U+F0B7 (Symbol font bullet)
      "\xEF\x82\xA7",  //  U+F0A7 (Wingdings square)
      "\xE2\x96\xAA",  // ▪ U+25AA
      "\xE2\x96\xA0",  // ■ U+25A0
      "\xE2\x97\x8F",  // ● U+25CF
      "\xE2\x97\xA6",  // ◦ U+25E6
      "\xE2\x97\x8B",  // ○ U+25CB
      "\xE2\x80\x93",  // – U+2013
      "\xE2\x81\x83",  // ⁃ U+2043
      "*",
  };
  std::string_view t = line;
  for (std::string_view b : kBullets) {
    if (t.starts_with(b) && t.size() > b.size() && (t[b.size()] == ' ' || t[b.size()] == '\t')) {
      std::string_view rest = trimView(t.substr(b.size()));
      if (rest.empty()) return std::string(line);
      return "- " + std::string(rest);
    }
  }
  return std::string(line);
}

std::vector<std::string> pageLines(std::string_view page_text) {
  std::vector<std::string> raw;
  for (std::string_view l : splitLines(page_text)) {
    std::string s(l);
    std::replace(s.begin(), s.end(), '\f', ' ');
    raw.push_back(rtrimmed(s));
  }
  std::vector<std::string> lines = splitTwoColumns(raw);
  for (std::string& l : lines) l = normalizeLineSpaces(l);
  return lines;
}

void dropLetterheads(std::vector<std::string>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = trimView(lines[i]);
    if (!isLetterheadLine(t)) {
      out.push_back(std::move(lines[i]));
      continue;
    }
    bool closing = startsWithAny(t, {"E-POST", "INTERNET"});
    if (!closing) {
      // A caption line: skip the address block up to its closing line.
      for (std::size_t j = i + 1; j < lines.size() && j <= i + kLetterheadSpan; ++j) {
        std::string_view u = trimView(lines[j]);
        if (isLetterheadLine(u) && startsWithAny(u, {"E-POST", "INTERNET"})) {
          i = j;
          break;
        }
      }
    }
  }
  lines = std::move(out);
}

void dropRepeatedMargins(std::vector<std::vector<std::string>>& pages) {
  // Indices of the margin lines of each page.
  std::vector<std::vector<std::size_t>> margins(pages.size());
  std::vector<std::vector<bool>> isTop(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& lines = pages[p];
    std::vector<std::size_t> top, bottom;
    for (std::size_t i = 0; i < lines.size() && top.size() < kMarginLines; ++i)
      if (!isBlank(lines[i])) top.push_back(i);
    for (std::size_t i = lines.size(); i > 0 && bottom.size() < kMarginLines; --i)
      if (!isBlank(lines[i - 1])) bottom.push_back(i - 1);
    for (std::size_t i : top) {
      margins[p].push_back(i);
      isTop[p].push_back(true);
    }
    for (std::size_t i : bottom)
      if (std::find(top.begin(), top.end(), i) == top.end()) {
        margins[p].push_back(i);
        isTop[p].push_back(false);
      }
  }
  // In how many pages' margins each folded line occurs.
  std::unordered_map<std::string, std::size_t> count;
  if (pages.size() >= 2) {
    for (std::size_t p = 0; p < pages.size(); ++p) {
      std::vector<std::string> seen;
      for (std::size_t i : margins[p]) {
        std::string key = marginKey(pages[p][i]);
        if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        ++count[key];
      }
    }
  }
  auto recurring = [&](const std::string& key) {
    auto it = count.find(key);
    return it != count.end() && it->second >= 2 && it->second * 2 > pages.size();
  };
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<bool> drop(pages[p].size(), false);
    bool openingTop = p == 0;  // still at the first page's top, above any kept text
    for (std::size_t k = 0; k < margins[p].size(); ++k) {
      std::size_t i = margins[p][k];
      std::string_view t = trimView(pages[p][i]);
      if (isPageNumberLine(t) || isPageMarkerLine(t)) {
        drop[i] = true;
        continue;
      }
      if (recurring(marginKey(t))) {
        if (openingTop && isTop[p][k]) continue;  // the first page's header stays once
        drop[i] = true;
      } else if (isTop[p][k]) {
        openingTop = false;
      }
    }
    std::vector<std::string> kept;
    kept.reserve(pages[p].size());
    for (std::size_t i = 0; i < pages[p].size(); ++i)
      if (!drop[i]) kept.push_back(std::move(pages[p][i]));
    pages[p] = std::move(kept);
  }
}

std::string cleanPages(const std::vector<std::string>& pages) {
  std::vector<std::vector<std::string>> lines;
  lines.reserve(pages.size());
  for (const std::string& page : pages) {
    lines.push_back(pageLines(toValidUtf8(page)));
    dropLetterheads(lines.back());
  }
  dropRepeatedMargins(lines);
  // Pages joined by one line break (blank lines at a page's edges dropped), so
  // that a paragraph and a hyphenated word continue across the page break.
  std::string joined;
  for (const auto& page : lines) {
    std::size_t b = 0, e = page.size();
    while (b < e && isBlank(page[b])) ++b;
    while (e > b && isBlank(page[e - 1])) --e;
    for (std::size_t i = b; i < e; ++i) {
      joined += normalizeBullet(page[i]);
      joined.push_back('\n');
    }
  }
  std::string text = dehyphenate(joined);
  // Runs of blank lines as one, trimmed, one final line break.
  std::string out;
  out.reserve(text.size());
  bool pendingBlank = false;
  for (std::string_view l : splitLines(text)) {
    std::string_view t = trimView(l);
    if (t.empty()) {
      pendingBlank = !out.empty();
      continue;
    }
    if (pendingBlank) out.push_back('\n');
    pendingBlank = false;
    out.append(t);
    out.push_back('\n');
  }
  return out;
}

}  // namespace beslut::plugins::pdf
