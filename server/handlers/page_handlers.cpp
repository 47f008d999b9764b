#include "handlers/page_handlers.h"

#include <Poco/NumberParser.h>
#include <Poco/URI.h>
#include <kainjow/mustache.hpp>

namespace beslut::server {

namespace mustache = kainjow::mustache;

const char* kindLabel(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kMinutes: return "Protokoll";
    case DocumentKind::kReply: return "Svar";
    case DocumentKind::kActionPlan: return "Handlingsplan";
    case DocumentKind::kAnnualReport: return "Verksamhetsberättelse";
    case DocumentKind::kOther: return "Övrigt";
  }
  return "Övrigt";
}

void SearchPageHandler::handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  constexpr std::size_t kPageSize = 10;
  auto params = queryParameters(req);
  const std::string q = params["q"];
  Poco::UInt64 offset = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(params["offset"], offset)) offset = 0;

  mustache::data page;
  page.set("q", q);
  std::string q_url;
  Poco::URI::encode(q, "&=+#?/ ", q_url);
  page.set("q_url", q_url);
  page.set("has_query", !q.empty());
  auto status = Poco::Net::HTTPResponse::HTTP_OK;
  if (!q.empty()) {
    SearchIndex* index = ctx_.runtime.index();
    auto results = index != nullptr
                       ? index->search(ctx_.runtime.store(), {q, kPageSize, static_cast<std::size_t>(offset)})
                       : Result<SearchResults>(Status::internal("Sökindexet är inte tillgängligt ännu."));
    if (!results.ok()) {
      page.set("error", results.status().message());
      status = results.status().code() == StatusCode::kInvalidArgument
                   ? Poco::Net::HTTPResponse::HTTP_BAD_REQUEST
                   : Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
    } else {
      page.set("total", std::to_string(results->total));
      page.set("one_hit", results->total == 1);
      mustache::list hits;
      for (const auto& h : results->hits) {
        mustache::data hit;
        hit.set("document_id", std::to_string(h.passage.document.id));
        hit.set("title", h.passage.document.title);
        hit.set("kind", kindLabel(h.passage.document.kind));
        hit.set("organization", h.passage.document.organization);
        hit.set("date", h.passage.document.date);
        hit.set("item_number", h.passage.item.number);
        hit.set("item_title", h.passage.item.title);
        hit.set("snippet", h.snippet);  // already escaped, with <mark> around matches
        hits.push_back(hit);
      }
      page.set("hits", hits);
      if (offset + kPageSize < results->total) {
        page.set("next_offset", std::to_string(offset + kPageSize));
      }
      if (offset > 0) page.set("prev_offset", std::to_string(offset >= kPageSize ? offset - kPageSize : 0));
    }
  }
  mustache::mustache tmpl(ctx_.search_template);
  std::string html = tmpl.render(page);
  if (!tmpl.is_valid()) throw std::runtime_error("search template: " + tmpl.error_message());
  sendHtml(res, html, status);
}

}  // namespace beslut::server
