// Who is asking, and what they may do: the session cookie or an API token,
// CSRF checks for changes made from a browser, and the login/logout endpoints.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <vector>

#include "app_context.h"
#include "beslut/accounts.h"
#include "beslut/followup.h"
#include "beslut/search_index.h"
#include "beslut/store.h"
#include "beslut/visibility.h"
#include "http/handler.h"

namespace beslut::server {

inline constexpr const char* kSessionCookie = "beslut_session";
inline constexpr const char* kLoginCsrfCookie = "beslut_login_csrf";

struct Caller {
  Principal principal;     // anonymous when nobody is signed in
  std::string csrf_token;  // of the session; empty for API tokens and anonymous visitors
  bool via_session = false;
};

// "Authorization: Bearer TOKEN", else the session cookie, else anonymous. A bad
// token is an error (kUnauthenticated); a stale cookie only makes an anonymous visitor.
Result<Caller> identify(AppContext& ctx, const Poco::Net::HTTPServerRequest& request);

// For requests that change something: a signed-in caller; from a browser
// session also the CSRF token, in the X-CSRF-Token header or `form_token`.
Result<Caller> requireSignedIn(AppContext& ctx, const Poco::Net::HTTPServerRequest& request,
                               const std::string& form_token = {});

// The peer's address, for throttling failed logins.
std::string clientAddress(const Poco::Net::HTTPServerRequest& request);

void setSessionCookie(AppContext& ctx, Poco::Net::HTTPServerResponse& response, const std::string& value);
void clearSessionCookie(AppContext& ctx, Poco::Net::HTTPServerResponse& response);

// Records a change in the audit log; a failure to record is logged, not fatal.
void audit(AppContext& ctx, const Caller& caller, const std::string& action, const std::string& entity, Id entity_id,
           const std::string& before, const std::string& after);

// POST /api/v1/login {"name", "password"} → the session cookie and {"name", "roles", "csrf_token"}.
class LoginApiHandler : public Handler {
 public:
  explicit LoginApiHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// POST /api/v1/logout: ends the session.
class LogoutApiHandler : public Handler {
 public:
  explicit LogoutApiHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// GET /api/v1/me: who is signed in, their roles and the session's CSRF token; 401 if nobody.
class MeHandler : public Handler {
 public:
  explicit MeHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

Poco::JSON::Object::Ptr principalToJson(const Principal& p);

}  // namespace beslut::server
