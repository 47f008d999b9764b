// Sessions over the API: login, logout and who is signed in.
#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "api/api.h"
#include "api/json_output.h"
#include "http/auth.h"

namespace beslut::server {

void postLogin(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
               Poco::Net::HTTPServerResponse& res) {
  // Another site's page can post a form (text/plain, urlencoded) here but not JSON without
  // our consent (CORS): requiring JSON keeps others from signing a visitor in as someone else.
  const std::string type = req.getContentType();
  if (Poco::icompare(type.substr(0, type.find(';')), "application/json") != 0) {
    return sendError(res, Status::unsupported("Logga in med Content-Type: application/json."));
  }
  auto body = readJsonBody(req, res, 16 * 1024);
  if (!body.ok()) return sendError(res, body.status());
  const auto& o = body.value();
  if (!o->has("name") || !o->get("name").isString() || !o->has("password") || !o->get("password").isString()) {
    return sendError(res, Status::invalidArgument("Ange \"name\" och \"password\"."));
  }
  auto login = signIn(ctx, req, res, o->getValue<std::string>("name"), o->getValue<std::string>("password"));
  if (!login.ok()) return sendError(res, login.status());
  auto out = principalToJson(login->principal);
  out->set("csrf_token", login->csrf_token);
  sendJson(res, out);
}

void postLogout(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req,
                Poco::Net::HTTPServerResponse& res) {
  auto caller = requireSignedIn(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  signOut(ctx, caller.value(), req, res);
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
  out->set("signed_out", true);
  sendJson(res, out);
}

void getMe(AppContext& ctx, const PathParams&, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  auto caller = identify(ctx, req);
  if (!caller.ok()) return sendError(res, caller.status());
  if (caller->principal.anonymous()) return sendError(res, Status::unauthenticated("Du är inte inloggad."));
  auto out = principalToJson(caller->principal);
  if (caller->via_session) out->set("csrf_token", caller->csrf_token);
  sendJson(res, out);
}

}  // namespace beslut::server
