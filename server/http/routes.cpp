// Every address Beslut answers. The router (http/router.cpp) matches them in
// order and decides 404 and 405; each answer parses, calls core and renders.
#include "api/api.h"
#include "feeds/feeds.h"
#include "http/router.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

void healthz(AppContext& ctx, const PathParams&, Request&, Response& res) { health(ctx, res, false); }
void readyz(AppContext& ctx, const PathParams&, Request&, Response& res) { health(ctx, res, true); }

void getAssignment(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  answerAssignment(ctx, path, req, res, path.id(0), false, 0, 0);
}
void postFollowUp(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  answerAssignment(ctx, path, req, res, path.id(0), true, 0, 0);
}
void postMatchDecision(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  answerAssignment(ctx, path, req, res, path.id(0), false, path.id(1), 0);
}
void postReportBackDecision(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  answerAssignment(ctx, path, req, res, path.id(0), false, 0, path.id(1));
}
void assignmentsIcs(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  assignmentFeed(ctx, path, req, res, true);
}
void followUpsAtom(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  assignmentFeed(ctx, path, req, res, false);
}

}  // namespace

std::vector<Route> beslutRoutes() {
  return {
      // The portal (HTML, Swedish).
      {"GET", "/", startPage},
      {"GET", "/sok", searchPage},
      {"GET", "/logga-in", loginPage},
      {"POST", "/logga-in", loginPage},
      {"POST", "/logga-ut", logoutPage},
      {"GET", "/importera", importPage},
      {"POST", "/importera", importPage},
      {"GET", "/anslagstavla", noticeBoardPage},
      {"GET", "/organ", bodyPage},
      {"GET", "/person", personPage},
      {"GET", "/uppfoljning", followUpPage},
      {"GET", "/administration", adminPage},
      {"POST", "/administration/{name}", adminAction},
      {"GET", "/static/{*}", staticFile},
      {"GET", "/omrade/{name}", areaPage},
      {"GET", "/dokument/{name}", documentPage},
      {"POST", "/dokument/{name}/{name}", documentAction},
      // Health.
      {"GET", "/healthz", healthz},
      {"GET", "/readyz", readyz},
      // The JSON API.
      {"POST", "/api/v1/login", postLogin},
      {"POST", "/api/v1/logout", postLogout},
      {"GET", "/api/v1/me", getMe},
      {"GET", "/api/v1/search", searchApi},
      {"POST", "/api/v1/documents", postDocument},
      {"GET", "/api/v1/documents/{id}", getDocument},
      {"GET", "/api/v1/documents/{id}/original", getOriginal},
      {"GET", "/api/v1/documents/{id}/extraction", getExtraction},
      {"POST", "/api/v1/documents/{id}/corrections", postCorrection},
      {"POST", "/api/v1/documents/{id}/reextract", postReextract},
      {"GET", "/api/v1/documents/{id}/publication", publication},
      {"POST", "/api/v1/documents/{id}/publication", publication},
      {"GET", "/api/v1/assignments", listAssignments},
      {"GET", "/api/v1/assignments.csv", assignmentsCsv},
      {"POST", "/api/v1/assignments.csv", assignmentsCsv},
      {"GET", "/api/v1/assignments/{id}", getAssignment},
      {"POST", "/api/v1/assignments/{id}/followups", postFollowUp},
      {"POST", "/api/v1/assignments/{id}/matches/{id}", postMatchDecision},
      {"POST", "/api/v1/assignments/{id}/report-backs/{id}", postReportBackDecision},
      {"GET", "/api/v1/areas/{name}/summary", areaSummary},
      {"GET", "/api/v1/saved-searches", savedSearches},
      {"POST", "/api/v1/saved-searches", savedSearches},
      // Feeds.
      {"GET", "/feeds/searches/{id}.atom", searchFeed},
      {"GET", "/feeds/assignments.ics", assignmentsIcs},
      {"GET", "/feeds/followups.atom", followUpsAtom},
  };
}

}  // namespace beslut::server
