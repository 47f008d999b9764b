// Linker "rus": links a document, its items, decisions and assignments to the
// priority areas of a regional development strategy (RUS) and to the focus
// areas of other schemes, by the vocabulary of each node (see README.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/plugin.h"

namespace beslut::plugins {

struct RusLinkerOptions {
  double k = 0.45;            // score = 1 - exp(-k * weighted hits)
  double threshold = 0.4;     // links below this score are dropped (one plain term once: 0.36)
  double relative = 0.3;      // ... and those below this share of the object's best (same scheme)
  double item_context = 0.5;  // weight of the item's hits in its decisions' and assignments' scores
  std::size_t max_links_per_object = 5;
  std::size_t max_text_bytes = 8u << 20;  // of one object's text; the rest is not read
};

class RusLinkerPlugin : public Linker {
 public:
  RusLinkerPlugin() = default;
  explicit RusLinkerPlugin(RusLinkerOptions options) : options_(options) {}
  std::string name() const override { return "rus"; }
  std::string description() const override;
  std::vector<Link> link(const Document& document, const Taxonomy& taxonomy) const override;

 private:
  RusLinkerOptions options_;
};

}  // namespace beslut::plugins
