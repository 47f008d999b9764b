// The one assignment reader of Beslut: who is told to do what, by when, in
// any kind of document (minutes, government assignments, action plans,
// replies, decision summaries). Every document plugin calls it; none has its
// own. Pure functions, linear in the input (no std::regex), never throw.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/model.h"

namespace beslut {

struct AssignmentReadOptions {
  // ISO date of the document (decision or meeting date), used to complete
  // dates without a year ("senast 31 augusti i år"). May be empty.
  std::string reference_date;
  // The document's title ("Uppdrag till A, B och C att ..."): bodies named
  // there are assignees even when the body does not name them again. May be empty.
  std::string title;
  // The whole text is a decision ("Beslut", an item's decision section):
  // "X ska ..." assigns even when no other sentence says "i uppdrag".
  bool decision_text = false;
};

// The assignments given in `text`. Spans are offsets into `text`. One entry
// per assignee and report date (a joint assignment to three agencies with a
// partial and a final report gives six). Assignments only quoted from
// earlier decisions ("fick i uppdrag", "har tidigare gett") and plans
// ("kommer att") are not returned.
std::vector<Assignment> readAssignments(std::string_view text, const AssignmentReadOptions& options = {});

// What a decision's title says about the assignments it holds: it gives one
// ("Uppdrag till X att …", "Regeringsuppdrag …"), changes, extends or corrects
// one ("Förlängd tid för uppdraget …", "Ändring av uppdraget …", "Framställning
// om …", "Ändring av regleringsbrev …"), or grants money or powers with a duty
// to report ("Utbetalning av medel till X", "Ansökan om bidrag …", "Bemyndigande
// att …"). Any case.
enum class DecisionTitle { kNone, kAssignment, kAmendment, kGrant };
DecisionTitle classifyDecisionTitle(std::string_view title);

// A report date in `s`: "senast den 15 december 2026", "senast 31 maj 2023",
// "den 20 maj 2019", "senast före utgången av december 2022" ("2022-12"),
// "senast 31 augusti i år" (year from `reference_date`), "31 november 2025"
// (impossible: month only). `due` is ISO "YYYY-MM-DD" or "YYYY-MM".
struct DueDate {
  std::string due;
  std::string text;  // as written
  Span span;         // in `s`
};
std::optional<DueDate> findDueDate(std::string_view s, std::string_view reference_date = {});

// "Socialstyrelsen, Folkhälsomyndigheten och Läkemedelsverket" ->
// {"Socialstyrelsen", "Folkhälsomyndigheten", "Läkemedelsverket"}. Keeps
// names that contain "och" as one ("Myndigheten för vård- och omsorgsanalys",
// "Kultur- och fritidsnämnden").
std::vector<std::string> splitAssigneeList(std::string_view s);

}  // namespace beslut
