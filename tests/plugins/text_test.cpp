// The "text" extractor and the shared Swedish text utilities (beslut/text.h).
#include <doctest/doctest.h>

#include "beslut/text.h"
#include "plugin_test_util.h"
#include "text_plugin.h"

using beslut::StatusCode;
using beslut::plugins::TextPlugin;
using namespace beslut;

TEST_CASE("text: accepts plain text by media type or name") {
  TextPlugin p;
  CHECK(p.name() == "text");
  CHECK(p.accepts("text/plain", ""));
  CHECK(p.accepts("text/plain; charset=utf-8", "x.bin"));
  CHECK(p.accepts("", "protokoll.TXT"));
  CHECK_FALSE(p.accepts("application/pdf", "a.pdf"));
  CHECK_FALSE(p.accepts("", "a.md"));
}

TEST_CASE("text: extracts, strips BOM and normalises newlines") {
  TextPlugin p;
  auto r = p.extract({"\xEF\xBB\xBFRad ett\r\nRad två\rRad tre", "a.txt", "text/plain"});
  REQUIRE(r.ok());
  CHECK(r.value().text == "Rad ett\nRad två\nRad tre");
  CHECK(r.value().media_type == "text/plain");
  auto seed = p.extract({test::readSample(test::kMinutesSeed), "p.txt", ""});
  REQUIRE(seed.ok());
  CHECK(seed.value().text.find("Komtek") != std::string::npos);
}

TEST_CASE("text: rejects invalid UTF-8, binary and empty files") {
  TextPlugin p;
  auto bad = p.extract({"R\xE4ksm\xF6rg\xE5s", "latin1.txt", "text/plain"});
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("inte giltig UTF-8") != std::string::npos);
  CHECK(p.extract({std::string("abc\0def", 7), "b.txt", ""}).status().code() == StatusCode::kInvalidArgument);
  CHECK(p.extract({test::binaryGarbage(4096), "g.txt", ""}).status().code() == StatusCode::kInvalidArgument);
  auto empty = p.extract({" \n\t\r\n", "e.txt", ""});
  CHECK(empty.status().code() == StatusCode::kUnprocessable);
  CHECK(empty.status().message() == "Filen innehåller ingen text.");
  CHECK(p.extract({"", "e.txt", ""}).status().code() == StatusCode::kUnprocessable);
  CHECK(p.extract({"\xEF\xBB\xBF", "e.txt", ""}).status().code() == StatusCode::kUnprocessable);
}

TEST_CASE("text utils: UTF-8 validation") {
  CHECK(isValidUtf8("Åäö É – ”"));
  CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(isValidUtf8("\xC3"));              // truncated
}

TEST_CASE("text utils: dehyphenation") {
  CHECK(dehyphenate("kompetens-\nförsörjning") == "kompetensförsörjning");
  CHECK(dehyphenate("regional sam-\nverkan för familjer") == "regional samverkan\nför familjer");
  CHECK(dehyphenate("arbets- \ngivare inom") == "arbetsgivare\ninom");
  CHECK(dehyphenate("kompetens-\n försörjning har") == "kompetensförsörjning\nhar");
  CHECK(dehyphenate("läran-\nde.\nNästa") == "lärande.\nNästa");
  CHECK(dehyphenate("språk- och yrkeskunskaper") == "språk- och yrkeskunskaper");
  CHECK(dehyphenate("hälso-\noch sjukvård") == "hälso-\noch sjukvård");
  CHECK(dehyphenate("2018-\n2030") == "2018-2030");
  CHECK(dehyphenate("EU-\nprojekt") == "EU-projekt");
  CHECK(dehyphenate("Sverige-\nDemokraterna") == "Sverige-Demokraterna");
  CHECK(dehyphenate("- punkt\n- punkt") == "- punkt\n- punkt");
}

TEST_CASE("text utils: whitespace and case") {
  CHECK(collapseSpaces("a  \t b\n\nc") == "a b\n\nc");
  CHECK(oneLine("  a \n b\t\nc  ") == "a b c");
  CHECK(trim("\xC2\xA0 x y \n") == "x y");
  CHECK(normalizeNewlines("a\r\nb\rc") == "a\nb\nc");
  CHECK(toLowerSwedish("ÅÄÖ ÉÜ Protokoll") == "åäö éü protokoll");
  CHECK(foldForMatching("Kompetens-\nFÖRSÖRJNING  och\n\nmer", 1000) == "kompetensförsörjning och mer");
  CHECK(foldForMatching("kompetens-\nförsörjning", 1000) == "kompetensförsörjning");
}

TEST_CASE("text utils: Swedish dates and times") {
  CHECK(parseSwedishDate("28 september 2018") == "2018-09-28");
  CHECK(parseSwedishDate("2018-09-28") == "2018-09-28");
  CHECK(parseSwedishDate("Tid: Fredag 28 september 2018 kl 09:00") == "2018-09-28");
  CHECK(parseSwedishDate("den 1 okt. 2019") == "2019-10-01");
  CHECK_FALSE(parseSwedishDate("2018-02-30").has_value());
  CHECK_FALSE(parseSwedishDate("i oktober 2019").has_value());
  CHECK_FALSE(parseSwedishDate("").has_value());
  CHECK(parseSwedishMonth("I oktober 2019 ska en ny handlingsplan") == "2019-10");
  CHECK(parseSwedishMonth("senast 30 juni 2025") == "2025-06");
  CHECK_FALSE(parseSwedishMonth("i oktober").has_value());
  CHECK(parseTimeRange("kl 09:00 – 12:00") == "09:00\xE2\x80\x93"
                                              "12:00");
  // Adjourned meetings, and the dashes a transcript lost.
  CHECK(parseTimeRange("kl 09.00-11.45, 12.30-16.15") == "09:00\xE2\x80\x93"
                                                         "11:45, 12:30\xE2\x80\x93"
                                                         "16:15");
  CHECK(parseTimeRange("kl. 09.00 11.45 12.30 16.15.") == "09:00\xE2\x80\x93"
                                                          "11:45, 12:30\xE2\x80\x93"
                                                          "16:15");
  CHECK(parseTimeRange("Onsdag 15 oktober 2014, kl 09:00 14:45 Plats") == "09:00\xE2\x80\x93"
                                                                          "14:45");
  CHECK(parseTimeRange("kl 13.00 och 12.00") == "13:00");  // an earlier time starts no range
  // A day and month without a year, on or after a reference date.
  CHECK(parseSwedishDateAfter("måndagen den 7 mars kl. 15.30", "2011-03-01") == "2011-03-07");
  CHECK(parseSwedishDateAfter("tisdag 7 januari", "2019-12-16") == "2020-01-07");
  CHECK(parseSwedishDateAfter("den 11 november 2008", "2008-11-10") == "2008-11-11");
  CHECK(!parseSwedishDateAfter("den 30 februari", "2011-01-10"));
  CHECK(!parseSwedishDateAfter("den 7 mars", ""));
  CHECK(!parseSwedishDateAfter("den 6 mars", "2018-04-25"));  // not eleven months later
  CHECK(parseTimeRange("kl. 9.00-11.30") == "09:00\xE2\x80\x93"
                                            "11:30");
  CHECK(parseTimeRange("kl 13:15") == "13:15");
}

TEST_CASE("text utils: boilerplate lines, headings, sentences, passages") {
  CHECK(isUrlLine("http://www.orebroll.se/"));
  CHECK_FALSE(isUrlLine("Se http://x.se för mer"));
  CHECK(isLetterheadLine("POSTADRESS BESÖKSADRESS TELEFON TELEFAX ORG.NR PLUSGIRO "));
  CHECK(isPageMarkerLine("Regional tillväxtnämnd  Verksamhetsberättelse 20(42) "));
  CHECK_FALSE(isPageMarkerLine("Ronny Larsson (S)   Askersund kommun"));
  auto h = parseNumberedHeading(" 3.2 Perspektiv: Invånare och samhälle ");
  REQUIRE(h);
  CHECK(h->number == "3.2");
  CHECK(h->title == "Perspektiv: Invånare och samhälle");
  CHECK_FALSE(parseNumberedHeading("2021. Bland jämförelselänen har").has_value());
  CHECK(isNextHeadingNumber("3.4", "4"));
  CHECK(isNextHeadingNumber("3", "3.1"));
  CHECK_FALSE(isNextHeadingNumber("3", "5"));
  auto s = splitSentences("Det gick bra. Nämnden beslutar att bl.a. godkänna. Klart");
  REQUIRE(s.size() == 3);
  CHECK(s[1] == "Nämnden beslutar att bl.a. godkänna.");
  std::string big(10000, 'a');
  for (std::size_t i = 100; i < big.size(); i += 100) big[i] = '\n';
  std::size_t total = 0;
  for (auto p : splitIntoPassages(big, 2000)) {
    CHECK(p.size() <= 2000);
    total += p.size();
  }
  CHECK(total == big.size());
  CHECK(mostMentionedPublicBody("Region Örebro län och Region Örebro län, Lindesbergs kommun") == "Region Örebro län");
  CHECK(looksLikePersonName("Ulla Kalander Karlsson"));
  CHECK_FALSE(looksLikePersonName("Region 12"));
}

TEST_CASE("text: private-use bullets of Symbol and Wingdings become a bullet") {
  CHECK(mapPrivateUseBullets("\xEF\x82\xB7 Punkt ett\n\xEF\x82\xA7 Punkt två\n\xEF\x81\xB6 tre") ==
        "\xE2\x80\xA2 Punkt ett\n\xE2\x80\xA2 Punkt två\n\xE2\x80\xA2 tre");
  CHECK(mapPrivateUseBullets("Åsa på ängen \xE2\x80\x93 ok") == "Åsa på ängen \xE2\x80\x93 ok");
  // A truncated sequence at the end is left as it is.
  CHECK(mapPrivateUseBullets("slut \xEF\x82") == "slut \xEF\x82");
}
