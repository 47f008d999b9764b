// Signing in and out in the browser.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

void showLoginPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  auto showForm = [&](const std::string& error, const std::string& name, const std::string& next,
                      HTTPResponse::HTTPStatus status) {
    // Login CSRF: a token in a cookie of its own, repeated in the form.
    const std::string token = randomToken(18);
    Poco::Net::HTTPCookie c(kLoginCsrfCookie, token);
    c.setPath("/logga-in");
    c.setHttpOnly(true);
    c.setSecure(ctx.runtime.settings().secure_cookies);
    c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    res.addCookie(c);
    mustache::data data;
    data.set("login_csrf", token);
    setText(data, "error", error);
    data.set("name", name);
    data.set("next", next);
    sendPage(ctx, res, "login", data, caller, "Logga in", "login", status);
  };
  auto params = queryParameters(req);
  std::string next = params["tillbaka"];
  if (req.getMethod() != "POST") return showForm("", "", next, HTTPResponse::HTTP_OK);
  Poco::Net::HTMLForm form;
  if (Status read = readForm(req, res, form); !read.ok())
    return showForm(read.message(), "", next, HTTPResponse::HTTP_BAD_REQUEST);
  Poco::Net::NameValueCollection cookies;
  req.getCookies(cookies);
  const std::string expected = cookies.get(kLoginCsrfCookie, "");
  const std::string name = form.get("name", ""), password = form.get("password", "");
  next = form.get("next", "");
  if (expected.empty() || form.get("csrf", "") != expected) {
    return showForm("Formuläret har gått ut. Försök igen.", name, next, HTTPResponse::HTTP_FORBIDDEN);
  }
  auto login = signIn(ctx, req, res, name, password);
  if (!login.ok()) return showForm(login.status().message(), name, next, httpStatusFor(login.status().code()));
  // Only a path of our own: never an address elsewhere ("//host", "/\\host", control characters, …).
  const bool safe = !next.empty() && next[0] == '/' && (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) &&
                    std::all_of(next.begin(), next.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) ||
                             (c != '\0' && std::strchr("/_.-?=&%#", c) != nullptr);
                    });
  redirect(res, safe ? next : std::string("/"));
}

void doLogout(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Poco::Net::HTMLForm form;
  Caller anonymous;
  if (Status read = readForm(req, res, form); !read.ok()) return sendStatusPage(ctx, res, anonymous, read);
  auto caller = requireSignedIn(ctx, req, form.get("csrf", ""));
  if (caller.ok()) signOut(ctx, caller.value(), req, res);
  redirect(res, "/");
}

}  // namespace

void loginPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showLoginPage(ctx, req, res); }

void logoutPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { doLogout(ctx, req, res); }

}  // namespace beslut::server
