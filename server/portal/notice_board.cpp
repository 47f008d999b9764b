// The digital notice board (anslagstavla): minutes whose appeal period runs.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

void showNoticeBoard(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  const std::string today = stockholmToday();
  auto board = onNoticeBoard(ctx.runtime.store(), today);
  mustache::data data;
  data.set("board", boardList(board));
  data.set("has_board", !board.empty());
  data.set("today", today);
  sendPage(ctx, res, "noticeboard", data, caller, "Anslagstavla", "notice");
}

}  // namespace

void noticeBoardPage(AppContext& ctx, const PathParams&, Request& req, Response& res) {
  showNoticeBoard(ctx, req, res);
}

}  // namespace beslut::server
