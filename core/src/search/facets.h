// Facet counts over a whole result set. Internal to core.
#pragma once

#include <lucene++/LuceneHeaders.h>

#include <memory>
#include <string>
#include <vector>

#include "beslut/search_index.h"

namespace beslut::detail {

using Lucene::String;

// For one index reader: the values of each facet field per Lucene document,
// laid out flat (offsets + ordinals), so counting is linear in the matches.
// Built once per reader; immutable and thread-safe afterwards.
class FacetCache {
 public:
  struct Field {
    std::string facet;     // "organization"
    Lucene::String field;  // "org"
  };
  static std::shared_ptr<const FacetCache> build(const Lucene::IndexReaderPtr& reader,
                                                 const std::vector<Field>& fields);

  // Counts of the values of every facet over `docs` (global doc ids), the
  // `top` most frequent of each, by count then value. The "status" facet
  // counts the statuses its terms stand for on `today` (see status_terms.h).
  Facets count(const std::vector<int32_t>& docs, std::size_t top, const std::string& today) const;

 private:
  struct Column {
    std::string facet;
    std::vector<std::string> values;  // ordinal → value
    std::vector<uint32_t> offsets;    // doc → start in ordinals (size maxDoc + 1)
    std::vector<uint32_t> ordinals;
  };
  std::vector<Column> columns_;
};

// Records every matching document (for facets) while a delegate ranks them.
class CollectingCollector : public Lucene::Collector {
 public:
  explicit CollectingCollector(Lucene::CollectorPtr delegate) : delegate_(std::move(delegate)) {}
  ~CollectingCollector() override = default;
  LUCENE_CLASS(CollectingCollector);

  void setScorer(const Lucene::ScorerPtr& scorer) override { delegate_->setScorer(scorer); }
  void collect(int32_t doc) override {
    docs.push_back(base_ + doc);
    delegate_->collect(doc);
  }
  void setNextReader(const Lucene::IndexReaderPtr& reader, int32_t base) override {
    base_ = base;
    delegate_->setNextReader(reader, base);
  }
  bool acceptsDocsOutOfOrder() override { return delegate_->acceptsDocsOutOfOrder(); }

  std::vector<int32_t> docs;

 private:
  Lucene::CollectorPtr delegate_;
  int32_t base_ = 0;
};

}  // namespace beslut::detail
