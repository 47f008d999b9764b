#include "http/router.h"

#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include "api/json_output.h"
#include "http/auth.h"
#include "http/handler.h"

namespace beslut::server {

namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool positiveInteger(const std::string& s) {
  Poco::Int64 v = 0;
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos && Poco::NumberParser::tryParse64(s, v) &&
         v > 0;
}

// Answers a matched route.
class RouteHandler : public Handler {
 public:
  RouteHandler(AppContext& ctx, Answer answer, PathParams path) : ctx_(ctx), answer_(answer), path_(std::move(path)) {}
  void handle(Request& req, Response& res) override {
    // A bad bearer token is a 401 on every route, portal pages too: never an anonymous visit.
    if (req.has("Authorization")) {
      auto who = identify(ctx_, req);
      if (!who.ok() && who.status().code() == StatusCode::kUnauthenticated) {
        if (req.getURI().rfind("/api/", 0) == 0 || req.getURI().rfind("/feeds/", 0) == 0) {
          return sendError(res, who.status());
        }
        res.set("WWW-Authenticate", "Bearer realm=\"Beslut\"");
        return sendHtml(res,
                        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Inte inloggad – "
                        "Beslut</title></head><body><main><h1>Inte inloggad</h1><p>" +
                            who.status().message() +
                            "</p><p><a href=\"/logga-in\">Logga in</a></p></main></body></html>",
                        Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED);
      }
    }
    answer_(ctx_, path_, req, res);
  }

 private:
  AppContext& ctx_;
  Answer answer_;
  PathParams path_;
};

// 404 (no such address) or 405 (not with this method): JSON under /api/, else a page.
class RefusalHandler : public Handler {
 public:
  explicit RefusalHandler(bool method_not_allowed) : method_not_allowed_(method_not_allowed) {}
  void handle(Request& req, Response& res) override {
    if (method_not_allowed_) {
      return sendJson(res,
                      errorToJson(Status(StatusCode::kInvalidArgument,
                                         "Metoden " + req.getMethod() + " stöds inte för " + req.getURI())),
                      Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
    }
    if (req.getURI().rfind("/api/", 0) == 0) return sendError(res, Status::notFound("Sökvägen finns inte."));
    sendHtml(res,
             "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Sidan finns inte – "
             "Beslut</title></head><body><main><h1>Sidan finns inte</h1><p><a href=\"/\">Till sökningen</a>"
             "</p></main></body></html>",
             Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
  }

 private:
  bool method_not_allowed_;
};

}  // namespace

Id PathParams::id(std::size_t i) const {
  Poco::Int64 v = 0;
  return Poco::NumberParser::tryParse64(values.at(i), v) ? v : 0;
}

std::optional<PathParams> matchPath(const std::string& pattern, const std::string& path) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  const auto want = segments(pattern), have = segments(path);
  PathParams params;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string& w = want[i];
    if (w == "{*}") {
      if (i >= have.size()) return std::nullopt;
      std::string rest;
      for (std::size_t k = i; k < have.size(); ++k) rest += (k > i ? "/" : "") + have[k];
      if (rest.empty()) return std::nullopt;
      params.values.push_back(rest);
      return params;
    }
    if (i >= have.size()) return std::nullopt;
    const std::string& h = have[i];
    if (w.empty() || w[0] != '{') {
      if (w != h) return std::nullopt;
      continue;
    }
    const std::size_t close = w.find('}');
    const std::string kind = w.substr(1, close - 1), suffix = w.substr(close + 1);
    if (h.size() <= suffix.size() || h.compare(h.size() - suffix.size(), suffix.size(), suffix) != 0) {
      return std::nullopt;
    }
    const std::string value = h.substr(0, h.size() - suffix.size());
    if (kind == "id" && !positiveInteger(value)) return std::nullopt;
    params.values.push_back(value);
  }
  if (have.size() != want.size()) return std::nullopt;
  return params;
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    return new RefusalHandler(false);
  }
  const std::string method = request.getMethod() == "HEAD" ? "GET" : request.getMethod();
  bool path_known = false;
  for (const auto& route : routes_) {
    auto params = matchPath(route.pattern, path);
    if (!params) continue;
    if (method == route.method) return new RouteHandler(ctx_, route.answer, std::move(params).value());
    path_known = true;
  }
  return new RefusalHandler(path_known);
}

}  // namespace beslut::server
