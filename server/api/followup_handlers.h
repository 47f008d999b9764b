// Assignments and their follow-up: JSON API, iCalendar and Atom feeds.
#pragma once

#include "app_context.h"
#include "beslut/accounts.h"
#include "beslut/model.h"
#include "http/handler.h"

namespace beslut::server {

// GET /api/v1/assignments?organization=&assignee=&area=&status=&due_before=&due_after=&overdue=true&today=
class AssignmentsHandler : public Handler {
 public:
  explicit AssignmentsHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

// GET /api/v1/assignments/{id}; POST /api/v1/assignments/{id}/followups
// with {"status", "comment", "author", "date", "progress"};
// POST /api/v1/assignments/{id}/matches/{match_id} with {"confirm": bool, "by"}.
class AssignmentHandler : public Handler {
 public:
  AssignmentHandler(AppContext& ctx, Id id, bool followups, Id match_id = 0, Id report_back_id = 0)
      : ctx_(ctx), id_(id), followups_(followups), match_id_(match_id), report_back_id_(report_back_id) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  void sendAssignment(Poco::Net::HTTPServerResponse& res, Poco::Net::HTTPResponse::HTTPStatus status,
                      const std::string& today);

  AppContext& ctx_;
  Id id_;
  bool followups_;
  Id match_id_;
  Id report_back_id_;
  Principal principal_;  // who asks
};

// GET /api/v1/areas/{code}/summary?today=: counts by status, overdue, trend by quarter.
class AreaSummaryHandler : public Handler {
 public:
  AreaSummaryHandler(AppContext& ctx, std::string code) : ctx_(ctx), code_(std::move(code)) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  std::string code_;
};

// GET /feeds/assignments.ics?organization=&assignee=: due dates as all-day events.
// GET /feeds/followups.atom: follow-up changes, newest first.
class AssignmentFeedHandler : public Handler {
 public:
  AssignmentFeedHandler(AppContext& ctx, bool ical) : ctx_(ctx), ical_(ical) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
  bool ical_;
};

// GET /api/v1/assignments.csv (same filters as the JSON list): export with
// stable external ids, in the columns of Decidim's accountability results
// (id, parent_id, title, description, start_date, end_date, status, progress)
// plus organization, assignee, source_document_id, source_item_number, areas.
// POST /api/v1/assignments.csv?author=NAME (text/csv, same columns): each row
// whose id names an assignment and whose status or progress differs becomes
// a follow-up by the author; other rows are reported, nothing else changes.
class AssignmentsCsvHandler : public Handler {
 public:
  explicit AssignmentsCsvHandler(AppContext& ctx) : ctx_(ctx) {}
  void handle(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

 private:
  AppContext& ctx_;
};

}  // namespace beslut::server
