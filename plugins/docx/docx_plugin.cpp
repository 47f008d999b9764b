#include "docx_plugin.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipLocalFileHeader.h>
#include <Poco/Zip/ZipStream.h>

#include <pugixml.hpp>

#include <cstring>
#include <exception>
#include <sstream>
#include <vector>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kDocumentPart = "word/document.xml";
constexpr const char* kNotZip = "Filen är inte ett Word-dokument (docx): den är inte en giltig zip-fil.";
constexpr const char* kDamaged = "Word-filen är skadad eller kan inte läsas.";
constexpr const char* kBomb = "Word-filens innehåll blir för stort när det packas upp (möjlig zip-bomb).";

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

std::uint32_t le16(std::string_view b, std::size_t i) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[i])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[i + 1])) << 8;
}
std::uint32_t le32(std::string_view b, std::size_t i) { return le16(b, i) | le16(b, i + 2) << 16; }

// The end-of-central-directory record: present (a complete zip) and its entry count.
struct ZipEnd {
  bool found = false;
  std::uint32_t entries = 0;
};
ZipEnd findZipEnd(std::string_view b) {
  ZipEnd end;
  if (b.size() < 22) return end;
  std::size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
  for (std::size_t i = b.size() - 22 + 1; i-- > lowest;) {
    if (b.compare(i, 4, "PK\x05\x06") != 0) continue;
    std::uint32_t cdSize = le32(b, i + 12), cdOffset = le32(b, i + 16);
    std::uint32_t comment = le16(b, i + 20);
    if (i + 22 + comment > b.size()) continue;
    // A central directory that would lie beyond the record: truncated or not ours.
    if (cdOffset != 0xFFFFFFFFu && static_cast<std::uint64_t>(cdOffset) + cdSize > i) continue;
    end.found = true;
    end.entries = le16(b, i + 10);
    return end;
  }
  return end;
}

// ---- WordprocessingML -> text ----

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

// The paragraph's style id ("Heading1", "Rubrik1") and whether it is a list item.
struct ParagraphKind {
  bool heading = false;
  bool list = false;
};
ParagraphKind paragraphKind(const pugi::xml_node& p) {
  ParagraphKind k;
  pugi::xml_node ppr = p.child("w:pPr");
  if (!ppr) return k;
  std::string style = lowerAscii(ppr.child("w:pStyle").attribute("w:val").as_string());
  k.heading = style.starts_with("heading") || style.starts_with("rubrik") || style == "title" || style == "titel" ||
              ppr.child("w:outlineLvl");
  k.list = !k.heading && ppr.child("w:numPr");
  return k;
}

class TextBuilder {
 public:
  // A finished paragraph outside tables.
  void line(std::string text, const ParagraphKind& kind) {
    std::string t = trim(text);
    if (kind.heading && !t.empty()) blank();
    if (kind.list && !t.empty()) t = "- " + t;
    out_ += t;
    out_.push_back('\n');
    if (kind.heading && !t.empty()) blank();
  }
  void blank() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_.push_back('\n');
  }
  std::string take() {
    // Runs of blank lines as one, lines without trailing spaces, trimmed.
    return tidyLines(out_);
  }

 private:
  std::string out_;
};

// Iterative walk (no recursion: the nesting depth of the XML is unbounded).
std::string bodyText(const pugi::xml_node& body) {
  TextBuilder out;
  struct Paragraph {
    pugi::xml_node node;
    std::string text;
    ParagraphKind kind;
  };
  struct Table {
    pugi::xml_node node;
    std::vector<std::string> cells;  // of the current row
    std::string cell;                // current cell's text
  };
  std::vector<Paragraph> paragraphs;  // open w:p (text boxes nest them)
  std::vector<Table> tables;          // open w:tbl

  auto appendText = [&](std::string_view s) {
    if (!paragraphs.empty()) paragraphs.back().text.append(s);
  };
  auto enter = [&](const pugi::xml_node& n) -> bool {  // false: skip the subtree
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      if (is(n.parent(), "w:t")) appendText(n.value());
      return false;
    }
    if (n.type() != pugi::node_element) return false;
    if (is(n, "w:p")) {
      paragraphs.push_back({n, {}, paragraphKind(n)});
    } else if (is(n, "w:tbl")) {
      tables.push_back({n, {}, {}});
    } else if (is(n, "w:tab") || is(n, "w:ptab")) {
      if (!is(n.parent(), "w:tabs")) appendText("\t");
    } else if (is(n, "w:br") || is(n, "w:cr")) {
      appendText("\n");
    } else if (is(n, "w:noBreakHyphen")) {
      appendText("-");
    } else if (is(n, "mc:Fallback") || is(n, "w:pPr") || is(n, "w:rPr") || is(n, "w:delText") || is(n, "w:instrText") ||
               is(n, "w:tblPr") || is(n, "w:tcPr") || is(n, "w:trPr") || is(n, "w:sectPr") || is(n, "w:del")) {
      return false;  // formatting, deleted text, field codes, duplicate fallback content
    }
    return true;
  };
  auto leave = [&](const pugi::xml_node& n) {
    if (is(n, "w:p") && !paragraphs.empty()) {
      Paragraph p = std::move(paragraphs.back());
      paragraphs.pop_back();
      if (!paragraphs.empty()) {  // a text box inside a paragraph: its own line
        out.line(p.text, p.kind);
      } else if (!tables.empty() && n.parent() && !is(n.parent(), "w:body")) {
        std::string& cell = tables.back().cell;
        std::string t = oneLine(p.text);
        if (p.kind.list && !t.empty()) t = "- " + t;
        if (!cell.empty() && !t.empty()) cell += ' ';
        cell += t;
      } else {
        for (std::string_view l : splitLines(p.text)) out.line(std::string(l), p.kind);
        if (p.text.empty()) out.line({}, p.kind);
      }
    } else if (is(n, "w:tc") && !tables.empty()) {
      Table& t = tables.back();
      t.cells.push_back(std::move(t.cell));
      t.cell.clear();
    } else if (is(n, "w:tr") && !tables.empty()) {
      Table& t = tables.back();
      std::string row;
      for (std::size_t i = 0; i < t.cells.size(); ++i) {
        if (i) row += '\t';
        row += t.cells[i];
      }
      t.cells.clear();
      if (tables.size() == 1) {
        out.line(row, {});
      } else {  // a nested table: its rows go into the outer cell
        std::string& outer = tables[tables.size() - 2].cell;
        if (!outer.empty()) outer += ' ';
        outer += oneLine(row);
      }
    } else if (is(n, "w:tbl") && !tables.empty()) {
      tables.pop_back();
      if (tables.empty()) out.blank();
    }
  };

  pugi::xml_node n = body.first_child();
  while (n) {
    if (enter(n) && n.first_child()) {
      n = n.first_child();
      continue;
    }
    if (n.type() == pugi::node_element) leave(n);
    while (n && !n.next_sibling() && n != body) {
      n = n.parent();
      if (n && n != body) leave(n);
    }
    if (!n || n == body) break;
    n = n.next_sibling();
  }
  return out.take();
}

}  // namespace

Result<std::string> wordprocessingMlToText(std::string_view xml) {
  pugi::xml_document doc;
  // No DTD processing in pugixml: entities other than the five predefined and
  // character references are never expanded (no "billion laughs").
  pugi::xml_parse_result parsed = doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!parsed)
    return Status::invalidArgument("Word-filen är skadad: felaktig XML i word/document.xml (" +
                                   std::string(parsed.description()) + " vid position " +
                                   std::to_string(parsed.offset) + ").");
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) return Status::invalidArgument("Word-filen saknar dokumentinnehåll (w:body i word/document.xml).");
  std::string text = bodyText(body);
  if (!isValidUtf8(text)) return Status::invalidArgument("Word-filen innehåller ogiltiga tecken.");
  return text;
}

std::string DocxPlugin::description() const {
  return "Läser Word-dokument (.docx): stycken, rubriker, listor och tabeller.";
}

bool DocxPlugin::accepts(const std::string& media_type, const std::string& filename) const {
  std::string type = lowerAscii(trim(media_type.substr(0, media_type.find(';'))));
  if (type == kDocxType) return true;
  return lowerAscii(filename).ends_with(".docx") &&
         (type.empty() || type == "application/octet-stream" || type == "application/zip");
}

Result<ExtractedText> DocxPlugin::extract(const ExtractInput& input) const {
  std::string_view bytes = input.bytes;
  if (bytes.empty()) return Status::invalidArgument("Filen är tom.");
  if (bytes.starts_with("\xD0\xCF\x11\xE0"))
    return Status::unprocessable(
        "Word-filen är lösenordsskyddad eller sparad i det gamla .doc-formatet; spara den som .docx utan lösenord.");
  if (!bytes.starts_with("PK\x03\x04")) return Status::invalidArgument(kNotZip);
  ZipEnd end = findZipEnd(bytes);
  if (!end.found) return Status::invalidArgument(kNotZip);
  if (end.entries != 0xFFFF && end.entries > limits_.max_entries)
    return Status::tooLarge("Word-filen består av för många delar (" + std::to_string(end.entries) + ").");
  std::string xml;
  try {
    std::istringstream in(std::string(bytes), std::ios::binary);
    Poco::Zip::ZipArchive archive(in);
    std::size_t entries = 0;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it)
      if (++entries > limits_.max_entries) return Status::tooLarge("Word-filen består av för många delar.");
    auto header = archive.findHeader(kDocumentPart);
    if (header == archive.headerEnd())
      return Status::invalidArgument("Filen är inte ett Word-dokument (docx): word/document.xml saknas.");
    const Poco::Zip::ZipLocalFileHeader& h = header->second;
    if (h.isEncrypted()) return Status::unprocessable("Word-filen är krypterad.");
    // Decompressed bytes allowed: the size limit, and for anything past the
    // exempt size, the compression ratio over the compressed size.
    std::uint64_t allowed = limits_.max_document_bytes;
    std::uint64_t byRatio = std::max<std::uint64_t>(limits_.ratio_exempt_bytes,
                                                    h.getCompressedSize() * limits_.max_compression_ratio);
    bool ratioBound = byRatio < allowed;
    allowed = std::min(allowed, byRatio);
    if (h.getUncompressedSize() > allowed)
      return Status::tooLarge(ratioBound ? kBomb : "Word-dokumentet är för stort.");
    Poco::Zip::ZipInputStream zin(in, h, true);
    std::vector<char> chunk(64 * 1024);
    while (zin) {
      zin.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      std::streamsize got = zin.gcount();
      if (got <= 0) break;
      if (xml.size() + static_cast<std::uint64_t>(got) > allowed)
        return Status::tooLarge(ratioBound ? kBomb : "Word-dokumentet är för stort.");
      xml.append(chunk.data(), static_cast<std::size_t>(got));
    }
    if (zin.bad()) return Status::invalidArgument(kDamaged);
  } catch (const Poco::Exception&) {
    return Status::invalidArgument(kDamaged);
  } catch (const std::bad_alloc&) {
    return Status::tooLarge("Word-filen är för stor för att läsas.");
  } catch (const std::exception&) {
    return Status::invalidArgument(kDamaged);
  }
  auto text = wordprocessingMlToText(xml);
  if (!text.ok()) return text.status();
  if (trimView(text.value()).empty()) return Status::unprocessable("Word-filen innehåller ingen text.");
  return ExtractedText{std::move(text).value(), kDocxType};
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::DocxPlugin)
POCO_END_MANIFEST
#endif
