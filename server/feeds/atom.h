// The one Atom (RFC 4287) writer: every feed Beslut serves is built as an
// AtomFeed and written here, with pugixml doing the escaping.
#pragma once

#include <string>
#include <vector>

namespace beslut::server {

struct AtomEntry {
  std::string id;  // a URN, stable across requests
  std::string title;
  std::string updated;  // ISO 8601
  std::string author;   // empty: the feed's author
  std::string link;     // absolute URL
  std::string summary;
  bool summary_is_html = false;  // the summary is HTML (escaped in the XML, type="html")
};

struct AtomFeed {
  std::string id;
  std::string title;
  std::string subtitle;  // optional
  std::string updated;
  std::string author = "Beslut";
  std::string self;  // the feed's own absolute URL
  std::vector<AtomEntry> entries;
};

std::string writeAtom(const AtomFeed& feed);

}  // namespace beslut::server
