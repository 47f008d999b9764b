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
#include <algorithm>
#include <string>
#include <utility>

#include "assignment_dates.h"
#include "assignment_internal.h"
#include "beslut/text.h"

namespace beslut::assignment_detail {

using assignment_detail::RawDate;

// Titles that change, extend or correct an assignment; an agency's request answered by
// the decision; a change to an agency's appropriation directions, which gives it tasks.
static bool amendingTitle(std::string_view lt) {
  return startsWithAny(
      lt,
      {"f\xC3\xB6rl\xC3\xA4ngd tid", "f\xC3\xB6rl\xC3\xA4ngning av", "framst\xC3\xA4llning om f\xC3\xB6rl\xC3\xA4ng",
       "framst\xC3\xA4llan om f\xC3\xB6rl\xC3\xA4ng", "beg\xC3\xA4ran om f\xC3\xB6rl\xC3\xA4ng",
       "\xC3\xA4ndring av uppdrag", "\xC3\xA4ndring av beslut", "\xC3\xA4ndring av regeringens beslut",
       "\xC3\xA4ndring av regeringsbeslut", "\xC3\xA4ndring i uppdrag", "\xC3\xA4ndrat uppdrag", "\xC3\xA4ndrad tid",
       "r\xC3\xA4ttelse av", "till\xC3\xA4gg till uppdrag", "komplettering av uppdrag",
       // an agency's request, answered by the decision; extended or widened assignments
       "framst\xC3\xA4llning om", "framst\xC3\xA4llan om", "beg\xC3\xA4ran om", "ans\xC3\xB6kan om att",
       "f\xC3\xB6rl\xC3\xA4ngt uppdrag", "utvidgat uppdrag", "utvidgning av uppdrag", "till\xC3\xA4ggsuppdrag",
       // a change to an agency's appropriation directions, which gives it tasks
       "\xC3\xA4ndring av regleringsbrev", "\xC3\xA4ndring i regleringsbrev"});
}

// Titles that pay or grant money or powers, with a duty to report.
static bool grantTitle(std::string_view lt) {
  if (startsWithAny(lt, {"utbetalning av", "medel till", "medel f\xC3\xB6r", "ans\xC3\xB6kan om bidrag",
                         "ans\xC3\xB6kan om medel",
                         "ans\xC3\xB6kan om st\xC3\xB6"
                         "d",
                         "bidrag till", "bidrag f\xC3\xB6r", "beviljande av", "uppdrag att utbetala",
                         "st\xC3\xB6"
                         "d till",
                         "finansiering av"}))
    return true;
  for (std::string_view w :
       {"utbetalning av medel", "medel till ", "ans\xC3\xB6kan om bidrag", "bidrag till ", "bemyndigande att",
        "rekvisition av medel", "tilldelning av medel", "regleringsbrev", "inriktningsbeslut", "erbjudande till "})
    if (has(lt, w)) return true;
  return false;
}

// A title naming an assignment: "Uppdrag till/om/att …", "Regeringsuppdrag", "… uppdraget …".
static bool assignmentTitle(std::string_view lt) {
  if (lt == "uppdrag" || lt.starts_with("uppdrag ") || lt.starts_with("uppdrag:") || has(lt, "regeringsuppdrag") ||
      has(lt, "till\xC3\xA4ggsuppdrag"))
    return true;
  return has(lt, " uppdraget") || has(lt, " uppdrag ") || endsWith(lt, " uppdrag") || has(lt, " regeringsbeslut");
}

DecisionTitle decisionTitleOf(std::string_view title) {
  std::string lt = toLowerSwedish(trimView(title));
  if (amendingTitle(lt)) return DecisionTitle::kAmendment;
  if (grantTitle(lt)) return DecisionTitle::kGrant;
  if (assignmentTitle(lt)) return DecisionTitle::kAssignment;
  return DecisionTitle::kNone;
}

std::vector<Assignment> Reader::run() {
  std::string_view title = opt_.title;
  if (title.empty() && orig_.starts_with("# ")) {
    std::size_t e = orig_.find('\n');
    title = trimView(orig_.substr(2, e == npos ? npos : e - 2));
  }
  title_ = std::string(title);
  std::string ltitle = toLowerSwedish(title_);
  const DecisionTitle kind = decisionTitleOf(ltitle);
  amended_ = kind == DecisionTitle::kAmendment;
  grant_ = kind == DecisionTitle::kGrant;
  // Cheap exit: no trigger word anywhere.
  bool any = amended_ || has(ltitle, "uppdrag") || (grant_ && has(orig_, "redovis"));
  for (std::string_view w : {"ppdra", "elegera", "beredning", "rekvirera"}) any = any || has(orig_, w);
  if (opt_.decision_text) any = any || has(orig_, " ska ");
  if (!any) return {};

  n_ = normalize(orig_);
  low_ = toLowerSwedish(n_.s);
  auto sentences = splitIntoSentences(n_);
  markAnchors(low_, sentences);
  std::uint32_t all = 0;
  for (const Sentence& s : sentences) all |= s.anchors;
  ref_year_ = assignment_detail::yearOf(opt_.reference_date);
  title_gate_ = amended_ || grant_ || has(ltitle, "uppdrag");
  gate_ = opt_.decision_text || title_gate_;
  if (!gate_ && (all & (kAnUppdra | kAnOther)) != 0) {
    for (std::string_view w : {"i uppdrag", "uppdrar \xC3\xA5t", "uppdras \xC3\xA5t", "uppdra \xC3\xA5t", "uppdra till",
                               "uppdras att", "r\xC3\xA4tt att rekvirera", "delegera"})
      gate_ = gate_ || has(low_, w);
  }
  may_quote_ = (all & kAnQuote) != 0;
  readTitle(ltitle);
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

void Reader::readSentences(const std::vector<Sentence>& sentences) {
  bool background = false;
  for (const auto& s : sentences) {
    std::string_view lv = std::string_view(low_).substr(s.b, s.e - s.b);
    if (s.heading || isSectionLine(lv)) {
      background = isBackgroundHeading(lv);
      if (s.heading) continue;
    }
    if (background) continue;
    sentence(s, &s + 1 < sentences.data() + sentences.size() ? &s + 1 : nullptr);
  }
}

// "Bakgrund", "Ärendet", "Skälen för regeringens beslut": explanation, not decision.
bool Reader::isBackgroundHeading(std::string_view lv) {
  return startsWithAny(lv, {"bakgrund", "\xC3\xA4rendet", "sk\xC3\xA4l", "motivering", "\xC3\xA4rendebeskrivning",
                            "beskrivning av \xC3\xA4rendet", "sammanfattning av \xC3\xA4rendet", "beslutsunderlag",
                            "tidigare beslut", "yrkanden", "yttrande", "historik"});
}

// A short line that is a section heading even without "#".
bool Reader::isSectionLine(std::string_view lv) {
  if (lv.size() > 60 || lv.empty() || lv.back() == '.') return false;
  return isBackgroundHeading(lv) || startsWithAny(lv, {"beslut", "f\xC3\xB6rslag till beslut", "uppdraget"});
}

Span Reader::origSpan(std::size_t b, std::size_t e) const {
  if (b >= e || e > n_.map.size()) return {};
  return Span{n_.map[b], static_cast<std::size_t>(n_.map[e - 1]) + 1};
}

std::vector<Assignment> Reader::assemble() {
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

}  // namespace beslut::assignment_detail

namespace beslut {

DecisionTitle classifyDecisionTitle(std::string_view title) { return assignment_detail::decisionTitleOf(title); }

std::vector<Assignment> readAssignments(std::string_view text, const AssignmentReadOptions& options) {
  try {
    return assignment_detail::Reader(text, options).run();
  } catch (...) {
    return {};
  }
}

std::vector<std::string> splitAssigneeList(std::string_view s) {
  std::vector<std::string> out;
  try {
    for (auto& item : assignment_detail::splitNames(s))
      if (assignment_detail::plausibleName(item.name)) out.push_back(std::move(item.name));
  } catch (...) {
    out.clear();
  }
  return out;
}

}  // namespace beslut
