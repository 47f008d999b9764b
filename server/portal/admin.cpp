// Users and roles, for administrators.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

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
    Status st = readForm(req, res, form);
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
        roles += (roles.empty() ? "" : ", ") +
                 std::string(g.role == Role::kReader      ? "läsare"
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
      row.set("entity",
              e.entity.empty() ? std::string() : e.entity + (e.entity_id ? " " + std::to_string(e.entity_id) : ""));
      row.set("document_link", e.entity == "document" && e.entity_id != 0);
      row.set("entity_id", std::to_string(e.entity_id));
      log.push_back(row);
    }
  }
  data.set("audit", log);
  sendPage(ctx, res, "admin", data, caller, "Användare och roller", "admin", status);
}

}  // namespace

void adminPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showAdminPage(ctx, req, res, ""); }

void adminAction(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  showAdminPage(ctx, req, res, path.text());
}

}  // namespace beslut::server
