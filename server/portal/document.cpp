// A document: its items, decisions, assignments and areas; the forms that correct and publish it.
#include "beslut/markdown.h"
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

// The document page; `error` (and `status`) when a form failed.
void showDocumentPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res, Id id,
                      const Caller& caller, const std::string& error = {},
                      HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK) {
  Store& store = ctx.runtime.store();
  auto loaded = documentAsItStands(store, id);
  if (!loaded.ok()) {
    return sendStatusPage(ctx, res, caller,
                          loaded.status().code() == StatusCode::kNotFound
                              ? Status::notFound("Dokumentet " + std::to_string(id) + " finns inte.")
                              : loaded.status());
  }
  Document d = std::move(loaded).value();
  const Principal& who = caller.principal;
  const bool reader = who.canRead(d.organization);
  const bool whole_public = wholeDocumentPublic(d);  // before redaction, which leaves only public items
  if (!redactFor(who, d)) {
    return sendStatusPage(ctx, res, caller, Status::notFound("Dokumentet " + std::to_string(id) + " finns inte."));
  }
  const bool editor = who.canEdit(d.organization);
  auto pub = store.publication(id);
  const std::string today = stockholmToday();
  const auto approvers = requiredApprovers(d);
  const bool approver = reader && std::find(approvers.begin(), approvers.end(), who.name) != approvers.end();

  mustache::data data;
  data.set("id", std::to_string(id));
  data.set("title", d.title);
  data.set("kind", documentKindLabel(d.kind));
  data.set("is_minutes", d.kind == DocumentKind::kMinutes);
  data.set("organization", d.organization);
  data.set("organization_url", urlEncode(d.organization));
  setText(data, "date", d.date);
  setText(data, "time", d.time);
  setText(data, "place", d.place);
  data.set("chair", d.chair);
  data.set("secretary", d.secretary);
  // The header facts read with little confidence, named for the secretary.
  {
    static const std::map<std::string, std::string> kFactLabels = {{"body", "organ"},
                                                                   {"date", "datum"},
                                                                   {"time", "tid"},
                                                                   {"place", "plats"},
                                                                   {"chair", "ordförande"},
                                                                   {"secretary", "sekreterare"},
                                                                   {"adjusted_date", "justeringsdatum"}};
    std::string uncertain;
    for (const auto& [key, label] : kFactLabels)
      if (auto e = d.evidence.find(key); e != d.evidence.end() && needsReview(e->second.confidence))
        uncertain += (uncertain.empty() ? "" : ", ") + label;
    if (editor) setText(data, "review_facts", uncertain);
  }
  data.set("state", publicationStateLabel(d.publication_state));
  data.set("is_draft", d.publication_state == PublicationState::kDraft);
  data.set("is_adjusting", d.publication_state == PublicationState::kAdjusting);
  data.set("is_published", d.publication_state == PublicationState::kPublished);
  setText(data, "adjusted_date", d.adjusted_date);
  if (pub.ok() && !pub->posted_date.empty()) {
    data.set("posted_date", pub->posted_date);
    data.set("appeal_ends", addDays(pub->posted_date, kAppealDays));
  }
  data.set("editor", editor);
  data.set("approver", approver && d.publication_state == PublicationState::kAdjusting);
  data.set("can_adjust_items", approver && d.publication_state != PublicationState::kPublished);
  setText(data, "error", error);
  const std::string notice = queryParameters(req)["klart"];
  static const std::map<std::string, std::string> kNotices = {
      {"rattad", "Rättelsen är sparad."},
      {"offentlighet", "Paragrafens offentlighet är ändrad."},
      {"skickad", "Protokollet är skickat för justering till ordföranden och justerarna."},
      {"aterkallad", "Protokollet är återkallat och är ett utkast igen."},
      {"justerad", "Din justering är registrerad."},
      {"importerad", "Dokumentet är inläst som utkast. Granska det som lästs ut och rätta vid behov."}};
  if (auto n = kNotices.find(notice); n != kNotices.end()) data.set("notice", n->second);

  mustache::list approvals;
  if (pub.ok() && (reader || d.publication_state == PublicationState::kPublished)) {
    for (const auto& a : pub->approvals) {
      mustache::data row;
      row.set("person", a.person);
      row.set("scope", a.scope.empty() ? std::string("hela protokollet") : "§ " + a.scope);
      row.set("at", a.approved_at.substr(0, 10));
      approvals.push_back(row);
    }
  }
  data.set("approvals", approvals);
  data.set("has_approvals", !approvals.empty());
  std::string approver_names;
  for (const auto& a : approvers) approver_names += (approver_names.empty() ? "" : ", ") + a;
  setText(data, "approvers", approver_names);

  mustache::list attendees;
  for (const auto& a : d.attendees) {
    mustache::data row;
    row.set("name", a.name);
    row.set("name_url", urlEncode(a.name));
    row.set("party", a.party);
    row.set("role", a.role);
    row.set("affiliation", a.affiliation);
    row.set("adjuster", a.adjuster);
    row.set("review", editor && needsReview(a.confidence));
    attendees.push_back(row);
  }
  data.set("attendees", attendees);
  data.set("has_attendees", !attendees.empty());

  std::vector<const Link*> doc_links;
  std::map<std::size_t, std::vector<const Link*>> item_links;
  std::vector<const Link*> sorted;
  for (const auto& l : d.links) sorted.push_back(&l);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Link* a, const Link* b) { return a->score > b->score; });
  for (const Link* l : sorted) {
    if (l->object_type == "document") doc_links.push_back(l);
    else if (l->object_type == "item") item_links[l->item_index].push_back(l);
  }
  data.set("areas", areaList(doc_links, ctx.runtime.taxonomy()));
  data.set("has_areas", !doc_links.empty());

  mustache::list items;
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    const Item& it = d.items[i];
    mustache::data row;
    row.set("number", it.number);
    row.set("anchor", anchorOf(it.number));
    row.set("title", it.title);
    row.set("paragraphs", textList(paragraphs(it.text)));
    row.set("private", !it.is_public);
    row.set("adjusted_immediately", it.adjusted_immediately);
    mustache::list decisions;
    for (std::size_t k = 0; k < it.decisions.size(); ++k) {
      mustache::data x;
      x.set("text", it.decisions[k].text);
      x.set("review", editor && needsReview(it.decisions[k].confidence));
      x.set("index", std::to_string(k));
      x.set("item", it.number);
      decisions.push_back(x);
    }
    row.set("decisions", decisions);
    mustache::list assignments;
    for (std::size_t k = 0; k < it.assignments.size(); ++k) {
      const Assignment& a = it.assignments[k];
      mustache::data x;
      x.set("index", std::to_string(k));
      x.set("item", it.number);
      x.set("due_value", a.due);
      x.set("assignee", a.assignee);
      x.set("assignee_url", urlEncode(a.assignee));
      x.set("task", a.task);
      x.set("review", editor && needsReview(a.confidence));
      setText(x, "due", a.due.empty() ? a.due_text : a.due);
      const AssignmentStatus st = currentStatus(a, today);
      x.set("status", statusLabel(st));
      x.set("overdue", st == AssignmentStatus::kOverdue);
      assignments.push_back(x);
    }
    row.set("assignments", assignments);
    mustache::list item_areas = areaList(item_links[i], ctx.runtime.taxonomy());
    for (auto& a : item_areas) a.set("item", it.number);
    row.set("areas", item_areas);
    row.set("has_areas", !item_links[i].empty());
    row.set("editor", editor);
    row.set("csrf", caller.csrf_token);
    row.set("id", std::to_string(id));
    row.set("can_adjust", approver && d.publication_state != PublicationState::kPublished && !it.adjusted_immediately);
    items.push_back(row);
  }
  data.set("items", items);

  if (editor) {
    mustache::list hits;
    for (const auto& h : findIdentityNumbers(d)) {
      mustache::data x;
      x.set("number", h.number);
      setText(x, "item", h.item_number);
      hits.push_back(x);
    }
    data.set("identity_numbers", hits);
    data.set("has_identity_numbers", !hits.empty());
  }
  data.set("original_public", whole_public || reader);
  // Minutes written in Markdown, as written: rendered by cmark with its safe default (raw HTML
  // and javascript:/data: links are dropped). For the body only: the text as written comes
  // before corrections (which may have taken out an identity number) and non-public marks.
  if (reader && d.original.media_type == "text/markdown" && d.original.size <= (1u << 20)) {
    if (auto bytes = store.original(d.original.sha256); bytes.ok()) {
      data.set("markdown_html", markdownToHtml(bytes.value()));
    }
  }
  if (reader) {  // the document's history from the audit log, for its body
    mustache::list history;
    if (auto log = ctx.runtime.accounts().auditLog(50, "document", id); log.ok()) {
      for (const auto& e : log.value()) {
        mustache::data h;
        h.set("at", e.at.substr(0, 16));
        h.set("actor", e.actor);
        h.set("action", e.action);
        history.push_back(h);
      }
    }
    data.set("history", history);
    data.set("has_history", !history.empty());
  }
  sendPage(ctx, res, "document", data, caller, d.title.empty() ? "Dokument" : d.title, "", status);
}

// POST /dokument/{id}/{action}: the forms of the document page.
void doDocumentAction(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res, Id id,
                      const std::string& action) {
  Poco::Net::HTMLForm form;
  Caller anonymous = pageCaller(ctx, req);
  if (Status read = readForm(req, res, form); !read.ok()) return sendStatusPage(ctx, res, anonymous, read);
  auto caller = requireSignedIn(ctx, req, form.get("csrf", ""));
  if (!caller.ok()) return sendStatusPage(ctx, res, anonymous, caller.status());
  const Principal& who = caller->principal;
  Publishing publishing = ctx.runtime.publishing();
  Editing editing = ctx.runtime.editing();
  auto fail = [&](const Status& st) {
    showDocumentPage(ctx, req, res, id, caller.value(), st.message(), httpStatusFor(st.code()));
  };
  auto correct = [&](const std::string& path, const std::string& value_json, const std::string& reason) -> Status {
    Correction c;
    c.path = path;
    c.value_json = value_json;
    c.reason = reason;
    auto stored = editing.correct(who, id, c);
    return stored.ok() ? Status::okStatus() : stored.status();
  };
  auto json = [](const Poco::Dynamic::Var& v) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(v, out);
    return out.str();
  };
  std::string done;
  Status st;
  if (action == "narvarande") {
    Poco::JSON::Object::Ptr value = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const char* field : {"name", "party", "role", "affiliation"}) {
      if (form.has(field)) value->set(field, Poco::trim(form.get(field)));
    }
    value->set("adjuster", form.get("adjuster", "") == "ja");
    if (value->getValue<std::string>("name").empty()) {
      st = Status::invalidArgument("Ange namnet på den närvarande.");
    } else {
      const std::string original = form.get("attendee", "");
      st = correct("/attendees/" + (original.empty() ? std::string("+") : original), json(value),
                   form.get("reason", "Rättad närvarolista"));
    }
    done = "rattad";
  } else if (action == "offentlighet") {
    const std::string item = form.get("item", "");
    st = correct("/items/" + item + "/public", form.get("public", "") == "ja" ? "true" : "false",
                 form.get("public", "") == "ja" ? "Offentlig" : "Ej offentlig");
    done = "offentlighet";
  } else if (action == "beslut") {
    const std::string path = "/items/" + form.get("item", "") + "/decisions/" + form.get("index", "");
    st = form.get("ta_bort", "") == "ja" ? correct(path, "null", "Borttaget beslut")
                                         : correct(path, json(Poco::trim(form.get("text", ""))), "Rättat beslut");
    done = "rattad";
  } else if (action == "uppdrag") {
    const std::string path = "/items/" + form.get("item", "") + "/assignments/" + form.get("index", "");
    if (form.get("ta_bort", "") == "ja") {
      st = correct(path, "null", "Borttaget uppdrag");
    } else {
      Poco::JSON::Object::Ptr value = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      value->set("assignee", Poco::trim(form.get("assignee", "")));
      value->set("task", Poco::trim(form.get("task", "")));
      value->set("due", Poco::trim(form.get("due", "")));
      st = correct(path, json(value), "Rättat uppdrag");
    }
    done = "rattad";
  } else if (action == "koppling") {
    const std::string item = form.get("item", "");
    const std::string path = (item.empty() ? std::string() : "/items/" + item) + "/links/" + form.get("scheme", "") +
                             "/" + form.get("code", "");
    const std::string verdict = form.get("beslut", "") == "bekrafta" ? "\"confirm\"" : "\"reject\"";
    st = correct(path, verdict, verdict == "\"confirm\"" ? "Bekräftad koppling" : "Avvisad koppling");
    done = "rattad";
  } else if (action == "skicka") {
    st = publishing.sendForAdjustment(id, who, nowUtcIso(), form.get("kontrollerat", "") == "ja");
    done = "skickad";
  } else if (action == "aterkalla") {
    st = publishing.withdraw(id, who);
    done = "aterkallad";
  } else if (action == "justera") {
    const std::string scope = form.get("item", "");
    auto result = publishing.approve(id, who, scope, stockholmToday());
    st = result.ok() ? Status::okStatus() : result.status();
    done = "justerad";
  } else {
    st = Status::notFound("Okänd åtgärd.");
  }
  if (!st.ok()) return fail(st);
  catchUpIndex(ctx);  // search follows before the page shows
  redirect(res, "/dokument/" + std::to_string(id) + "?klart=" + done);
}

}  // namespace

void documentPage(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  Poco::Int64 id = 0;
  if (!Poco::NumberParser::tryParse64(path.text(), id) || id <= 0) {
    return sendStatusPage(ctx, res, pageCaller(ctx, req), Status::notFound("Dokumentet finns inte."));
  }
  showDocumentPage(ctx, req, res, id, pageCaller(ctx, req));
}

void documentAction(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  Poco::Int64 id = 0;
  if (!Poco::NumberParser::tryParse64(path.text(0), id) || id <= 0) {
    return sendStatusPage(ctx, res, pageCaller(ctx, req), Status::notFound("Dokumentet finns inte."));
  }
  doDocumentAction(ctx, req, res, id, path.text(1));
}

}  // namespace beslut::server
