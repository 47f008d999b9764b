#include "portal/common.h"

namespace beslut::server {

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
              const Caller& caller, const std::string& title, const std::string& nav, HTTPResponse::HTTPStatus status) {
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
  data.set("login_hint", caller.principal.anonymous() &&
                             (status == HTTPResponse::HTTP_UNAUTHORIZED || status == HTTPResponse::HTTP_FORBIDDEN));
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

mustache::list textList(const std::vector<std::string>& texts, const char* key) {
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
Status readForm(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res, Poco::Net::HTMLForm& form) {
  form.setFieldLimit(50);
  form.setValueLengthLimit(64 * 1024);
  auto body = readBody(req, res, 1 << 20);
  if (!body.ok()) return body.status();
  try {
    std::istringstream in(body.value());
    form.load(req, in);
  } catch (const Poco::Exception& e) {
    Poco::Logger::get("beslut.http").information("form not read: " + e.displayText());
    return Status::invalidArgument(kFormUnreadable);
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
  std::stable_sort(out.begin(), out.end(),
                   [](const Posted& a, const Posted& b) { return a.posted_date > b.posted_date; });
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


}  // namespace beslut::server
