#include "portal/pages.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <filesystem>
#include <stdexcept>

#include "http/auth.h"

namespace beslut::server {

namespace mustache = kainjow::mustache;

Result<std::shared_ptr<const Pages>> Pages::load(const std::string& dir) {
  auto pages = std::make_shared<Pages>();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    try {
      Poco::FileInputStream in(entry.path().string());
      std::string text;
      Poco::StreamCopier::copyToString(in, text);
      pages->templates_[entry.path().stem().string()] = std::move(text);
    } catch (const Poco::Exception& e) {
      return Status::ioError("cannot read " + entry.path().string() + ": " + e.displayText());
    }
  }
  if (ec) return Status::ioError("cannot read the templates in " + dir + ": " + ec.message());
  if (!pages->templates_.count("layout")) return Status::ioError("no layout.mustache in " + dir);
  return std::shared_ptr<const Pages>(std::move(pages));
}

std::string Pages::render(const std::string& page, mustache::data& data, const Caller& caller, const std::string& title,
                          const std::string& nav) const {
  auto body = templates_.find(page);
  if (body == templates_.end()) throw std::runtime_error("no template " + page);
  const Principal& p = caller.principal;
  data.set("page_title", title);
  data.set("signed_in", !p.anonymous());
  data.set("user_name", p.name);
  data.set("csrf", caller.csrf_token);
  data.set("can_edit", p.canEditSomewhere());
  data.set("is_admin", p.administrator());
  data.set("nav_" + nav, true);
  // The templates never change after load: partials refer to them, no copies per page view.
  const std::string* content = &body->second;
  data.set("content", mustache::partial([content] { return *content; }));
  // Every template can be included by another as {{> part_NAME}}.
  for (const auto& [name, text] : templates_) {
    const std::string* t = &text;
    data.set("part_" + name, mustache::partial([t] { return *t; }));
  }
  mustache::mustache layout(templates_.at("layout"));
  std::string html = layout.render(data);
  if (!layout.is_valid()) throw std::runtime_error("template " + page + ": " + layout.error_message());
  return html;
}

}  // namespace beslut::server
