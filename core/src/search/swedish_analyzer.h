// Swedish analysis for Lucene++. Internal to core: Lucene++ headers stay here.
#pragma once

#include <lucene++/LuceneHeaders.h>

#include <memory>

#include "beslut/decompounder.h"

namespace beslut::detail {

// The Swedish stop list (Snowball's, lowercase).
Lucene::HashSet<Lucene::String> swedishStopWords();

// What the analyzer does with compounds.
enum class CompoundMode {
  kKeep,       // tokens as they are (queries, the body field)
  kInject,     // each compound followed by its parts at the same position (highlighting)
  kPartsOnly,  // only the parts of compounds, at the compound's position (the "parts" field)
};

// StandardTokenizer → lower case → definite neuter endings (with a
// dictionary) → compounds (per mode) → Swedish stop words → Snowball Swedish
// stemmer. Token streams are reused per thread (Snowball's
// stemmer leaks on every new stream). `decompounder` may be null for kKeep.
Lucene::AnalyzerPtr newSwedishAnalyzer(CompoundMode mode = CompoundMode::kKeep,
                                       std::shared_ptr<const Decompounder> decompounder = nullptr);

// Fields that hold keywords (ids, facets, filters), never analysed.
const std::vector<Lucene::String>& keywordFields();

// The analyzer of the index: Swedish text fields, compound parts into
// "parts", keywords as they are.
Lucene::AnalyzerPtr newIndexAnalyzer(std::shared_ptr<const Decompounder> decompounder);
// The analyzer of queries: as the index, but no compound splitting (the
// dictionary still normalises definite neuter endings).
Lucene::AnalyzerPtr newQueryAnalyzer(std::shared_ptr<const Decompounder> dictionary);

}  // namespace beslut::detail
