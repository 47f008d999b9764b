// Saved searches and their Atom feeds.
#pragma once

#include "app_context.h"
#include "beslut/model.h"
#include "http/handler.h"

namespace beslut::server {

// GET /api/v1/saved-searches: the list. POST with {"name", "query"}: save one (201).
class SavedSearchesHandler : public Handler {
 public:
  explicit SavedSearchesHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// GET /feeds/searches/{id}.atom: the newest passages that match a saved search.
class SearchFeedHandler : public Handler {
 public:
  SearchFeedHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

}  // namespace beslut::server
