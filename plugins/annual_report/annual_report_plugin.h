// DocumentPlugin "annual_report": verksamhetsberättelse, årsredovisning, årsrapport.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class AnnualReportPlugin : public DocumentPlugin {
 public:
  std::string name() const override { return "annual_report"; }
  std::string description() const override;
  double score(std::string_view text) const override;
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
