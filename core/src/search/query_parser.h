// The query side of the search index: Lucene++'s QueryParser, taught to look
// for a word in the body, the title and the compound parts, while phrases stay
// exact. Internal to core.
#pragma once

#include <lucene++/LuceneHeaders.h>

#include <string>

#include "beslut/status.h"

namespace beslut::detail {

// A parser for one query on one thread (Lucene++ parsers keep state);
// `status:` terms are decided on `today` (YYYY-MM-DD).
Lucene::QueryParserPtr newQueryParser(const Lucene::AnalyzerPtr& query_analyzer, bool with_parts,
                                      const std::string& today);

// The search firewall on the parsed query: every term, phrase, prefix,
// wildcard and range names a searchable field (or the compound parts the
// parser adds itself); any other query type is refused. Whatever syntax got
// through checkQuery, no internal field (public, state, org, …) can be asked.
Status checkParsedFields(const Lucene::QueryPtr& query);

}  // namespace beslut::detail
