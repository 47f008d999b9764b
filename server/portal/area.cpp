// A strategy area: what serves it, and its assignments.
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

void showAreaPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res,
                  const std::string& code) {
  Caller caller = pageCaller(ctx, req);
  const Taxonomy& taxonomy = ctx.runtime.taxonomy();
  const TaxonomyNode* node = nullptr;
  const std::string scheme = queryParameters(req)["schema"];
  for (const auto& n : taxonomy.nodes) {
    if (n.code == code && (scheme.empty() || n.scheme == scheme)) {
      node = &n;
      break;
    }
  }
  if (node == nullptr)
    return sendStatusPage(ctx, res, caller, Status::notFound("Området " + code + " finns inte i strategin."));
  const std::string today = stockholmToday();
  mustache::data data;
  data.set("code", node->code);
  data.set("title", node->title);
  data.set("description", node->description);
  data.set("scheme", node->scheme);
  // Items linked to the area themselves, or through one of their decisions or assignments
  // (children included: a goal lists its areas' items), that the caller may see; newest first.
  mustache::list passages;
  if (auto ids = ctx.runtime.store().linkedItems(node->scheme, node->code, 200); ids.ok()) {
    for (Id item_id : ids.value()) {
      if (passages.size() >= 20) break;
      auto p = ctx.runtime.store().passage(item_id);
      if (!p.ok()) continue;
      if (!canSee(caller.principal, p.value())) continue;
      mustache::data row;
      row.set("document_id", std::to_string(p->document.id));
      row.set("title", p->document.title);
      row.set("organization", p->document.organization);
      row.set("date", p->document.date);
      row.set("item_number", p->item.number);
      row.set("item_title", p->item.title);
      row.set("anchor", anchorOf(p->item.number));
      passages.push_back(row);
    }
  }
  data.set("passages", passages);
  data.set("has_passages", !passages.empty());
  std::vector<AssignmentRecord> linked;
  mustache::list counts;
  if (auto all = assignmentsAsTheyStand(ctx.runtime.store(), caller.principal); all.ok()) {
    AssignmentFilter f;
    f.area = node->code;
    f.scheme = node->scheme;
    f.today = today;
    for (const auto& [status, n] : followUpStats(all.value(), f).by_status) {
      if (n == 0) continue;
      mustache::data c;
      c.set("status", statusLabel(status));
      c.set("count", std::to_string(n));
      counts.push_back(c);
    }
    for (auto& r : all.value()) {
      if (matches(r, f)) linked.push_back(std::move(r));
    }
  }
  sortForFollowUp(linked, today);
  data.set("counts", counts);
  data.set("assignments", assignmentRows(linked, today));
  data.set("has_assignments", !linked.empty());
  sendPage(ctx, res, "area", data, caller, node->code + " " + node->title, "");
}

}  // namespace

void areaPage(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  showAreaPage(ctx, req, res, path.text());
}

}  // namespace beslut::server
