// One sentence: quoted decisions and the assignment triggers.
#include <algorithm>
#include <string>
#include <utility>

#include "assignment_dates.h"
#include "beslut/text.h"
#include "assignment_internal.h"

namespace beslut::assignment_detail {

std::string Reader::taskAfter(std::string_view sv, std::size_t pos) {
  if (pos >= sv.size()) return {};
  std::string_view t = trimView(sv.substr(pos));
  while (!t.empty() && (t.front() == ',' || t.front() == ' ')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ',')) t.remove_suffix(1);
  return capitalize(truncateText(t, kMaxTask));
}

// "kommer att" before the trigger ("Regeringen kommer att ge X i uppdrag"), not
// in a later subordinate clause ("... där det kommer att finnas avtal").
bool Reader::plannedBeforeTrigger(std::string_view lv) {
  std::size_t k = findp(lv, "kommer att");
  if (k == npos) return false;
  std::size_t t = std::min(findp(lv, "uppdra"), findp(lv, " ska "));
  return t == npos || k < t;
}

// The words before the sentence's first assignment word: a quoting verb
// after it ("… som fått avslag") does not quote the assignment.
std::string_view Reader::beforeTrigger(std::string_view lv) {
  std::size_t t = npos;
  for (std::string_view w : {"uppdra", " ska ", "delegera", "beredning", "rekvirera"}) t = std::min(t, findp(lv, w));
  if (t == npos) return lv;
  return lv.substr(0, std::min(lv.size(), t + 16));  // "fick i uppdrag", "har fått i uppdrag" stay in view
}

bool Reader::plannedOrEarlier(std::string_view full) {
  std::string_view lv = beforeTrigger(full);
  return lv.starts_with("gav ") || lv.starts_with("fick ") || has(lv, " gav ") || has(lv, " fick ") ||
         has(lv, "f\xC3\xA5tt") || plannedBeforeTrigger(lv) || has(lv, "har tidigare") || has(lv, " gavs ");
}

// Quoted from an earlier decision ("gav", "fick i uppdrag", "har tidigare") or a plan ("kommer att").
bool Reader::quoted(std::string_view full) {
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
void Reader::fallbackTrigger(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj) {
  for (std::string_view w : {"uppdrag till ", "uppdraget till ", "uppdragen till ", "uppdrag \xC3\xA5t "}) {
    std::size_t p = findp(lv, w);
    if (p == npos || (p > 0 && lv[p - 1] != ' ')) continue;
    std::size_t s = p + w.size();
    std::size_t e = std::min(lv.size(), s + kMaxSpan);
    for (std::string_view t : {" om ", " att ", " att,", " avseende ",
                               " ang\xC3\xA5"
                               "ende ",
                               " g\xC3\xA4llande ", " r\xC3\xB6rande ", " inom ", " (dnr", ". ", " f\xC3\xB6r att "}) {
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
std::size_t Reader::findAtt(std::string_view lv, std::size_t from) {
  std::size_t a = findp(lv, " att ", from);
  std::size_t b = findp(lv, " att,", from);
  std::size_t c = findp(lv, " att:", from);
  std::size_t r = std::min({a, b, c});
  if (r == npos && endsWith(lv, " att") && lv.size() >= from + 4) r = lv.size() - 4;  // "att" before a bullet list
  return r;
}

void Reader::sentence(const Sentence& st, const Sentence* next) {
  const std::size_t b = st.b;
  const std::size_t e = st.e;
  std::string_view sv = std::string_view(n_.s).substr(b, e - b);
  std::string_view lv = std::string_view(low_).substr(b, e - b);
  std::vector<int> subj;
  // Cheap filters first, from the anchor words found once over the whole text:
  // most sentences have no trigger and no date.
  Cues cues;
  cues.uppdra = (st.anchors & kAnUppdra) != 0;
  cues.ska = (st.anchors & kAnSka) != 0;
  cues.redovis = (st.anchors & kAnRedovis) != 0;
  cues.other = (st.anchors & kAnOther) != 0;
  cues.decides = (st.anchors & kAnDecides) != 0 && gate_;
  cues.far = (st.anchors & kAnFar) != 0;
  bool report = (st.anchors & (kAnDigit | kAnRedovis)) != 0;
  if (!cues.uppdra && !cues.ska && !cues.other && !cues.decides && !report && !fallback_) {
    pending_ = -1;
    return;
  }
  Span sp = origSpan(b, e);
  // A trigger ending in "att" before a bullet list: the first bullet is the task.
  if (next != nullptr && (next->anchors & kAnBullet) != 0 && (endsWith(lv, " att") || endsWith(lv, ":"))) {
    cues.bullet_task = taskAfter(std::string_view(n_.s).substr(next->b, next->e - next->b), 0);
  }
  // The second pass accepts the government's own perfect tense ("Regeringen
  // har gett X i uppdrag", "beslutade den ... om uppdrag till X"), and on a
  // page that amends an assignment its past tense ("Regeringen gav den ... X i
  // uppdrag"), but still not other bodies' earlier assignments or plans.
  bool mayQuote = (st.anchors & kAnQuote) != 0;
  bool isQuoted = false;
  if (fallback_) {
    isQuoted = mayQuote && !amended_ && plannedOrEarlier(lv);
    if (mayQuote && amended_) isQuoted = plannedBeforeTrigger(beforeTrigger(lv));
  } else {
    isQuoted = mayQuote && quoted(lv);
  }
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
std::size_t Reader::lastBefore(std::string_view lv, std::string_view w, std::size_t before, std::size_t floor) {
  if (w.empty()) return npos;
  before = std::min(before, lv.size());
  if (before < floor + w.size()) return npos;
  for (std::size_t i = before - w.size() + 1; i-- > floor;) {
    if (lv[i] == w[0] && lv.compare(i, w.size(), w) == 0) return i;
  }
  return npos;
}

void Reader::triggers(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj, const Cues& cues) {
  auto addAll = [&](const std::vector<int>& v) {
    for (int x : v) addUnique(subj, x);
  };
  // "uppdrar åt X att", "uppdra till X att", "delegera till X att".
  if (cues.uppdra || cues.other) {
    std::vector<std::size_t> anchors;
    for (std::string_view a : {"uppdra", "delegera", "uppdrog "}) {
      if (a == "uppdrog " && !amended_) continue;
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
      for (std::string_view c :
           {"uppdrar \xC3\xA5t ", "uppdras \xC3\xA5t ", "uppdra \xC3\xA5t ", "uppdrag \xC3\xA5t ", "uppdra till ",
            "uppdrar till ", "uppdras till ", "delegera till ", "delegerar till ", "delegeras till ",
            "delegera \xC3\xA5t ", "delegerar \xC3\xA5t ", "delegeras \xC3\xA5t "})
        if (lv.compare(p, c.size(), c) == 0) w = c;
      // "uppdrar därför åt X att", "uppdras också åt X": an adverb between the verb and "åt".
      std::string adverbial;
      for (std::string_view verb : {"uppdrar ", "uppdras "}) {
        if (!w.empty() || lv.compare(p, verb.size(), verb) != 0) continue;
        for (std::string_view adv : {"därför ", "också ", "även ", "härmed ", "vidare ", "dessutom ", "nu ",
                                     "samtidigt ", "i stället ", "istället "})
          for (std::string_view prep : {"\xC3\xA5t ", "till "})
            if (lv.compare(p + verb.size(), adv.size(), adv) == 0 &&
                lv.compare(p + verb.size() + adv.size(), prep.size(), prep) == 0) {
              adverbial = std::string(verb) + std::string(adv) + std::string(prep);
              w = adverbial;
            }
      }
      // "Regeringen uppdrar Myndigheten för digital förvaltning att …": no preposition.
      if (w.empty() && at(lv, p, "uppdrar ") && p + 8 < sv.size() && isUpperAt(sv, p + 8) &&
          !at(lv, p, "uppdrar regeringen "))
        w = "uppdrar ";
      // On a page that changes it: "Regeringen uppdrog den 29 juni 2023 Socialstyrelsen att …".
      if (w.empty() && amended_ && (at(lv, p, "uppdrog ") || at(lv, p, "uppdrog \xC3\xA5t "))) {
        std::size_t q = p + (at(lv, p, "uppdrog \xC3\xA5t ") ? 12 : 8);
        if (at(lv, q, "den ")) {
          // the date: up to four words before the name
          for (int k = 0; k < 4 && q < sv.size() && !isUpperAt(sv, q); ++k) {
            std::size_t sp2 = lv.find(' ', q);
            if (sp2 == npos) break;
            q = sp2 + 1;
          }
        }
        std::size_t att = findAtt(lv, q);
        if (q < sv.size() && isUpperAt(sv, q) && att != npos && att - q <= kMaxSpan)
          addAll(boundedSubjects(sv.substr(q, att - q), true, taskAfter(sv, att + 5), sp, "", 0.8));
        continue;
      }
      if (w.empty() && at(lv, p, "uppdrar regeringen ")) {
        // "Nu uppdrar regeringen också åt Socialstyrelsen att ..."
        std::size_t t = findp(lv, "\xC3\xA5t ", p + 19);
        if (t != npos && t < p + 40 && lv[t - 1] == ' ') {
          std::size_t s = t + 4;
          std::size_t att = findAtt(lv, s);
          if (att != npos && att - s <= kMaxSpan)
            addAll(boundedSubjects(sv.substr(s, att - s), true, taskAfter(sv, att + 5), sp, "", 0.9));
        }
        continue;
      }
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
      std::string task = att + 4 >= lv.size() && !cues.bullet_task.empty() ? cues.bullet_task
                         : att != npos                                     ? taskAfter(sv, att + 5)
                                                                           : taskAfter(sv, 0);
      auto v = boundedSubjects(sv.substr(s, end - s), true, task, sp, delegation ? "delegation" : "", 0.9);
      if (att != npos && at(lv, att + 5, "bist\xC3\xA5 ")) markAssisting(v, task);
      addAll(v);
    }
  }
  // "ger X i uppdrag", "X får i uppdrag", "ger i uppdrag till X", "ger X uppdrag enligt nedan".
  if (cues.uppdra)
    for (std::string_view w : {"i uppdrag", "uppdrag enligt", "uppdrag att", "uppdraget att"}) {
      std::size_t from = 0;
      for (int guard = 0; guard < 4; ++guard) {
        std::size_t p = findp(lv, w, from);
        if (p == npos) break;
        from = p + w.size();
        if (p > 0 && lv[p - 1] != ' ') continue;
        if (from < lv.size() && isLetterByte(lv[from])) continue;  // "i uppdraget"
        if (w != "i uppdrag" && p >= 2 && at(lv, p - 2, "i ")) continue;
        std::size_t floor = p > kMaxList ? p - kMaxList : 0;
        std::size_t best = npos;
        std::string_view verb;
        for (std::string_view v : {" ger ", " ge ", " f\xC3\xA5r ", " ges ", " gav ", " fick ", " getts ",
                                   " f\xC3\xA5tt ", " givits ", " gavs ", " gett ", " har "}) {
          std::size_t q = lastBefore(lv, v, p + 1, floor);
          if (q != npos && (best == npos || q > best)) {
            best = q;
            verb = v;
          }
        }
        if (best == npos) continue;
        // The second pass also takes the government's perfect tense, on an amending
        // page its past tense, and "X har i uppdrag att" on the page of that assignment.
        bool giving = verb == " ger " || verb == " ge " || (fallback_ && verb == " gett ") ||
                      (fallback_ && amended_ && verb == " gav ");
        bool getting = verb == " f\xC3\xA5r " || verb == " ges " ||
                       (fallback_ && title_gate_ && verb == " har " && w == "i uppdrag");
        if (!giving && !getting) continue;  // quoted: "gav X i uppdrag", "har fått i uppdrag"
        std::size_t att = findp(lv, " att ", p);
        std::string task = att != npos && att < p + 40 ? taskAfter(sv, att + 5) : taskAfter(sv, 0);
        if (giving) {
          std::size_t s = best + verb.size();
          // "Nu ger regeringen Vetenskapsrådet i uppdrag": the giver after the verb.
          if (at(lv, s, "regeringen ")) s += 11;
          std::string_view span = trimView(sv.substr(s, p - s));
          if (span.empty() && at(lv, from, " till ")) {
            std::size_t s2 = from + 6;
            std::size_t e2 = findp(lv, " att ", s2);
            if (e2 == npos || e2 - s2 > kMaxSpan) continue;
            span = sv.substr(s2, e2 - s2);
          }
          auto v = boundedSubjects(span, true, task, sp, "", 0.9);
          if (att != npos && at(lv, att + 5, "bist\xC3\xA5 ")) markAssisting(v, task);
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
    for (std::string_view w :
         {"\xC3\xB6verl\xC3\xA4mnas till ", "l\xC3\xA4mnas \xC3\xB6ver till ", "remitteras till ",
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
        if (ents_[static_cast<std::size_t>(x)].task.empty())
          ents_[static_cast<std::size_t>(x)].task = "Samordna uppdraget";
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
      for (std::string_view x : {"samr\xC3\xA5"
                                 "da",
                                 "samverka",
                                 "h\xC3\xA5lla",
                                 "f\xC3\xB6ra",
                                 "ha",
                                 "beakta",
                                 "informera",
                                 "inh\xC3\xA4mta",
                                 "h\xC3\xA4mta",
                                 "bidra",
                                 "delta",
                                 "medverka",
                                 "vara",
                                 "kunna",
                                 "f\xC3\xA5",
                                 "betalas",
                                 "utbetalas",
                                 "belasta",
                                 "redovisas",
                                 "l\xC3\xA4mnas"})
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
    for (std::string_view w : {" delredovisar ", " slutredovisar ", " redovisar ", " redovisas av ",
                               " slutredovisas av ", " delredovisas av ", " l\xC3\xA4mnar "}) {
      std::size_t p = findp(lv, w);
      if (p == npos) continue;
      addAll(namesAt(sv, lv, p + w.size(), false, sp));
    }
  if (cues.decides) decisionTriggers(sv, lv, sp, subj);
}

// The government's decision on a grant or an amended assignment:
// "Regeringen beviljar X 12 miljoner kronor", "tilldelar X ...", "beslutar att X
// ska/får ...", "medger att X får redovisa ...", "bifaller X:s begäran",
// "förlänger tiden för X:s uppdrag".
void Reader::decisionTriggers(std::string_view sv, std::string_view lv, Span sp, std::vector<int>& subj) {
  auto addAll = [&](const std::vector<int>& v) {
    for (int x : v) addUnique(subj, x);
  };
  // "... ska utbetalas av Socialstyrelsen till ...": the payer.
  if (std::size_t p = findp(lv, " utbetalas av "); p != npos) addAll(namesAt(sv, lv, p + 14, true, sp));
  for (std::string_view w : {"beviljar ", "tilldelar ", "betalar ", "beslutar att ", "medger att "}) {
    std::size_t p = findp(lv, w);
    if (p == npos || (p > 0 && lv[p - 1] != ' ')) continue;
    std::size_t s = p + w.size();
    bool clause = w == "beslutar att " || w == "medger att ";
    // "beslutar att X ska ...": X must act (not "beslutar att uppdraget ska ...").
    if (clause && findp(lv, " ska ", s) == npos && findp(lv, " f\xC3\xA5r ", s) == npos) continue;
    addAll(namesAt(sv, lv, s, true, sp));
  }
  // "ändrar uppdraget till Arbetsförmedlingen", "förlänger Inspektionen för
  // socialförsäkringen (ISF) uppdrag", "förlänger tiden för slutredovisningen av
  // Inspektionen för socialförsäkringens (ISF) uppdrag".
  {
    constexpr std::string_view kChanges = "\xC3\xA4ndrar uppdraget till ";
    if (std::size_t p = findp(lv, kChanges); p != npos) addAll(namesAt(sv, lv, p + kChanges.size(), true, sp));
  }
  if (std::size_t p = findp(lv, "f\xC3\xB6rl\xC3\xA4nger "); p != npos) {
    std::size_t s = p + 11;
    std::size_t end = findp(lv, " uppdrag", s);
    if (end != npos && end > s + 2 && end < s + 160) {
      std::size_t av = lastBefore(lv, " av ", end, s);
      if (av != npos) s = av + 4;
      std::string_view name = trimView(sv.substr(s, end - s));
      if (name.ends_with(")")) {
        std::size_t open = name.rfind(" (");
        if (open != std::string_view::npos) name = trimView(name.substr(0, open));
      }
      std::string_view plain = name;
      if (name.ends_with("s") && !headedByAgency(nameKey(name))) plain = name.substr(0, name.size() - 1);
      if (!plain.empty() && isUpperAt(plain, 0) && headedByAgency(nameKey(plain)) && strictName(plain))
        addUnique(subj, entity(NameItem{std::string(plain), {}}, true, taskAfter(sv, 0), sp, "", 0.7));
    }
  }
  for (std::string_view w : {"bifaller ", "f\xC3\xB6rl\xC3\xA4nger tiden f\xC3\xB6r "}) {
    std::size_t p = findp(lv, w);
    if (p == npos) continue;
    std::size_t s = p + w.size();
    // A genitive: "Statens jordbruksverks begäran" -> "Statens jordbruksverk".
    std::size_t end = std::min(findp(lv, " beg\xC3\xA4ran", s), findp(lv, " uppdrag", s));
    if (end == npos || end > s + 100 || end <= s + 2 || lv[end - 1] != 's') continue;
    std::string_view name = sv.substr(s, end - 1 - s);
    if (!isUpperAt(name, 0) || !headedByAgency(nameKey(name)) || !strictName(name)) continue;
    addUnique(subj, entity(NameItem{std::string(name), {}}, true, taskAfter(sv, 0), sp, "", 0.7));
  }
}

}  // namespace beslut::assignment_detail
