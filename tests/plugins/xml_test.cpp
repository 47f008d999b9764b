// The "xml" extractor: Beslut's own <beslut-document> format and other XML.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "beslut/text.h"
#include "minutes_plugin.h"
#include "plugin_test_util.h"
#include "xml_plugin.h"

using beslut::StatusCode;
using beslut::plugins::XmlPlugin;

namespace {

const char* kMinutesXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<beslut-document kind="minutes" organization="Specifikt samverkansråd för skola, utbildning och kompetensförsörjning"
                 date="2018-09-28" time="09:00–12:00">
  <meta name="place">Konferenslokal Lärken, Eklundavägen 1, Örebro</meta>
  <meta name="chair">Irén Lejegren</meta>
  <meta name="adjusters">Håkan Söderman</meta>
  <item number="1" title="Mötet öppnas">Irén Lejegren hälsar alla välkomna.</item>
  <item number="5" title="Besök från Komtek" dnr="RS 18/01234">
    Ewa Lindberg berättar om Komtek i Örebro.
    Rådet beslutar att tacka för informationen.
  </item>
</beslut-document>
)";

}  // namespace

TEST_CASE("xml: accepts XML by media type or name") {
  XmlPlugin p;
  CHECK(p.name() == "xml");
  CHECK(p.accepts("application/xml", ""));
  CHECK(p.accepts("text/xml; charset=utf-8", ""));
  CHECK(p.accepts("application/akn+xml", ""));
  CHECK(p.accepts("", "protokoll.XML"));
  CHECK_FALSE(p.accepts("application/pdf", "a.pdf"));
  CHECK_FALSE(p.accepts("", "a.txt"));
}

TEST_CASE("xml: beslut-document minutes become text the minutes plugin reads") {
  XmlPlugin p;
  auto r = p.extract({kMinutesXml, "protokoll.xml", ""});
  REQUIRE(r.ok());
  CHECK(r.value().media_type == "application/xml");
  const std::string& t = r.value().text;
  CHECK(t == "Protokoll Specifikt samverkansråd för skola, utbildning och kompetensförsörjning\n"
             "Tid: 2018-09-28 kl 09:00–12:00\n"
             "Plats: Konferenslokal Lärken, Eklundavägen 1, Örebro\n"
             "Ordförande: Irén Lejegren\n"
             "Justerare: Håkan Söderman\n"
             "\n"
             "§ 1 Mötet öppnas\n"
             "Irén Lejegren hälsar alla välkomna.\n"
             "\n"
             "§ 5 Besök från Komtek\n"
             "Dnr: RS 18/01234\n"
             "Ewa Lindberg berättar om Komtek i Örebro.\n"
             "Rådet beslutar att tacka för informationen.\n");

  beslut::plugins::MinutesPlugin minutes;
  CHECK(minutes.score(t) >= 0.5);
  auto doc = minutes.parse(t);
  REQUIRE(doc.ok());
  CHECK(doc.value().date == "2018-09-28");
  CHECK(doc.value().place == "Konferenslokal Lärken, Eklundavägen 1, Örebro");
  REQUIRE(doc.value().items.size() == 2);
  CHECK(doc.value().items[1].number.ends_with("5"));
  CHECK(doc.value().items[1].title == "Besök från Komtek");
}

TEST_CASE("xml: other kinds number their items without the section sign") {
  auto r = beslut::plugins::xmlToText(
      R"(<beslut-document kind="action_plan" organization="Region Örebro län"><title>Handlingsplan för kompetensförsörjning</title>)"
      R"(<item number="1" title="Inledning"><p>Första stycket.</p><p>Andra <b>viktiga</b> stycket.</p></item></beslut-document>)");
  REQUIRE(r.ok());
  CHECK(r.value() == "Handlingsplan för kompetensförsörjning\nHandlingsplan Region Örebro län\n\n1 Inledning\n"
                     "Första stycket.\nAndra viktiga stycket.\n");
}

TEST_CASE("xml: any other XML falls back to text with block elements as lines") {
  auto r = beslut::plugins::xmlToText(
      "<akomaNtoso><debate><preface><docTitle>Kommunfullmäktige</docTitle></preface>"
      "<debateBody><speech><from>Ordföranden</from><p>Vi   öppnar\n mötet <i>nu</i>.</p></speech></debateBody>"
      "</debate></akomaNtoso>");
  REQUIRE(r.ok());
  CHECK(r.value() == "Kommunfullmäktige\nOrdföranden\nVi öppnar mötet nu.\n");
}

TEST_CASE("xml: malformed, empty, oversized and hostile input") {
  XmlPlugin p;
  auto t0 = std::chrono::steady_clock::now();
  auto bad = p.extract({"<a><b>text</a>", "a.xml", ""});
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("vid byte") != std::string::npos);
  CHECK(p.extract({"", "a.xml", ""}).status().code() == StatusCode::kInvalidArgument);
  CHECK(p.extract({"<a>  </a>", "a.xml", ""}).status().code() == StatusCode::kUnprocessable);
  CHECK(p.extract({beslut::test::binaryGarbage(1u << 20), "a.xml", ""}).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(p.extract({"<a>R\xE4ksm\xF6rg\xE5s</a>", "a.xml", ""}).status().code() == StatusCode::kInvalidArgument);
  CHECK(XmlPlugin(1000).extract({std::string(2000, ' ') + "<a>x</a>", "a.xml", ""}).status().code() ==
        StatusCode::kTooLarge);
  // Entities are not expanded (no billion laughs); deep nesting is fine.
  auto lol = p.extract({R"(<!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><a>&y;</a>)", "a.xml", ""});
  REQUIRE(lol.ok());
  CHECK(lol.value().text == "&y;\n");
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<d>";
  deep += "botten";
  for (int i = 0; i < 200000; ++i) deep += "</d>";
  auto d = p.extract({deep, "djup.xml", ""});
  REQUIRE(d.ok());
  CHECK(d.value().text == "botten\n");
  CHECK(beslut::test::secondsSince(t0) < 10.0);
}
