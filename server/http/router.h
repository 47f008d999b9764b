// The route table: every address Beslut answers, as method + path pattern +
// the function that answers. The router decides 404 (no pattern matches the
// path) and 405 (a pattern matches, not for this method) in one place; HEAD is
// answered as GET. Patterns are literal segments and placeholders: "{id}" (a
// positive integer), "{name}" (one non-empty segment), "{*}" (the rest of the
// path); a placeholder may end in a literal suffix ("{id}.atom").
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "beslut/model.h"

namespace beslut::server {

// The placeholders of a matched path, in order.
struct PathParams {
  std::vector<std::string> values;
  Id id(std::size_t i = 0) const;  // the i-th value as a positive integer ({id} guarantees it)
  const std::string& text(std::size_t i = 0) const { return values.at(i); }
};

using Request = Poco::Net::HTTPServerRequest;
using Response = Poco::Net::HTTPServerResponse;
using Answer = void (*)(AppContext& ctx, const PathParams& path, Request& req, Response& res);

struct Route {
  const char* method;   // "GET" (HEAD too), "POST"
  const char* pattern;  // "/api/v1/documents/{id}/corrections"
  Answer answer;
};

// The placeholders of `path` if it matches `pattern`.
std::optional<PathParams> matchPath(const std::string& pattern, const std::string& path);

class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Router(AppContext& ctx, std::vector<Route> routes) : ctx_(ctx), routes_(std::move(routes)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  AppContext& ctx_;
  std::vector<Route> routes_;
};

// Beslut's table (http/routes.cpp).
std::vector<Route> beslutRoutes();

}  // namespace beslut::server
