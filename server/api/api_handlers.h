// JSON API handlers (/api/v1/…) and health checks.
#pragma once

#include "app_context.h"
#include "beslut/model.h"
#include "http/handler.h"

namespace beslut::server {

// GET /api/v1/search?q=&limit=&offset=
class SearchApiHandler : public Handler {
 public:
  explicit SearchApiHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// GET /api/v1/documents/{id}
class DocumentHandler : public Handler {
 public:
  DocumentHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

// GET /api/v1/documents/{id}/original: the imported file as it was sent.
class OriginalHandler : public Handler {
 public:
  OriginalHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

// GET /api/v1/documents/{id}/extraction: what the plugins read (with the
// evidence of each fact), the corrections, and which corrections no longer apply.
class ExtractionHandler : public Handler {
 public:
  ExtractionHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

// POST /api/v1/documents/{id}/corrections with {"path", "value", "author", "reason"}.
class CorrectionHandler : public Handler {
 public:
  CorrectionHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

// POST /api/v1/documents/{id}/reextract: read the original again with the current plugins.
class ReextractHandler : public Handler {
 public:
  ReextractHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

// GET /api/v1/documents/{id}/publication: state, approvals, dates, who must approve,
// and (for the body's secretaries) what looks like identity numbers.
// POST the same path with {"action": "send"|"withdraw"|"approve", "item"?, "checked_identity_numbers"?}.
class PublicationHandler : public Handler {
 public:
  PublicationHandler(AppContext& ctx, Id id) : ctx_(ctx), id_(id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  Id id_;
};

// POST /api/v1/documents: multipart/form-data with the file in field "file"
// (or the raw file as the body, with ?filename=).
class ImportHandler : public Handler {
 public:
  explicit ImportHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// GET /healthz: the process answers. GET /readyz: the index has caught up.
class HealthHandler : public Handler {
 public:
  HealthHandler(AppContext& ctx, bool readiness) : ctx_(ctx), readiness_(readiness) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  bool readiness_;
};

// Unknown paths (404) and known paths with the wrong method (405).
class NotFoundHandler : public Handler {
 public:
  explicit NotFoundHandler(bool method_not_allowed = false) : method_not_allowed_(method_not_allowed) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  bool method_not_allowed_;
};

}  // namespace beslut::server
