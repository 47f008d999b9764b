#include "http/handler.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Random.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

#include "api/json_output.h"
#include "beslut/text.h"
#include "http/body.h"

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

}  // namespace

void Handler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  try {
    beginBody(request);
    Status framing = checkFraming(request);
    if (!framing.ok()) {
      response.setKeepAlive(false);
      sendError(response, framing);
      return;
    }
    try {
      Poco::URI(request.getURI()).getQueryParameters();
    } catch (const Poco::SyntaxException&) {
      const Status bad = Status::invalidArgument("Adressen är felaktig (ogiltig procentkodning).");
      if (request.getURI().rfind("/api/", 0) == 0) return sendError(response, bad);
      return sendHtml(response,
                      "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Felaktig adress – "
                      "Beslut</title></head><body><main><h1>Felaktig adress</h1><p>" +
                          bad.message() + "</p><p><a href=\"/\">Till sökningen</a></p></main></body></html>",
                      HTTPResponse::HTTP_BAD_REQUEST);
    }
    handle(request, response);
    finishBody(request, response);
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
    case StatusCode::kNoSpace: return HTTPResponse::HTTP_INSUFFICIENT_STORAGE;
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
  auto body = readBody(request, response, max);
  if (!body.ok()) return body.status();
  try {
    Poco::JSON::Parser parser;
    auto value = parser.parse(body.value());
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) return Status::invalidArgument("Skicka ett JSON-objekt.");
    return value.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    Poco::Logger::get("beslut.http").information("JSON not read: " + e.displayText());
    return Status::invalidArgument(
        "Begäran är inte giltig JSON. Kontrollera citattecken, kommatecken och klamrar, att texten är UTF-8 och "
        "att talen är vanliga tal.");
  }
}

Result<std::string> jsonText(const Poco::JSON::Object::Ptr& o, const std::string& name) {
  if (!o->has(name) || o->isNull(name)) return std::string();
  const Poco::Dynamic::Var v = o->get(name);
  if (!v.isString()) return Status::invalidArgument("Fältet \"" + name + "\" ska vara text.");
  std::string text = v.extract<std::string>();
  if (text.find('\0') != std::string::npos || !isValidUtf8(text)) {
    return Status::invalidArgument("Fältet \"" + name + "\" innehåller otillåtna tecken.");
  }
  return text;
}

Result<bool> jsonFlag(const Poco::JSON::Object::Ptr& o, const std::string& name, bool absent) {
  if (!o->has(name) || o->isNull(name)) return absent;
  const Poco::Dynamic::Var v = o->get(name);
  if (!v.isBoolean()) return Status::invalidArgument("Fältet \"" + name + "\" ska vara true eller false.");
  return v.extract<bool>();
}

Result<double> jsonNumber(const Poco::JSON::Object::Ptr& o, const std::string& name, double absent) {
  if (!o->has(name) || o->isNull(name)) return absent;
  const Poco::Dynamic::Var v = o->get(name);
  if (!v.isNumeric()) return Status::invalidArgument("Fältet \"" + name + "\" ska vara ett tal.");
  return v.convert<double>();
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
