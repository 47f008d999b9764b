// Decisions ("beslutar att", "väljs till", "ställer sig bakom", ...) and
// assignments ("får i uppdrag att", "uppdras åt X att", "ansvarar för") inside one item.
//
// Many minutes divide an item into sections: "Ärendebeskrivning", "Beslutsunderlag",
// "Förslag till beslut", "Yrkanden", "Propositionsordning", "Beslut", "Reservation",
// "Beslutet skickas till". When an item has a "Beslut" section (or "Beslut:" lines),
// its decisions are what that section says, point by point; the other sections are
// background and hold no decisions. Items without sections (narrative minutes) are read
// sentence by sentence, and a sentence is a decision when it has a decision marker.
// An assignment quoted from an earlier meeting ("Kommunstyrelsen gav 2019-05-14 § 88
// förvaltningen i uppdrag att …") is background, not a new assignment.
#include <algorithm>
#include <array>

#include "beslut/assignment_reader.h"
#include "beslut/text.h"
#include "minutes_internal.h"

namespace beslut::plugins::minutes {
namespace {

bool isWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Position of `phrase` in `lower` as whole words, or npos.
std::size_t findWords(std::string_view lower, std::string_view phrase, std::size_t from = 0) {
  for (std::size_t p = lower.find(phrase, from); p != std::string_view::npos; p = lower.find(phrase, p + 1)) {
    bool startOk = p == 0 || !isWordByte(lower[p - 1]);
    std::size_t e = p + phrase.size();
    bool endOk = e >= lower.size() || !isWordByte(lower[e]);
    if (startOk && endOk) return p;
  }
  return std::string_view::npos;
}

struct Marker {
  std::string_view phrase;
  DecisionKind kind;
};

// Present-tense (or the minutes' narrative past) forms only: a reported
// "har ställt sig bakom" or a future "ska antas" is not a decision of the meeting.
constexpr std::array<Marker, 48> kDecisionMarkers = {{
    {"väljs till", DecisionKind::kElection},
    {"valdes till", DecisionKind::kElection},
    {"utses till", DecisionKind::kElection},
    {"utsågs till", DecisionKind::kElection},
    {"utses att", DecisionKind::kElection},
    {"väljs att", DecisionKind::kElection},
    {"godkännes", DecisionKind::kDecision},
    {"godkänns", DecisionKind::kDecision},
    {"godkänner", DecisionKind::kDecision},
    {"godkändes", DecisionKind::kDecision},
    {"beslutar att", DecisionKind::kDecision},
    {"beslutar", DecisionKind::kDecision},
    {"beslöt", DecisionKind::kDecision},
    {"beslutade att", DecisionKind::kDecision},
    {"beslutade", DecisionKind::kDecision},  // "beslutade delegera till …", "beslutade enligt förslaget"
    {"antar", DecisionKind::kDecision},
    {"antogs", DecisionKind::kDecision},
    {"fastställer", DecisionKind::kDecision},
    {"fastställs", DecisionKind::kDecision},
    {"bifaller", DecisionKind::kDecision},
    {"avslår", DecisionKind::kDecision},
    {"återremitteras", DecisionKind::kDecision},
    {"bordläggs", DecisionKind::kDecision},
    {"föreslår kommunfullmäktige", DecisionKind::kPosition},
    {"föreslår regionfullmäktige", DecisionKind::kPosition},
    {"föreslår fullmäktige", DecisionKind::kPosition},
    {"ställer sig bakom", DecisionKind::kPosition},
    {"tillstyrker", DecisionKind::kPosition},
    {"avstyrker", DecisionKind::kPosition},
    {"noteras", DecisionKind::kInformation},
    {"noterar", DecisionKind::kInformation},
    {"läggs till handlingarna", DecisionKind::kInformation},
    {"lades till handlingarna", DecisionKind::kInformation},
    {"lägga informationen till handlingarna", DecisionKind::kInformation},
    {"lägger informationen till handlingarna", DecisionKind::kInformation},
    {"lägga redovisningen till handlingarna", DecisionKind::kInformation},
    // The narrative past of procedural outcomes: "Dagordningen fastställdes.",
    // "Till justeringsperson valdes Pirjo Jonsson.", "Motionen bifölls."
    {"fastställdes", DecisionKind::kDecision},
    {"valdes", DecisionKind::kElection},
    {"utsågs", DecisionKind::kElection},
    {"beslutades", DecisionKind::kDecision},
    {"bifölls", DecisionKind::kDecision},
    {"avslogs", DecisionKind::kDecision},
    {"återremitterades", DecisionKind::kDecision},
    {"bordlades", DecisionKind::kDecision},
    {"förklarades", DecisionKind::kDecision},
    {"utser", DecisionKind::kElection},
    {"antecknar", DecisionKind::kInformation},
    {"antecknades", DecisionKind::kInformation},
}};

std::optional<DecisionKind> decisionKind(std::string_view lower) {
  for (const Marker& m : kDecisionMarkers)
    if (findWords(lower, m.phrase) != std::string_view::npos) return m.kind;
  return std::nullopt;
}

std::string stripFinalStop(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
  return s;
}

// --- Sections of an item -----------------------------------------------------

enum class SectionKind { kLead, kBackground, kDecision };

constexpr std::array<std::string_view, 52> kBackgroundHeadings = {"ärendebeskrivning",
                                                                  "ärendet",
                                                                  "ärende",
                                                                  "bakgrund",
                                                                  "sammanfattning",
                                                                  "sammanfattning av ärendet",
                                                                  "beskrivning av ärendet",
                                                                  "beslutsunderlag",
                                                                  "underlag",
                                                                  "handlingar",
                                                                  "underlag för beslut",
                                                                  "förslag till beslut",
                                                                  "förvaltningens förslag till beslut",
                                                                  "förvaltningens förslag",
                                                                  "arbetsutskottets förslag",
                                                                  "arbetsutskottets förslag till beslut",
                                                                  "ordförandens förslag",
                                                                  "utskottets förslag",
                                                                  "presidiets förslag",
                                                                  "tjänsteskrivelse",
                                                                  "yrkande",
                                                                  "yrkanden",
                                                                  "propositionsordning",
                                                                  "proposition",
                                                                  "omröstning",
                                                                  "omröstningsresultat",
                                                                  "beslutsgång",
                                                                  "reservation",
                                                                  "reservationer",
                                                                  "protokollsanteckning",
                                                                  "protokollsanteckningar",
                                                                  "jäv",
                                                                  "särskilt yttrande",
                                                                  "beslutet skickas till",
                                                                  "beslutet ska skickas till",
                                                                  "skickas till",
                                                                  "expedieras till",
                                                                  "expediering",
                                                                  "sändlista",
                                                                  "för kännedom",
                                                                  "ekonomiska konsekvenser",
                                                                  "konsekvenser",
                                                                  "överläggning",
                                                                  "diskussion",
                                                                  "föredragande",
                                                                  "bedömning",
                                                                  "förvaltningens bedömning",
                                                                  "ärendets beredning",
                                                                  "beredning",
                                                                  "förslag",
                                                                  "motivering",
                                                                  "skäl för beslut"};

// The kind of a sub-heading line ("Beslut", "Ärendebeskrivning", "Kommunstyrelsens beslut"),
// and for "Beslut: text" the offset of the inline text.
std::optional<SectionKind> subHeading(std::string_view line, std::size_t& inline_at) {
  std::string_view t = trimView(line);
  inline_at = std::string_view::npos;
  if (t.empty() || t.size() > 200) return std::nullopt;
  std::string_view head = t;
  std::size_t colon = t.find(':');
  if (colon != std::string_view::npos && colon < 60) {
    head = trimView(t.substr(0, colon));
    std::string_view after = trimView(t.substr(colon + 1));
    if (!after.empty()) inline_at = static_cast<std::size_t>(after.data() - line.data());
  } else if (t.size() > 60) {
    return std::nullopt;
  }
  if (head.empty() || !isUpperAt(head, 0)) return std::nullopt;
  std::string lower = toLowerSwedish(head);
  if (lower == "beslut" || lower == "beslutet" || lower == "beslut i korthet" || lower == "sammanfattning av beslut")
    return SectionKind::kDecision;
  // "Kommunstyrelsens beslut", "Nämndens beslut"
  if (lower.ends_with("s beslut") && std::count(lower.begin(), lower.end(), ' ') <= 3 &&
      lower.find("förslag") == std::string::npos)
    return SectionKind::kDecision;
  for (auto h : kBackgroundHeadings)
    if (lower == h) return SectionKind::kBackground;
  return std::nullopt;
}

struct Segment {
  SectionKind kind;
  std::size_t begin, end;  // offsets in the item text
};

// "Direktionen beslutar", "Kommunstyrelsen beslutar:", "Nämnden beslöt": a lead
// line whose points ("att …", "1. …") follow on the next lines.
bool decisionLead(std::string_view line) {
  std::string l = toLowerSwedish(trimView(line));
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  if (l.empty() || l.size() > 80 || !isUpperAt(trimView(line), 0)) return false;
  if (std::count(l.begin(), l.end(), ' ') > 6) return false;
  // A proposal ("föreslår fullmäktige besluta") is not the meeting's decision.
  if (l.find("föreslå") != std::string::npos) return false;
  return l.ends_with(" beslutar") || l.ends_with(" beslutade") || l.ends_with(" beslöt");
}

// Splits the item text into sections. A heading on its own line lasts until the
// next heading; an inline "Beslut: …" or "Bakgrund: …" lasts until the blank line.
std::vector<Segment> segments(std::string_view text) {
  std::vector<Segment> out;
  SectionKind current = SectionKind::kLead;
  bool inlineSection = false;
  std::size_t begin = 0, pos = 0;
  auto close = [&](std::size_t at) {
    if (at > begin) out.push_back({current, begin, at});
  };
  while (pos < text.size()) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, e - pos);
    if (trimView(line).empty()) {
      if (inlineSection) {
        close(pos);
        current = SectionKind::kLead;
        inlineSection = false;
        begin = pos;
      }
    } else {
      std::size_t inlineAt = 0;
      if (current == SectionKind::kLead && decisionLead(line)) {
        // The lead is part of the decision: the section starts at it.
        close(pos);
        current = SectionKind::kDecision;
        inlineSection = false;
        begin = pos;
      } else if (auto k = subHeading(line, inlineAt)) {
        close(pos);
        current = *k;
        inlineSection = inlineAt != std::string_view::npos;
        begin = inlineSection ? pos + inlineAt : std::min(e + 1, text.size());
      }
    }
    pos = e + 1;
  }
  close(text.size());
  return out;
}

// --- Assignments ---------------------------------------------------------------

// "… och Ewa Lindberg, Region Örebro län," -> "Ewa Lindberg (Region Örebro län)".
std::string assigneeFromClause(std::string_view clause) {
  std::string c = oneLine(clause);
  std::string lower = toLowerSwedish(c);
  std::size_t att = lower.rfind(" att ");
  if (att != std::string::npos) {
    c = c.substr(att + 5);
    lower = lower.substr(att + 5);
  }
  std::size_t och = lower.rfind(" och ");
  if (och != std::string::npos) {
    std::string_view before = std::string_view(c).substr(0, och);
    std::string_view after = std::string_view(c).substr(och + 5);
    bool clauseBefore = false;  // a lower-case word after the first: a clause, not a list of names
    for (std::size_t i = 1; i < before.size(); ++i)
      if (before[i - 1] == ' ' && isLowerAt(before, i)) clauseBefore = true;
    if (clauseBefore && !after.empty() && isUpperAt(after, 0)) c = std::string(after);
  }
  c = stripFinalStop(trim(c));
  // "Det uppdras", "Kommunstyrelsen beslutar att ge …": no assignee in the clause.
  std::size_t comma = c.find(", ");
  if (comma != std::string::npos && looksLikePersonName(std::string_view(c).substr(0, comma)))
    return c.substr(0, comma) + " (" + stripFinalStop(c.substr(comma + 2)) + ")";
  return c;
}

// A four-digit year at s[i].
bool yearAt(std::string_view s, std::size_t i) {
  return i + 4 <= s.size() && (s[i] == '1' || s[i] == '2') && isDigit(s[i + 1]) && isDigit(s[i + 2]) &&
         isDigit(s[i + 3]) && (i == 0 || !isDigit(s[i - 1])) && (i + 4 == s.size() || !isDigit(s[i + 4]));
}

// The due date inside a task: "senast 30 juni 2025", "i oktober 2019", "till 2025-03-01",
// "till nästa möte". Returns the offset of the due phrase in `task`, or npos.
std::size_t findDue(std::string_view task, Assignment& a) {
  std::string lower = toLowerSwedish(task);
  static constexpr std::array<std::string_view, 8> kLeads = {"senast", "till", "före", "innan",
                                                             "under",  "i",    "den",  "per"};
  std::size_t best = std::string_view::npos;
  for (auto lead : kLeads) {
    for (std::size_t p = findWords(lower, lead); p != std::string::npos; p = findWords(lower, lead, p + 1)) {
      std::size_t from = p + lead.size() + 1;
      if (from >= task.size()) break;
      // The date must follow within a few words: "senast den 30 september 2020", "i oktober 2019".
      std::size_t y = std::string_view::npos;
      for (std::size_t i = from; i < task.size() && i < from + 24; ++i)
        if (yearAt(task, i)) {
          y = i;
          break;
        }
      if (y == std::string_view::npos) continue;
      std::size_t e = y + 4;
      if (e + 6 <= task.size() && task[e] == '-' && isDigit(task[e + 1])) e += 6;  // "2020-10-31"
      std::string_view phrase = task.substr(p, e - p);
      Assignment tmp;
      if (auto d = parseSwedishDate(phrase)) tmp.due = *d;
      else if (auto m = parseSwedishMonth(phrase)) tmp.due = *m;
      else continue;
      if (best == std::string_view::npos || p < best) {
        best = p;
        a.due = tmp.due;
        a.due_text = std::string(phrase);
      }
      break;
    }
  }
  // "senast" before another lead ("senast i maj 2021") belongs to the phrase.
  if (best != std::string_view::npos && best >= 7 && lower.compare(best - 7, 7, "senast ") == 0) {
    best -= 7;
    a.due_text = std::string(task.substr(best, a.due_text.size() + 7));
  }
  if (best != std::string_view::npos) return best;
  for (std::string_view phrase :
       {"till nästa sammanträde", "till nästa möte", "vid nästa sammanträde", "vid nästa möte",
        "till nämndens nästa sammanträde", "till styrelsens nästa sammanträde", "till nästkommande sammanträde",
        "till nästa nämndsammanträde"}) {
    std::size_t p = findWords(lower, phrase);
    if (p != std::string::npos) {
      a.due_text = std::string(task.substr(p, phrase.size()));
      return p;
    }
  }
  return std::string_view::npos;
}

struct Found {
  std::size_t assigneeBegin, assigneeEnd, taskBegin, marker;
  bool clause;  // assignee is the clause before the marker
};

// Finds an assignment marker in a sentence (lower-cased, same byte offsets).
std::optional<Found> findAssignment(std::string_view lower) {
  static constexpr std::array<std::string_view, 10> kGiven = {
      "får i uppdrag att",      "fick i uppdrag att",    "ges i uppdrag att", "gavs i uppdrag att",
      "får uppdraget att",      "fick uppdraget att",    "uppdras att",       "uppdrogs att",
      "har fått i uppdrag att", "erhåller i uppdrag att"};
  for (auto m : kGiven) {
    std::size_t p = findWords(lower, m);
    if (p != std::string_view::npos) return Found{0, p, p + m.size(), p, true};
  }
  for (std::string_view m : {std::string_view("uppdras åt "), std::string_view("uppdrogs åt "),
                             std::string_view("uppdra åt "), std::string_view("uppdrar åt ")}) {
    std::size_t p = findWords(lower, m.substr(0, m.size() - 1));
    if (p == std::string_view::npos) continue;
    std::size_t att = lower.find(" att ", p + m.size());
    if (att != std::string_view::npos) return Found{p + m.size(), att, att + 5, p, false};
  }
  for (std::string_view m : {std::string_view("ger "), std::string_view("gav "), std::string_view("ge ")}) {
    std::size_t p = findWords(lower, m.substr(0, m.size() - 1));
    if (p == std::string_view::npos) continue;
    std::size_t u = lower.find(" i uppdrag att ", p);
    if (u != std::string_view::npos && u - p < 120) return Found{p + m.size(), u, u + 15, p, false};
  }
  for (std::string_view m : {std::string_view("ansvarar för att "), std::string_view("ansvarar för ")}) {
    std::size_t p = findWords(lower, m.substr(0, m.size() - 1));
    if (p == std::string_view::npos) continue;
    return Found{0, p, p + 13, p, true};  // the task keeps its "att"
  }
  return std::nullopt;
}

// An assignment given at an earlier meeting and only quoted here: the words before
// the marker name a date or a paragraph ("gav 2019-05-14 § 88", "den 4 december
// 2018, Ks 112"), or are in the perfect tense ("har gett", "har fått").
bool quotesEarlierAssignment(std::string_view lower, std::size_t marker) {
  std::string_view before = lower.substr(0, marker);
  if (before.find("\xC2\xA7") != std::string_view::npos) return true;
  if (parseSwedishDate(before)) return true;
  for (std::string_view w : {"tidigare", "har gett", "har givit", "hade gett", "har fått", "hade fått", "förra"})
    if (findWords(before, w) != std::string_view::npos) return true;
  // "Ks 112": a prefixed paragraph reference.
  for (std::size_t i = 0; i + 4 < before.size(); ++i)
    if ((i == 0 || before[i - 1] == ' ' || before[i - 1] == ',') && before.compare(i, 3, "ks ") == 0 &&
        isDigit(before[i + 3]))
      return true;
  return lower.substr(marker).starts_with("har fått");
}

constexpr std::size_t kMaxPerItem = 400;

void addDecision(std::string text, DecisionKind kind, Span span, double confidence, Item& item) {
  Decision d;
  d.text = std::move(text);
  d.kind = kind;
  d.span = span;
  d.confidence = confidence;
  // A rule of underscores or dashes between sections is no decision.
  if (std::none_of(d.text.begin(), d.text.end(), [](char c) { return isWordByte(c); })) return;
  // An item has a few decisions; thousands are a text whose paragraphs were not
  // found (and comparing each with all before it would be quadratic).
  if (item.decisions.size() >= kMaxPerItem) return;
  for (const Decision& other : item.decisions)
    if (other.text == d.text) return;
  item.decisions.push_back(std::move(d));
}

// An assignment in `sentence` (one line of text), unless quoted from an earlier meeting.
void addAssignment(const std::string& sentence, Span span, double confidence, Item& item) {
  if (item.assignments.size() >= kMaxPerItem) return;
  std::string lower = toLowerSwedish(sentence);
  auto f = findAssignment(lower);
  if (!f) {
    // Core's assignment reader for what the minutes' own forms do not cover:
    // referrals ("Motionerna överlämnas till kommunstyrelsen för beredning"),
    // delegations ("beslutade delegera till stadsarkitekten att …"), the other
    // ways of giving a task it knows ("uppdrar därför åt X att", "Nu ger …").
    for (Assignment& a : readAssignments(sentence)) {
      a.span = span;
      a.confidence = std::min(a.confidence, confidence);
      item.assignments.push_back(std::move(a));
    }
    return;
  }
  if (quotesEarlierAssignment(lower, f->marker)) return;
  Assignment a;
  std::string_view who = std::string_view(sentence).substr(f->assigneeBegin, f->assigneeEnd - f->assigneeBegin);
  a.assignee = f->clause ? assigneeFromClause(who) : stripFinalStop(oneLine(who));
  std::string task = stripFinalStop(oneLine(std::string_view(sentence).substr(f->taskBegin)));
  std::size_t due = findDue(task, a);
  // The due phrase at the end of the task is not part of the task.
  if (due != std::string_view::npos && due > 0 &&
      stripFinalStop(task.substr(due)).size() == stripFinalStop(a.due_text).size())
    task = stripFinalStop(trim(task.substr(0, due)));
  a.task = task;
  a.span = span;
  a.confidence = a.assignee.empty() ? 0.5 : confidence;
  if (a.task.empty()) return;
  item.assignments.push_back(std::move(a));
}

// A list point at the start of a line: "1. ", "2) ", "- ", "• ", "att ".
std::size_t pointStart(std::string_view line, bool& attStyle) {
  std::string_view t = trimView(line);
  std::size_t lead = static_cast<std::size_t>(t.data() - line.data());
  attStyle = false;
  std::size_t i = 0;
  while (i < t.size() && i < 2 && isDigit(t[i])) ++i;
  if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ') return lead + i + 2;
  if (t.starts_with("- ") || t.starts_with("\xE2\x80\x93 ")) return lead + (t[0] == '-' ? 2 : 4);
  if (t.starts_with("\xE2\x80\xA2 ")) return lead + 4;
  if (t.starts_with("att ")) {
    attStyle = true;
    return lead;
  }
  return std::string_view::npos;
}

// The decisions of a "Beslut" section: one per list point ("beslutar att 1. … 2. …"),
// else one per sentence.
void decisionSection(std::string_view text, const Segment& seg, const OffsetMap& map, Item& item) {
  std::string_view body = text.substr(seg.begin, seg.end - seg.begin);
  struct Point {
    std::size_t begin, end;  // offsets in `text`
    bool att;
  };
  std::vector<Point> points;
  std::size_t leadEnd = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t e = body.find('\n', pos);
    if (e == std::string_view::npos) e = body.size();
    bool att = false;
    std::size_t ps = pointStart(body.substr(pos, e - pos), att);
    if (ps != std::string_view::npos) {
      if (points.empty()) leadEnd = pos;
      else points.back().end = seg.begin + pos;
      points.push_back({seg.begin + pos + ps, seg.begin + body.size(), att});
    }
    pos = e + 1;
  }
  std::string lead = leadEnd == std::string_view::npos ? std::string() : oneLine(body.substr(0, leadEnd));
  // "att"-style points need a lead ("Nämnden beslutar"); a lone "att …" line is prose.
  if (points.size() >= 2 || (points.size() == 1 && !lead.empty())) {
    for (const Point& p : points) {
      std::string point = stripFinalStop(oneLine(text.substr(p.begin, p.end - p.begin)));
      for (std::string_view tail : {" samt", " och"})
        if (point.ends_with(tail)) point = stripFinalStop(point.substr(0, point.size() - tail.size()));
      std::string full = lead.empty() ? point : lead + " " + point;
      Span span{map.toSource(p.begin), map.toSource(p.end)};
      std::string lower = toLowerSwedish(full);
      addDecision(full, decisionKind(lower).value_or(DecisionKind::kDecision), span, 0.9, item);
      addAssignment(full, span, 0.85, item);
    }
    return;
  }
  for (std::string_view sentence : splitSentences(body)) {
    std::size_t b = static_cast<std::size_t>(sentence.data() - text.data());
    Span span{map.toSource(b), map.toSource(b + sentence.size())};
    std::string one = oneLine(sentence);
    std::string lower = toLowerSwedish(one);
    addDecision(one, decisionKind(lower).value_or(DecisionKind::kDecision), span, 0.9, item);
    addAssignment(one, span, 0.85, item);
  }
}

}  // namespace

// A decision list a transcript ran into the text: "Regionfullmäktiges beslut 1.
// Följande avsägelser … 2. Följande … 3. Avsägelser beviljas …". The points
// follow a body's "beslut" and are numbered from 1 (a lost number merges two);
// a letterhead footer inside one ("Postadress: …") ends it. Returns whether
// the list was read.
bool inlinePoints(std::string_view text, std::string_view body, const OffsetMap& map, Item& item) {
  std::string lower = toLowerSwedish(body);
  std::size_t lead = std::string::npos;
  for (std::size_t p = lower.find("s beslut 1. "); p != std::string::npos; p = lower.find("s beslut 1. ", p + 1)) {
    std::size_t w = lower.rfind(' ', p);
    std::string_view owner = std::string_view(lower).substr(w == std::string::npos ? 0 : w + 1,
                                                            p + 1 - (w == std::string::npos ? 0 : w + 1));
    if (owner.size() > 4) {
      lead = p + std::string_view("s beslut ").size();
      break;
    }
  }
  if (lead == std::string::npos) return false;
  std::vector<std::size_t> starts;  // of "N. "
  int next = 1;
  for (std::size_t p = lead; p < lower.size();) {
    std::string num = std::to_string(next), num2 = std::to_string(next + 1);
    // The next point within 4,000 bytes (so that a list with a number missing stays linear).
    const std::size_t from = p ? p - 1 : 0;
    std::string_view window = std::string_view(lower).substr(from, 4000);
    std::size_t a = window.find(" " + num + ". "), b = window.find(" " + num2 + ". ");
    if (a != std::string_view::npos) a += from;
    if (b != std::string_view::npos) b += from;
    if (p == lead && lower.compare(lead, 3, "1. ") == 0) a = lead - 1;
    std::size_t at = std::min(a, b);
    if (at == std::string::npos) break;
    next = at == a ? next + 1 : next + 2;
    starts.push_back(at + 1);
    p = at + 1 + num.size() + 2;
  }
  if (starts.size() < 2) return false;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t b = body.find(' ', starts[k]) + 1;
    std::size_t e = k + 1 < starts.size() ? starts[k + 1] : body.size();
    std::string_view point = trimView(body.substr(b, e - b));
    for (std::string_view footer :
         {"Postadress:", "Besöksadress:", "Organisationsnummer:", "Telefon:", "Telefon (växel):"})
      if (std::size_t f = point.find(footer); f != std::string_view::npos) point = trimView(point.substr(0, f));
    if (point.empty()) continue;
    std::size_t pb = static_cast<std::size_t>(point.data() - text.data());
    std::string one = oneLine(point);
    auto kind = decisionKind(toLowerSwedish(one));
    addDecision(one, kind ? *kind : DecisionKind::kDecision, Span{map.toSource(pb), map.toSource(pb + point.size())},
                0.7, item);
    addAssignment(one, Span{map.toSource(pb), map.toSource(pb + point.size())}, 0.7, item);
  }
  return true;
}

void findDecisions(std::string_view title, Span title_span, std::string_view text, const OffsetMap& map, Item& item) {
  // A title like "Dagordning godkännes" is itself the decision.
  std::string titleLower = toLowerSwedish(title);
  if (auto kind = decisionKind(titleLower); kind && *kind != DecisionKind::kInformation)
    addDecision(std::string(title), *kind, title_span, 0.8, item);

  std::vector<Segment> segs = segments(text);
  bool hasDecisionSection = false;
  for (const Segment& s : segs) hasDecisionSection = hasDecisionSection || s.kind == SectionKind::kDecision;
  for (const Segment& seg : segs) {
    if (seg.kind == SectionKind::kBackground) continue;
    if (seg.kind == SectionKind::kDecision) {
      decisionSection(text, seg, map, item);
      continue;
    }
    if (hasDecisionSection) continue;  // the description before "Beslut"
    std::string_view body = text.substr(seg.begin, seg.end - seg.begin);
    if (inlinePoints(text, body, map, item)) continue;
    for (std::string_view sentence : splitSentences(body)) {
      std::size_t b = static_cast<std::size_t>(sentence.data() - text.data());
      Span span{map.toSource(b), map.toSource(b + sentence.size())};
      std::string one = oneLine(sentence);
      std::string lower = toLowerSwedish(one);
      if (auto kind = decisionKind(lower))
        addDecision(one, *kind, span, *kind == DecisionKind::kInformation ? 0.7 : 0.75, item);
      addAssignment(one, span, 0.75, item);
    }
  }
}

}  // namespace beslut::plugins::minutes
