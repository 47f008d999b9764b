// Snippets of search hits: the passage's best window(s) with the query's terms
// marked. Internal to core.
//
// Lucene++'s contrib Highlighter re-extracts the query's weighted span terms
// for every hit (QueryScorer::init), which cost about 0.35 ms per hit on the
// corpus bench. Here the query's terms are collected once per search; each hit
// costs one pass of the analyzer over its text.
#pragma once

#include <lucene++/LuceneHeaders.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace beslut::detail {

class SnippetMaker {
 public:
  // `query` is the query as parsed, with multi-term queries (prefix*) already
  // expanded against `reader` (or not: then they are rewritten here, and mark
  // nothing if they rewrite into constant-score filters). Terms of `fields`
  // count; prohibited clauses (NOT) do not.
  SnippetMaker(const Lucene::QueryPtr& query, const Lucene::IndexReaderPtr& reader,
               const std::vector<Lucene::String>& fields);

  // Up to `fragments` windows of about `window` characters around the matches,
  // in text order, joined by " … ", escaped for HTML with <mark> around each
  // match; an empty string when nothing in `text` matches. `analyzer` must
  // produce the terms the index holds for these fields, with offsets into `text`.
  std::string make(const Lucene::AnalyzerPtr& analyzer, const std::string& text, std::size_t fragments = 2,
                   std::size_t window = 200) const;

  bool empty() const { return terms_.empty(); }

 private:
  void collect(const Lucene::QueryPtr& query, const Lucene::IndexReaderPtr& reader, int depth);
  std::vector<std::pair<int32_t, int32_t>> regionsToAnalyze(const Lucene::String& text, std::size_t window) const;

  static constexpr std::size_t kAnalyzeWhole = 2000;  // characters
  static constexpr std::size_t kRegions = 8;

  std::set<Lucene::String> fields_;
  std::set<Lucene::String> terms_;
};

}  // namespace beslut::detail
