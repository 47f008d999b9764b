#include "api/api.h"

#include "beslut/text.h"

#include <Poco/CountingStream.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/URI.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/NumberParser.h>

#include <istream>

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <sstream>

#include "beslut/corrections.h"
#include "beslut/document_json.h"
#include "beslut/clock.h"
#include "beslut/publishing.h"
#include "beslut/threads.h"
#include "beslut/visibility.h"
#include "http/auth.h"
#include "http/upload.h"
#include "api/json_output.h"

namespace beslut::server {

using Poco::Net::HTTPResponse;

namespace {

// Reads a non-negative integer query parameter; kInvalidArgument if malformed.
Result<std::size_t> sizeParam(const std::map<std::string, std::string>& params, const std::string& name,
                              std::size_t fallback) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty()) return fallback;
  Poco::UInt64 v = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(it->second, v)) {
    return Status::invalidArgument("Parametern " + name + " måste vara ett heltal ≥ 0.");
  }
  return static_cast<std::size_t>(v);
}


// "areas": the document's links to strategy nodes, best first, with titles;
// and each item's own under items[i].areas.
void addAreas(Poco::JSON::Object::Ptr body, const Document& d, const Taxonomy& taxonomy) {
  auto areaJson = [&](const Link& l) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("code", l.code);
    o->set("scheme", l.scheme);
    std::string title;
    for (const auto& n : taxonomy.nodes) {
      if (n.code == l.code && n.scheme == l.scheme) title = n.title;
    }
    o->set("title", title);
    o->set("score", l.score);
    o->set("explanation", l.explanation);
    o->set("origin", l.origin);
    o->set("confirmed_by", l.confirmed_by);
    return o;
  };
  std::vector<const Link*> links;
  for (const auto& l : d.links) links.push_back(&l);
  std::stable_sort(links.begin(), links.end(), [](const Link* a, const Link* b) { return a->score > b->score; });
  Poco::JSON::Array::Ptr areas = new Poco::JSON::Array;
  for (const Link* l : links) {
    if (l->object_type == "document") areas->add(areaJson(*l));
  }
  body->set("areas", areas);
  auto items = body->getArray("items");
  for (std::size_t i = 0; items && i < items->size(); ++i) {
    Poco::JSON::Array::Ptr item_areas = new Poco::JSON::Array;
    for (const Link* l : links) {
      if (l->object_type == "item" && l->item_index == i) item_areas->add(areaJson(*l));
    }
    items->getObject(static_cast<unsigned>(i))->set("areas", item_areas);
  }
}


Poco::JSON::Object::Ptr correctionToJson(const Correction& c) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", c.id);
  o->set("path", c.path);
  Poco::JSON::Parser parser;
  o->set("value", parser.parse("[" + c.value_json + "]").extract<Poco::JSON::Array::Ptr>()->get(0));
  o->set("author", c.author);
  o->set("reason", c.reason);
  o->set("created_at", c.created_at);
  return o;
}

Result<SearchSort> parseSort(const std::string& name) {
  if (name.empty() || name == "relevance") return SearchSort::kRelevance;
  if (name == "date") return SearchSort::kDateNewest;
  if (name == "date_asc") return SearchSort::kDateOldest;
  if (name == "imported") return SearchSort::kImportedNewest;
  return Status::invalidArgument("Okänd sortering \"" + name + "\": relevance, date, date_asc eller imported.");
}

Status tooLarge(std::size_t max) {
  return Status::tooLarge("Filen är för stor: högst " + std::to_string(max / (1024 * 1024)) + " MB.");
}

}  // namespace

void searchApi(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
               Poco::Net::HTTPServerResponse& res) {
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto params = queryParameters(req);
  auto limit = sizeParam(params, "limit", 10);
  if (!limit.ok()) return sendError(res, limit.status());
  auto offset = sizeParam(params, "offset", 0);
  if (!offset.ok()) return sendError(res, offset.status());
  SearchIndex* index = ctx.runtime.index();
  if (index == nullptr) {
    return sendJson(res, errorToJson(Status::internal("Sökindexet är inte tillgängligt ännu.")),
                    HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
  }
  SearchRequest request{params["q"], limit.value(), offset.value()};
  auto sort = parseSort(params["sort"]);
  if (!sort.ok()) return sendError(res, sort.status());
  request.sort = sort.value();
  request.facets = params["facets"] != "false";
  auto today = dayAskedFor(params["today"]);
  if (!today.ok()) return sendError(res, today.status());
  request.today = today.value();
  restrictToVisible(caller->principal, request);
  auto results = index->search(ctx.runtime.store(), request);
  if (!results.ok()) return sendError(res, results.status());
  sendJson(res, searchResultsToJson(results.value()));
}

void getDocument(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                 Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto doc = ctx.runtime.store().document(id);
  if (!doc.ok())
    return sendError(res, doc.status().code() == StatusCode::kNotFound ? documentMissing(id) : doc.status());
  // Without rights in the body: a published document without its non-public items.
  if (!redactFor(caller->principal, doc.value())) {
    return sendError(res, documentMissing(id));
  }
  auto body = documentToJson(doc.value(), {.review = true});
  addAreas(body, doc.value(), ctx.runtime.taxonomy());
  sendJson(res, body);
}

void getOriginal(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                 Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto doc = ctx.runtime.store().document(id);
  if (!doc.ok())
    return sendError(res, doc.status().code() == StatusCode::kNotFound ? documentMissing(id) : doc.status());
  if (!caller->principal.canRead(doc->organization) && !wholeDocumentPublic(doc.value())) {
    if (doc->publication_state != PublicationState::kPublished) return sendError(res, documentMissing(id));
    return sendError(res, Status::permissionDenied(
                              "Originalfilen innehåller delar som inte är offentliga och visas bara för behöriga."));
  }
  auto bytes = ctx.runtime.store().original(doc->original.sha256);
  if (!bytes.ok()) return sendError(res, bytes.status());
  res.setContentType(doc->original.media_type.empty() ? "application/octet-stream" : doc->original.media_type);
  res.set("X-Content-Type-Options", "nosniff");
  // RFC 6266: an ASCII name for old clients and the UTF-8 name percent-encoded;
  // the stored name is already safe (safeFileName), this keeps the header so whatever it holds.
  const std::string name = safeFileName(doc->original.filename);
  std::string ascii, encoded;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    ascii += (u < 0x20 || u >= 0x7F || c == '"' || c == '\\') ? '_' : c;
  }
  Poco::URI::encode(name, "\"\\;,%'()*<>@[]{}=?/ ", encoded);
  res.set("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  res.setContentLength(static_cast<std::streamsize>(bytes->size()));
  res.send() << bytes.value();
}

void getExtraction(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                   Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  if (caller->principal.anonymous())
    return sendError(res, Status::unauthenticated("Logga in för att granska tolkningen."));
  Store& store = ctx.runtime.store();
  auto raw = store.extraction(id);
  if (!raw.ok())
    return sendError(res, raw.status().code() == StatusCode::kNotFound ? documentMissing(id) : raw.status());
  auto effective_doc = store.document(id);  // the body as corrected decides who reviews it
  if (!effective_doc.ok()) return sendError(res, effective_doc.status());
  if (!caller->principal.canRead(effective_doc->organization)) return sendError(res, mayNotRead());
  auto corrections = store.corrections(id);
  if (!corrections.ok()) return sendError(res, corrections.status());
  Document effective = raw.value();
  std::vector<Id> skipped;
  applyCorrections(effective, corrections.value(), &skipped);

  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("document_id", id);
  auto extraction = documentToJson(raw.value());
  // Each document-level fact with the words it was read from.
  if (auto evidence = extraction->getObject("evidence")) {
    for (const auto& [field, e] : raw->evidence) {
      if (e.span.end > e.span.begin && e.span.end <= raw->text.size()) {
        evidence->getObject(field)->set("quote", raw->text.substr(e.span.begin, e.span.end - e.span.begin));
      }
    }
  }
  body->set("extraction", extraction);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& c : corrections.value()) list->add(correctionToJson(c));
  body->set("corrections", list);
  Poco::JSON::Array::Ptr skipped_ids = new Poco::JSON::Array;
  for (Id s : skipped) skipped_ids->add(s);
  body->set("skipped_corrections", skipped_ids);
  sendJson(res, body);
}

void postCorrection(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                    Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  auto caller = requireSignedIn(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto body = readJsonBody(req, res);
  if (!body.ok()) return sendError(res, body.status());
  const auto& o = body.value();
  if (!o->has("path") || !o->get("path").isString() || !o->has("value")) {
    return sendError(res, Status::invalidArgument("Ange \"path\" (text) och \"value\" för rättelsen."));
  }
  Correction c;
  c.path = o->getValue<std::string>("path");
  std::ostringstream value;
  Poco::JSON::Stringifier::stringify(o->get("value"), value);
  c.value_json = value.str();
  if (c.value_json.find("\\u0000") != std::string::npos) {
    return sendError(res, Status::invalidArgument("Värdet innehåller ett NUL-tecken, som inte får lagras."));
  }
  auto reason = jsonText(o, "reason");
  if (!reason.ok()) return sendError(res, reason.status());
  c.reason = reason.value();
  auto stored = ctx.runtime.editing().correct(caller->principal, id, c);
  if (!stored.ok()) return sendError(res, stored.status());
  catchUpIndex(ctx);
  sendJson(res, correctionToJson(stored.value()), HTTPResponse::HTTP_CREATED);
}

void postReextract(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                   Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  auto caller = requireSignedIn(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  if (Status st = ctx.runtime.editing().reextract(caller->principal, id); !st.ok()) return sendError(res, st);
  catchUpIndex(ctx);
  auto doc = ctx.runtime.store().document(id);
  if (!doc.ok()) return sendError(res, doc.status());
  auto body = documentToJson(doc.value(), {.review = true});
  addAreas(body, doc.value(), ctx.runtime.taxonomy());
  sendJson(res, body);
}

void publication(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                 Poco::Net::HTTPServerResponse& res) {
  const Id id = path.id();
  const bool post = req.getMethod() == "POST";
  auto caller = post ? requireSignedIn(ctx, req) : identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  Store& store = ctx.runtime.store();
  auto doc = store.document(id);
  if (!doc.ok())
    return sendError(res, doc.status().code() == StatusCode::kNotFound ? documentMissing(id) : doc.status());
  const Principal& who = caller->principal;
  if (!who.canRead(doc->organization)) {
    // Who approves and when is public once the minutes are; before that, the body's own business.
    if (doc->publication_state != PublicationState::kPublished) return sendError(res, documentMissing(id));
    if (post) return sendError(res, mayNotEdit(doc->organization));
  }
  if (post) {
    auto body = readJsonBody(req, res, 4096);
    if (!body.ok()) return sendError(res, body.status());
    auto action_field = jsonText(body.value(), "action");
    auto checked = jsonFlag(body.value(), "checked_identity_numbers");
    auto item = jsonText(body.value(), "item");
    for (const Status& bad : {action_field.status(), checked.status(), item.status()}) {
      if (!bad.ok()) return sendError(res, bad);
    }
    const std::string action = action_field.value();
    Publishing publishing = ctx.runtime.publishing();
    Status st;
    if (action == "send") {
      st = publishing.sendForAdjustment(
          id, who, Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ"), checked.value());
    } else if (action == "withdraw") {
      st = publishing.withdraw(id, who);
    } else if (action == "approve") {
      auto r = publishing.approve(id, who, item.value(), stockholmToday());
      if (!r.ok()) st = r.status();
    } else {
      st = Status::invalidArgument("Ange \"action\": send, withdraw eller approve.");
    }
    if (!st.ok()) return sendError(res, st);
    catchUpIndex(ctx);
  }
  auto pub = store.publication(id);
  if (!pub.ok()) return sendError(res, pub.status());
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("document_id", id);
  out->set("state", publicationStateName(pub->state));
  out->set("sent_at", pub->sent_at);
  out->set("adjusted_date", pub->adjusted_date);
  out->set("posted_date", pub->posted_date);
  out->set("appeal_ends", pub->posted_date.empty() ? std::string() : addDays(pub->posted_date, kAppealDays));
  Poco::JSON::Array::Ptr approvers = new Poco::JSON::Array;
  for (const auto& a : requiredApprovers(doc.value())) approvers->add(a);
  out->set("approvers", approvers);
  Poco::JSON::Array::Ptr approvals = new Poco::JSON::Array;
  for (const auto& a : pub->approvals) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("person", a.person);
    o->set("item", a.scope);
    o->set("approved_at", a.approved_at);
    approvals->add(o);
  }
  out->set("approvals", approvals);
  Poco::JSON::Array::Ptr immediate = new Poco::JSON::Array;
  for (const auto& n : pub->immediate_items) immediate->add(n);
  out->set("immediately_adjusted_items", immediate);
  if (who.canEdit(doc->organization)) {
    Poco::JSON::Array::Ptr numbers = new Poco::JSON::Array;
    for (const auto& h : findIdentityNumbers(doc.value())) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      o->set("number", h.number);
      o->set("item", h.item_number);
      numbers->add(o);
    }
    out->set("identity_numbers", numbers);
  }
  sendJson(res, out);
}

void postDocument(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                  Poco::Net::HTTPServerResponse& res) {
  auto caller = requireSignedIn(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  if (!caller->principal.canEditSomewhere()) return sendError(res, mayNotEdit(""));  // before reading the upload
  const std::size_t max = ctx.runtime.settings().max_upload_bytes;
  // Allow for the multipart envelope around the file itself.
  const std::size_t max_body = max + 64 * 1024;
  if (req.hasContentLength() && static_cast<std::size_t>(req.getContentLength64()) > max_body) {
    res.setKeepAlive(false);  // we do not read the body; the connection cannot be reused
    return sendError(res, tooLarge(max));
  }
  std::string bytes, filename, media_type;
  const std::string content_type = req.getContentType();
  if (Poco::icompare(content_type, 0, 19, "multipart/form-data") == 0) {
    UploadedFile part(max);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(20);
    form.setValueLengthLimit(static_cast<int>(std::min<std::size_t>(max, 1u << 30)));
    auto body = readBody(req, res, max_body);
    if (!body.ok()) return sendError(res, body.status());
    try {
      std::istringstream in(body.value());
      form.load(req, in, part);
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("beslut.http").information("form not read: " + e.displayText());
      return sendError(res, Status::invalidArgument(kFormUnreadable));
    }
    if (part.tooLarge()) return sendError(res, tooLarge(max));
    if (!part.found() && !form.has("file")) {
      return sendError(res, Status::invalidArgument("Fältet \"file\" med filen saknas i formuläret."));
    }
    bytes = part.found() ? part.takeBytes() : form.get("file");
    filename = part.filename();
    media_type = part.mediaType();
  } else {
    auto body = readBody(req, res, max);
    if (!body.ok()) {
      return sendError(res, body.status().code() == StatusCode::kTooLarge ? tooLarge(max) : body.status());
    }
    bytes = std::move(body).value();
    filename = queryParameters(req)["filename"];
    media_type = content_type;
  }
  const bool draft = queryParameters(req)["draft"] == "true";
  auto report = ctx.runtime.editing().importDocument(caller->principal,
                                                     {std::move(bytes), filename, media_type, draft});
  if (!report.ok()) return sendError(res, report.status());
  catchUpIndex(ctx);  // searchable before we answer; a failure is logged, the store has it
  if (report->created) res.set("Location", "/api/v1/documents/" + std::to_string(report->id));
  sendJson(res, importReportToJson(report.value()),
           report->created ? HTTPResponse::HTTP_CREATED : HTTPResponse::HTTP_OK);
}

void health(AppContext& ctx, Poco::Net::HTTPServerResponse& res, bool readiness) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!readiness) {
    body->set("status", "ok");
    return sendJson(res, body);
  }
  bool ready = ctx.tailer != nullptr ? ctx.tailer->ready() : ctx.runtime.index() != nullptr;
  std::int64_t lag = 0;
  if (ctx.tailer != nullptr) {
    auto l = ctx.tailer->lag();
    lag = l.ok() ? l.value() : -1;
  }
  body->set("status", ready ? "ready" : "starting");
  body->set("index_lag", lag);
  sendJson(res, body, ready ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
}


}  // namespace beslut::server
