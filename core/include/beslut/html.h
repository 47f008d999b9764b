#pragma once

#include <string>
#include <string_view>

namespace beslut {

// Escapes &, <, >, " and ' for HTML text and attribute values; everything
// else (Swedish letters included) is kept as is.
std::string escapeHtml(std::string_view text);

}  // namespace beslut
