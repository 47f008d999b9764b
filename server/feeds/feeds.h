// Saved searches and their Atom feeds (feeds/feeds.cpp).
#pragma once

#include "http/router.h"

namespace beslut::server {

// GET /api/v1/saved-searches: the list. POST with {"name", "query"}: save one (201).
void savedSearches(AppContext& ctx, const PathParams& path, Request& req, Response& res);
// GET /feeds/searches/{id}.atom: new passages matching a saved search, newest first.
void searchFeed(AppContext& ctx, const PathParams& path, Request& req, Response& res);

}  // namespace beslut::server
