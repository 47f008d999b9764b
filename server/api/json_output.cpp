#include "api/json_output.h"

#include <Poco/JSON/Array.h>

#include <map>

namespace beslut::server {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// Which date a hit shows: the meeting's for minutes, the document's otherwise.
const char* dateKind(DocumentKind kind) { return kind == DocumentKind::kMinutes ? "meeting" : "document"; }

Object::Ptr facetsToJson(const Facets& facets) {
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [name, values] : facets) {
    Array::Ptr list = new Array;
    for (const auto& v : values) {
      Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      o->set("value", v.value);
      o->set("count", static_cast<Poco::UInt64>(v.count));
      list->add(o);
    }
    out->set(name, list);
  }
  return out;
}

// The page's hits grouped by document, in the order of each document's best hit.
Array::Ptr groupsToJson(const SearchResults& results) {
  Array::Ptr groups = new Array;
  std::map<Id, Object::Ptr> by_document;
  for (const auto& h : results.hits) {
    const DocumentSummary& d = h.passage.document;
    auto it = by_document.find(d.id);
    if (it == by_document.end()) {
      Object::Ptr g = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      g->set("document_id", d.id);
      g->set("kind", documentKindName(d.kind));
      g->set("title", d.title);
      g->set("date", d.date);
      g->set("organization", d.organization);
      g->set("best_score", h.score);
      g->set("item_ids", Array::Ptr(new Array));
      groups->add(g);
      it = by_document.emplace(d.id, g).first;
    }
    it->second->getArray("item_ids")->add(h.passage.item.id);
  }
  return groups;
}

}  // namespace

Object::Ptr searchResultsToJson(const SearchResults& results) {
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("total", static_cast<Poco::UInt64>(results.total));
  Array::Ptr hits = new Array;
  for (const auto& h : results.hits) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("document_id", h.passage.document.id);
    o->set("item_id", h.passage.item.id);
    o->set("kind", documentKindName(h.passage.document.kind));
    o->set("title", h.passage.document.title);
    o->set("date", h.passage.document.date);
    o->set("date_kind", dateKind(h.passage.document.kind));
    o->set("publication_state", publicationStateName(h.passage.document.publication_state));
    o->set("organization", h.passage.document.organization);
    o->set("item_number", h.passage.item.number);
    o->set("item_title", h.passage.item.title);
    o->set("snippet", h.snippet);
    o->set("score", h.score);
    hits->add(o);
  }
  out->set("hits", hits);
  out->set("documents", groupsToJson(results));
  if (!results.facets.empty()) out->set("facets", facetsToJson(results.facets));
  return out;
}

Object::Ptr importReportToJson(const ImportReport& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("created", r.created);
  o->set("kind", documentKindName(r.kind));
  o->set("title", r.title);
  o->set("plugin", r.plugin);
  o->set("items", static_cast<Poco::UInt64>(r.items));
  o->set("held_as_draft", r.held_as_draft);
  Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
  for (const auto& w : r.warnings) warnings->add(w);
  o->set("warnings", warnings);
  return o;
}

Object::Ptr errorToJson(const Status& status, const std::string& error_id) {
  Object::Ptr e = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  e->set("code", statusCodeName(status.code()));
  e->set("message", status.message());
  if (!error_id.empty()) e->set("id", error_id);
  Object::Ptr o = new Object;
  o->set("error", e);
  return o;
}

}  // namespace beslut::server
