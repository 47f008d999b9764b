// Section finding for action plans, which are often unnumbered layouts.
#pragma once

#include <string_view>
#include <vector>

#include "beslut/text.h"

namespace beslut::plugins::action_plan {

// Numbered sections when the text has at least two; otherwise sections at
// unnumbered headings: short isolated lines ("Förord", "Strategiska
// inriktningar") and insatsområde headings ("Förbättra … – insatsområden").
std::vector<Section> findSections(std::string_view text);

// "Regional handlingsplan för kompetensförsörjning" from a heading line or
// the first "… handlingsplan för …" phrase; empty if none.
std::string findTitle(std::string_view text);

}  // namespace beslut::plugins::action_plan
