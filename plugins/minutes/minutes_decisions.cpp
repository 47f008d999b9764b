// Decisions ("beslutar att", "väljs till", "ställer sig bakom", ...) and
// assignments ("får i uppdrag att", "uppdras åt X att") inside one item.
#include <array>

#include "beslut/text.h"
#include "minutes_internal.h"

namespace beslut::plugins::minutes {
namespace {

bool isWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

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
constexpr std::array<Marker, 22> kDecisionMarkers = {{
    {"väljs till", DecisionKind::kElection},
    {"valdes till", DecisionKind::kElection},
    {"utses till", DecisionKind::kElection},
    {"utsågs till", DecisionKind::kElection},
    {"godkännes", DecisionKind::kDecision},
    {"godkänns", DecisionKind::kDecision},
    {"godkänner", DecisionKind::kDecision},
    {"godkändes", DecisionKind::kDecision},
    {"beslutar att", DecisionKind::kDecision},
    {"beslutar", DecisionKind::kDecision},
    {"beslöt", DecisionKind::kDecision},
    {"beslutade att", DecisionKind::kDecision},
    {"antar", DecisionKind::kDecision},
    {"fastställer", DecisionKind::kDecision},
    {"fastställs", DecisionKind::kDecision},
    {"ställer sig bakom", DecisionKind::kPosition},
    {"tillstyrker", DecisionKind::kPosition},
    {"avstyrker", DecisionKind::kPosition},
    {"noteras", DecisionKind::kInformation},
    {"läggs till handlingarna", DecisionKind::kInformation},
    {"lägga informationen till handlingarna", DecisionKind::kInformation},
    {"lägger informationen till handlingarna", DecisionKind::kInformation},
}};

std::optional<DecisionKind> decisionKind(std::string_view lower) {
  for (const Marker& m : kDecisionMarkers)
    if (findWords(lower, m.phrase) != std::string_view::npos) return m.kind;
  return std::nullopt;
}

std::string stripFinalStop(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == ',')) s.pop_back();
  return s;
}

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
  std::size_t comma = c.find(", ");
  if (comma != std::string::npos && looksLikePersonName(std::string_view(c).substr(0, comma)))
    return c.substr(0, comma) + " (" + stripFinalStop(c.substr(comma + 2)) + ")";
  return c;
}

// The due date inside a task: "senast 30 juni 2025", "i oktober 2019", "till 2025-03-01".
void findDue(std::string_view task, Assignment& a) {
  std::string lower = toLowerSwedish(task);
  static constexpr std::array<std::string_view, 7> kLeads = {"senast ", "till ", "före ", "innan ", "under ", "i ", "den "};
  for (auto lead : kLeads) {
    for (std::size_t p = findWords(lower, lead.substr(0, lead.size() - 1)); p != std::string::npos;
         p = findWords(lower, lead.substr(0, lead.size() - 1), p + 1)) {
      std::string_view after = task.substr(p + lead.size(), 40);
      // the phrase must end with a four-digit year
      std::size_t y = std::string_view::npos;
      for (std::size_t i = 0; i + 4 <= after.size(); ++i)
        if (after[i] >= '1' && after[i] <= '2' && after[i + 1] >= '0' && after[i + 1] <= '9' &&
            after[i + 2] >= '0' && after[i + 2] <= '9' && after[i + 3] >= '0' && after[i + 3] <= '9') {
          y = i;
          break;
        }
      if (y == std::string_view::npos) continue;
      std::string_view phrase = task.substr(p, lead.size() + y + 4);
      std::size_t e = lead.size() + y + 4;
      if (after.substr(y + 4, 1) == "-") {  // ISO date: include "-MM-DD"
        phrase = task.substr(p, std::min(task.size() - p, lead.size() + y + 10));
        e = phrase.size();
      }
      (void)e;
      if (auto d = parseSwedishDate(phrase)) {
        a.due = *d;
      } else if (auto m = parseSwedishMonth(phrase)) {
        a.due = *m;
      } else {
        continue;
      }
      a.due_text = std::string(phrase);
      return;
    }
  }
}

struct Found {
  std::size_t assigneeBegin, assigneeEnd, taskBegin;
  bool clause;  // assignee is the clause before the marker
};

// Finds an assignment marker in a sentence (lower-cased, same byte offsets).
std::optional<Found> findAssignment(std::string_view lower) {
  static constexpr std::array<std::string_view, 8> kGiven = {
      "får i uppdrag att", "fick i uppdrag att", "ges i uppdrag att", "gavs i uppdrag att",
      "får uppdraget att", "fick uppdraget att", "uppdras att", "uppdrogs att"};
  for (auto m : kGiven) {
    std::size_t p = findWords(lower, m);
    if (p != std::string_view::npos) return Found{0, p, p + m.size(), true};
  }
  for (std::string_view m : {std::string_view("uppdras åt "), std::string_view("uppdrogs åt ")}) {
    std::size_t p = findWords(lower, m.substr(0, m.size() - 1));
    if (p == std::string_view::npos) continue;
    std::size_t att = lower.find(" att ", p + m.size());
    if (att != std::string_view::npos) return Found{p + m.size(), att, att + 5, false};
  }
  for (std::string_view m : {std::string_view("ger "), std::string_view("gav ")}) {
    std::size_t p = findWords(lower, m.substr(0, 3));
    if (p == std::string_view::npos) continue;
    std::size_t u = lower.find(" i uppdrag att ", p);
    if (u != std::string_view::npos) return Found{p + m.size(), u, u + 15, false};
  }
  return std::nullopt;
}

void addDecision(std::string_view sentence, DecisionKind kind, Span span, Item& item) {
  Decision d;
  d.text = oneLine(sentence);
  d.kind = kind;
  d.span = span;
  d.confidence = kind == DecisionKind::kInformation ? 0.6 : 0.8;
  for (const Decision& other : item.decisions)
    if (other.text == d.text) return;
  item.decisions.push_back(std::move(d));
}

}  // namespace

void findDecisions(std::string_view title, Span title_span, std::string_view text, const OffsetMap& map,
                   Item& item) {
  // A title like "Dagordning godkännes" is itself the decision.
  std::string titleLower = toLowerSwedish(title);
  if (auto kind = decisionKind(titleLower); kind && *kind != DecisionKind::kInformation)
    addDecision(title, *kind, title_span, item);

  for (std::string_view sentence : splitSentences(text)) {
    std::size_t b = static_cast<std::size_t>(sentence.data() - text.data());
    Span span{map.toSource(b), map.toSource(b + sentence.size())};
    std::string lower = toLowerSwedish(sentence);
    if (auto kind = decisionKind(lower)) addDecision(sentence, *kind, span, item);
    if (auto f = findAssignment(lower)) {
      Assignment a;
      std::string_view who = sentence.substr(f->assigneeBegin, f->assigneeEnd - f->assigneeBegin);
      a.assignee = f->clause ? assigneeFromClause(who) : stripFinalStop(oneLine(who));
      a.task = stripFinalStop(oneLine(sentence.substr(f->taskBegin)));
      a.span = span;
      a.confidence = a.assignee.empty() ? 0.5 : 0.8;
      findDue(a.task, a);
      item.assignments.push_back(std::move(a));
    }
  }
}

}  // namespace beslut::plugins::minutes
