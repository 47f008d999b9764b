#include "http/handler.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Random.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

#include "api/json_output.h"

namespace beslut::server {

using Poco::Net::HTTPResponse;

namespace {

std::string newErrorId() {
  static thread_local Poco::Random random = [] {
    Poco::Random r;
    r.seed();
    return r;
  }();
  std::ostringstream id;
  id << std::hex << random.next() << random.next();
  return id.str();
}

// Poco 1.11 accepts ambiguous framing; a proxy in front might read the same
// bytes differently (request smuggling), so refuse it.
Status checkFraming(const Poco::Net::HTTPServerRequest& request) {
  std::size_t lengths = 0;
  for (auto it = request.find("Content-Length");
       it != request.end() && Poco::icompare(it->first, "Content-Length") == 0; ++it) {
    ++lengths;
  }
  if (lengths > 1) return Status::invalidArgument("duplicate Content-Length header");
  if (lengths == 1 && request.has("Transfer-Encoding")) {
    return Status::invalidArgument("both Content-Length and Transfer-Encoding");
  }
  return Status::okStatus();
}

// Poco 1.11 does not skip a body the handler leaves unread: the next request
// on the connection would start inside it. Only POST handlers read bodies.
bool hasUnreadBody(const Poco::Net::HTTPServerRequest& request) {
  if (request.getMethod() == "POST") return false;
  return request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0);
}

// Poco 1.11 does not skip what a handler left of a body, so a POST answered
// early (bad input, 405, too large) would leave bytes that the connection
// reads as the next request: read what is left (a little), else close.
// Also when the connection closes afterwards ("Connection: close", or a
// handler that refused a body): closing a socket with unread bytes makes TCP
// reset it, and the client may lose the answer that was already sent.
void drainBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  if (request.getMethod() != "POST") return;
  if (request.hasContentLength() && request.getContentLength64() > (1 << 20)) {  // too much to read for nothing
    response.setKeepAlive(false);
    return;
  }
  std::istream& in = request.stream();
  char buffer[8192];
  std::size_t left = 1 << 20;
  while (left > 0 && in.read(buffer, sizeof buffer).gcount() > 0) {
    left -= std::min<std::size_t>(left, static_cast<std::size_t>(in.gcount()));
  }
  if (left == 0 || !in.eof()) response.setKeepAlive(false);
}

}  // namespace

void Handler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  try {
    Status framing = checkFraming(request);
    if (!framing.ok()) {
      response.setKeepAlive(false);
      sendError(response, framing);
      return;
    }
    if (hasUnreadBody(request)) response.setKeepAlive(false);
    try {
      Poco::URI(request.getURI()).getQueryParameters();
    } catch (const Poco::SyntaxException&) {
      sendError(response, Status::invalidArgument("Adressen är felaktig (ogiltig procentkodning)."));
      return;
    }
    handle(request, response);
    drainBody(request, response);
  } catch (const std::exception& e) {
    std::string id = newErrorId();
    Poco::Logger::get("beslut.http")
        .error("error " + id + " on " + request.getMethod() + " " + request.getURI() + ": " + e.what());
    if (!response.sent()) {
      sendJson(response,
               errorToJson(Status::internal("Ett internt fel uppstod. Ange fel-id " + id + " om du kontaktar support."),
                           id),
               HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
    }
  }
}

HTTPResponse::HTTPStatus httpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return HTTPResponse::HTTP_OK;
    case StatusCode::kInvalidArgument: return HTTPResponse::HTTP_BAD_REQUEST;
    case StatusCode::kNotFound: return HTTPResponse::HTTP_NOT_FOUND;
    case StatusCode::kAlreadyExists: return HTTPResponse::HTTP_CONFLICT;
    case StatusCode::kUnsupported: return HTTPResponse::HTTP_UNSUPPORTEDMEDIATYPE;
    case StatusCode::kUnprocessable: return HTTPResponse::HTTP_UNPROCESSABLE_ENTITY;
    case StatusCode::kTooLarge: return HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE;
    case StatusCode::kUnauthenticated: return HTTPResponse::HTTP_UNAUTHORIZED;
    case StatusCode::kPermissionDenied: return HTTPResponse::HTTP_FORBIDDEN;
    case StatusCode::kTooManyRequests: return HTTPResponse::HTTP_TOO_MANY_REQUESTS;
    default: return HTTPResponse::HTTP_INTERNAL_SERVER_ERROR;
  }
}

void sendJson(Poco::Net::HTTPServerResponse& response, const Poco::JSON::Object::Ptr& body,
              HTTPResponse::HTTPStatus status) {
  std::ostringstream out;
  body->stringify(out);
  const std::string text = out.str();
  response.setStatus(status);
  response.setContentType("application/json; charset=utf-8");
  response.set("X-Content-Type-Options", "nosniff");
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.send() << text;
}

void sendError(Poco::Net::HTTPServerResponse& response, const Status& status) {
  if (status.code() == StatusCode::kUnauthenticated) response.set("WWW-Authenticate", "Bearer realm=\"Beslut\"");
  sendJson(response, errorToJson(status), httpStatusFor(status.code()));
}

void sendHtml(Poco::Net::HTTPServerResponse& response, const std::string& html, HTTPResponse::HTTPStatus status) {
  response.setStatus(status);
  response.setContentType("text/html; charset=utf-8");
  response.set("X-Content-Type-Options", "nosniff");
  if (!response.has("Content-Security-Policy")) {
    response.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
  }
  response.setContentLength(static_cast<std::streamsize>(html.size()));
  response.send() << html;
}

Result<Poco::JSON::Object::Ptr> readJsonBody(Poco::Net::HTTPServerRequest& request,
                                             Poco::Net::HTTPServerResponse& response, std::size_t max) {
  std::string body;
  char buffer[8192];
  std::istream& in = request.stream();
  while (in.read(buffer, sizeof buffer).gcount() > 0) {
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > max) {
      response.setKeepAlive(false);
      return Status::tooLarge("Begäran är för stor.");
    }
  }
  try {
    Poco::JSON::Parser parser;
    auto value = parser.parse(body);
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) return Status::invalidArgument("Skicka ett JSON-objekt.");
    return value.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    return Status::invalidArgument("Begäran är inte giltig JSON: " + e.displayText());
  }
}

std::string baseUrl(const Poco::Net::HTTPServerRequest& request) {
  const std::string host = request.getHost();
  const bool safe = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' || c == '[' || c == ']';
  });
  return "http://" + (safe ? host : std::string("localhost"));
}

// REQUIRES: the URI decodes (checked in Handler::handleRequest before handle()).
std::map<std::string, std::string> queryParameters(const Poco::Net::HTTPServerRequest& request) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : Poco::URI(request.getURI()).getQueryParameters()) out[k] = v;
  return out;
}

void catchUpIndex(AppContext& ctx) {
  if (ctx.tailer == nullptr) return;
  Status st = ctx.tailer->catchUpNow();
  if (!st.ok()) Poco::Logger::get("beslut.index").error("catch-up after a change: " + st.toString());
}

}  // namespace beslut::server
