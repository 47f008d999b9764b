// DocumentPlugin "reply": replies to ledamotsinitiativ, motion, interpellation, fråga.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class ReplyPlugin : public DocumentPlugin {
 public:
  std::string name() const override { return "reply"; }
  std::string description() const override;
  double score(std::string_view text) const override;
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
