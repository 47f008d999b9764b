// Internal to the assignment reader (see beslut/assignment_reader.h): the
// pieces shared by its files.
//   assignment_text.cpp      normalisation, sentences and their anchor words
//   assignment_names.cpp     names, body words, lists of names
//   assignment_subjects.cpp  the reader's entities: titles, lists, clauses
//   assignment_triggers.cpp  one sentence: quoting and assignment triggers
//   assignment_reports.cpp   report dates and their kinds
//   assignment_reader.cpp    the pass over the sentences and the output
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/assignment_reader.h"
#include "beslut/model.h"

namespace beslut::assignment_detail {

constexpr std::size_t kMaxSentence = 2000;
constexpr std::size_t kMaxEntities = 48;
constexpr std::size_t kMaxEvents = 400;
constexpr std::size_t kMaxSpan = 300;
constexpr std::size_t kMaxList = 900;  // a bounded list of names ("ger A, B, ... och N i uppdrag")
constexpr std::size_t kMaxTask = 300;
constexpr std::size_t npos = std::string_view::npos;

inline unsigned char u8(char c) { return static_cast<unsigned char>(c); }
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool isLetterByte(char c) { return isAsciiAlpha(c) || u8(c) >= 0x80; }
// s.find(needle, from), cheaper for the short needles used here: memchr for
// the first byte and a check of the last byte before comparing the rest.
inline std::size_t findp(std::string_view s, std::string_view needle, std::size_t from = 0) {
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
inline bool has(std::string_view s, std::string_view needle) { return findp(s, needle) != std::string_view::npos; }
inline bool endsWith(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

// True when `s` starts with `lower` ignoring the case of ASCII and Latin-1 letters.
inline bool startsWithFold(std::string_view s, std::string_view lower) {
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

inline bool isNbsp(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && u8(s[i]) == 0xC2 && u8(s[i + 1]) == 0xA0;
}
inline bool isSoftHyphen(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && u8(s[i]) == 0xC2 && u8(s[i + 1]) == 0xAD;
}

// True when `s` starts with any of `list`.
inline bool startsWithAny(std::string_view s, std::initializer_list<std::string_view> list) {
  for (auto w : list)
    if (s.starts_with(w)) return true;
  return false;
}
// True when `s` contains any of `words`.
inline bool anyOf(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (has(s, w)) return true;
  return false;
}
template <std::size_t N>
bool anyOf(std::string_view s, const std::string_view (&words)[N]) {
  for (auto w : words)
    if (has(s, w)) return true;
  return false;
}
// s.compare(pos, w.size(), w) == 0 without throwing when pos is past the end.
inline bool at(std::string_view s, std::size_t pos, std::string_view w) {
  return pos <= s.size() && s.size() - pos >= w.size() && std::memcmp(s.data() + pos, w.data(), w.size()) == 0;
}

// ---------------------------------------------------------------------------
// Text (assignment_text.cpp)

struct NormText {
  std::string s;                      // normalised text, '\n' between blocks
  std::vector<std::uint32_t> map;     // s[i] comes from original[map[i]]
  std::vector<std::size_t> headings;  // offsets in s where heading lines start
  std::vector<std::size_t> items;     // offsets in s where bullet items start
};

// Soft hyphens and Markdown removed, hard line breaks inside paragraphs joined,
// whitespace collapsed; bullet items and headings start lines of their own.
NormText normalize(std::string_view text);

// Anchor words, found once over the whole lower-cased text (markAnchors).
constexpr std::uint32_t kAnUppdra = 1u << 0;   // "uppdra"
constexpr std::uint32_t kAnSka = 1u << 1;      // " ska ", " ska:"
constexpr std::uint32_t kAnRedovis = 1u << 2;  // "redovis"
constexpr std::uint32_t kAnOther = 1u << 3;    // "delegera", "rekvirera", "beredning", "samordnas av", "lämnar "
constexpr std::uint32_t kAnDigit = 1u << 4;    // a digit
constexpr std::uint32_t kAnQuote =
    1u << 5;  // "gav", "fick", "fått", "kommer att", "tidigare", "har get", "har giv", "beslutade"
constexpr std::uint32_t kAnDecides =
    1u
    << 6;  // "beslutar att", "medger att", "bifaller", "förlänger", "beviljar", "tilldelar", "betalar", "ändrar uppdraget"
constexpr std::uint32_t kAnFar = 1u << 7;         // " får "
constexpr std::uint32_t kAnHarUppdrag = 1u << 8;  // "har i uppdrag"
constexpr std::uint32_t kAnBullet = 1u << 9;      // the sentence is a bullet item

struct Sentence {
  std::size_t b = 0;
  std::size_t e = 0;
  bool heading = false;
  std::uint32_t anchors = 0;  // Anchor bits
};

std::vector<Sentence> splitIntoSentences(const NormText& n);
// Sets each sentence's anchor bits from one scan of `low` (the lower-cased n.s).
void markAnchors(std::string_view low, std::vector<Sentence>& sentences);

// ---------------------------------------------------------------------------
// Names (assignment_names.cpp)

struct NameItem {
  std::string name;
  std::string alias;  // "(MSB)" after the name
};

std::string nameKey(std::string_view name);
bool startsWithLowerHead(std::string_view lower);
bool looksLikeAgency(std::string_view lower);
bool isAbbreviation(std::string_view name);
bool headedByAgency(std::string_view key);
bool isRecipient(std::string_view key);
bool isAnaphor(std::string_view key);
std::string_view stripAdverbs(std::string_view s);
std::size_t countWords(std::string_view s);
bool plausibleName(std::string_view name);
bool strictName(std::string_view name);
std::vector<NameItem> splitNames(std::string_view s);
std::size_t editDistance(std::string_view a, std::string_view b);
std::string capitalize(std::string s);
std::string lowerFirst(std::string s);

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

inline int kindRank(std::string_view k) { return k == "slutredovisning" ? 3 : k == "delredovisning" ? 2 : 1; }

class Reader {
 public:
  Reader(std::string_view text, const AssignmentReadOptions& options) : orig_(text), opt_(options) {}
  std::vector<Assignment> run();

 private:
  struct Cues {
    bool uppdra = false;
    bool ska = false;
    bool redovis = false;
    bool other = false;
    bool decides = false;     // "beslutar att", "medger att", "bifaller", "beviljar", ...
    bool far = false;         // " får "
    std::string bullet_task;  // the first bullet after a trigger ending in "att"
  };
  struct KindWord {
    std::size_t pos;
    const char* kind;
  };
  // reader
  void readSentences(const std::vector<Sentence>& sentences);
  static bool isBackgroundHeading(std::string_view lv);
  static bool isSectionLine(std::string_view lv);
  Span origSpan(std::size_t b, std::size_t e) const;
  std::vector<Assignment> assemble();
  // subjects
  int resolve(std::string_view key) const;
  int entity(const NameItem& item, bool create, std::string_view task, Span span, std::string_view type, double conf);
  void markAssisting(const std::vector<int>& v, const std::string& task);
  std::vector<int> allEntities() const;
  static void addUnique(std::vector<int>& v, int x);
  int resolveAbbreviation(const std::string& key);
  std::vector<int> boundedSubjects(std::string_view span, bool create, std::string_view task, Span sp,
                                   std::string_view type, double conf);
  std::vector<int> clauseSubjects(std::string_view clause, bool create, std::string_view task, Span sp);
  std::vector<int> namesAt(std::string_view sv, std::string_view lv, std::size_t pos, bool create, Span sp);
  static std::size_t nameEnd(std::string_view sv, std::string_view lv, std::size_t pos);
  void readTitle(const std::string& lt);
  bool properName(std::string_view name) const;
  // triggers
  static std::string taskAfter(std::string_view sv, std::size_t pos);
  static bool plannedBeforeTrigger(std::string_view lv);
  static std::string_view beforeTrigger(std::string_view lv);
  static bool plannedOrEarlier(std::string_view full);
  static bool quoted(std::string_view full);
  void fallbackTrigger(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj);
  static std::size_t findAtt(std::string_view lv, std::size_t from);
  void sentence(const Sentence& s, const Sentence* next);
  static std::size_t lastBefore(std::string_view lv, std::string_view w, std::size_t before, std::size_t floor);
  void triggers(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj, const Cues& cues);
  void decisionTriggers(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj);
  // reports
  static std::vector<KindWord> kindWords(std::string_view lv);
  static std::string kindAt(const std::vector<KindWord>& words, std::size_t pos);
  void addEvent(const std::vector<int>& who, std::string due, std::string text, std::string kind);
  void reports(std::string_view sv, std::string_view lv, const std::vector<int>& subj);
  static void findYearRange(std::string_view lv, int& from, int& to);

  std::string_view orig_;
  const AssignmentReadOptions& opt_;
  std::string title_;
  NormText n_;
  std::string low_;
  int ref_year_ = 0;
  bool gate_ = false;
  bool may_quote_ = false;
  bool title_gate_ = false;  // the title names an assignment, an amendment or a grant
  bool amended_ = false;     // the title changes, extends or corrects an assignment
  bool grant_ = false;       // the title pays or grants money
  bool fallback_ = false;    // second pass: "uppdrag till X" in the body names assignees
  std::vector<Entity> ents_;
  std::vector<Event> events_;
  std::vector<int> last_;
  int pending_ = -1;
};

}  // namespace beslut::assignment_detail
