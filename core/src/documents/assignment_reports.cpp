// Report dates and their kinds.
#include <algorithm>
#include <string>
#include <utility>

#include "assignment_dates.h"
#include "beslut/text.h"
#include "assignment_internal.h"

namespace beslut::assignment_detail {

std::vector<Reader::KindWord> Reader::kindWords(std::string_view lv) {
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
        if (at(lv, we, " slutlig")) kind = "slutredovisning";
      }
      out.push_back(KindWord{ws, kind});
    }
  }
  std::sort(out.begin(), out.end(), [](const KindWord& a, const KindWord& b) { return a.pos < b.pos; });
  return out;
}

std::string Reader::kindAt(const std::vector<KindWord>& words, std::size_t pos) {
  const KindWord* before = nullptr;
  for (const auto& w : words)
    if (w.pos < pos) before = &w;
  if (before) return before->kind;
  // After the date: the first interim or final report named, else a plain one.
  for (const auto& w : words)
    if (w.pos >= pos && std::string_view(w.kind) != "redovisning") return w.kind;
  return "redovisning";
}

void Reader::addEvent(const std::vector<int>& who, std::string due, std::string text, std::string kind) {
  if (who.empty() || events_.size() >= kMaxEvents) return;
  events_.push_back(Event{who, std::move(due), std::move(text), std::move(kind), false});
}

void Reader::reports(std::string_view sv, std::string_view lv, const std::vector<int>& subj) {
  auto dates = assignment_detail::scanDates(sv, ref_year_);
  bool redovis = has(lv, "redovis");
  if (dates.empty() && !redovis) {
    pending_ = -1;
    return;
  }
  bool reportWord = redovis || anyOf(lv, {"rapport", "l\xC3\xA4mna", "redog\xC3\xB6r", "underlag", "inkomma"});
  static constexpr std::string_view kExclude[] = {"\xC3\xA5terbetal",
                                                  "betalas",
                                                  "p\xC3\xA5"
                                                  "b\xC3\xB6rja",
                                                  "avslutas",
                                                  "avslutats",
                                                  "tr\xC3\xA4"
                                                  "da i kraft",
                                                  "tr\xC3\xA4"
                                                  "der i kraft",
                                                  "ikrafttr\xC3\xA4"
                                                  "d",
                                                  "fr\xC3\xA5n och med",
                                                  "mellan den",
                                                  "b\xC3\xB6rjat",
                                                  "till och med",
                                                  "ska ha genomf\xC3\xB6rt",
                                                  "vara klar",
                                                  "vara genomf\xC3\xB6rd",
                                                  "anst\xC3\xA4lln",
                                                  "beslut den",
                                                  "beslutet den"};
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
  if (!dates.empty() && anyOf(lv, {"varje \xC3\xA5r", "\xC3\xA5rligen", "per \xC3\xA5r"}))
    findYearRange(lv, rangeFrom, rangeTo);
  std::size_t prevEnd = 0;
  for (const auto& d : dates) {
    std::size_t winStart = std::min(d.begin, std::max(prevEnd, d.begin > 70 ? d.begin - 70 : std::size_t{0}));
    std::string_view window = lv.substr(winStart, d.begin - winStart);
    prevEnd = d.end;
    bool senast = has(lv.substr(d.begin > 40 ? d.begin - 40 : 0, std::min<std::size_t>(d.begin, 40)), "senast");
    bool ok = reportWord ? !anyOf(window, kExclude) : (senast && !excludedSentence);
    // "ska i stället för senast den 10 mars 2023 lämnas senast den 24 maj 2023": the old date goes.
    std::string_view near = lv.substr(d.begin > 30 ? d.begin - 30 : 0, std::min<std::size_t>(d.begin, 30));
    if (has(near, "i st\xC3\xA4llet f\xC3\xB6r") || has(near, "ist\xC3\xA4llet f\xC3\xB6r")) ok = false;
    if (!ok) continue;
    // "senast den 30 april 2024 delredovisa och senast den 30 september 2024
    // slutredovisa": the report word right after the date is its kind.
    std::string kind;
    for (const auto& w : kindsFor())
      if (w.pos > d.end && w.pos <= d.end + 2 && std::string_view(w.kind) != "redovisning") kind = w.kind;
    if (kind.empty()) kind = kindAt(kindsFor(), d.begin);
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
      if (at(lv, te, " f\xC3\xB6r ") && te + 9 < lv.size() + 1) {
        std::size_t ye = te + 5;
        while (ye < lv.size() &&
               (isDigit(lv[ye]) || lv[ye] == ',' || lv[ye] == ' ' || lv[ye] == 'o' || lv[ye] == 'c' || lv[ye] == 'h'))
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
void Reader::findYearRange(std::string_view lv, int& from, int& to) {
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

}  // namespace beslut::assignment_detail
