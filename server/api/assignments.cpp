#include "api/api.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include "beslut/clock.h"
#include "beslut/followup.h"
#include "beslut/threads.h"
#include "beslut/html.h"
#include "feeds/atom.h"
#include "feeds/icalendar.h"
#include "http/auth.h"

namespace beslut::server {

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Net::HTTPResponse;

namespace {

bool isIsoDate(const std::string& s) {
  int tz = 0;
  Poco::DateTime parsed;
  return s.size() == 10 && Poco::DateTimeParser::tryParse("%Y-%m-%d", s, parsed, tz);
}

// `today` from the request (for reproducible answers), else the real one.
Result<std::string> todayOf(std::map<std::string, std::string>& params) { return dayAskedFor(params["today"]); }

const TaxonomyNode* nodeOf(const Taxonomy& taxonomy, const std::string& scheme, const std::string& code) {
  for (const auto& n : taxonomy.nodes) {
    if (n.code == code && (scheme.empty() || n.scheme == scheme)) return &n;
  }
  return nullptr;
}

Object::Ptr followUpJson(const FollowUp& f) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", f.id);
  o->set("date", f.date);
  o->set("status", assignmentStatusName(f.status));
  o->set("comment", f.comment);
  o->set("author", f.author);
  if (f.progress >= 0) o->set("progress", f.progress);
  if (f.source_document_id) o->set("source_document_id", *f.source_document_id);
  o->set("source_item_number", f.source_item_number);
  o->set("created_at", f.created_at);
  return o;
}

// What an assignment's JSON shows beside it: the other assignments of its
// thread (those the caller may see) and the report-backs the caller may see.
struct Related {
  Threads threads;
  std::map<Id, const AssignmentRecord*> by_id;         // the caller's records, looked up per match
  std::map<Id, std::vector<ReportBack>> report_backs;  // those the caller may see

  static Result<Related> load(Store& store, const std::vector<AssignmentRecord>& records, Threads threads,
                              const Principal& who) {
    Related t;
    t.threads = std::move(threads);
    for (const auto& r : records) t.by_id[r.assignment.id] = &r;
    auto reports = store.reportBacks(0);
    if (!reports.ok()) return reports.status();
    for (auto& rb : reports.value()) {
      if (canSee(who, rb)) t.report_backs[rb.assignment_id].push_back(std::move(rb));
    }
    return t;
  }

  const AssignmentRecord* record(Id id) const {
    auto it = by_id.find(id);
    return it != by_id.end() ? it->second : nullptr;
  }
};

// `r` as it stands (merged with its thread, see threads.h).
Object::Ptr assignmentJson(const AssignmentRecord& r, const Taxonomy& taxonomy, const std::string& today,
                           const Related& related) {
  const Assignment& a = r.assignment;
  const AssignmentStatus status = currentStatus(a, today);
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  Array::Ptr reports = new Array;
  if (auto it = related.report_backs.find(a.id); it != related.report_backs.end()) {
    for (const auto& rb : it->second) {
      Object::Ptr x = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      x->set("id", rb.id);
      x->set("document_id", rb.document_id);
      x->set("document_title", rb.document_title);
      x->set("document_date", rb.document_date);
      x->set("item_number", rb.item_number);
      x->set("score", rb.score);
      x->set("evidence", rb.evidence);
      x->set("reported_status", assignmentStatusName(rb.reported_status));
      x->set("state", reviewStateName(rb.state));
      x->set("decided_by", rb.decided_by);
      if (rb.followup_id != 0) x->set("followup_id", rb.followup_id);
      reports->add(x);
    }
  }
  o->set("id", a.id);
  o->set("assignee", a.assignee);
  o->set("task", a.task);
  o->set("due", a.due);
  o->set("due_date", dueDate(a.due));
  o->set("due_text", a.due_text);
  o->set("status", assignmentStatusName(status));
  o->set("status_label", statusLabel(status));
  o->set("overdue", status == AssignmentStatus::kOverdue);
  o->set("progress", currentProgress(a));
  o->set("organization", r.organization);
  Object::Ptr source = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  source->set("document_id", r.document_id);
  source->set("item_number", r.item_number);
  source->set("item_title", r.item_title);
  source->set("document_title", r.document_title);
  source->set("document_date", r.document_date);
  o->set("source", source);
  Array::Ptr areas = new Array;
  for (const auto& l : r.areas) {
    Object::Ptr area = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    area->set("code", l.code);
    area->set("scheme", l.scheme);
    area->set("score", l.score);
    if (const auto* n = nodeOf(taxonomy, l.scheme, l.code)) area->set("title", n->title);
    area->set("explanation", l.explanation);
    area->set("confirmed_by", l.confirmed_by);
    areas->add(area);
  }
  o->set("areas", areas);
  Array::Ptr followups = new Array;
  for (const auto& f : a.followups) {
    // A thread's follow-ups show where the caller may see the assignment they were recorded on.
    if (f.assignment_id == a.id || related.record(f.assignment_id) != nullptr) followups->add(followUpJson(f));
  }
  o->set("followups", followups);
  o->set("report_backs", reports);
  Array::Ptr thread = new Array, proposed = new Array;
  for (const auto& m : related.threads.matchesOf(a.id)) {
    if (m.state == ReviewState::kRejected) continue;
    const Id other = m.assignment_id == a.id ? m.other_id : m.assignment_id;
    const auto* o2 = related.record(other);
    if (o2 == nullptr) continue;  // the other one is not the caller's to see
    Object::Ptr j = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("match_id", m.id);
    j->set("assignment_id", other);
    j->set("document_id", o2->document_id);
    j->set("organization", o2->organization);
    j->set("item_number", o2->item_number);
    j->set("task", o2->assignment.task);
    j->set("score", m.score);
    j->set("evidence", m.evidence);
    j->set("decided_by", m.decided_by);
    (m.state == ReviewState::kConfirmed ? thread : proposed)->add(j);
  }
  o->set("thread", thread);
  o->set("proposed_matches", proposed);
  return o;
}

Result<AssignmentFilter> filterOf(std::map<std::string, std::string>& params) {
  AssignmentFilter f;
  auto today = todayOf(params);
  if (!today.ok()) return today.status();
  f.today = today.value();
  f.organization = params["organization"];
  f.assignee = params["assignee"];
  f.area = params["area"];
  f.scheme = params["scheme"];
  if (!params["status"].empty()) {
    f.status = parseAssignmentStatus(params["status"]);
    if (!f.status) {
      return Status::invalidArgument("Okänd status \"" + params["status"] +
                                     "\": open, in_progress, done, overdue eller cancelled.");
    }
  }
  for (const char* key : {"due_before", "due_after"}) {
    if (!params[key].empty() && !isIsoDate(params[key])) {
      return Status::invalidArgument(std::string("Parametern ") + key + " ska vara ett datum (ÅÅÅÅ-MM-DD).");
    }
  }
  f.due_before = params["due_before"];
  f.due_after = params["due_after"];
  f.overdue = params["overdue"] == "true";
  return f;
}

// iCalendar text: escape and fold at 75 octets without splitting a character.
constexpr const char* kCsvColumns[] = {
    "id",       "parent_id",    "title",    "description",        "start_date",         "end_date", "status",
    "progress", "organization", "assignee", "source_document_id", "source_item_number", "areas"};

std::string csvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string externalId(Id id) { return "beslut:assignment:" + std::to_string(id); }

// RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines.
Result<std::vector<std::vector<std::string>>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) return Status::invalidArgument("CSV-filen har ett citattecken som inte avslutas.");
  if (field_started || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Every assignment the principal may see, as it stands.
Result<std::vector<AssignmentRecord>> visibleAssignments(AppContext& ctx, const Principal& p,
                                                         Threads* threads = nullptr) {
  return assignmentsAsTheyStand(ctx.runtime.store(), p, threads);
}


}  // namespace

void assignmentsCsv(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                    Poco::Net::HTTPServerResponse& res) {
  auto params = queryParameters(req);
  Store& store = ctx.runtime.store();
  if (req.getMethod() != "POST") {
    auto caller = identify(ctx, req);
    if (!caller.ok()) return sendError(res, caller.status());
    auto filter = filterOf(params);
    if (!filter.ok()) return sendError(res, filter.status());
    auto all = visibleAssignments(ctx, caller->principal);
    if (!all.ok()) return sendError(res, all.status());
    std::ostringstream out;
    for (std::size_t i = 0; i < std::size(kCsvColumns); ++i) out << (i ? "," : "") << kCsvColumns[i];
    out << "\r\n";
    for (const auto& r : all.value()) {
      if (!matches(r, filter.value())) continue;
      const Assignment& a = r.assignment;
      std::string areas;
      for (const auto& l : r.areas) areas += (areas.empty() ? "" : " ") + l.code;
      std::ostringstream progress;
      progress << currentProgress(a);
      const std::vector<std::string> fields = {externalId(a.id),
                                               "beslut:document:" + std::to_string(r.document_id),
                                               a.task,
                                               r.organization + ", § " + r.item_number + " " + r.item_title,
                                               r.document_date,
                                               dueDate(a.due),
                                               assignmentStatusName(currentStatus(a, filter->today)),
                                               progress.str(),
                                               r.organization,
                                               a.assignee,
                                               std::to_string(r.document_id),
                                               r.item_number,
                                               areas};
      for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csvField(fields[i]);
      out << "\r\n";
    }
    const std::string body = out.str();
    res.setContentType("text/csv; charset=utf-8");
    res.set("Content-Disposition", "attachment; filename=\"uppdrag.csv\"");
    res.setContentLength(static_cast<std::streamsize>(body.size()));
    res.send() << body;
    return;
  }
  auto caller = requireSignedIn(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  if (!caller->principal.canEditSomewhere()) return sendError(res, mayNotEdit(""));
  FollowUps followups = ctx.runtime.followUps();
  auto upload = readBody(req, res, 8u << 20);
  if (!upload.ok()) {
    return sendError(res, upload.status().code() == StatusCode::kTooLarge
                              ? Status::tooLarge("CSV-filen är för stor (högst 8 MB).")
                              : upload.status());
  }
  const std::string& text = upload.value();
  auto rows = parseCsv(text);
  if (!rows.ok()) return sendError(res, rows.status());
  if (rows->empty()) return sendError(res, Status::invalidArgument("CSV-filen är tom."));
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < rows->front().size(); ++i) column[rows->front()[i]] = i;
  for (const char* required : {"id", "status"}) {
    if (!column.count(required)) {
      return sendError(res, Status::invalidArgument(std::string("CSV-filen saknar kolumnen ") + required + "."));
    }
  }
  auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    auto it = column.find(name);
    return it != column.end() && it->second < row.size() ? row[it->second] : std::string();
  };
  std::size_t updated = 0, unchanged = 0;
  Array::Ptr errors = new Array;
  auto error = [&](std::size_t line, const std::string& message) {
    Object::Ptr e = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    e->set("line", static_cast<Poco::UInt64>(line));
    e->set("message", message);
    errors->add(e);
  };
  for (std::size_t n = 1; n < rows->size(); ++n) {
    const auto& row = rows.value()[n];
    const std::string id_text = cell(row, "id");
    const std::string prefix = "beslut:assignment:";
    Poco::Int64 id = 0;
    if (id_text.rfind(prefix, 0) != 0 || !Poco::NumberParser::tryParse64(id_text.substr(prefix.size()), id)) {
      error(n + 1, "Okänt id \"" + id_text + "\" (väntat beslut:assignment:N).");
      continue;
    }
    auto status = parseAssignmentStatus(cell(row, "status"));
    if (!status) {
      error(n + 1, "Okänd status \"" + cell(row, "status") + "\".");
      continue;
    }
    double progress = -1;
    if (const std::string p = cell(row, "progress"); !p.empty()) {
      if (!Poco::NumberParser::tryParseFloat(p, progress) || progress < 0 || progress > 100) {
        error(n + 1, "Andelen klart ska vara 0–100.");
        continue;
      }
    }
    auto current = assignmentAsItStands(store, caller->principal, id);
    if (!current.ok()) {
      error(n + 1, current.status().message());
      continue;
    }
    // Rights first: a row for another body's assignment is refused even when it changes nothing.
    if (!caller->principal.canEdit(current->organization)) {
      error(n + 1, mayNotEdit(current->organization).message());
      continue;
    }
    const Assignment& a = current->assignment;
    // Compare with the recorded status, not today's: "overdue" is computed, and a
    // past-due row saying "in_progress" must not add a follow-up at every import.
    const AssignmentStatus recorded = recordedStatus(a);
    const bool same_status = *status == recorded || *status == AssignmentStatus::kOverdue;
    if (same_status && (progress < 0 || progress == currentProgress(a))) {
      ++unchanged;
      continue;
    }
    FollowUp f;
    f.status = *status;
    f.progress = progress;
    f.comment = "Importerad från CSV.";
    auto stored = followups.add(caller->principal, id, f, "CSV");
    if (!stored.ok()) {
      error(n + 1, stored.status().message());
      continue;
    }
    ++updated;
  }
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("updated", static_cast<Poco::UInt64>(updated));
  body->set("unchanged", static_cast<Poco::UInt64>(unchanged));
  body->set("errors", errors);
  sendJson(res, body);
}

void listAssignments(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) {
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto params = queryParameters(req);
  auto filter = filterOf(params);
  if (!filter.ok()) return sendError(res, filter.status());
  Threads threads;
  auto all = visibleAssignments(ctx, caller->principal, &threads);
  if (!all.ok()) return sendError(res, all.status());
  auto related = Related::load(ctx.runtime.store(), all.value(), std::move(threads), caller->principal);
  if (!related.ok()) return sendError(res, related.status());
  Array::Ptr list = new Array;
  std::size_t total = 0;
  for (const auto& r : all.value()) {
    if (!matches(r, filter.value())) continue;
    ++total;
    list->add(assignmentJson(r, ctx.runtime.taxonomy(), filter->today, related.value()));
  }
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("total", static_cast<Poco::UInt64>(total));
  body->set("today", filter->today);
  body->set("assignments", list);
  sendJson(res, body);
}

void sendAssignment(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const Principal& principal, Id id,
                    HTTPResponse::HTTPStatus status, const std::string& today) {
  Threads threads;
  auto all = visibleAssignments(ctx, principal, &threads);
  if (!all.ok()) return sendError(res, all.status());
  auto related = Related::load(ctx.runtime.store(), all.value(), std::move(threads), principal);
  if (!related.ok()) return sendError(res, related.status());
  const AssignmentRecord* record = related->record(id);
  if (record == nullptr) return sendError(res, Status::notFound("Uppdraget " + std::to_string(id) + " finns inte."));
  sendJson(res, assignmentJson(*record, ctx.runtime.taxonomy(), today, related.value()), status);
}

void answerAssignment(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                      Poco::Net::HTTPServerResponse& res, Id id, bool followup, Id match_id, Id report_back_id) {
  auto params = queryParameters(req);
  auto today = todayOf(params);
  if (!today.ok()) return sendError(res, today.status());
  auto caller = req.getMethod() == "POST" ? requireSignedIn(ctx, req) : identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  const Principal principal = caller->principal;
  FollowUps followups = ctx.runtime.followUps();
  if (followup) {
    auto body = readJsonBody(req, res, 64 * 1024);
    if (!body.ok()) return sendError(res, body.status());
    Object::Ptr o = body.value();
    FollowUp f;
    auto status_field = jsonText(o, "status");
    auto comment = jsonText(o, "comment");
    auto date = jsonText(o, "date");
    auto progress = jsonNumber(o, "progress", -1);
    for (const Status& bad : {status_field.status(), comment.status(), date.status(), progress.status()}) {
      if (!bad.ok()) return sendError(res, bad);
    }
    auto status = parseAssignmentStatus(status_field.value());
    if (!status) {
      return sendError(res, Status::invalidArgument("Ange status: open, in_progress, done, overdue eller cancelled."));
    }
    f.status = *status;
    f.comment = comment.value();
    f.date = date.value();
    if (o->has("progress")) {
      f.progress = progress.value();
      if (f.progress < 0) return sendError(res, Status::invalidArgument("Andelen klart ska vara 0–100."));
    }
    auto stored = followups.add(principal, id, f);
    if (!stored.ok()) return sendError(res, stored.status());
    catchUpIndex(ctx);  // the status facet follows at once
    return sendAssignment(ctx, res, principal, id, HTTPResponse::HTTP_CREATED, today.value());
  }
  if (report_back_id != 0 || match_id != 0) {
    // A person decides on a match (the same task elsewhere) or a report-back: {"confirm": bool}.
    auto body = readJsonBody(req, res, 4096);
    if (!body.ok()) return sendError(res, body.status());
    if (!body.value()->has("confirm") || !body.value()->get("confirm").isBoolean()) {
      return sendError(res, Status::invalidArgument("Ange \"confirm\": true eller false."));
    }
    const bool confirm = body.value()->getValue<bool>("confirm");
    Status st = report_back_id != 0 ? followups.decideReportBack(principal, id, report_back_id, confirm)
                                    : followups.decideMatch(principal, id, match_id, confirm);
    if (!st.ok()) return sendError(res, st);
    catchUpIndex(ctx);
  }
  sendAssignment(ctx, res, principal, id, HTTPResponse::HTTP_OK, today.value());
}


void areaSummary(AppContext& ctx, const PathParams& path, Poco::Net::HTTPServerRequest& req,
                 Poco::Net::HTTPServerResponse& res) {
  const std::string& code = path.text();
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto params = queryParameters(req);
  auto today = todayOf(params);
  if (!today.ok()) return sendError(res, today.status());
  // Codes repeat across schemes ("5.2" in the RUS and in a body's own plan):
  // ?scheme= chooses, else the first loaded scheme that has the code.
  const TaxonomyNode* node = nodeOf(ctx.runtime.taxonomy(), params["scheme"], code);
  if (node == nullptr) return sendError(res, Status::notFound("Området " + code + " finns inte i strategin."));
  auto all = visibleAssignments(ctx, caller->principal);
  if (!all.ok()) return sendError(res, all.status());
  AssignmentFilter f;
  f.area = code;
  f.scheme = node->scheme;
  f.today = today.value();
  const FollowUpStats stats = followUpStats(all.value(), f);
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("code", node->code);
  body->set("scheme", node->scheme);
  body->set("title", node->title);
  body->set("description", node->description);
  body->set("today", f.today);
  body->set("assignments", static_cast<Poco::UInt64>(stats.total));
  // What else serves the area: linked documents, items (§) and decisions.
  if (auto counts = ctx.runtime.store().linkCounts(node->scheme, node->code, !caller->principal.administrator());
      counts.ok()) {
    Object::Ptr linked = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const char* type : {"document", "item", "decision", "assignment"}) {
      auto it = counts->find(type);
      linked->set(std::string(type) + "s", static_cast<Poco::Int64>(it == counts->end() ? 0 : it->second));
    }
    body->set("linked", linked);
  }
  Object::Ptr statuses = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : stats.by_status) statuses->set(assignmentStatusName(k), static_cast<Poco::UInt64>(v));
  body->set("by_status", statuses);
  body->set("overdue", static_cast<Poco::UInt64>(stats.by_status.at(AssignmentStatus::kOverdue)));
  Array::Ptr quarters = new Array;
  for (const auto& [q, counts] : stats.by_quarter) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("quarter", q);
    o->set("new", static_cast<Poco::UInt64>(counts.given));
    o->set("done", static_cast<Poco::UInt64>(counts.done));
    quarters->add(o);
  }
  body->set("trend", quarters);
  sendJson(res, body);
}

void assignmentFeed(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                    Poco::Net::HTTPServerResponse& res, bool ical) {
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  auto params = queryParameters(req);
  auto filter = filterOf(params);
  if (!filter.ok()) return sendError(res, filter.status());
  auto all = visibleAssignments(ctx, caller->principal);
  if (!all.ok()) return sendError(res, all.status());
  const std::string base = baseUrl(req);
  std::string body;
  if (ical) {
    std::vector<CalendarEvent> events;
    for (const auto& r : all.value()) {
      const Assignment& a = r.assignment;
      const std::string due = dueDate(a.due);
      if (due.empty() || !matches(r, filter.value())) continue;
      const AssignmentStatus status = currentStatus(a, filter->today);
      events.push_back({"assignment-" + std::to_string(a.id) + "@beslut", due,
                        "Uppdrag: " + a.assignee + " – " + a.task,
                        r.organization + ", § " + r.item_number + " " + r.item_title + " (" + r.document_title +
                            "). Status: " + statusLabel(status) + ".",
                        base + "/api/v1/assignments/" + std::to_string(a.id), status == AssignmentStatus::kCancelled});
    }
    body = writeICalendar("Uppdrag – Beslut", Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y%m%dT%H%M%SZ"),
                          events);
    res.setContentType("text/calendar; charset=utf-8");
  } else {
    // The newest follow-ups recorded on assignments the caller may see.
    struct Entry {
      const AssignmentRecord* record;
      const FollowUp* followup;
    };
    std::vector<Entry> entries;
    for (const auto& r : all.value()) {
      if (!matches(r, filter.value())) continue;
      for (const auto& f : r.assignment.followups) {
        if (f.assignment_id == r.assignment.id) entries.push_back({&r, &f});  // a thread's others have their own
      }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
      return x.followup->created_at != y.followup->created_at ? x.followup->created_at > y.followup->created_at
                                                              : x.followup->id > y.followup->id;
    });
    if (entries.size() > 100) entries.resize(100);
    AtomFeed feed;
    feed.id = "urn:beslut:followups";
    feed.title = "Beslut – uppföljning av uppdrag";
    feed.updated = entries.empty()
                       ? Poco::DateTimeFormatter::format(Poco::DateTime(), Poco::DateTimeFormat::ISO8601_FORMAT)
                       : entries.front().followup->created_at;
    feed.self = base + "/feeds/followups.atom";
    for (const auto& e : entries) {
      const Assignment& a = e.record->assignment;
      const FollowUp& f = *e.followup;
      feed.entries.push_back({"urn:beslut:followup:" + std::to_string(f.id),
                              a.assignee + ": " + statusLabel(f.status) + " – " + a.task, f.created_at,
                              f.author.empty() ? "Beslut (ur dokument)" : f.author,
                              base + "/api/v1/assignments/" + std::to_string(a.id), f.comment, false});
    }
    body = writeAtom(feed);
    res.setContentType("application/atom+xml; charset=utf-8");
  }
  res.setContentLength(static_cast<std::streamsize>(body.size()));
  res.send() << body;
}

}  // namespace beslut::server
