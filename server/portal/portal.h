// The portal: server-rendered HTML pages in Swedish, one route function per
// page (see http/routes.cpp). Templates escape by default.
#pragma once

#include "http/router.h"

namespace beslut::server {

void searchPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);    // GET /sok?q=
void startPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);     // GET / (/?q= searches)
void loginPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);     // GET|POST /logga-in
void logoutPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);    // POST /logga-ut
void documentPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);  // GET /dokument/{id}
void documentAction(AppContext& ctx, const PathParams& path, Request& req,
                    Response& res);                                                     // POST /dokument/{id}/{action}
void importPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);  // GET|POST /importera
void noticeBoardPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);  // GET /anslagstavla
void bodyPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);         // GET /organ?namn=
void personPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);       // GET /person?namn=
void areaPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);         // GET /omrade/{code}
void followUpPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);     // GET /uppfoljning
void staticFile(AppContext& ctx, const PathParams& path, Request& req, Response& res);       // GET /static/{file}
void adminPage(AppContext& ctx, const PathParams& path, Request& req, Response& res);        // GET /administration
void adminAction(AppContext& ctx, const PathParams& path, Request& req,
                 Response& res);  // POST /administration/{action}

}  // namespace beslut::server
