#include "portal/portal.h"

#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <cmark.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "beslut/corrections.h"
#include "beslut/document_json.h"
#include "beslut/clock.h"
#include "beslut/followup.h"
#include "beslut/threads.h"
#include "beslut/publishing.h"
#include "beslut/user_admin.h"
#include "beslut/visibility.h"
#include "http/auth.h"

namespace beslut::server {

namespace mustache = kainjow::mustache;
using Poco::Net::HTTPResponse;

namespace {

// ---------------------------------------------------------------------------
// Small helpers

std::string urlEncode(const std::string& s) {
  std::string out;
  Poco::URI::encode(s, "&=+#?/ %", out);
  return out;
}

// Sets a text only when there is one: in mustache an empty string still opens {{#section}}.
void setText(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

std::string nowUtcIso() { return Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ"); }

void redirect(Poco::Net::HTTPServerResponse& res, const std::string& location) {
  res.setStatus(HTTPResponse::HTTP_SEE_OTHER);
  res.set("Location", location);
  res.setContentLength(0);
  res.send();
}

Caller pageCaller(AppContext& ctx, const Poco::Net::HTTPServerRequest& req) {
  auto caller = identify(ctx, req);
  return caller.ok() ? caller.value() : Caller{};
}

void sendPage(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const std::string& page, mustache::data& data,
              const Caller& caller, const std::string& title, const std::string& nav,
              HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK) {
  res.set("Cache-Control", "no-store");
  res.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
          "form-action 'self'");
  res.set("Referrer-Policy", "same-origin");
  sendHtml(res, ctx.pages->render(page, data, caller, title, nav), status);
}

// A page that says what went wrong, in the layout.
void sendMessagePage(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const Caller& caller,
                     const std::string& heading, const std::string& message, HTTPResponse::HTTPStatus status) {
  mustache::data data;
  data.set("heading", heading);
  data.set("message", message);
  data.set("login_hint", caller.principal.anonymous() && (status == HTTPResponse::HTTP_UNAUTHORIZED ||
                                                          status == HTTPResponse::HTTP_FORBIDDEN));
  sendPage(ctx, res, "message", data, caller, heading, "", status);
}

void sendStatusPage(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const Caller& caller, const Status& st) {
  const auto status = httpStatusFor(st.code());
  const char* heading = status == HTTPResponse::HTTP_NOT_FOUND      ? "Sidan finns inte"
                        : status == HTTPResponse::HTTP_UNAUTHORIZED ? "Logga in först"
                        : status == HTTPResponse::HTTP_FORBIDDEN    ? "Du saknar behörighet"
                        : status >= 500                             ? "Något gick fel"
                                                                    : "Det gick inte";
  sendMessagePage(ctx, res, caller, heading, st.message(), status);
}


std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : " ") + line;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

mustache::list textList(const std::vector<std::string>& texts, const char* key = "text") {
  mustache::list out;
  for (const auto& t : texts) {
    mustache::data d;
    d.set(key, t);
    out.push_back(d);
  }
  return out;
}

std::string nodeTitle(const Taxonomy& taxonomy, const std::string& scheme, const std::string& code) {
  for (const auto& n : taxonomy.nodes) {
    if (n.code == code && (scheme.empty() || n.scheme == scheme)) return n.title;
  }
  return {};
}

mustache::list areaList(const std::vector<const Link*>& links, const Taxonomy& taxonomy) {
  mustache::list out;
  for (const Link* l : links) {
    mustache::data a;
    a.set("code", l->code);
    a.set("code_url", urlEncode(l->code));
    a.set("scheme", l->scheme);
    a.set("title", nodeTitle(taxonomy, l->scheme, l->code));
    std::ostringstream score;
    score.precision(2);
    score << std::fixed << l->score;
    a.set("score", score.str());
    a.set("explanation", l->explanation);
    a.set("confirmed", !l->confirmed_by.empty());
    out.push_back(a);
  }
  return out;
}

std::string anchorOf(const std::string& number) {
  std::string a = "p";
  for (char c : number) a += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return a;
}

// Reads a urlencoded form (small: these forms carry a few short fields).
Status readForm(Poco::Net::HTTPServerRequest& req, Poco::Net::HTMLForm& form) {
  form.setFieldLimit(50);
  form.setValueLengthLimit(64 * 1024);
  try {
    form.load(req, req.stream());
  } catch (const Poco::Exception& e) {
    return Status::invalidArgument("Formuläret kunde inte läsas: " + e.displayText());
  }
  return Status::okStatus();
}

// ---------------------------------------------------------------------------
// Pages

mustache::list summaryList(const std::vector<DocumentSummary>& docs) {
  mustache::list out;
  for (const auto& d : docs) {
    mustache::data row;
    row.set("id", std::to_string(d.id));
    row.set("title", d.title);
    row.set("kind", documentKindLabel(d.kind));
    row.set("organization", d.organization);
    row.set("organization_url", urlEncode(d.organization));
    row.set("date", d.date);
    row.set("state", publicationStateLabel(d.publication_state));
    out.push_back(row);
  }
  return out;
}

// Minutes on the notice board and the day each was posted.
struct Posted {
  DocumentSummary document;
  std::string posted_date;
};

// Published minutes whose appeal period runs today (posted within three weeks), latest posted first.
std::vector<Posted> onNoticeBoard(Store& store, const std::string& today) {
  std::vector<Posted> out;
  auto recent = store.listDocuments("", "", "published", 200);
  if (!recent.ok()) return out;
  for (const auto& d : recent.value()) {
    auto p = store.publication(d.id);
    if (p.ok() && !p->posted_date.empty() && addDays(p->posted_date, kAppealDays) >= today) {
      out.push_back({d, p->posted_date});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Posted& a, const Posted& b) { return a.posted_date > b.posted_date; });
  return out;
}

mustache::list boardList(const std::vector<Posted>& board) {
  std::vector<DocumentSummary> docs;
  for (const auto& p : board) docs.push_back(p.document);
  mustache::list rows = summaryList(docs);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].set("posted_date", board[i].posted_date);
    rows[i].set("appeal_ends", addDays(board[i].posted_date, kAppealDays));
  }
  return rows;
}

void showStartPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  Store& store = ctx.runtime.store();
  const std::string today = stockholmToday();
  mustache::data data;
  auto latest = store.listDocuments("minutes", "", "published", 10);
  data.set("latest", summaryList(latest.ok() ? latest.value() : std::vector<DocumentSummary>{}));
  data.set("has_latest", latest.ok() && !latest->empty());
  auto board = onNoticeBoard(store, today);
  data.set("board", boardList(board));
  data.set("has_board", !board.empty());
  // Meetings ahead: documents dated after today that the caller may see.
  std::vector<DocumentSummary> upcoming;
  if (auto all = store.listDocuments("", "", "", 500); all.ok()) {
    for (const auto& d : all.value()) {
      if (d.date > today && canSee(caller.principal, d)) {
        upcoming.push_back(d);
      }
    }
  }
  std::reverse(upcoming.begin(), upcoming.end());  // soonest first
  data.set("upcoming", summaryList(upcoming));
  data.set("has_upcoming", !upcoming.empty());
  // What waits for the signed-in: drafts to finish, minutes to adjust.
  std::vector<DocumentSummary> todo;
  for (PublicationState state : {PublicationState::kDraft, PublicationState::kAdjusting}) {
    if (auto list = store.listDocuments("", "", publicationStateName(state), 200); list.ok()) {
      for (const auto& d : list.value()) {
        bool mine = caller.principal.canEdit(d.organization);
        if (!mine && state == PublicationState::kAdjusting && caller.principal.canRead(d.organization)) {
          if (auto doc = store.document(d.id); doc.ok()) {
            for (const auto& a : requiredApprovers(doc.value())) mine = mine || a == caller.principal.name;
          }
        }
        if (mine) todo.push_back(d);
      }
    }
  }
  data.set("todo", summaryList(todo));
  data.set("has_todo", !todo.empty());
  sendPage(ctx, res, "start", data, caller, "Start", "start");
}

void showLoginPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  auto showForm = [&](const std::string& error, const std::string& name, const std::string& next,
                      HTTPResponse::HTTPStatus status) {
    // Login CSRF: a token in a cookie of its own, repeated in the form.
    const std::string token = randomToken(18);
    Poco::Net::HTTPCookie c(kLoginCsrfCookie, token);
    c.setPath("/logga-in");
    c.setHttpOnly(true);
    c.setSecure(ctx.runtime.settings().secure_cookies);
    c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    res.addCookie(c);
    mustache::data data;
    data.set("login_csrf", token);
    setText(data, "error", error);
    data.set("name", name);
    data.set("next", next);
    sendPage(ctx, res, "login", data, caller, "Logga in", "login", status);
  };
  auto params = queryParameters(req);
  std::string next = params["tillbaka"];
  if (req.getMethod() != "POST") return showForm("", "", next, HTTPResponse::HTTP_OK);
  Poco::Net::HTMLForm form;
  if (Status read = readForm(req, form); !read.ok()) return showForm(read.message(), "", next, HTTPResponse::HTTP_BAD_REQUEST);
  Poco::Net::NameValueCollection cookies;
  req.getCookies(cookies);
  const std::string expected = cookies.get(kLoginCsrfCookie, "");
  const std::string name = form.get("name", ""), password = form.get("password", "");
  next = form.get("next", "");
  if (expected.empty() || form.get("csrf", "") != expected) {
    return showForm("Formuläret har gått ut. Försök igen.", name, next, HTTPResponse::HTTP_FORBIDDEN);
  }
  auto login = signIn(ctx, req, res, name, password);
  if (!login.ok()) return showForm(login.status().message(), name, next, httpStatusFor(login.status().code()));
  // Only a path of our own: never an address elsewhere ("//host", "/\\host", control characters, …).
  const bool safe = !next.empty() && next[0] == '/' && (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) &&
                    std::all_of(next.begin(), next.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) ||
                             (c != '\0' && std::strchr("/_.-?=&%#", c) != nullptr);
                    });
  if (!safe) next = "/";
  redirect(res, next);
}

void doLogout(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Poco::Net::HTMLForm form;
  Caller anonymous;
  if (Status read = readForm(req, form); !read.ok()) return sendStatusPage(ctx, res, anonymous, read);
  auto caller = requireSignedIn(ctx, req, form.get("csrf", ""));
  if (caller.ok()) signOut(ctx, caller.value(), req, res);
  redirect(res, "/");
}

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
    static const std::map<std::string, std::string> kFactLabels = {
        {"body", "organ"}, {"date", "datum"}, {"time", "tid"}, {"place", "plats"}, {"chair", "ordförande"},
        {"secretary", "sekreterare"}, {"adjusted_date", "justeringsdatum"}};
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
      char* html = cmark_markdown_to_html(bytes->data(), bytes->size(), CMARK_OPT_DEFAULT);
      if (html != nullptr) {
        data.set("markdown_html", std::string(html));
        free(html);  // NOLINT: allocated by cmark with malloc
      }
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
  if (Status read = readForm(req, form); !read.ok()) return sendStatusPage(ctx, res, anonymous, read);
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
  if (ctx.tailer != nullptr) (void)ctx.tailer->catchUpNow();  // search follows before the page shows
  redirect(res, "/dokument/" + std::to_string(id) + "?klart=" + done);
}

// Keeps the part named "file" of a multipart form, up to a size limit.
class UploadPart : public Poco::Net::PartHandler {
 public:
  explicit UploadPart(std::size_t max) : max_(max) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    char buffer[65536];
    const bool mine = params.get("name", "") == "file" && !found;
    if (mine) {
      found = true;
      filename = params.get("filename", "");
      media_type = header.get("Content-Type", "");
    }
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      if (!mine) continue;
      if (bytes.size() + static_cast<std::size_t>(stream.gcount()) > max_) too_large = true;
      if (!too_large) bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
    }
  }
  bool found = false, too_large = false;
  std::string bytes, filename, media_type;

 private:
  std::size_t max_;
};

void showImportPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  auto show = [&](const std::string& error, HTTPResponse::HTTPStatus status) {
    mustache::data data;
    setText(data, "error", error);
    mustache::list bodies;
    for (const auto& g : caller.principal.grants) {
      if (g.role == Role::kSecretary) {
        mustache::data b;
        b.set("name", g.organization);
        bodies.push_back(b);
      }
    }
    data.set("bodies", bodies);
    data.set("administrator", caller.principal.administrator());
    sendPage(ctx, res, "import", data, caller, "Nytt protokoll", "import", status);
  };
  if (caller.principal.anonymous()) {
    if (req.getMethod() == "POST") res.setKeepAlive(false);  // the upload is not read
    return redirect(res, "/logga-in?tillbaka=/importera");
  }
  if (!caller.principal.canEditSomewhere()) {
    return sendStatusPage(ctx, res, caller, Status::permissionDenied("Bara sekreterare kan läsa in protokoll."));
  }
  if (req.getMethod() != "POST") return show("", HTTPResponse::HTTP_OK);
  const std::size_t max = ctx.runtime.settings().max_upload_bytes;
  if (req.hasContentLength() && static_cast<std::size_t>(req.getContentLength64()) > max + 64 * 1024) {
    res.setKeepAlive(false);
    return show("Filen är för stor: högst " + std::to_string(max / (1024 * 1024)) + " MB.",
                HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
  }
  UploadPart part(max);
  Poco::Net::HTMLForm form;
  form.setFieldLimit(20);
  try {
    form.load(req, req.stream(), part);
  } catch (const Poco::Exception& e) {
    res.setKeepAlive(false);
    return show("Formuläret kunde inte läsas: " + e.displayText(), HTTPResponse::HTTP_BAD_REQUEST);
  }
  auto checked = requireSignedIn(ctx, req, form.get("csrf", ""));
  if (!checked.ok()) return show(checked.status().message(), httpStatusFor(checked.status().code()));
  if (part.too_large) {
    return show("Filen är för stor: högst " + std::to_string(max / (1024 * 1024)) + " MB.",
                HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
  }
  std::string bytes = part.bytes, filename = part.filename, media_type = part.media_type;
  if (bytes.empty() && !form.get("markdown", "").empty()) {  // minutes written in the form, in Markdown
    bytes = form.get("markdown");
    filename = "protokoll.md";
    media_type = "text/markdown";
  }
  if (bytes.empty()) return show("Välj en fil eller skriv protokollet i textrutan.", HTTPResponse::HTTP_BAD_REQUEST);
  auto report = ctx.runtime.editing().importDocument(caller.principal, {std::move(bytes), filename, media_type, true});
  if (!report.ok()) return show(report.status().message(), httpStatusFor(report.status().code()));
  if (!report->created) {
    return show("Filen är redan inläst (dokument " + std::to_string(report->id) + ").", HTTPResponse::HTTP_CONFLICT);
  }
  if (ctx.tailer != nullptr) (void)ctx.tailer->catchUpNow();
  redirect(res, "/dokument/" + std::to_string(report->id) + "?klart=importerad");
}

void showNoticeBoard(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  const std::string today = stockholmToday();
  auto board = onNoticeBoard(ctx.runtime.store(), today);
  mustache::data data;
  data.set("board", boardList(board));
  data.set("has_board", !board.empty());
  data.set("today", today);
  sendPage(ctx, res, "noticeboard", data, caller, "Anslagstavla", "notice");
}

mustache::list assignmentRows(const std::vector<AssignmentRecord>& records, const std::string& today) {
  mustache::list out;
  for (const auto& r : records) {
    const Assignment& a = r.assignment;
    const AssignmentStatus st = currentStatus(a, today);
    mustache::data row;
    row.set("id", std::to_string(a.id));
    row.set("assignee", a.assignee);
    row.set("assignee_url", urlEncode(a.assignee));
    row.set("task", a.task);
    row.set("due", dueDate(a.due));
    row.set("status", statusLabel(st));
    row.set("overdue", st == AssignmentStatus::kOverdue);
    std::ostringstream progress;
    progress << currentProgress(a);
    row.set("progress", progress.str());
    row.set("organization", r.organization);
    row.set("organization_url", urlEncode(r.organization));
    row.set("document_id", std::to_string(r.document_id));
    row.set("document_title", r.document_title);
    row.set("item_number", r.item_number);
    row.set("anchor", anchorOf(r.item_number));
    std::string areas;
    for (const auto& l : r.areas) areas += (areas.empty() ? "" : ", ") + l.code;
    row.set("areas", areas);
    out.push_back(row);
  }
  return out;
}

// Overdue first, then by due date (none last), then newest source.
void sortForFollowUp(std::vector<AssignmentRecord>& list, const std::string& today) {
  std::stable_sort(list.begin(), list.end(), [&](const AssignmentRecord& a, const AssignmentRecord& b) {
    const bool ao = currentStatus(a.assignment, today) == AssignmentStatus::kOverdue;
    const bool bo = currentStatus(b.assignment, today) == AssignmentStatus::kOverdue;
    if (ao != bo) return ao;
    const std::string ad = dueDate(a.assignment.due), bd = dueDate(b.assignment.due);
    if (ad.empty() != bd.empty()) return !ad.empty();
    if (ad != bd) return ad < bd;
    return a.document_date > b.document_date;
  });
}

void showBodyPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  const std::string name = queryParameters(req)["namn"];
  Store& store = ctx.runtime.store();
  auto docs = store.listDocuments("", name, "", 200);
  if (!docs.ok()) return sendStatusPage(ctx, res, caller, docs.status());
  std::vector<DocumentSummary> visible;
  for (const auto& d : docs.value()) {
    if (canSee(caller.principal, d)) visible.push_back(d);
  }
  if (name.empty() || visible.empty()) {
    return sendStatusPage(ctx, res, caller, Status::notFound("Det finns inga handlingar från organet " + name + "."));
  }
  // Members: the attendees of its latest minutes.
  mustache::list members;
  for (const auto& d : visible) {
    if (d.kind != DocumentKind::kMinutes) continue;
    if (auto doc = store.document(d.id); doc.ok()) {
      for (const auto& a : doc->attendees) {
        mustache::data m;
        m.set("name", a.name);
        m.set("name_url", urlEncode(a.name));
        m.set("party", a.party);
        m.set("role", a.role);
        m.set("affiliation", a.affiliation);
        members.push_back(m);
      }
      break;
    }
  }
  mustache::data data;
  data.set("name", name);
  data.set("members", members);
  data.set("has_members", !members.empty());
  data.set("documents", summaryList(visible));
  auto all = assignmentsAsTheyStand(store, caller.principal);
  std::vector<AssignmentRecord> theirs;
  if (all.ok()) {
    for (auto& r : all.value()) {
      if (r.organization == name) theirs.push_back(std::move(r));
    }
  }
  const std::string today = stockholmToday();
  sortForFollowUp(theirs, today);
  data.set("assignments", assignmentRows(theirs, today));
  data.set("has_assignments", !theirs.empty());
  sendPage(ctx, res, "body", data, caller, name, "");
}

void showPersonPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  // "Ewa Lindberg (Region Örebro län)", as assignees are often written, is Ewa Lindberg.
  std::string name = queryParameters(req)["namn"];
  name = Poco::trim(name.substr(0, name.find('(')));
  // "Ewa Lindberg, Region Örebro län" (a name with an employer), not "Lindberg, Ewa".
  if (auto comma = name.find(','); comma != std::string::npos && name.substr(0, comma).find(' ') != std::string::npos) {
    name = Poco::trim(name.substr(0, comma));
  }
  if (name.size() < 3) return sendStatusPage(ctx, res, caller, Status::notFound("Ange ett namn."));
  Store& store = ctx.runtime.store();
  const std::string today = stockholmToday();
  // Meetings: minutes that list the person as present (the latest 300 minutes).
  mustache::list meetings;
  if (auto minutes = store.listDocuments("minutes", "", "", 300); minutes.ok()) {
    for (const auto& s : minutes.value()) {
      if (!canSee(caller.principal, s)) continue;
      auto doc = store.document(s.id);
      if (!doc.ok()) continue;
      for (const auto& a : doc->attendees) {
        if (a.name != name) continue;
        mustache::data m;
        m.set("id", std::to_string(s.id));
        m.set("title", s.title);
        m.set("date", s.date);
        m.set("organization", s.organization);
        m.set("organization_url", urlEncode(s.organization));
        m.set("role", a.role);
        m.set("adjuster", a.adjuster);
        meetings.push_back(m);
        break;
      }
    }
  }
  std::vector<AssignmentRecord> theirs;
  if (auto all = assignmentsAsTheyStand(store, caller.principal); all.ok()) {
    AssignmentFilter f;
    f.assignee = name;
    f.today = today;
    for (auto& r : all.value()) {
      if (matches(r, f)) theirs.push_back(std::move(r));
    }
  }
  if (meetings.empty() && theirs.empty()) {
    return sendStatusPage(ctx, res, caller, Status::notFound("Hittade ingen som heter " + name + "."));
  }
  sortForFollowUp(theirs, today);
  mustache::data data;
  data.set("name", name);
  data.set("meetings", meetings);
  data.set("has_meetings", !meetings.empty());
  data.set("assignments", assignmentRows(theirs, today));
  data.set("has_assignments", !theirs.empty());
  sendPage(ctx, res, "person", data, caller, name, "");
}

void showAreaPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res,
              const std::string& code) {
  Caller caller = pageCaller(ctx, req);
  const Taxonomy& taxonomy = ctx.runtime.taxonomy();
  const TaxonomyNode* node = nullptr;
  const std::string scheme = queryParameters(req)["schema"];
  for (const auto& n : taxonomy.nodes) {
    if (n.code == code && (scheme.empty() || n.scheme == scheme)) {
      node = &n;
      break;
    }
  }
  if (node == nullptr) return sendStatusPage(ctx, res, caller, Status::notFound("Området " + code + " finns inte i strategin."));
  const std::string today = stockholmToday();
  mustache::data data;
  data.set("code", node->code);
  data.set("title", node->title);
  data.set("description", node->description);
  data.set("scheme", node->scheme);
  // Items linked to the area themselves, or through one of their decisions or assignments
  // (children included: a goal lists its areas' items), that the caller may see; newest first.
  mustache::list passages;
  if (auto ids = ctx.runtime.store().linkedItems(node->scheme, node->code, 200); ids.ok()) {
    for (Id item_id : ids.value()) {
      if (passages.size() >= 20) break;
      auto p = ctx.runtime.store().passage(item_id);
      if (!p.ok()) continue;
      if (!canSee(caller.principal, p.value())) continue;
      mustache::data row;
      row.set("document_id", std::to_string(p->document.id));
      row.set("title", p->document.title);
      row.set("organization", p->document.organization);
      row.set("date", p->document.date);
      row.set("item_number", p->item.number);
      row.set("item_title", p->item.title);
      row.set("anchor", anchorOf(p->item.number));
      passages.push_back(row);
    }
  }
  data.set("passages", passages);
  data.set("has_passages", !passages.empty());
  std::vector<AssignmentRecord> linked;
  mustache::list counts;
  if (auto all = assignmentsAsTheyStand(ctx.runtime.store(), caller.principal); all.ok()) {
    AssignmentFilter f;
    f.area = node->code;
    f.scheme = node->scheme;
    f.today = today;
    for (const auto& [status, n] : followUpStats(all.value(), f).by_status) {
      if (n == 0) continue;
      mustache::data c;
      c.set("status", statusLabel(status));
      c.set("count", std::to_string(n));
      counts.push_back(c);
    }
    for (auto& r : all.value()) {
      if (matches(r, f)) linked.push_back(std::move(r));
    }
  }
  sortForFollowUp(linked, today);
  data.set("counts", counts);
  data.set("assignments", assignmentRows(linked, today));
  data.set("has_assignments", !linked.empty());
  sendPage(ctx, res, "area", data, caller, node->code + " " + node->title, "");
}

void showFollowUpPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  auto params = queryParameters(req);
  const std::string today = stockholmToday();
  AssignmentFilter f;
  f.organization = params["organ"];
  f.assignee = params["ansvarig"];
  f.area = params["omrade"];
  f.today = today;
  f.due_before = params["fore"];
  f.due_after = params["efter"];
  std::string error;
  if (const std::string s = params["status"]; !s.empty()) {
    if (auto st = parseAssignmentStatus(s)) f.status = *st;
    else error = "Okänd status.";
  }
  for (const auto* d : {&f.due_before, &f.due_after}) {
    if (!d->empty() && dueDate(*d) != *d) error = "Skriv datum som ÅÅÅÅ-MM-DD.";
  }
  std::vector<AssignmentRecord> all;
  if (auto loaded = assignmentsAsTheyStand(ctx.runtime.store(), caller.principal); loaded.ok()) all = std::move(loaded).value();
  std::set<std::string> organizations;
  for (const auto& r : all) organizations.insert(r.organization);
  std::vector<AssignmentRecord> shown;
  if (error.empty()) {
    for (const auto& r : all) {
      if (matches(r, f)) shown.push_back(r);
    }
  }
  sortForFollowUp(shown, today);

  // Charts: status per priority area, and assignments given and completed per quarter.
  const FollowUpStats stats = followUpStats(shown, f);
  const auto& per_area = stats.by_area;
  Poco::JSON::Object::Ptr chart = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  Poco::JSON::Array::Ptr area_labels = new Poco::JSON::Array, area_sets = new Poco::JSON::Array;
  for (const auto& [code, _] : per_area) area_labels->add(code);
  mustache::list area_rows;
  for (const auto& [code, counts] : per_area) {
    mustache::data row;
    row.set("area", code);
    mustache::list cells;
    for (AssignmentStatus st : kAssignmentStatuses) {
      mustache::data c;
      auto it = counts.find(st);
      c.set("count", std::to_string(it == counts.end() ? 0 : it->second));
      cells.push_back(c);
    }
    row.set("cells", cells);
    area_rows.push_back(row);
  }
  for (AssignmentStatus st : kAssignmentStatuses) {
    Poco::JSON::Object::Ptr set = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    set->set("label", statusLabel(st));
    Poco::JSON::Array::Ptr values = new Poco::JSON::Array;
    for (const auto& [code, counts] : per_area) {
      auto it = counts.find(st);
      values->add(it == counts.end() ? 0 : it->second);
    }
    set->set("data", values);
    area_sets->add(set);
  }
  Poco::JSON::Object::Ptr by_area = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  by_area->set("labels", area_labels);
  by_area->set("datasets", area_sets);
  chart->set("by_area", by_area);
  Poco::JSON::Array::Ptr q_labels = new Poco::JSON::Array, given = new Poco::JSON::Array, done = new Poco::JSON::Array;
  mustache::list quarter_rows;
  for (const auto& [q, n] : stats.by_quarter) {
    q_labels->add(q);
    given->add(n.given);
    done->add(n.done);
    mustache::data row;
    row.set("quarter", q);
    row.set("given", std::to_string(n.given));
    row.set("done", std::to_string(n.done));
    quarter_rows.push_back(row);
  }
  Poco::JSON::Object::Ptr over_time = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  over_time->set("labels", q_labels);
  over_time->set("given", given);
  over_time->set("done", done);
  chart->set("over_time", over_time);
  std::ostringstream chart_json;
  chart->stringify(chart_json);
  // Inside <script type="application/json">: "</" must not end the element.
  std::string chart_text = chart_json.str();
  for (std::size_t pos; (pos = chart_text.find('<')) != std::string::npos;) chart_text.replace(pos, 1, "\\u003c");

  mustache::data data;
  setText(data, "error", error);
  data.set("organ", f.organization);
  data.set("ansvarig", f.assignee);
  data.set("omrade", f.area);
  data.set("fore", f.due_before);
  data.set("efter", f.due_after);
  mustache::list org_options;
  for (const auto& o : organizations) {
    mustache::data x;
    x.set("name", o);
    x.set("selected", o == f.organization);
    org_options.push_back(x);
  }
  data.set("organizations", org_options);
  mustache::list area_options;
  std::set<std::string> seen_codes;
  for (const auto& n : ctx.runtime.taxonomy().nodes) {
    if (n.kind != "area" && n.kind != "focus_area") continue;
    if (!seen_codes.insert(n.code).second) continue;
    mustache::data x;
    x.set("code", n.code);
    x.set("title", n.title);
    x.set("selected", n.code == f.area);
    area_options.push_back(x);
  }
  data.set("areas", area_options);
  mustache::list status_options;
  for (AssignmentStatus st : kAssignmentStatuses) {
    mustache::data x;
    x.set("value", assignmentStatusName(st));
    x.set("label", statusLabel(st));
    x.set("selected", f.status && *f.status == st);
    status_options.push_back(x);
  }
  data.set("statuses", status_options);
  mustache::list status_headers;
  for (AssignmentStatus st : kAssignmentStatuses) {
    mustache::data x;
    x.set("label", statusLabel(st));
    status_headers.push_back(x);
  }
  data.set("status_headers", status_headers);
  data.set("area_rows", area_rows);
  data.set("quarter_rows", quarter_rows);
  data.set("chart_json", chart_text);
  data.set("assignments", assignmentRows(shown, today));
  data.set("total", std::to_string(shown.size()));
  data.set("has_assignments", !shown.empty());
  data.set("today", today);
  sendPage(ctx, res, "followup", data, caller, "Uppföljning av uppdrag", "followup",
           error.empty() ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_BAD_REQUEST);
}

// Users and roles, for administrators: the same operations as `beslut user …`.
void showAdminPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res,
               const std::string& action) {
  Caller caller = pageCaller(ctx, req);
  if (caller.principal.anonymous()) {
    if (req.getMethod() == "POST") res.setKeepAlive(false);
    return redirect(res, "/logga-in?tillbaka=/administration");
  }
  if (!caller.principal.administrator()) {
    return sendStatusPage(ctx, res, caller, Status::permissionDenied("Bara administratörer hanterar användare."));
  }
  AccountStore& accounts = ctx.runtime.accounts();
  std::string error, notice;
  auto status = HTTPResponse::HTTP_OK;
  if (req.getMethod() == "POST") {
    Poco::Net::HTMLForm form;
    Status st = readForm(req, form);
    if (st.ok()) {
      auto checked = requireSignedIn(ctx, req, form.get("csrf", ""));
      st = checked.ok() ? Status::okStatus() : checked.status();
    }
    const std::string name = Poco::trim(form.get("name", ""));
    UserAdmin admin = ctx.runtime.userAdmin();
    Grant grant;
    if (st.ok() && (action == "ny" || action == "roll")) {
      auto role = parseRole(form.get("role", ""));
      auto checked = role ? checkedGrant(*role, Poco::trim(form.get("organization", "")))
                          : Result<Grant>(Status::invalidArgument("Välj en roll."));
      if (checked.ok()) grant = checked.value();
      else st = checked.status();
    }
    if (st.ok() && action == "ny") {
      auto id = admin.addUser(caller.principal, name, form.get("password", ""), grant);
      st = id.ok() ? Status::okStatus() : id.status();
      if (st.ok()) notice = "ny";
    } else if (st.ok() && action == "roll") {
      st = admin.grant(caller.principal, name, grant);
      if (st.ok()) notice = "roll";
    } else if (st.ok() && action == "losenord") {
      st = admin.setPassword(caller.principal, name, form.get("password", ""));
      if (st.ok()) notice = name == caller.principal.name ? "eget" : "losenord";
    } else if (st.ok()) {
      st = Status::notFound("Okänd åtgärd.");
    }
    if (!st.ok()) {
      error = st.message();
      status = httpStatusFor(st.code());
    } else if (notice == "eget") {
      return redirect(res, "/logga-in?tillbaka=/administration");  // a new password of one's own ends the session
    } else {
      return redirect(res, "/administration?klart=" + notice);  // a reload does not post again
    }
  }
  static const std::map<std::string, std::string> kDone = {
      {"ny", "Användaren är skapad."},
      {"roll", "Rollen är given."},
      {"losenord", "Lösenordet är bytt; användarens sessioner och API-nycklar är avslutade."}};
  if (auto it = kDone.find(queryParameters(req)["klart"]); it != kDone.end() && req.getMethod() != "POST") {
    notice = it->second;
  }
  mustache::data data;
  setText(data, "error", error);
  setText(data, "notice", notice);
  mustache::list users;
  if (auto list = accounts.users(); list.ok()) {
    for (const auto& u : list.value()) {
      mustache::data row;
      row.set("name", u.name);
      std::string roles;
      for (const auto& g : u.grants) {
        roles += (roles.empty() ? "" : ", ") + std::string(g.role == Role::kReader      ? "läsare"
                                                           : g.role == Role::kSecretary ? "sekreterare"
                                                                                        : "administratör") +
                 (g.organization.empty() ? "" : " i " + g.organization);
      }
      row.set("roles", roles);
      row.set("created", u.created_at.substr(0, 10));
      users.push_back(row);
    }
  }
  data.set("users", users);
  std::set<std::string> bodies;
  if (auto docs = ctx.runtime.store().listDocuments("", "", "", 2000); docs.ok()) {
    for (const auto& d : docs.value()) {
      if (!d.organization.empty()) bodies.insert(d.organization);
    }
  }
  mustache::list body_list;
  for (const auto& b : bodies) {
    mustache::data x;
    x.set("name", b);
    body_list.push_back(x);
  }
  data.set("bodies", body_list);
  mustache::list log;
  if (auto entries = accounts.auditLog(200); entries.ok()) {
    for (const auto& e : entries.value()) {
      mustache::data row;
      row.set("at", e.at.substr(0, 16));
      row.set("actor", e.actor);
      row.set("action", e.action);
      row.set("entity", e.entity.empty() ? std::string() : e.entity + (e.entity_id ? " " + std::to_string(e.entity_id) : ""));
      row.set("document_link", e.entity == "document" && e.entity_id != 0);
      row.set("entity_id", std::to_string(e.entity_id));
      log.push_back(row);
    }
  }
  data.set("audit", log);
  sendPage(ctx, res, "admin", data, caller, "Användare och roller", "admin", status);
}

void sendStaticFile(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res,
                const std::string& name) {
  static const std::map<std::string, std::string> kTypes = {
      {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"}};
  std::string path;
  if (name == "chart.min.js") {
    path = ctx.runtime.settings().chartjs;
  } else if (name.find('/') == std::string::npos && name.find("..") == std::string::npos && !name.empty()) {
    path = ctx.runtime.settings().content_dir + "/static/" + name;
  }
  const auto type = kTypes.find(std::filesystem::path(name).extension().string());
  std::error_code ec;
  if (path.empty() || type == kTypes.end() || !std::filesystem::is_regular_file(path, ec)) {
    return sendStatusPage(ctx, res, pageCaller(ctx, req), Status::notFound("Filen finns inte."));
  }
  std::string body;
  try {
    Poco::FileInputStream in(path);
    Poco::StreamCopier::copyToString(in, body);
  } catch (const Poco::Exception& e) {
    return sendStatusPage(ctx, res, Caller{}, Status::ioError("Filen kunde inte läsas."));
  }
  res.setContentType(type->second);
  res.set("Cache-Control", "public, max-age=3600");
  res.set("X-Content-Type-Options", "nosniff");
  res.setContentLength(static_cast<std::streamsize>(body.size()));
  res.send() << body;
}

}  // namespace

void startPage(AppContext& ctx, const PathParams&, Request& req, Response& res) {
  // The old search address "/?q=" still searches.
  if (queryParameters(req).count("q") != 0) return searchPage(ctx, {}, req, res);
  showStartPage(ctx, req, res);
}
void loginPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showLoginPage(ctx, req, res); }
void logoutPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { doLogout(ctx, req, res); }
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
void importPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showImportPage(ctx, req, res); }
void noticeBoardPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showNoticeBoard(ctx, req, res); }
void bodyPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showBodyPage(ctx, req, res); }
void personPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showPersonPage(ctx, req, res); }
void areaPage(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  showAreaPage(ctx, req, res, path.text());
}
void followUpPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showFollowUpPage(ctx, req, res); }
void staticFile(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  sendStaticFile(ctx, req, res, path.text());
}
void adminPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showAdminPage(ctx, req, res, ""); }
void adminAction(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  showAdminPage(ctx, req, res, path.text());
}

}  // namespace beslut::server
