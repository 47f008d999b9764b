// Follow-up of assignments: filters, the list and the charts.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

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
  if (auto loaded = assignmentsAsTheyStand(ctx.runtime.store(), caller.principal); loaded.ok())
    all = std::move(loaded).value();
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

}  // namespace

void followUpPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showFollowUpPage(ctx, req, res); }

}  // namespace beslut::server
