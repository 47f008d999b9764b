// What every handler may use. Owned by HttpServer; outlives every request.
#pragma once

#include <memory>
#include <string>

#include "index_tailer.h"
#include "portal/pages.h"
#include "runtime.h"

namespace beslut::server {

struct AppContext {
  Runtime& runtime;
  IndexTailer* tailer;                 // null when this process does not own the index
  std::shared_ptr<const Pages> pages;  // content/templates
};

}  // namespace beslut::server
