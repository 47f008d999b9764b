// The web portal, in Swedish: start page, login, documents with the
// publishing workflow, the notice board, bodies, people, priority areas and the
// follow-up dashboard. Rendered on the server from content/templates; forms
// post back here with a CSRF token and are answered with a redirect.
#pragma once

#include <string>

#include "app_context.h"
#include "beslut/model.h"
#include "http/handler.h"

namespace beslut::server {

// One class for every page; `kind` picks the page, `arg` its subject (an id, a code).
class PortalHandler : public Handler {
 public:
  enum class Page {
    kStart,        // GET /
    kLogin,        // GET|POST /logga-in
    kLogout,       // POST /logga-ut
    kDocument,     // GET /dokument/{id}, POST /dokument/{id}/{action}
    kImport,       // GET|POST /importera
    kNoticeBoard,  // GET /anslagstavla
    kBody,         // GET /organ?namn=
    kPerson,       // GET /person?namn=
    kArea,         // GET /omrade/{code}
    kFollowUp,     // GET /uppfoljning
    kStatic,       // GET /static/{file}
    kAdmin,        // GET /administration, POST /administration/{action} (administrators only)
  };
  PortalHandler(AppContext& ctx, Page page, std::string arg = {}, std::string action = {})
      : ctx_(ctx), page_(page), arg_(std::move(arg)), action_(std::move(action)) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Page page_;
  std::string arg_;
  std::string action_;
};

}  // namespace beslut::server
