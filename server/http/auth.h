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

// Signs a person in (Authenticator::login: throttled per client address), sets the
// session cookie; Authenticator::login audits it. The one way in for the portal and the API.
Result<Authenticator::Login> signIn(AppContext& ctx, const Poco::Net::HTTPServerRequest& request,
                                    Poco::Net::HTTPServerResponse& response, const std::string& name,
                                    const std::string& password);
// Ends the caller's session (if they came with one) and clears the cookie.
void signOut(AppContext& ctx, const Caller& caller, const Poco::Net::HTTPServerRequest& request,
             Poco::Net::HTTPServerResponse& response);

void setSessionCookie(AppContext& ctx, Poco::Net::HTTPServerResponse& response, const std::string& value);
void clearSessionCookie(AppContext& ctx, Poco::Net::HTTPServerResponse& response);

// Records a change in the audit log; a failure to record is logged, not fatal.
void audit(AppContext& ctx, const Caller& caller, const std::string& action, const std::string& entity, Id entity_id,
           const std::string& before, const std::string& after);

Poco::JSON::Object::Ptr principalToJson(const Principal& p);

}  // namespace beslut::server
