// DocumentPlugin "action_plan": handlingsplaner with insatsområden and strategic directions.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class ActionPlanPlugin : public DocumentPlugin {
 public:
  std::string name() const override { return "action_plan"; }
  std::string description() const override;
  double score(std::string_view text) const override;
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
