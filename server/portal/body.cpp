// A body (organ): its members, documents and assignments.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

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

}  // namespace

void bodyPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showBodyPage(ctx, req, res); }

}  // namespace beslut::server
