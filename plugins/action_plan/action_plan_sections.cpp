#include "action_plan_sections.h"

#include <algorithm>
#include <array>
#include <string>

namespace beslut::plugins::action_plan {
namespace {

constexpr std::size_t kMaxLine = 300;
constexpr std::size_t kWindow = 1 << 20;

bool endsWithFunctionWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 16> kWords = {"och", "i",  "för", "att", "som", "av",  "med", "till",
                                                              "på",  "om", "en",  "ett", "det", "den", "är",  "vid"};
  std::size_t sp = lower.rfind(' ');
  std::string_view last = sp == std::string_view::npos ? lower : lower.substr(sp + 1);
  for (auto w : kWords)
    if (last == w) return true;
  return false;
}

int wordCount(std::string_view t) {
  int n = 1;
  for (char c : t)
    if (c == ' ') ++n;
  return n;
}

// A short line that stands alone: upper-case start, no sentence punctuation,
// at most 5 words, blank (or page start) before, blank or capitalised line after.
bool isUnnumberedHeading(std::string_view prev, std::string_view line, std::string_view next) {
  std::string_view t = trimView(line);
  if (t.size() < 4 || t.size() > 60 || !isUpperAt(t, 0) || wordCount(t) > 5) return false;
  char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-' || last == ')') return false;
  for (char c : t)
    if (c >= '0' && c <= '9') return false;
  std::string lower = toLowerSwedish(t);
  if (endsWithFunctionWord(lower)) return false;
  // A list of names is prose, not a heading: "Exempelvis Almi, Arbetsförmedlingen, Business".
  if (std::count(t.begin(), t.end(), ',') >= 2) return false;
  for (std::string_view w : {"exempelvis ", "till exempel ", "t.ex. ", "bland annat ", "dvs ", "såsom "})
    if (lower.starts_with(w)) return false;
  std::string_view p = trimView(prev);
  bool pageStart = !line.empty() && line[0] == ' ';
  bool separatedBefore = p.empty() || pageStart || p.back() == '.' || p.back() == '!' || p.back() == ':';
  std::string_view n = trimView(next);
  bool separatedAfter = n.empty() || isUpperAt(n, 0);
  return separatedBefore && separatedAfter;
}

}  // namespace

std::vector<Section> findSections(std::string_view text) {
  std::vector<Section> numbered = findNumberedSections(text);
  if (numbered.size() >= 2) return numbered;
  std::vector<Section> out;
  std::vector<std::string_view> lines;
  std::vector<std::size_t> begins;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back(text.substr(pos, std::min(e - pos, kMaxLine)));
    begins.push_back(pos);
    pos = e + 1;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view prev = i > 0 ? lines[i - 1] : std::string_view();
    std::string_view next = i + 1 < lines.size() ? lines[i + 1] : std::string_view();
    std::string title;
    std::size_t last = i;
    if (isUnnumberedHeading(prev, lines[i], next)) {
      title = trim(lines[i]);
    } else if ((trimView(prev).empty() || (!lines[i].empty() && lines[i][0] == ' ')) &&
               isUpperAt(trimView(lines[i]), 0)) {
      // "Förbättra arbetsgivarnas … – insatsområden" over up to three lines
      std::string joined = trim(lines[i]);
      for (std::size_t j = i; j < lines.size() && j < i + 3; ++j) {
        if (j > i) {
          if (trimView(lines[j]).empty()) break;
          joined += " " + trim(lines[j]);
        }
        std::string jl = toLowerSwedish(joined);
        bool dashed = jl.ends_with("- insatsområden") || jl.ends_with("\xE2\x80\x93 insatsområden");
        if (dashed && joined.size() <= 160) {
          title = joined;
          last = j;
          break;
        }
      }
    }
    if (title.empty()) continue;
    if (!out.empty()) out.back().end = begins[i];
    std::size_t body = last + 1 < lines.size() ? begins[last + 1] : text.size();
    out.push_back(Section{"", oneLine(title), begins[i], body, text.size()});
    i = last;
  }
  return out;
}

std::string findTitle(std::string_view text) {
  // A heading line that starts with "Handlingsplan".
  std::size_t pos = 0;
  for (int n = 0; pos < text.size() && n < 80; ++n) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view t = trimView(text.substr(pos, std::min(e - pos, kMaxLine)));
    pos = e + 1;
    if (t.starts_with("Handlingsplan") && t.size() < 150 && t.back() != '.') return oneLine(t);
  }
  // The first "… handlingsplan för …" phrase.
  std::string lower = toLowerSwedish(text.substr(0, kWindow));
  std::size_t p = lower.find("handlingsplan för ");
  while (p != std::string::npos && p > 0 && lower[p - 1] != ' ' && lower[p - 1] != '\n')
    p = lower.find("handlingsplan för ", p + 1);
  if (p == std::string::npos) return {};
  std::size_t begin = p;
  std::size_t wb = p >= 1 ? p - 1 : 0;
  std::size_t b = wb;
  while (b > 0 && lower[b - 1] != ' ' && lower[b - 1] != '\n') --b;
  std::string_view prevWord = std::string_view(lower).substr(b, wb - b);
  static constexpr std::array<std::string_view, 7> kAdjectives = {"regional",     "kommunal", "lokal",       "gemensam",
                                                                  "länsgemensam", "ny",       "övergripande"};
  for (auto a : kAdjectives)
    if (prevWord == a) begin = b;
  static constexpr std::array<std::string_view, 14> kStops = {
      "tar", "är", "som", "ska", "har", "kommer", "i", "inom", "med", "på", "utgår", "syftar", "beskriver", "till"};
  std::size_t i = p + 18, end = i;
  for (int words = 0; words < 6 && i < lower.size(); ++words) {
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\n')) ++i;
    std::size_t wbeg = i;
    while (i < lower.size() && lower[i] != ' ' && lower[i] != '\n' && lower[i] != ',' && lower[i] != '.' &&
           lower[i] != ')')
      ++i;
    std::string_view w = std::string_view(lower).substr(wbeg, i - wbeg);
    bool stop = w.empty();
    for (auto s : kStops) stop = stop || w == s;
    if (stop) break;
    end = i;
    if (i < lower.size() && lower[i] != ' ' && lower[i] != '\n') break;
  }
  std::string title = oneLine(text.substr(begin, end - begin));
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 32);
  return title;
}

}  // namespace beslut::plugins::action_plan
