// libFuzzer target: Markdown rendering (cmark) to HTML and to plain text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "beslut/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)beslut::markdownToHtml(text);
  (void)beslut::markdownToPlainText(text);
  return 0;
}
