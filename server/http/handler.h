// The base of every HTTP handler: one place that validates request framing,
// catches every exception (answering 500 with an error id that is logged) and
// writes JSON and HTML responses.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <string>

#include "app_context.h"
#include "beslut/status.h"

namespace beslut::server {

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) final;

 protected:
  virtual void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) = 0;
};

// HTTP status for a Status code: 400, 404, 409, 413, 415, 422, 500.
Poco::Net::HTTPResponse::HTTPStatus httpStatusFor(StatusCode code);

void sendJson(Poco::Net::HTTPServerResponse& response, const Poco::JSON::Object::Ptr& body,
              Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
void sendError(Poco::Net::HTTPServerResponse& response, const Status& status);
void sendHtml(Poco::Net::HTTPServerResponse& response, const std::string& html,
              Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);

// The request body as a JSON object, read up to `max` bytes; kTooLarge beyond
// (the connection is then closed), kInvalidArgument for anything but an object.
Result<Poco::JSON::Object::Ptr> readJsonBody(Poco::Net::HTTPServerRequest& request,
                                             Poco::Net::HTTPServerResponse& response, std::size_t max = 1 << 20);

// Typed fields of a JSON body: absent gives the default; a value of another
// type, text with a NUL character or invalid UTF-8 is kInvalidArgument
// naming the field (in Swedish). Bad input is refused, never converted.
Result<std::string> jsonText(const Poco::JSON::Object::Ptr& o, const std::string& name);
Result<bool> jsonFlag(const Poco::JSON::Object::Ptr& o, const std::string& name, bool absent = false);
Result<double> jsonNumber(const Poco::JSON::Object::Ptr& o, const std::string& name, double absent);

// The answer to a form (urlencoded or multipart) that cannot be read.
inline constexpr const char* kFormUnreadable =
    "Formuläret kunde inte läsas (felaktig kodning, för många fält eller ett avbrutet formulär). Försök igen.";

// "http://host[:port]" of the request, for absolute links in feeds; a Host
// header with anything but a host name, address and port becomes localhost.
std::string baseUrl(const Poco::Net::HTTPServerRequest& request);

// Makes a change visible to search before the answer goes out; a failure is logged (the store has it).
void catchUpIndex(AppContext& ctx);

// Query parameters of a request URI (last value wins).
std::map<std::string, std::string> queryParameters(const Poco::Net::HTTPServerRequest& request);

}  // namespace beslut::server
