// Swedish analysis for Lucene++. Internal to core: Lucene++ headers stay here.
#pragma once

#include <lucene++/LuceneHeaders.h>

namespace beslut::detail {

// The Swedish stop list (Snowball's, lowercase).
Lucene::HashSet<Lucene::String> swedishStopWords();

// The analyzer of every full-text field: StandardTokenizer, lower case,
// Swedish stop words, Snowball Swedish stemmer. Token streams are reused per
// thread (SnowballFilter leaks its stemmer on every new stream).
Lucene::AnalyzerPtr newSwedishAnalyzer();

// The analyzer of the index: Swedish for text fields, keyword for ids and
// facets (kind, year, document_id, item_id).
Lucene::AnalyzerPtr newIndexAnalyzer();

}  // namespace beslut::detail
