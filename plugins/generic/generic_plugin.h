// DocumentPlugin "generic": the fallback for any text no other plugin claims.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class GenericPlugin : public DocumentPlugin {
 public:
  static constexpr double kScore = 0.05;
  std::string name() const override { return "generic"; }
  std::string description() const override;
  // kScore for any non-blank text, 0 for blank text.
  double score(std::string_view text) const override;
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
