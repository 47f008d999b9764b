// Importing new minutes (a file, or Markdown written in the form).
#include "portal/common.h"
#include "portal/portal.h"
#include "http/upload.h"

namespace beslut::server {

namespace {


void showImportPage(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  Caller caller = pageCaller(ctx, req);
  auto show = [&](const std::string& error, HTTPResponse::HTTPStatus status) {
    mustache::data data;
    setText(data, "error", error);
    mustache::list bodies;
    for (const auto& g : caller.principal.grants) {
      if (g.role == Role::kSecretary) {
        mustache::data b;
        b.set("name", g.organization);
        bodies.push_back(b);
      }
    }
    data.set("bodies", bodies);
    data.set("administrator", caller.principal.administrator());
    sendPage(ctx, res, "import", data, caller, "Nytt protokoll", "import", status);
  };
  if (caller.principal.anonymous()) {
    if (req.getMethod() == "POST") res.setKeepAlive(false);  // the upload is not read
    return redirect(res, "/logga-in?tillbaka=/importera");
  }
  if (!caller.principal.canEditSomewhere()) {
    return sendStatusPage(ctx, res, caller, Status::permissionDenied("Bara sekreterare kan läsa in protokoll."));
  }
  if (req.getMethod() != "POST") return show("", HTTPResponse::HTTP_OK);
  const std::size_t max = ctx.runtime.settings().max_upload_bytes;
  if (req.hasContentLength() && static_cast<std::size_t>(req.getContentLength64()) > max + 64 * 1024) {
    res.setKeepAlive(false);
    return show("Filen är för stor: högst " + std::to_string(max / (1024 * 1024)) + " MB.",
                HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
  }
  UploadedFile part(max);
  Poco::Net::HTMLForm form;
  form.setFieldLimit(20);
  auto body = readBody(req, res, max + 64 * 1024);
  if (!body.ok()) return show(body.status().message(), httpStatusFor(body.status().code()));
  try {
    std::istringstream in(body.value());
    form.load(req, in, part);
  } catch (const Poco::Exception& e) {
    res.setKeepAlive(false);
    Poco::Logger::get("beslut.http").information("form not read: " + e.displayText());
    return show(kFormUnreadable, HTTPResponse::HTTP_BAD_REQUEST);
  }
  auto checked = requireSignedIn(ctx, req, form.get("csrf", ""));
  if (!checked.ok()) return show(checked.status().message(), httpStatusFor(checked.status().code()));
  if (part.tooLarge()) {
    return show("Filen är för stor: högst " + std::to_string(max / (1024 * 1024)) + " MB.",
                HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
  }
  std::string bytes = part.takeBytes(), filename = part.filename(), media_type = part.mediaType();
  if (bytes.empty() && !form.get("markdown", "").empty()) {  // minutes written in the form, in Markdown
    bytes = form.get("markdown");
    filename = "protokoll.md";
    media_type = "text/markdown";
  }
  if (bytes.empty()) return show("Välj en fil eller skriv protokollet i textrutan.", HTTPResponse::HTTP_BAD_REQUEST);
  auto report = ctx.runtime.editing().importDocument(caller.principal, {std::move(bytes), filename, media_type, true});
  if (!report.ok()) return show(report.status().message(), httpStatusFor(report.status().code()));
  if (!report->created) {
    return show("Filen är redan inläst (dokument " + std::to_string(report->id) + ").", HTTPResponse::HTTP_CONFLICT);
  }
  catchUpIndex(ctx);
  redirect(res, "/dokument/" + std::to_string(report->id) + "?klart=importerad");
}

}  // namespace

void importPage(AppContext& ctx, const PathParams&, Request& req, Response& res) { showImportPage(ctx, req, res); }

}  // namespace beslut::server
