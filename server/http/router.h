// Maps method + path to a handler. Unknown paths get a 404 handler (Poco
// answers 501 if a factory returns null), wrong methods a 405.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "app_context.h"

namespace beslut::server {

class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(AppContext& ctx) : ctx_(ctx) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  AppContext& ctx_;
};

}  // namespace beslut::server
