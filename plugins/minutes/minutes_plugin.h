// DocumentPlugin "minutes": protokoll from Swedish councils and committees.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class MinutesPlugin : public DocumentPlugin {
 public:
  std::string name() const override { return "minutes"; }
  std::string description() const override;
  double score(std::string_view text) const override;
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
