// The query side of the search index: Lucene++'s QueryParser, taught to look
// for a word in the body, the title and the compound parts, while phrases stay
// exact. Internal to core.
#pragma once

#include <lucene++/LuceneHeaders.h>

namespace beslut::detail {

// A parser for one query on one thread (Lucene++ parsers keep state).
Lucene::QueryParserPtr newQueryParser(const Lucene::AnalyzerPtr& query_analyzer, bool with_parts);

}  // namespace beslut::detail
