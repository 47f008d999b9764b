// Markdown (CommonMark), read with cmark: the only place that uses it.
#pragma once

#include <string>
#include <string_view>

namespace beslut {

// The plain text of a CommonMark document (valid UTF-8 expected): headings on
// their own line, paragraphs separated by blank lines, list items one per line
// ("• " or "1. "), code blocks verbatim, raw HTML dropped.
std::string markdownToPlainText(std::string_view markdown);

// HTML with cmark's safe default: raw HTML and javascript:/data: links dropped.
std::string markdownToHtml(std::string_view markdown);

}  // namespace beslut
