#include "json_output.h"

#include <Poco/JSON/Array.h>

namespace beslut::server {

using Poco::JSON::Array;
using Poco::JSON::Object;

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
    o->set("organization", h.passage.document.organization);
    o->set("item_number", h.passage.item.number);
    o->set("item_title", h.passage.item.title);
    o->set("snippet", h.snippet);
    o->set("score", h.score);
    hits->add(o);
  }
  out->set("hits", hits);
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
