// Static files of the portal (CSS, scripts).
#include "portal/common.h"
#include "portal/portal.h"

namespace beslut::server {

namespace {

void sendStaticFile(AppContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res,
                    const std::string& name) {
  static const std::map<std::string, std::string> kTypes = {
      {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"}};
  std::string path;
  if (name == "chart.min.js") {
    path = ctx.runtime.settings().chartjs;
  } else if (!name.empty() && name.find("..") == std::string::npos &&
             name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
                 std::string::npos) {  // never a NUL, a slash or anything else a file system reads otherwise
    path = ctx.runtime.settings().content_dir + "/static/" + name;
  }
  const auto type = kTypes.find(std::filesystem::path(name).extension().string());
  std::error_code ec;
  if (path.empty() || type == kTypes.end() || !std::filesystem::is_regular_file(path, ec)) {
    return sendStatusPage(ctx, res, pageCaller(ctx, req), Status::notFound("Filen finns inte."));
  }
  std::string body;
  try {
    Poco::FileInputStream in(path);
    Poco::StreamCopier::copyToString(in, body);
  } catch (const Poco::Exception& e) {
    return sendStatusPage(ctx, res, Caller{}, Status::ioError("Filen kunde inte läsas."));
  }
  res.setContentType(type->second);
  res.set("Cache-Control", "public, max-age=3600");
  res.set("X-Content-Type-Options", "nosniff");
  res.setContentLength(static_cast<std::streamsize>(body.size()));
  res.send() << body;
}

}  // namespace

void staticFile(AppContext& ctx, const PathParams& path, Request& req, Response& res) {
  sendStaticFile(ctx, req, res, path.text());
}

}  // namespace beslut::server
