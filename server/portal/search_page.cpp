#include "portal/portal.h"

#include "http/auth.h"

#include <Poco/NumberParser.h>
#include <Poco/URI.h>
#include <kainjow/mustache.hpp>

#include <map>

namespace beslut::server {

namespace mustache = kainjow::mustache;


namespace {

const char* facetLabel(const std::string& name) {
  if (name == "organization") return "Organ";
  if (name == "kind") return "Typ";
  if (name == "year") return "År";
  if (name == "area") return "Prioriterat område";
  if (name == "person") return "Person";
  if (name == "status") return "Uppdragsstatus";
  return "Övrigt";
}

std::string facetValueLabel(const std::string& facet, const std::string& value) {
  if (facet == "kind") {
    if (auto k = parseDocumentKind(value)) return documentKindLabel(*k);
  }
  if (facet == "status") {
    static const std::map<std::string, std::string> kStatus = {{"open", "Ej påbörjad"},
                                                               {"in_progress", "Pågående"},
                                                               {"done", "Klar"},
                                                               {"overdue", "Försenad"},
                                                               {"cancelled", "Avskriven"}};
    if (auto it = kStatus.find(value); it != kStatus.end()) return it->second;
  }
  return value;
}

// Each facet value links to the same search narrowed by it.
mustache::list facetsData(const Facets& facets, const std::string& q) {
  mustache::list out;
  for (const auto& [name, values] : facets) {
    if (values.empty()) continue;
    mustache::data facet;
    facet.set("label", facetLabel(name));
    mustache::list items;
    for (const auto& v : values) {
      mustache::data item;
      item.set("label", facetValueLabel(name, v.value));
      item.set("count", std::to_string(v.count));
      // Parentheses keep an OR query whole; quotes in the value are escaped.
      std::string value;
      for (char c : v.value) {
        if (c == '"' || c == '\\') value += '\\';
        value += c;
      }
      std::string narrowed = "(" + q + ") AND " + name + ":\"" + value + "\"";
      std::string encoded;
      Poco::URI::encode(narrowed, "&=+#?/ ", encoded);
      item.set("href", "/sok?q=" + encoded);
      items.push_back(item);
    }
    facet.set("values", items);
    out.push_back(facet);
  }
  return out;
}

}  // namespace

void searchPage(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                Poco::Net::HTTPServerResponse& res) {
  constexpr std::size_t kPageSize = 10;
  // A bad API token on a page: treat the visitor as anonymous rather than fail the page.
  auto identified = identify(ctx, req);
  const Caller caller = identified.ok() ? identified.value() : Caller{};
  const Principal& who = caller.principal;
  auto params = queryParameters(req);
  const std::string q = params["q"];
  Poco::UInt64 offset = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(params["offset"], offset)) offset = 0;

  const std::string sort_name = params["sort"];
  SearchSort sort = SearchSort::kRelevance;
  if (sort_name == "date") sort = SearchSort::kDateNewest;
  if (sort_name == "date_asc") sort = SearchSort::kDateOldest;

  mustache::data page;
  page.set("q", q);
  page.set("sort", sort == SearchSort::kDateNewest   ? "date"
                   : sort == SearchSort::kDateOldest ? "date_asc"
                                                     : "relevance");
  page.set("sort_relevance", sort == SearchSort::kRelevance);
  page.set("sort_date", sort == SearchSort::kDateNewest);
  page.set("sort_date_asc", sort == SearchSort::kDateOldest);
  std::string q_url;
  Poco::URI::encode(q, "&=+#?/ ", q_url);
  page.set("q_url", q_url);
  page.set("has_query", !q.empty());
  auto status = Poco::Net::HTTPResponse::HTTP_OK;
  if (!q.empty()) {
    SearchIndex* index = ctx.runtime.index();
    SearchRequest request{q, kPageSize, static_cast<std::size_t>(offset)};
    request.sort = sort;
    request.facets = true;
    restrictToVisible(who, request);
    auto results = index != nullptr ? index->search(ctx.runtime.store(), request)
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
        hit.set("kind", documentKindLabel(h.passage.document.kind));
        hit.set("organization", h.passage.document.organization);
        hit.set("has_organization", !h.passage.document.organization.empty());
        hit.set("date", h.passage.document.date);
        hit.set("has_date", !h.passage.document.date.empty());
        hit.set("date_label", h.passage.document.kind == DocumentKind::kMinutes ? "Sammanträde" : "Dokumentets datum");
        hit.set("state",
                h.passage.document.publication_state == PublicationState::kPublished ? "Publicerat" : "Ej publicerat");
        hit.set("item_number", h.passage.item.number);
        std::string anchor = "p";
        for (char c : h.passage.item.number) anchor += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
        hit.set("item_anchor", anchor);
        hit.set("item_title", h.passage.item.title);
        hit.set("snippet", h.snippet);  // already escaped, with <mark> around matches
        hits.push_back(hit);
      }
      page.set("hits", hits);
      auto facets = facetsData(results->facets, q);
      page.set("has_facets", !facets.empty());
      page.set("facets", facets);
      if (offset + kPageSize < results->total) {
        page.set("next_offset", std::to_string(offset + kPageSize));
      }
      if (offset > 0) page.set("prev_offset", std::to_string(offset >= kPageSize ? offset - kPageSize : 0));
    }
  }
  res.set("Cache-Control", "no-store");
  res.set("Content-Security-Policy",
          "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'");
  sendHtml(res, ctx.pages->render("search", page, caller, q.empty() ? "Sök" : q + " – Sök", "search"), status);
}

}  // namespace beslut::server
