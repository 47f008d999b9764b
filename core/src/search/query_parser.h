// The query side of the search index: Lucene++'s QueryParser, taught to look
// for a word in the body, the title and the compound parts, while phrases stay
// exact. Internal to core.
#pragma once

#include <lucene++/LuceneHeaders.h>

#include <string>

namespace beslut::detail {

// A parser for one query on one thread (Lucene++ parsers keep state);
// `status:` terms are decided on `today` (YYYY-MM-DD).
Lucene::QueryParserPtr newQueryParser(const Lucene::AnalyzerPtr& query_analyzer, bool with_parts,
                                      const std::string& today);

}  // namespace beslut::detail
