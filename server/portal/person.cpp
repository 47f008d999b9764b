// A person: the meetings they attended and their assignments.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

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

}  // namespace

void personPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showPersonPage(ctx, req, res); }

}  // namespace beslut::server
