// Server-rendered HTML pages (Swedish UI). Templates escape by default.
#pragma once

#include "app_context.h"
#include "http/handler.h"

namespace beslut::server {

// GET /?q=&offset=: the search page, using the same search as the API.
class SearchPageHandler : public Handler {
 public:
  explicit SearchPageHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// Swedish label of a document kind ("Protokoll", "Svar", …).
const char* kindLabel(DocumentKind kind);

}  // namespace beslut::server
