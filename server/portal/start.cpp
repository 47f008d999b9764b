// The start page: what is new, what waits for the signed-in, the notice board.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

void showStartPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  Store& store = ctx.runtime.store();
  const std::string today = stockholmToday();
  mustache::data data;
  auto latest = store.listDocuments("minutes", "", "published", 10);
  data.set("latest", summaryList(latest.ok() ? latest.value() : std::vector<DocumentSummary>{}));
  data.set("has_latest", latest.ok() && !latest->empty());
  auto board = onNoticeBoard(store, today);
  data.set("board", boardList(board));
  data.set("has_board", !board.empty());
  // Meetings ahead: documents dated after today that the caller may see.
  std::vector<DocumentSummary> upcoming;
  if (auto all = store.listDocuments("", "", "", 500); all.ok()) {
    for (const auto& d : all.value()) {
      if (d.date > today && canSee(caller.principal, d)) {
        upcoming.push_back(d);
      }
    }
  }
  std::reverse(upcoming.begin(), upcoming.end());  // soonest first
  data.set("upcoming", summaryList(upcoming));
  data.set("has_upcoming", !upcoming.empty());
  // What waits for the signed-in: drafts to finish, minutes to adjust.
  std::vector<DocumentSummary> todo;
  for (PublicationState state : {PublicationState::kDraft, PublicationState::kAdjusting}) {
    if (auto list = store.listDocuments("", "", publicationStateName(state), 200); list.ok()) {
      for (const auto& d : list.value()) {
        bool mine = caller.principal.canEdit(d.organization);
        if (!mine && state == PublicationState::kAdjusting && caller.principal.canRead(d.organization)) {
          if (auto doc = store.document(d.id); doc.ok()) {
            for (const auto& a : requiredApprovers(doc.value())) mine = mine || a == caller.principal.name;
          }
        }
        if (mine) todo.push_back(d);
      }
    }
  }
  data.set("todo", summaryList(todo));
  data.set("has_todo", !todo.empty());
  sendPage(ctx, res, "start", data, caller, "Start", "start");
}

}  // namespace

void startPage(AppContext& ctx, const PathParams&, Request& req, Response& res) {
  // The old search address "/?q=" still searches.
  if (queryParameters(req).count("q") != 0) return searchPage(ctx, {}, req, res);
  showStartPage(ctx, req, res);
}

}  // namespace beslut::server
