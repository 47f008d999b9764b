#include "http/router.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include "api/api_handlers.h"
#include "http/auth.h"
#include "feeds/feed_handlers.h"
#include "api/followup_handlers.h"
#include "portal/page_handlers.h"
#include "portal/portal_handlers.h"

namespace beslut::server {
namespace {

// "<prefix>42" → 42, "<prefix>42/followups" → 42 with rest "followups".
bool parseIdPath(const std::string& path, const std::string& prefix, Id& id, std::string& rest) {
  if (path.rfind(prefix, 0) != 0) return false;
  std::string tail = path.substr(prefix.size());
  auto slash = tail.find('/');
  rest = slash == std::string::npos ? "" : tail.substr(slash + 1);
  Poco::Int64 v = 0;
  if (!Poco::NumberParser::tryParse64(tail.substr(0, slash), v) || v <= 0) return false;
  id = v;
  return true;
}

// "/feeds/searches/7.atom" → 7.
bool parseFeedPath(const std::string& path, Id& id) {
  static const std::string kPrefix = "/feeds/searches/", kSuffix = ".atom";
  if (path.rfind(kPrefix, 0) != 0 || path.size() <= kPrefix.size() + kSuffix.size()) return false;
  if (path.compare(path.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) return false;
  Poco::Int64 v = 0;
  if (!Poco::NumberParser::tryParse64(path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size()), v) ||
      v <= 0) {
    return false;
  }
  id = v;
  return true;
}

}  // namespace

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    return new NotFoundHandler();
  }
  const std::string& method = request.getMethod();
  const bool get = method == "GET" || method == "HEAD";

  using Page = PortalHandler::Page;
  auto page = [&](Page p, bool post_too = false, std::string arg = {}, std::string action = {}) -> Handler* {
    if (get || (post_too && method == "POST")) return new PortalHandler(ctx_, p, std::move(arg), std::move(action));
    return new NotFoundHandler(true);
  };
  if (path == "/") {
    // The old search address "/?q=" still searches.
    if (request.getURI().find("q=") != std::string::npos) return get ? static_cast<Handler*>(new SearchPageHandler(ctx_)) : new NotFoundHandler(true);
    return page(Page::kStart);
  }
  if (path == "/sok") return get ? static_cast<Handler*>(new SearchPageHandler(ctx_)) : new NotFoundHandler(true);
  if (path == "/logga-in") return page(Page::kLogin, true);
  if (path == "/logga-ut") return method == "POST" ? page(Page::kLogout, true) : new NotFoundHandler(true);
  if (path == "/importera") return page(Page::kImport, true);
  if (path == "/anslagstavla") return page(Page::kNoticeBoard);
  if (path == "/organ") return page(Page::kBody);
  if (path == "/person") return page(Page::kPerson);
  if (path == "/uppfoljning") return page(Page::kFollowUp);
  if (path == "/administration") return page(Page::kAdmin);
  if (path.rfind("/administration/", 0) == 0) {
    return method == "POST" ? new PortalHandler(ctx_, Page::kAdmin, {}, path.substr(16)) : static_cast<Handler*>(new NotFoundHandler(true));
  }
  if (path.rfind("/static/", 0) == 0) return page(Page::kStatic, false, path.substr(8));
  if (path.rfind("/omrade/", 0) == 0 && path.size() > 8) return page(Page::kArea, false, path.substr(8));
  if (path.rfind("/dokument/", 0) == 0) {
    std::string tail = path.substr(10);
    auto slash = tail.find('/');
    if (slash == std::string::npos) return page(Page::kDocument, false, tail);
    if (method != "POST") return new NotFoundHandler(true);
    return new PortalHandler(ctx_, Page::kDocument, tail.substr(0, slash), tail.substr(slash + 1));
  }
  if (path == "/healthz") return get ? static_cast<Handler*>(new HealthHandler(ctx_, false)) : new NotFoundHandler(true);
  if (path == "/readyz") return get ? static_cast<Handler*>(new HealthHandler(ctx_, true)) : new NotFoundHandler(true);
  if (path == "/api/v1/login") return method == "POST" ? static_cast<Handler*>(new LoginApiHandler(ctx_)) : new NotFoundHandler(true);
  if (path == "/api/v1/logout") return method == "POST" ? static_cast<Handler*>(new LogoutApiHandler(ctx_)) : new NotFoundHandler(true);
  if (path == "/api/v1/me") return get ? static_cast<Handler*>(new MeHandler(ctx_)) : new NotFoundHandler(true);
  if (path == "/api/v1/search") return get ? static_cast<Handler*>(new SearchApiHandler(ctx_)) : new NotFoundHandler(true);
  if (path == "/api/v1/documents") {
    return method == "POST" ? static_cast<Handler*>(new ImportHandler(ctx_)) : new NotFoundHandler(true);
  }
  std::string rest;
  if (path == "/api/v1/assignments") return get ? static_cast<Handler*>(new AssignmentsHandler(ctx_)) : new NotFoundHandler(true);
  if (path == "/api/v1/assignments.csv") {
    return get || method == "POST" ? static_cast<Handler*>(new AssignmentsCsvHandler(ctx_)) : new NotFoundHandler(true);
  }
  if (path == "/feeds/assignments.ics" || path == "/feeds/followups.atom") {
    return get ? static_cast<Handler*>(new AssignmentFeedHandler(ctx_, path.back() == 's')) : new NotFoundHandler(true);
  }
  if (Id aid = 0; parseIdPath(path, "/api/v1/assignments/", aid, rest)) {
    if (rest.empty()) return get ? static_cast<Handler*>(new AssignmentHandler(ctx_, aid, false)) : new NotFoundHandler(true);
    if (rest == "followups") {
      return method == "POST" ? static_cast<Handler*>(new AssignmentHandler(ctx_, aid, true)) : new NotFoundHandler(true);
    }
    if (Id rid = 0; rest.rfind("report-backs/", 0) == 0 && Poco::NumberParser::tryParse64(rest.substr(13), rid) && rid > 0) {
      return method == "POST" ? static_cast<Handler*>(new AssignmentHandler(ctx_, aid, false, 0, rid))
                              : new NotFoundHandler(true);
    }
    if (Id mid = 0; rest.rfind("matches/", 0) == 0 && Poco::NumberParser::tryParse64(rest.substr(8), mid) && mid > 0) {
      return method == "POST" ? static_cast<Handler*>(new AssignmentHandler(ctx_, aid, false, mid))
                              : new NotFoundHandler(true);
    }
    return new NotFoundHandler();
  }
  if (path.rfind("/api/v1/areas/", 0) == 0 && path.size() > 22 && path.compare(path.size() - 8, 8, "/summary") == 0) {
    std::string code = path.substr(14, path.size() - 14 - 8);
    if (code.find('/') == std::string::npos && !code.empty()) {
      return get ? static_cast<Handler*>(new AreaSummaryHandler(ctx_, code)) : new NotFoundHandler(true);
    }
  }
  if (path == "/api/v1/saved-searches") {
    return get || method == "POST" ? static_cast<Handler*>(new SavedSearchesHandler(ctx_)) : new NotFoundHandler(true);
  }
  Id id = 0;
  if (parseFeedPath(path, id)) return get ? static_cast<Handler*>(new SearchFeedHandler(ctx_, id)) : new NotFoundHandler(true);
  if (parseIdPath(path, "/api/v1/documents/", id, rest)) {
    if (rest == "publication") {
      return get || method == "POST" ? static_cast<Handler*>(new PublicationHandler(ctx_, id)) : new NotFoundHandler(true);
    }
    if (rest == "corrections" || rest == "reextract") {
      if (method != "POST") return new NotFoundHandler(true);
      if (rest == "corrections") return new CorrectionHandler(ctx_, id);
      return new ReextractHandler(ctx_, id);
    }
    if (rest.empty() || rest == "original" || rest == "extraction") {
      if (!get) return new NotFoundHandler(true);
      if (rest.empty()) return new DocumentHandler(ctx_, id);
      if (rest == "original") return new OriginalHandler(ctx_, id);
      return new ExtractionHandler(ctx_, id);
    }
  }
  return new NotFoundHandler();
}

}  // namespace beslut::server
