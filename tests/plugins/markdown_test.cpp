#include <doctest/doctest.h>

#include "markdown_plugin.h"
#include "plugin_test_util.h"

using beslut::StatusCode;
using beslut::plugins::MarkdownPlugin;

TEST_CASE("markdown: accepts markdown by media type or name") {
  MarkdownPlugin p;
  CHECK(p.name() == "markdown");
  CHECK(p.accepts("text/markdown", ""));
  CHECK(p.accepts("", "README.md"));
  CHECK(p.accepts("", "notes.markdown"));
  CHECK_FALSE(p.accepts("text/plain", "a.txt"));
  CHECK_FALSE(p.accepts("application/pdf", "a.pdf"));
}

TEST_CASE("markdown: renders plain text") {
  MarkdownPlugin p;
  auto r = p.extract({"# Protokoll\r\n\nFörsta *stycket*\nfortsätter.\n\n- ett\n- två\n\n1. första\n2. andra\n\n"
                      "## Beslut\n\n<b>html</b> bort\n",
                      "p.md", ""});
  REQUIRE(r.ok());
  CHECK(r.value().media_type == "text/markdown");
  CHECK(r.value().text ==
        "Protokoll\n\nFörsta stycket\nfortsätter.\n\n\xE2\x80\xA2 ett\n\xE2\x80\xA2 två\n\n1. första\n2. andra\n\n"
        "Beslut\n\nhtml bort\n");
}

TEST_CASE("markdown: rejects invalid UTF-8 and empty documents") {
  MarkdownPlugin p;
  CHECK(p.extract({"# R\xE4ksm\xF6rg\xE5s", "a.md", ""}).status().code() == StatusCode::kInvalidArgument);
  CHECK(p.extract({"", "a.md", ""}).status().code() == StatusCode::kUnprocessable);
  CHECK(p.extract({"<!-- bara en kommentar -->\n", "a.md", ""}).status().code() == StatusCode::kUnprocessable);
  CHECK(p.extract({beslut::test::binaryGarbage(2048), "a.md", ""}).status().code() == StatusCode::kInvalidArgument);
  std::string deep(100000, '>');
  deep += " text\n";
  auto r = p.extract({deep, "deep.md", ""});
  CHECK(r.ok());
}
