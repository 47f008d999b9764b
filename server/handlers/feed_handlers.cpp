#include "handlers/feed_handlers.h"

#include "handlers/auth.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>

#include <sstream>

#include "beslut/html.h"
#include "beslut/search_index.h"

namespace beslut::server {

using Poco::Net::HTTPResponse;

namespace {

constexpr std::size_t kFeedEntries = 50;

Poco::JSON::Object::Ptr savedSearchToJson(const SavedSearch& s) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", s.id);
  o->set("name", s.name);
  o->set("query", s.query);
  o->set("created_at", s.created_at);
  o->set("feed", "/feeds/searches/" + std::to_string(s.id) + ".atom");
  return o;
}


}  // namespace

void SavedSearchesHandler::handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Store& store = ctx_.runtime.store();
  if (req.getMethod() != "POST") {
    auto all = store.savedSearches();
    if (!all.ok()) return sendError(res, all.status());
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& s : all.value()) list->add(savedSearchToJson(s));
    body->set("saved_searches", list);
    return sendJson(res, body);
  }
  auto caller = requireSignedIn(ctx_, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto body = readJsonBody(req, res, 64 * 1024);
  if (!body.ok()) return sendError(res, body.status());
  Poco::JSON::Object::Ptr o = body.value();
  SavedSearch s;
  s.name = o->optValue<std::string>("name", "");
  s.query = o->optValue<std::string>("query", "");
  if (s.name.empty() || s.query.empty()) {
    return sendError(res, Status::invalidArgument("Ange både \"name\" och \"query\" för den sparade sökningen."));
  }
  // Run it once: a query the parser refuses would give a feed that never works.
  if (SearchIndex* index = ctx_.runtime.index(); index != nullptr) {
    auto trial = index->search(store, {s.query, 1, 0});
    if (!trial.ok()) return sendError(res, trial.status());
  } else if (Status st = checkQuery(s.query); !st.ok()) {
    return sendError(res, st);
  }
  auto saved = store.addSavedSearch(s);
  if (!saved.ok()) return sendError(res, saved.status());
  audit(ctx_, caller.value(), "saved_search.add", "saved_search", saved->id, "", s.name + ": " + s.query);
  sendJson(res, savedSearchToJson(saved.value()), HTTPResponse::HTTP_CREATED);
}

void SearchFeedHandler::handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  auto caller = identify(ctx_, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto saved = ctx_.runtime.store().savedSearch(id_);
  if (!saved.ok()) return sendError(res, saved.status());
  SearchIndex* index = ctx_.runtime.index();
  if (index == nullptr) return sendError(res, Status::internal("Sökindexet är inte tillgängligt ännu."));
  SearchRequest request{saved->query, kFeedEntries, 0};
  request.sort = SearchSort::kImportedNewest;
  restrictToVisible(caller->principal, request);  // a feed reader is anonymous: public passages
  auto results = index->search(ctx_.runtime.store(), request);
  if (!results.ok()) return sendError(res, results.status());

  const std::string base = baseUrl(req);
  std::string updated = saved->created_at;
  for (const auto& h : results->hits) updated = std::max(updated, h.passage.document.created_at);
  std::ostringstream xml;
  xml << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      << "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      << "  <id>urn:beslut:saved-search:" << saved->id << "</id>\n"
      << "  <title>" << escapeHtml("Beslut – " + saved->name) << "</title>\n"
      << "  <subtitle>" << escapeHtml("Nya träffar för: " + saved->query) << "</subtitle>\n"
      << "  <updated>" << escapeHtml(updated) << "</updated>\n"
      << "  <author><name>Beslut</name></author>\n"
      << "  <link rel=\"self\" href=\"" << escapeHtml(base + "/feeds/searches/" + std::to_string(saved->id) + ".atom")
      << "\"/>\n";
  for (const auto& h : results->hits) {
    const auto& d = h.passage.document;
    const auto& item = h.passage.item;
    std::string title = d.title + " – § " + item.number + " " + item.title;
    xml << "  <entry>\n"
        << "    <id>urn:beslut:item:" << item.id << "</id>\n"
        << "    <title>" << escapeHtml(title) << "</title>\n"
        << "    <updated>" << escapeHtml(d.created_at) << "</updated>\n"
        << "    <link href=\"" << escapeHtml(base + "/api/v1/documents/" + std::to_string(d.id)) << "\"/>\n"
        << "    <summary type=\"html\">" << escapeHtml(h.snippet) << "</summary>\n"
        << "  </entry>\n";
  }
  xml << "</feed>\n";
  const std::string body = xml.str();
  res.setContentType("application/atom+xml; charset=utf-8");
  res.setContentLength(static_cast<std::streamsize>(body.size()));
  res.send() << body;
}

}  // namespace beslut::server
