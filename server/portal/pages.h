// Server-rendered pages: every content/templates/*.mustache, each page
// rendered inside layout.mustache with what every page shows (who is signed
// in, the CSRF token for forms, the navigation).
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <string>

#include "beslut/status.h"

namespace beslut::server {

struct Caller;

class Pages {
 public:
  // Reads every *.mustache in `dir`; kIOError if there is no layout.mustache.
  static Result<std::shared_ptr<const Pages>> load(const std::string& dir);

  // `page` (a template name without .mustache) inside the layout. `title` is
  // the page's own title; `nav` names the navigation entry to mark current.
  // Throws std::runtime_error for a missing or broken template.
  std::string render(const std::string& page, kainjow::mustache::data& data, const Caller& caller,
                     const std::string& title, const std::string& nav) const;

 private:
  std::map<std::string, std::string> templates_;
};

}  // namespace beslut::server
