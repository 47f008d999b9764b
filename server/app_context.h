// What every handler may use. Owned by HttpServer; outlives every request.
#pragma once

#include <string>

#include "index_tailer.h"
#include "runtime.h"

namespace beslut::server {

struct AppContext {
  Runtime& runtime;
  IndexTailer* tailer;  // null when this process does not own the index
  std::string search_template;  // mustache source of the search page
};

}  // namespace beslut::server
