// JSON shapes of the HTTP API that the CLI prints too.
#pragma once

#include <Poco/JSON/Object.h>

#include "beslut/ingest.h"
#include "beslut/search_index.h"

namespace beslut::server {

// {"total": N, "hits": [{document_id, item_id, kind, title, date, date_kind,
//   publication_state, organization, item_number, item_title, snippet, score}],
//  "documents": [{document_id, kind, title, date, organization, best_score, item_ids}],
//  "facets": {"organization": [{"value", "count"}], …}}   (facets when requested)
Poco::JSON::Object::Ptr searchResultsToJson(const SearchResults& results);
// {"id", "created", "kind", "title", "plugin", "items"}
Poco::JSON::Object::Ptr importReportToJson(const ImportReport& report);
// {"error": {"code", "message"[, "id"]}}
Poco::JSON::Object::Ptr errorToJson(const Status& status, const std::string& error_id = {});

}  // namespace beslut::server
