// The "pdf" extractor on real PDFs generated at test time with cairo's PDF
// surface, and its page-aware cleanup (pdf_cleanup.h) on plain strings.
#include <cairo-pdf.h>
#include <cairo.h>
#include <doctest/doctest.h>

#include <chrono>

#include <Poco/JSON/Parser.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "beslut/extraction_json.h"
#include "beslut/text.h"
#include "gold_compare.h"
#include "minutes_plugin.h"
#include "pdf_cleanup.h"
#include "pdf_plugin.h"
#include "plugin_test_util.h"
#include "test_util.h"

using beslut::StatusCode;
using beslut::plugins::PdfLimits;
using beslut::plugins::PdfPlugin;
namespace pdf = beslut::plugins::pdf;

namespace {

struct Run {
  double x, y;
  std::string text;
};
using PageSpec = std::vector<Run>;

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// An A4 PDF with the given text runs (DejaVu Sans 11 pt); a page without runs
// gets a filled rectangle (an image-like page without text).
std::string makePdf(const std::vector<PageSpec>& pages) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &out, 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 11);
  for (const PageSpec& page : pages) {
    if (page.empty()) {
      cairo_rectangle(cr, 100, 100, 300, 400);
      cairo_fill(cr);
    }
    for (const Run& r : page) {
      cairo_move_to(cr, r.x, r.y);
      cairo_show_text(cr, r.text.c_str());
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

// Lines starting at y = 100, 14 pt apart, at x = 60.
PageSpec column(std::vector<std::string> lines, double x = 60, double y = 100) {
  PageSpec p;
  for (auto& l : lines) {
    p.push_back({x, y, std::move(l)});
    y += 14;
  }
  return p;
}

PageSpec withMargins(PageSpec body, int page, int pages) {
  body.push_back({60, 50, "Region Örebro län – Protokoll"});
  body.push_back({260, 800, "Sida " + std::to_string(page) + " av " + std::to_string(pages)});
  return body;
}

std::string threePageMinutes() {
  return makePdf({
      withMargins(column({"Protokoll Specifikt samverkansråd för skola, utbildning och", "kompetensförsörjning",
                          "Tid: Fredag 28 september 2018 kl 09:00 – 12:00", "", "1. Mötet öppnas",
                          "Ordföranden hälsar alla välkomna till mötet om kompetens-", "försörjning i länet."}),
                  1, 3),
      withMargins(
          column({"2. Insatser", "• Språk- och yrkeskunskaper för nyanlända", "• Arbete inom hälso-",
                  "och sjukvård i hela länet", "Nämnden beslutar att godkänna rapporten om regional sam-", "verkan."}),
          2, 3),
      withMargins(column({"3. Övrigt", "Inga övriga frågor. Åsa Öberg tackar för ett gott arbete."}), 3, 3),
  });
}

// A PDF whose trailer names an /Encrypt dictionary with a user password that
// the empty password does not open (poppler then reports it locked).
std::string encryptedPdf() {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      "<< /Length 0 >>\nstream\n\nendstream",
      "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4"
      " /O <0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF>"
      " /U <FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210> >>",
  };
  std::string pdfText = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdfText.size());
    pdfText += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdfText.size();
  pdfText += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    std::string n = std::to_string(off);
    pdfText += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdfText +=
      "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
      " /Root 1 0 R /Encrypt 5 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>] >>\n"
      "startxref\n" +
      std::to_string(xref) + "\n%%EOF\n";
  return pdfText;
}

}  // namespace

TEST_CASE("pdf: accepts PDFs by media type or name") {
  PdfPlugin p;
  CHECK(p.name() == "pdf");
  CHECK(p.accepts("application/pdf", ""));
  CHECK(p.accepts("application/pdf; charset=binary", "x.bin"));
  CHECK(p.accepts("", "Protokoll.PDF"));
  CHECK(p.accepts("application/octet-stream", "a.pdf"));
  CHECK_FALSE(p.accepts("text/plain", "a.txt"));
  CHECK_FALSE(p.accepts("", "a.docx"));
}

TEST_CASE("pdf: three pages with header, footer, hyphenation, bullets and å ä ö") {
  PdfPlugin p;
  auto r = p.extract({threePageMinutes(), "protokoll.pdf", "application/pdf"});
  REQUIRE(r.ok());
  CHECK(r.value().media_type == "application/pdf");
  const std::string& t = r.value().text;
  CHECK(beslut::isValidUtf8(t));
  CHECK(t == "Region Örebro län – Protokoll\n"
             "\n"
             "Protokoll Specifikt samverkansråd för skola, utbildning och\n"
             "kompetensförsörjning\n"
             "Tid: Fredag 28 september 2018 kl 09:00 – 12:00\n"
             "\n"
             "1. Mötet öppnas\n"
             "Ordföranden hälsar alla välkomna till mötet om kompetensförsörjning\n"
             "i länet.\n"
             "2. Insatser\n"
             "- Språk- och yrkeskunskaper för nyanlända\n"
             "- Arbete inom hälso-\n"
             "och sjukvård i hela länet\n"
             "Nämnden beslutar att godkänna rapporten om regional samverkan.\n"
             "3. Övrigt\n"
             "Inga övriga frågor. Åsa Öberg tackar för ett gott arbete.\n");
  CHECK(beslut::countOccurrences(t, "Region Örebro län – Protokoll") == 1);
  CHECK(t.find("Sida") == std::string::npos);
}

TEST_CASE("pdf: two columns come out in reading order") {
  std::vector<std::string> left, right;
  for (int i = 1; i <= 8; ++i) {
    left.push_back("Vänster spalt rad " + std::to_string(i) + " med löpande text om");
    right.push_back("Höger spalt rad " + std::to_string(i) + " med löpande text om");
  }
  PageSpec page = column(left, 50);
  for (Run& r : column(right, 310)) page.push_back(r);  // drawn after the left column
  page.push_back({50, 60, "Verksamhetsberättelse för regional utveckling"});
  page.push_back({50, 300, "Irén Lejegren"});
  page.push_back({310, 300, "Håkan Söderman"});
  page.push_back({50, 314, "Ordförande"});
  page.push_back({310, 314, "Justerare"});
  PdfPlugin p;
  auto r = p.extract({makePdf({page}), "spalter.pdf", ""});
  REQUIRE(r.ok());
  const std::string& t = r.value().text;
  CHECK(t.find("Verksamhetsberättelse") < t.find("Vänster spalt rad 1 "));
  CHECK(t.find("Vänster spalt rad 8 ") < t.find("Höger spalt rad 1 "));
  CHECK(t.find("Vänster spalt rad 1 med löpande text om\nVänster spalt rad 2 ") != std::string::npos);
  CHECK(t.find("Höger spalt rad 7 med löpande text om\nHöger spalt rad 8 ") != std::string::npos);
  // A short two-cell table (signatures) is not a column band: its gap stays a tab.
  CHECK(t.find("Irén Lejegren\tHåkan Söderman\nOrdförande\tJusterare") != std::string::npos);
}

TEST_CASE("pdf: a page without text is unprocessable") {
  PdfPlugin p;
  auto r = p.extract({makePdf({PageSpec{}}), "skannad.pdf", ""});
  CHECK(r.status().code() == StatusCode::kUnprocessable);
  CHECK(r.status().message() == "PDF-filen innehåller ingen text (skannad bild?).");
}

TEST_CASE("pdf: corrupt, truncated, random and password-protected files fail quickly") {
  PdfPlugin p;
  auto t0 = std::chrono::steady_clock::now();
  const std::string good = threePageMinutes();

  auto random = p.extract({beslut::test::binaryGarbage(1u << 20), "slump.pdf", ""});
  CHECK(random.status().code() == StatusCode::kInvalidArgument);
  CHECK(random.status().message() == "PDF-filen är skadad eller kan inte läsas.");

  auto truncated = p.extract({good.substr(0, good.size() / 2), "halv.pdf", ""});
  CHECK(truncated.status().code() == StatusCode::kInvalidArgument);
  CHECK(truncated.status().message() == "PDF-filen är skadad eller kan inte läsas.");

  std::string garbageBody = "%PDF-1.5\n" + beslut::test::binaryGarbage(64 * 1024) + "\n%%EOF\n";
  auto corrupt = p.extract({garbageBody, "trasig.pdf", ""});
  CHECK(corrupt.status().code() == StatusCode::kInvalidArgument);

  std::string scrambled = good;  // header and %%EOF intact, everything between overwritten
  for (std::size_t i = 20; i + 40 < scrambled.size(); i += 3) scrambled[i] = static_cast<char>(i * 7);
  auto s = p.extract({scrambled, "trasig2.pdf", ""});
  CHECK_FALSE(s.ok());

  CHECK(p.extract({"", "tom.pdf", ""}).status().code() == StatusCode::kInvalidArgument);
  CHECK(p.extract({"%PDF-1.4\n%%EOF", "kort.pdf", ""}).status().code() == StatusCode::kInvalidArgument);

  auto locked = p.extract({encryptedPdf(), "hemlig.pdf", ""});
  CHECK(locked.status().code() == StatusCode::kUnprocessable);
  CHECK(locked.status().message() == "PDF-filen är lösenordsskyddad.");

  CHECK(beslut::test::secondsSince(t0) < 10.0);
}

TEST_CASE("pdf: page limit") {
  PdfLimits limits;
  limits.max_pages = 2;
  PdfPlugin p(limits);
  auto r = p.extract({threePageMinutes(), "lång.pdf", ""});
  CHECK(r.status().code() == StatusCode::kTooLarge);
}

TEST_CASE("pdf cleanup: page numbers") {
  for (const char* s : {"3", " 12 ", "- 3 -", "– 3 –", "Sida 3", "Sida 3 av 12", "sida 3 (12)", "3 (12)", "3(12)",
                        "3/12", "Page 3 of 12"})
    CHECK_MESSAGE(pdf::isPageNumberLine(s), s);
  for (const char* s : {"", "3. Övrigt", "2018-09-28", "Sida", "3 kommuner", "§ 3", "Sidan 3 visar att"})
    CHECK_FALSE_MESSAGE(pdf::isPageNumberLine(s), s);
}

TEST_CASE("pdf cleanup: bullets and spaces") {
  CHECK(pdf::normalizeBullet("• punkt ett") == "- punkt ett");
  CHECK(pdf::normalizeBullet("\xEF\x82\xB7\tpunkt två") == "- punkt två");
  CHECK(pdf::normalizeBullet("▪ tre") == "- tre");
  CHECK(pdf::normalizeBullet("– fyra") == "- fyra");
  CHECK(pdf::normalizeBullet("–fem") == "–fem");
  CHECK(pdf::normalizeBullet("Vanlig rad • mitt i") == "Vanlig rad • mitt i");
  CHECK(pdf::normalizeLineSpaces("   Ett  två \xC2\xA0 tre     fyra\t fem   ") == "Ett två\ttre\tfyra\tfem");
  CHECK(pdf::normalizeLineSpaces("kompetens\xC2\xAD  ") == "kompetens-");
  CHECK(pdf::normalizeLineSpaces("kom\xC2\xADpetens") == "kompetens");
  CHECK(pdf::toValidUtf8("a\r\nb\x01"
                         "c\xFF\xC3\xA5") == "a\nbc\xEF\xBF\xBD\xC3\xA5");
}

TEST_CASE("pdf cleanup: repeated headers and footers with varying page numbers") {
  std::vector<std::vector<std::string>> pages = {
      {"Nämnden för X", "Protokoll 2018-09-28", "Första sidan", "Justerandes sign", "1"},
      {"Nämnden för X", "Protokoll 2018-09-28", "Andra sidan", "", "Justerandes sign", "Sida 2 av 10"},
      {"Nämnden för X", "Protokoll 2018-09-28", "Tredje sidan", "Justerandes sign", "Sida 10 av 10"},
  };
  pdf::dropRepeatedMargins(pages);
  CHECK(pages[0] == std::vector<std::string>{"Nämnden för X", "Protokoll 2018-09-28", "Första sidan"});
  CHECK(pages[1] == std::vector<std::string>{"Andra sidan", ""});
  CHECK(pages[2] == std::vector<std::string>{"Tredje sidan"});

  // Varying digits inside a header line, and a one-page document left alone.
  std::vector<std::vector<std::string>> varying = {
      {"Inledning", "Text", "Rapport 2024 s. 1"}, {"Mer text", "Rapport 2024 s. 2"}, {"Slut", "Rapport 2024 s. 3"}};
  pdf::dropRepeatedMargins(varying);
  CHECK(varying[1] == std::vector<std::string>{"Mer text"});
  std::vector<std::vector<std::string>> single = {{"Rubrik", "Text"}};
  pdf::dropRepeatedMargins(single);
  CHECK(single[0].size() == 2);
}

TEST_CASE("pdf cleanup: letterhead blocks") {
  std::vector<std::string> lines = {"Protokoll",
                                    "POSTADRESS BESÖKSADRESS TELEFON TELEFAX ORG.NR PLUSGIRO",
                                    "Region Örebro län",
                                    "Box 1613",
                                    "701 16 Örebro",
                                    "",
                                    "019-602 70 00 232100-0164",
                                    "E-POST regionen@regionorebrolan.se INTERNET www.regionorebrolan.se",
                                    "Tid: Fredag 28 september 2018"};
  pdf::dropLetterheads(lines);
  CHECK(lines == std::vector<std::string>{"Protokoll", "Tid: Fredag 28 september 2018"});
}

TEST_CASE("pdf cleanup: two-column split only for prose bands") {
  std::vector<std::string> page;
  page.push_back("Rubrik över hela sidan");
  for (int i = 1; i <= 7; ++i)
    page.push_back("Vänster rad " + std::to_string(i) + " med en hel del text     Höger rad " + std::to_string(i) +
                   " med också en del text");
  page.push_back("Sista raden");
  auto out = pdf::splitTwoColumns(page);
  REQUIRE(out.size() == page.size() + 7);
  CHECK(out[0] == "Rubrik över hela sidan");
  CHECK(out[1] == "Vänster rad 1 med en hel del text");
  CHECK(out[7] == "Vänster rad 7 med en hel del text");
  CHECK(out[8] == "Höger rad 1 med också en del text");
  CHECK(out.back() == "Sista raden");

  std::vector<std::string> table = {"Ledamöter:"};
  for (int i = 0; i < 12; ++i) table.push_back("Anna Andersson (S)      Askersund kommun");
  CHECK(pdf::splitTwoColumns(table) == table);
}

TEST_CASE("pdf cleanup: whole pages") {
  std::vector<std::string> pages = {
      "  Rapport\n\n  Vi arbetar med kompetens-\n  försörjning och   språk- och yrkeskunskaper.\n\n\n     1\n\f",
      "  Rapport\n  \xE2\x80\xA2 hälso- och sjukvård\n  \xE2\x80\xA2 regional sam-\n  verkan\n     2\n\f"};
  CHECK(pdf::cleanPages(pages) == "Rapport\n\nVi arbetar med kompetensförsörjning\noch\tspråk- och yrkeskunskaper.\n"
                                  "- hälso- och sjukvård\n- regional samverkan\n");
  CHECK(pdf::cleanPages({}).empty());
  CHECK(pdf::cleanPages({" \n\f", "\n"}).empty());
  // Bounded time on a hostile page: one 10 MB line.
  auto t0 = std::chrono::steady_clock::now();
  auto huge = pdf::cleanPages({beslut::test::hugeSingleLine()});
  CHECK(huge.size() > 1000);
  CHECK(beslut::test::secondsSince(t0) < 10.0);
}

namespace {

// The seed minutes laid out as their PDF was: one printed line per text line,
// cells separated by two or more spaces in their own columns (the attendee and
// signature tables), a running header naming the region and a page footer.
std::string seedMinutesAsPdf(const std::string& text) {
  std::vector<std::vector<std::string>> lines;
  for (std::string_view l : beslut::splitLines(text)) {
    std::vector<std::string> cells;
    std::size_t i = 0;
    while (i < l.size()) {
      while (i < l.size() && l[i] == ' ') ++i;
      std::size_t b = i;
      while (i < l.size() && !(l[i] == ' ' && i + 1 < l.size() && l[i + 1] == ' ')) ++i;
      if (i > b) cells.push_back(beslut::trim(l.substr(b, i - b)));
    }
    lines.push_back(cells);
  }
  constexpr std::size_t kPerPage = 48;
  std::size_t pages = (lines.size() + kPerPage - 1) / kPerPage;
  std::vector<PageSpec> spec;
  for (std::size_t p = 0; p < pages; ++p) {
    PageSpec page;
    page.push_back({60, 50, "Region Örebro län   Protokoll 2018-09-28"});
    double y = 90;
    for (std::size_t k = p * kPerPage; k < std::min(lines.size(), (p + 1) * kPerPage); ++k, y += 14)
      for (std::size_t c = 0; c < lines[k].size() && c < 3; ++c)
        if (!lines[k][c].empty()) page.push_back({60.0 + 230.0 * static_cast<double>(c), y, lines[k][c]});
    page.push_back({260, 810, "Sida " + std::to_string(p + 1) + " av " + std::to_string(pages)});
    spec.push_back(std::move(page));
  }
  return makePdf(spec);
}

}  // namespace

TEST_CASE("pdf: the seed minutes read from their PDF as well as from their text") {
  std::string text = beslut::test::readSample(beslut::test::kMinutesSeed);
  std::string pdfBytes = seedMinutesAsPdf(text);
  auto extracted = PdfPlugin().extract({pdfBytes, "protokoll.pdf", "application/pdf"});
  REQUIRE(extracted.ok());
  beslut::plugins::MinutesPlugin minutes;
  auto fromText = minutes.parse(text);
  auto fromPdf = minutes.parse(extracted.value().text);
  REQUIRE(fromText.ok());
  REQUIRE(fromPdf.ok());
  std::ifstream in(std::string(BESLUT_TEST_DATA) + "/gold/protokoll-ssr-skola-utbildning-2018-09-28.json");
  std::stringstream goldText;
  goldText << in.rdbuf();
  auto gold = Poco::JSON::Parser().parse(goldText.str()).extract<Poco::JSON::Object::Ptr>();
  beslut::gold::Table table;
  beslut::gold::compareDocument(table, gold, beslut::extractionToJson(fromPdf.value()), "pdf");
  table.print(stdout, "Seed minutes from PDF", true);
  for (const auto& f : table.order) {
    CAPTURE(f);
    if (table.rows[f].stated()) CHECK(table.rows[f].f1() >= 0.95);
  }
  CHECK(fromPdf.value().organization == fromText.value().organization);
  CHECK(fromPdf.value().attendees.size() == fromText.value().attendees.size());
}

TEST_CASE("pdf: hostile files are refused quickly, whatever shares or loops (tests/data/pdf-hostile, make.py)") {
  PdfPlugin p;
  const std::string dir = std::string(BESLUT_TEST_DATA) + "/pdf-hostile/";
  // 500 pages whose contents are one shared 200 kB stream: refused at its first page.
  for (const char* name : {"shared_stream_500.pdf", "contents_array.pdf"}) {
    INFO(name);
    const auto started = std::chrono::steady_clock::now();
    auto r = p.extract({beslut::testing::readFile(dir + name), name, "application/pdf"});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kTooLarge);
    CHECK(r.status().message().find("för mycket text på sida") != std::string::npos);
    MESSAGE(std::string(name) << " refused in " << seconds << " s");
  }
  // Page trees and object streams that loop: an answer, never a hang or a crash.
  for (const char* name : {"pagetree_loop.pdf", "pagetree_loop2.pdf", "objstm_self.pdf", "objstm_length_loop.pdf",
                           "objstm_extends_loop.pdf"}) {
    INFO(name);
    auto r = p.extract({beslut::testing::readFile(dir + name), name, "application/pdf"});
    if (!r.ok()) CHECK(r.status().code() != StatusCode::kInternal);
  }
}
