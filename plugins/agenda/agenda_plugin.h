// DocumentPlugin "agenda": kallelse, föredragningslista, dagordning, ärendelista.
#pragma once

#include <string>
#include <string_view>

#include "beslut/plugin.h"

namespace beslut::plugins {

class AgendaPlugin : public DocumentPlugin {
 public:
  std::string name() const override { return "agenda"; }
  std::string description() const override;
  // 0.7 when the document's title names an agenda ("Kallelse …",
  // "Föredragningslista …", "Kommenterad dagordning …", "Ärendeförteckning …"),
  // 0.45 when its opening calls to a meeting ("kallas till sammanträde");
  // never for minutes (a title with "protokoll").
  double score(std::string_view text) const override;
  // Title, meeting date and the agenda's items (numbered or Markdown sections).
  Result<Document> parse(std::string_view text) const override;
};

}  // namespace beslut::plugins
