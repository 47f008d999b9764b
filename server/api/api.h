// The JSON API (/api/v1/…) and the health checks: one function per route (see
// http/routes.cpp). They parse the request, call core and render JSON.
#pragma once

#include "http/body.h"
#include "http/router.h"

namespace beslut::server {

// Search and documents (api/documents.cpp).
void searchApi(AppContext& ctx, const PathParams& path, Request& req, Response& res);       // GET /api/v1/search
void postDocument(AppContext& ctx, const PathParams& path, Request& req, Response& res);    // POST /api/v1/documents
void getDocument(AppContext& ctx, const PathParams& path, Request& req, Response& res);     // GET …/documents/{id}
void getOriginal(AppContext& ctx, const PathParams& path, Request& req, Response& res);     // GET …/{id}/original
void getExtraction(AppContext& ctx, const PathParams& path, Request& req, Response& res);   // GET …/{id}/extraction
void postCorrection(AppContext& ctx, const PathParams& path, Request& req, Response& res);  // POST …/{id}/corrections
void postReextract(AppContext& ctx, const PathParams& path, Request& req, Response& res);   // POST …/{id}/reextract
void publication(AppContext& ctx, const PathParams& path, Request& req, Response& res);  // GET|POST …/{id}/publication
void health(AppContext& ctx, Response& res, bool readiness);                             // GET /healthz, /readyz

// Assignments and their follow-up (api/assignments.cpp).
void listAssignments(AppContext& ctx, const PathParams& path, Request& req, Response& res);  // GET /api/v1/assignments
void assignmentsCsv(AppContext& ctx, const PathParams& path, Request& req, Response& res);   // GET|POST ….csv
// GET /api/v1/assignments/{id}; POST …/{id}/followups, …/{id}/matches/{id}, …/{id}/report-backs/{id}.
void answerAssignment(AppContext& ctx, const PathParams& path, Request& req, Response& res, Id id, bool followup,
                      Id match_id, Id report_back_id);
void areaSummary(AppContext& ctx, const PathParams& path, Request& req,
                 Response& res);  // GET /api/v1/areas/{code}/summary
// GET /feeds/assignments.ics (ical) and /feeds/followups.atom.
void assignmentFeed(AppContext& ctx, const PathParams& path, Request& req, Response& res, bool ical);

// Sessions (api/session.cpp): POST /api/v1/login {"name", "password"} → the session cookie and
// {"name", "roles", "csrf_token"}; POST /api/v1/logout; GET /api/v1/me (401 if nobody).
void postLogin(AppContext& ctx, const PathParams& path, Request& req, Response& res);
void postLogout(AppContext& ctx, const PathParams& path, Request& req, Response& res);
void getMe(AppContext& ctx, const PathParams& path, Request& req, Response& res);

}  // namespace beslut::server
