// The "docx" extractor on Word packages built in memory at test time with
// Poco::Zip::Compress.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "beslut/text.h"
#include "docx_plugin.h"
#include "plugin_test_util.h"

using beslut::StatusCode;
using beslut::plugins::DocxLimits;
using beslut::plugins::DocxPlugin;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

std::string zip(const Entries& entries) {
  std::ostringstream out(std::ios::binary);
  Poco::Zip::Compress c(out, true);
  for (const auto& [name, content] : entries) {
    std::istringstream in(content, std::ios::binary);
    c.addFile(in, Poco::DateTime(2018, 9, 28), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  c.close();
  return out.str();
}

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";
const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

std::string wordXml(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
         R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>)" +
         body + "<w:sectPr/></w:body></w:document>";
}

std::string docx(const std::string& body) {
  return zip({{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", wordXml(body)}});
}

std::string para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
std::string listItem(const std::string& text) {
  return R"(<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>)"
         "<w:r><w:t>" +
         text + "</w:t></w:r></w:p>";
}
std::string cell(const std::string& text) { return "<w:tc><w:tcPr/>" + para(text) + "</w:tc>"; }

const std::string kMinutesBody =
    R"(<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Protokoll Regionala utvecklingsnämnden</w:t></w:r></w:p>)"
    R"(<w:p><w:r><w:t xml:space="preserve">Tid: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>28 september 2018</w:t></w:r>)"
    R"(<w:r><w:tab/><w:t>Plats: Örebro</w:t></w:r></w:p>)"
    R"(<w:p><w:r><w:t>Åsa Öberg hälsar alla välkomna.</w:t><w:br/><w:t>Ny rad i samma stycke.</w:t></w:r></w:p>)" +
    listItem("första punkten") + listItem("andra punkten") + "<w:tbl><w:tblPr/><w:tr>" + cell("Namn") + cell("Kommun") +
    "</w:tr><w:tr>" + cell("Ronny Larsson (S)") + cell("Askersund kommun") + "</w:tr></w:tbl>" +
    R"(<w:p><w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr><w:r><w:t>§ 5 Besök från Komtek</w:t></w:r></w:p>)"
    R"(<w:p><w:r><w:delText>borttagen text </w:delText></w:r><w:ins><w:r><w:t>Nämnden beslutar att godkänna rapporten.</w:t></w:r></w:ins></w:p>)"
    R"(<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>)" +
    para("Text i en textruta") + R"(</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>)" +
    para("Text i en textruta") + R"(</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>)";

}  // namespace

TEST_CASE("docx: accepts Word documents by media type or name") {
  DocxPlugin p;
  CHECK(p.name() == "docx");
  CHECK(p.accepts("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ""));
  CHECK(p.accepts("", "Protokoll.DOCX"));
  CHECK(p.accepts("application/zip", "a.docx"));
  CHECK_FALSE(p.accepts("application/pdf", "a.pdf"));
  CHECK_FALSE(p.accepts("", "a.doc"));
}

TEST_CASE("docx: paragraphs, headings, lists, tables, tabs and breaks") {
  DocxPlugin p;
  auto r = p.extract({docx(kMinutesBody), "protokoll.docx", ""});
  REQUIRE(r.ok());
  CHECK(r.value().media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  CHECK(beslut::isValidUtf8(r.value().text));
  CHECK(r.value().text == "Protokoll Regionala utvecklingsnämnden\n"
                          "\n"
                          "Tid: 28 september 2018\tPlats: Örebro\n"
                          "Åsa Öberg hälsar alla välkomna.\n"
                          "Ny rad i samma stycke.\n"
                          "- första punkten\n"
                          "- andra punkten\n"
                          "Namn\tKommun\n"
                          "Ronny Larsson (S)\tAskersund kommun\n"
                          "\n"
                          "§ 5 Besök från Komtek\n"
                          "\n"
                          "Nämnden beslutar att godkänna rapporten.\n"
                          "Text i en textruta\n");
}

TEST_CASE("docx: errors for non-zip, truncated, incomplete and malformed packages") {
  DocxPlugin p;
  auto t0 = std::chrono::steady_clock::now();
  auto notZip = p.extract({"Det här är ingen zip-fil", "a.docx", ""});
  CHECK(notZip.status().code() == StatusCode::kInvalidArgument);
  CHECK(notZip.status().message().find("inte en giltig zip-fil") != std::string::npos);
  CHECK(p.extract({"", "a.docx", ""}).status().code() == StatusCode::kInvalidArgument);
  CHECK(p.extract({beslut::test::binaryGarbage(1u << 20), "a.docx", ""}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(p.extract({"PK\x03\x04" + beslut::test::binaryGarbage(4096), "a.docx", ""}).status().code() ==
        StatusCode::kInvalidArgument);

  std::string good = docx(kMinutesBody);
  auto truncated = p.extract({good.substr(0, good.size() / 2), "halv.docx", ""});
  CHECK(truncated.status().code() == StatusCode::kInvalidArgument);
  std::string damaged = good;  // the deflate data of the entries overwritten, directory intact
  for (std::size_t i = 120; i < damaged.size() / 2; i += 2) damaged[i] = static_cast<char>(i * 31);
  CHECK_FALSE(p.extract({damaged, "trasig.docx", ""}).ok());

  auto noDocument = p.extract(
      {zip({{"[Content_Types].xml", kContentTypes}, {"word/styles.xml", "<x/>"}}), "a.docx", ""});
  CHECK(noDocument.status().code() == StatusCode::kInvalidArgument);
  CHECK(noDocument.status().message().find("word/document.xml saknas") != std::string::npos);

  auto malformed = p.extract({zip({{"word/document.xml", "<w:document><w:body><w:p>oavslutad"}}), "a.docx", ""});
  CHECK(malformed.status().code() == StatusCode::kInvalidArgument);
  CHECK(malformed.status().message().find("position") != std::string::npos);

  auto empty = p.extract({docx("<w:p/>"), "tom.docx", ""});
  CHECK(empty.status().code() == StatusCode::kUnprocessable);
  CHECK(empty.status().message() == "Word-filen innehåller ingen text.");

  auto oldDoc = p.extract({std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'), "a.docx", ""});
  CHECK(oldDoc.status().code() == StatusCode::kUnprocessable);
  CHECK(beslut::test::secondsSince(t0) < 10.0);
}

TEST_CASE("docx: zip bomb and size limits") {
  // 3 MB of identical paragraphs compresses far beyond 100:1.
  std::string body, small100k;
  while (body.size() < (3u << 20)) body += para("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  while (small100k.size() < 100000) small100k += para("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  std::string bomb = docx(body);
  CHECK(bomb.size() < (3u << 20) / 100);
  auto t0 = std::chrono::steady_clock::now();
  auto r = DocxPlugin().extract({bomb, "bomb.docx", ""});
  CHECK(r.status().code() == StatusCode::kTooLarge);
  CHECK(r.status().message().find("zip-bomb") != std::string::npos);
  CHECK(beslut::test::secondsSince(t0) < 10.0);

  DocxLimits small;
  small.max_document_bytes = 200;
  small.ratio_exempt_bytes = 100;
  CHECK(DocxPlugin(small).extract({docx(kMinutesBody), "a.docx", ""}).status().code() == StatusCode::kTooLarge);
  DocxLimits ratio;
  ratio.max_compression_ratio = 1;
  ratio.ratio_exempt_bytes = 10;
  auto lowRatio = DocxPlugin(ratio).extract({docx(small100k), "a.docx", ""});
  CHECK(lowRatio.status().code() == StatusCode::kTooLarge);
  DocxLimits entries;
  entries.max_entries = 2;
  CHECK(DocxPlugin(entries).extract({docx(kMinutesBody), "a.docx", ""}).status().code() == StatusCode::kTooLarge);
  CHECK(DocxPlugin().extract({docx(small100k), "a.docx", ""}).ok());
}

TEST_CASE("docx: deep nesting and entities do not hurt") {
  std::string deep;
  for (int i = 0; i < 60000; ++i) deep += "<w:sdt>";
  deep += para("djupt");
  for (int i = 0; i < 60000; ++i) deep += "</w:sdt>";
  auto r = DocxPlugin().extract({docx(deep), "djup.docx", ""});
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  CHECK(r.value().text == "djupt\n");
  auto text = beslut::plugins::wordprocessingMlToText(
      R"(<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>)"
      R"(<w:document><w:body><w:p><w:r><w:t>&b;&amp;&#229;</w:t></w:r></w:p></w:body></w:document>)");
  REQUIRE(text.ok());
  CHECK(text.value() == "&b;&å\n");
}
