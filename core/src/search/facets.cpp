#include "facets.h"

#include <algorithm>
#include <cstdint>

#include "status_terms.h"

namespace beslut::detail {

using namespace Lucene;

std::shared_ptr<const FacetCache> FacetCache::build(const IndexReaderPtr& reader, const std::vector<Field>& fields) {
  auto cache = std::make_shared<FacetCache>();
  const auto max_doc = static_cast<std::size_t>(reader->maxDoc());
  for (const auto& f : fields) {
    Column column;
    column.facet = f.facet;
    std::vector<uint32_t> counts(max_doc + 1, 0);
    std::vector<std::pair<TermPtr, uint32_t>> terms;
    TermEnumPtr te = reader->terms(newLucene<Term>(f.field, L""));
    do {
      TermPtr t = te->term();
      if (!t || t->field() != f.field) break;
      terms.emplace_back(t, static_cast<uint32_t>(column.values.size()));
      column.values.push_back(StringUtils::toUTF8(t->text()));
    } while (te->next());
    te->close();
    // Two passes over the postings: sizes, then ordinals.
    for (const auto& [term, ordinal] : terms) {
      TermDocsPtr td = reader->termDocs(term);
      while (td->next()) ++counts[static_cast<std::size_t>(td->doc())];
      td->close();
    }
    column.offsets.assign(max_doc + 1, 0);
    for (std::size_t d = 0; d < max_doc; ++d) column.offsets[d + 1] = column.offsets[d] + counts[d];
    column.ordinals.resize(column.offsets[max_doc]);
    std::vector<uint32_t> fill(column.offsets.begin(), column.offsets.end() - 1);
    for (const auto& [term, ordinal] : terms) {
      TermDocsPtr td = reader->termDocs(term);
      while (td->next()) column.ordinals[fill[static_cast<std::size_t>(td->doc())]++] = ordinal;
      td->close();
    }
    cache->columns_.push_back(std::move(column));
  }
  return cache;
}

Facets FacetCache::count(const std::vector<int32_t>& docs, std::size_t top, const std::string& today) const {
  Facets out;
  for (const auto& c : columns_) {
    // Values as counted: a status term ("open@2019-10-31") stands for its status on `today`;
    // a passage counts once per value however many of its terms stand for it.
    std::vector<std::string> names;
    std::vector<uint32_t> value_of(c.values.size());
    for (std::size_t o = 0; o < c.values.size(); ++o) {
      const std::string name = c.facet == "status" ? assignmentStatusName(statusOfTerm(c.values[o], today))
                                                   : c.values[o];
      auto at = std::find(names.begin(), names.end(), name);
      if (at == names.end() || c.facet != "status") at = names.insert(names.end(), name);
      value_of[o] = static_cast<uint32_t>(at - names.begin());
    }
    std::vector<std::size_t> counts(names.size(), 0);
    std::vector<std::size_t> last_doc(names.size(), SIZE_MAX);
    for (int32_t doc : docs) {
      auto d = static_cast<std::size_t>(doc);
      if (d + 1 >= c.offsets.size()) continue;
      for (uint32_t i = c.offsets[d]; i < c.offsets[d + 1]; ++i) {
        const uint32_t v = value_of[c.ordinals[i]];
        if (last_doc[v] != d) {
          last_doc[v] = d;
          ++counts[v];
        }
      }
    }
    std::vector<FacetValue> values;
    for (std::size_t o = 0; o < counts.size(); ++o) {
      if (counts[o] > 0) values.push_back({names[o], counts[o]});
    }
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > top) values.resize(top);
    out.emplace_back(c.facet, std::move(values));
  }
  return out;
}

}  // namespace beslut::detail
