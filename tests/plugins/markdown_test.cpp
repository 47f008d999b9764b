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

TEST_CASE("markdown: ordered lists are numbered from their start, in linear time") {
  MarkdownPlugin p;
  auto small = p.extract({"3. tre\n4. fyra\n\n   - inre\n5. fem\n\n0. noll\n1. ett\n", "a.md", ""});
  REQUIRE(small.ok());
  CHECK(small.value().text.find("3. tre\n4. fyra") != std::string::npos);
  CHECK(small.value().text.find("5. fem") != std::string::npos);
  CHECK(small.value().text.find("\xE2\x80\xA2 inre") != std::string::npos);

  // 100,000 items: counting previous siblings per item (quadratic) would time the test out.
  std::string md;
  md.reserve(100000 * 12);
  for (int i = 1; i <= 100000; ++i) md += std::to_string(i) + ". punkt\n";
  auto r = p.extract({md, "lista.md", ""});
  REQUIRE(r.ok());
  const std::string& t = r.value().text;
  CHECK(t.starts_with("1. punkt\n2. punkt\n"));
  CHECK(t.find("\n100000. punkt\n") != std::string::npos);
  CHECK(t.find("\n50000. punkt\n49999") == std::string::npos);
}
