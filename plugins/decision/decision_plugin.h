// DocumentPlugin "decision": a decision outside minutes — a government or board
// decision giving tasks ("Uppdrag till …", "Regeringen ger X i uppdrag att …",
// kind assignment) or stating decisions ("Direktionens beslut", "Protokollsbilaga",
// "Beslut", kind decision_summary).
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class DecisionPlugin : public DocumentPlugin {
 public:
  std::string name() const override { return "decision"; }
  std::string description() const override;
  // 0.75 for a title naming an assignment ("Uppdrag till/om/att …",
  // "Regeringsuppdrag", "Ändring av/Förlängd tid för uppdraget …"), 0.6 when
  // the opening gives one ("Regeringen ger X i uppdrag", "uppdrar åt"), 0.5 for
  // a grant decision ("Utbetalning av medel till …", "Ansökan om bidrag …"),
  // 0.45 for a decision document ("Beslut", "Protokollsbilaga", "Direktionens
  // beslut"), else 0.
  double score(std::string_view text) const override;
  // Title, date and sections (core readTitledSections); the assignments of core's
  // assignment reader, each in the section it was read from. Kind assignment when
  // there is one, else decision_summary.
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
