#include "feeds/feeds.h"

#include "feeds/atom.h"
#include "http/auth.h"

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

// The feed's address: anyone holding it reads the feed (feed readers do not log in).
std::string feedPath(const SavedSearch& s) {
  return "/feeds/searches/" + std::to_string(s.id) + ".atom?nyckel=" + s.feed_key;
}

// Compares in time independent of where the strings differ.
bool sameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

Poco::JSON::Object::Ptr savedSearchToJson(const SavedSearch& s) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", s.id);
  o->set("name", s.name);
  o->set("query", s.query);
  o->set("created_at", s.created_at);
  o->set("feed", feedPath(s));
  return o;
}


}  // namespace

void savedSearches(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                   Poco::Net::HTTPServerResponse& res) {
  Store& store = ctx.runtime.store();
  // Reading needs a login (no CSRF token: nothing changes); saving needs both.
  auto caller = req.getMethod() == "POST" ? requireSignedIn(ctx, req) : identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  if (caller->principal.anonymous())
    return sendError(res, Status::unauthenticated("Logga in för att se dina sparade sökningar."));
  if (req.getMethod() != "POST") {
    auto all = store.savedSearches();
    if (!all.ok()) return sendError(res, all.status());
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& s : all.value()) {
      if (canSee(caller->principal, s)) list->add(savedSearchToJson(s));
    }
    body->set("saved_searches", list);
    return sendJson(res, body);
  }
  auto body = readJsonBody(req, res, 64 * 1024);
  if (!body.ok()) return sendError(res, body.status());
  Poco::JSON::Object::Ptr o = body.value();
  SavedSearch s;
  auto name = jsonText(o, "name");
  auto query = jsonText(o, "query");
  for (const Status& bad : {name.status(), query.status()}) {
    if (!bad.ok()) return sendError(res, bad);
  }
  s.name = name.value();
  s.query = query.value();
  if (s.name.empty() || s.query.empty()) {
    return sendError(res, Status::invalidArgument("Ange både \"name\" och \"query\" för den sparade sökningen."));
  }
  // Run it once: a query the parser refuses would give a feed that never works.
  if (SearchIndex* index = ctx.runtime.index(); index != nullptr) {
    auto trial = index->search(store, {s.query, 1, 0});
    if (!trial.ok()) return sendError(res, trial.status());
  } else if (Status st = checkQuery(s.query); !st.ok()) {
    return sendError(res, st);
  }
  s.owner_id = caller->principal.user_id;
  s.feed_key = randomToken(24);
  auto saved = store.addSavedSearch(s);
  if (!saved.ok()) return sendError(res, saved.status());
  audit(ctx, caller.value(), "saved_search.add", "saved_search", saved->id, "", s.name + ": " + s.query);
  sendJson(res, savedSearchToJson(saved.value()), HTTPResponse::HTTP_CREATED);
}

void searchFeed(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto saved = ctx.runtime.store().savedSearch(id);
  if (!saved.ok() || !sameSecret(queryParameters(req)["nyckel"], saved->feed_key)) {
    return sendError(res, Status::notFound("Flödet finns inte (fel adress eller nyckel)."));
  }
  SearchIndex* index = ctx.runtime.index();
  if (index == nullptr) return sendError(res, Status::internal("Sökindexet är inte tillgängligt ännu."));
  SearchRequest request{saved->query, kFeedEntries, 0};
  request.sort = SearchSort::kImportedNewest;
  restrictToVisible(caller->principal, request);  // a feed reader is anonymous: public passages
  auto results = index->search(ctx.runtime.store(), request);
  if (!results.ok()) return sendError(res, results.status());

  const std::string base = baseUrl(req);
  AtomFeed feed;
  feed.id = "urn:beslut:saved-search:" + std::to_string(saved->id);
  feed.title = "Beslut – " + saved->name;
  feed.subtitle = "Nya träffar för: " + saved->query;
  feed.updated = saved->created_at;
  feed.self = base + "/feeds/searches/" + std::to_string(saved->id) + ".atom";
  for (const auto& h : results->hits) {
    const auto& d = h.passage.document;
    const auto& item = h.passage.item;
    feed.updated = std::max(feed.updated, d.created_at);
    feed.entries.push_back({"urn:beslut:item:" + std::to_string(item.id),
                            d.title + " – § " + item.number + " " + item.title, d.created_at, "",
                            base + "/api/v1/documents/" + std::to_string(d.id), h.snippet, true});
  }
  const std::string body = writeAtom(feed);
  res.setContentType("application/atom+xml; charset=utf-8");
  res.setContentLength(static_cast<std::streamsize>(body.size()));
  res.send() << body;
}

}  // namespace beslut::server
