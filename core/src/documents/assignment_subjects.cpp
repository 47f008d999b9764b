// The reader's entities: names from the title, lists, clauses and known names.
#include <algorithm>
#include <string>
#include <utility>

#include "assignment_dates.h"
#include "beslut/text.h"
#include "assignment_internal.h"

namespace beslut::assignment_detail {

int Reader::resolve(std::string_view key) const {
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
int Reader::entity(const NameItem& item, bool create, std::string_view task, Span span, std::string_view type,
                   double conf) {
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
    } else if (e.key == key &&
               std::count(e.name.begin(), e.name.end(), '-') > std::count(item.name.begin(), item.name.end(), '-')) {
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
void Reader::markAssisting(const std::vector<int>& v, const std::string& task) {
  for (int x : v) {
    Entity& e = ents_[static_cast<std::size_t>(x)];
    if (!e.assisting) e.assist_task = task;
    e.assisting = true;
  }
}

std::vector<int> Reader::allEntities() const {
  std::vector<int> v;
  for (std::size_t i = 0; i < ents_.size(); ++i) v.push_back(static_cast<int>(i));
  return v;
}

void Reader::addUnique(std::vector<int>& v, int x) {
  if (x >= 0 && std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// An abbreviation introduced anywhere as "Full name (ABBR)" whose full name is known.
int Reader::resolveAbbreviation(const std::string& key) {
  std::string pat = "(" + key + ")";
  // Introduced in the first 64 KB ("Full name (ABBR)"): bounded, so that a long
  // text with an abbreviation in every sentence stays linear.
  const std::string_view low = std::string_view(low_).substr(0, std::min<std::size_t>(low_.size(), 64 * 1024));
  std::size_t q = findp(low, pat);
  for (int guard = 0; guard < 4 && q != npos; ++guard) {
    std::size_t end = q;
    while (end > 0 && low_[end - 1] == ' ') --end;
    std::string_view before = low.substr(0, end);
    for (std::size_t i = 0; i < ents_.size(); ++i) {
      const std::string& k = ents_[i].key;
      if (endsWith(before, k) && (before.size() == k.size() || !isLetterByte(before[before.size() - k.size() - 1]))) {
        ents_[i].aliases.push_back(key);
        return static_cast<int>(i);
      }
    }
    q = findp(low, pat, q + 1);
  }
  return -1;
}

// Subjects written as a bounded list ("uppdrar åt A, B och C att").
std::vector<int> Reader::boundedSubjects(std::string_view span, bool create, std::string_view task, Span sp,
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
std::vector<int> Reader::clauseSubjects(std::string_view clause, bool create, std::string_view task, Span sp) {
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
    if (!(headedByAgency(key) || isAbbreviation(item.name) || (title_gate_ && properName(item.name))) ||
        !strictName(item.name))
      return out;
    fresh.push_back(&item);
  }
  if (!fresh.empty() && !create) return out;
  for (const NameItem* item : fresh) addUnique(found, entity(*item, true, task, sp, "", 0.75));
  return found;
}

// Names read from `pos` on ("ska Läkemedelsverket och Etikprövningsmyndigheten redovisa",
// "samordnas av Länsstyrelsen i Kalmar län"): known names first, else a capitalised run.
std::vector<int> Reader::namesAt(std::string_view sv, std::string_view lv, std::size_t pos, bool create, Span sp) {
  std::vector<int> out;
  for (int guard = 0; guard < 10 && pos < sv.size(); ++guard) {
    while (pos < sv.size() && sv[pos] == ' ') ++pos;
    int best = -1;
    std::size_t bestLen = 0;
    for (std::size_t i = 0; i < ents_.size(); ++i) {
      auto tryKey = [&](const std::string& k) {
        if (k.size() > bestLen && at(lv, pos, k) &&
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
      if (at(lv, pos, "och ")) pos += 4;
      continue;
    }
    if (at(lv, pos, "och ")) {
      pos += 4;
      continue;
    }
    if (at(lv, pos, "samt ")) {
      pos += 5;
      continue;
    }
    break;
  }
  return out;
}

// End of a name starting at `pos`: capitalised words, body words, and after
// "för"/"i"/"och" up to three more words ("Länsstyrelsen i Kalmar län").
std::size_t Reader::nameEnd(std::string_view sv, std::string_view lv, std::size_t pos) {
  static constexpr std::string_view kStop[] = {
      "ska",  "att",   "har", "f\xC3\xA5r", "ges", "senast", "den", "det",        "till",     "som",          "genom",
      "inom", "under", "vid", "efter",      "med", "samt",   "kan", "b\xC3\xB6r", "redovisa", "l\xC3\xA4mna", "ha"};
  std::size_t end = pos;
  std::size_t i = pos;
  int since = 99;
  for (int w = 0; w < 9 && i < sv.size(); ++w) {
    std::size_t we = i;
    while (we < sv.size() &&
           (isLetterByte(sv[we]) || sv[we] == '-' || (sv[we] == '.' && we + 1 < sv.size() && isLowerAt(sv, we + 1))))
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

void Reader::readTitle(const std::string& lt) {
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
  for (std::string_view t : {" att ", " att,", " om ", " avseende ",
                             " ang\xC3\xA5"
                             "ende ",
                             " g\xC3\xA4llande ", " r\xC3\xB6rande ", " kring ", " inom ", " med anledning",
                             " f\xC3\xB6r att ", " i fr\xC3\xA5ga", " \xE2\x80\x93 ", " - ", ": ", " inf\xC3\xB6r ",
                             " betr\xC3\xA4"
                             "ffande ",
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

// A capitalised name written so also inside a sentence ("... och Lantmäteriet
// ska", "i samråd med Lantmäteriet"), not only at a sentence's start as a
// common noun is ("Kartläggningen ska ..."). One word of at least five letters.
bool Reader::properName(std::string_view name) const {
  if (name.size() < 5 || name.find(' ') != npos || !isUpperAt(name, 0)) return false;
  // Looked for in the first 64 KB only, so that a long text with a candidate
  // in every sentence stays linear (a decision page names its agencies early).
  constexpr std::size_t kWindow = 64 * 1024;
  std::string_view s = std::string_view(n_.s).substr(0, std::min(n_.s.size(), kWindow));
  for (std::size_t p = findp(s, name); p != npos; p = findp(s, name, p + 1)) {
    if (p < 2 || s[p - 1] != ' ') continue;
    char before = s[p - 2];
    if (before == '.' || before == ':' || before == '!' || before == '?' || before == '\n') continue;
    std::size_t after = p + name.size();
    if (after < s.size() && isLetterByte(s[after])) continue;
    return true;
  }
  return false;
}

}  // namespace beslut::assignment_detail
