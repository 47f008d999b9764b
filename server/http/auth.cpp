#include "http/auth.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <sstream>

#include "api/json_output.h"

namespace beslut::server {

using Poco::Net::HTTPResponse;

namespace {

// Constant-time comparison of two tokens.
bool sameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string cookie(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  return cookies.get(name, "");
}

}  // namespace

Result<Caller> identify(AppContext& ctx, const Poco::Net::HTTPServerRequest& request) {
  Caller caller;
  const std::string authorization = request.get("Authorization", "");
  if (!authorization.empty()) {
    if (Poco::icompare(authorization, 0, 7, "Bearer ") != 0) {
      return Status::unauthenticated("Authorization ska vara \"Bearer\" följt av en API-nyckel.");
    }
    auto p = ctx.runtime.auth().bearer(authorization.substr(7));
    if (!p.ok()) return p.status();
    caller.principal = std::move(p).value();
    return caller;
  }
  const std::string token = cookie(request, kSessionCookie);
  if (token.empty()) return caller;
  auto session = ctx.runtime.auth().session(token);
  if (!session.ok()) {
    if (session.status().code() == StatusCode::kUnauthenticated) return caller;  // stale: anonymous
    return session.status();
  }
  caller.principal = std::move(session->first);
  caller.csrf_token = std::move(session->second);
  caller.via_session = true;
  return caller;
}

Result<Caller> requireSignedIn(AppContext& ctx, const Poco::Net::HTTPServerRequest& request,
                               const std::string& form_token) {
  auto caller = identify(ctx, request);
  if (!caller.ok()) return caller.status();
  if (caller->principal.anonymous()) {
    return Status::unauthenticated("Logga in för att göra ändringar.");
  }
  if (caller->via_session) {
    const std::string sent = request.get("X-CSRF-Token", form_token);
    if (!sameToken(sent, caller->csrf_token)) {
      return Status::permissionDenied(
          "Formuläret har gått ut eller kom från en annan webbplats. Ladda om sidan och försök igen.");
    }
  }
  return caller;
}

std::string clientAddress(const Poco::Net::HTTPServerRequest& request) {
  try {
    const Poco::Net::IPAddress peer = request.clientAddress().host();
    // Behind nginx on the same machine (server/nginx/beslut.conf) every peer is
    // loopback: the address nginx saw is in X-Real-IP. From anyone else it is ignored.
    if (peer.isLoopback() && request.has("X-Real-IP")) {
      Poco::Net::IPAddress real;
      if (Poco::Net::IPAddress::tryParse(request.get("X-Real-IP"), real)) return real.toString();
    }
    return peer.toString();
  } catch (const Poco::Exception&) {
    return "";
  }
}

void setSessionCookie(AppContext& ctx, Poco::Net::HTTPServerResponse& response, const std::string& value) {
  Poco::Net::HTTPCookie c(kSessionCookie, value);
  c.setPath("/");
  c.setHttpOnly(true);
  c.setSecure(ctx.runtime.settings().secure_cookies);
  c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  if (value.empty()) c.setMaxAge(0);
  response.addCookie(c);
}

void clearSessionCookie(AppContext& ctx, Poco::Net::HTTPServerResponse& response) {
  setSessionCookie(ctx, response, "");
}

void audit(AppContext& ctx, const Caller& caller, const std::string& action, const std::string& entity, Id entity_id,
           const std::string& before, const std::string& after) {
  Status st = ctx.runtime.accounts().audit({0, "", caller.principal.name, action, entity, entity_id, before, after});
  if (!st.ok()) Poco::Logger::get("beslut.audit").error("could not record " + action + ": " + st.toString());
}

Result<Authenticator::Login> signIn(AppContext& ctx, const Poco::Net::HTTPServerRequest& request,
                                    Poco::Net::HTTPServerResponse& response, const std::string& name,
                                    const std::string& password) {
  auto login = ctx.runtime.auth().login(name, password, clientAddress(request));
  if (!login.ok()) return login.status();
  setSessionCookie(ctx, response, login->session_token);
  return login;
}

void signOut(AppContext& ctx, const Caller& caller, const Poco::Net::HTTPServerRequest& request,
             Poco::Net::HTTPServerResponse& response) {
  if (caller.via_session) (void)ctx.runtime.auth().logout(cookie(request, kSessionCookie));
  clearSessionCookie(ctx, response);
}

Poco::JSON::Object::Ptr principalToJson(const Principal& p) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("name", p.name);
  Poco::JSON::Array::Ptr roles = new Poco::JSON::Array;
  for (const auto& g : p.grants) {
    Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    r->set("role", roleName(g.role));
    r->set("organization", g.organization);
    roles->add(r);
  }
  o->set("roles", roles);
  return o;
}

}  // namespace beslut::server
