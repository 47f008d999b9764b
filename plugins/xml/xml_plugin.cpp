#include "xml_plugin.h"

#include <pugixml.hpp>

#include <cstring>
#include <exception>
#include <vector>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

bool isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool hasTextChild(const pugi::xml_node& n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
    for (const char* p = c.value(); *p; ++p)
      if (!isWs(*p)) return true;
  }
  return false;
}

// Text accumulated line by line.
class Lines {
 public:
  void text(std::string_view s, bool keepLines) {
    for (char c : s) {
      if (c == '\r') continue;
      if (c == '\n' && keepLines) {
        newline();
      } else if (isWs(c)) {
        if (!cur_.empty() && cur_.back() != ' ') cur_.push_back(' ');
      } else {
        cur_.push_back(c);
      }
    }
  }
  void raw(std::string_view s) { cur_.append(s); }
  // Ends the current line; an empty line inside a text (not at its start)
  // is a blank line.
  void newline() {
    std::string t = trim(cur_);
    cur_.clear();
    if (t.empty()) {
      if (!atBlockStart_ && !out_.empty() && !out_.ends_with("\n\n")) out_.push_back('\n');
      return;
    }
    out_ += t;
    out_.push_back('\n');
    atBlockStart_ = false;
  }
  // Ends the current line at an element boundary.
  void endLine() {
    if (!trimView(cur_).empty()) newline();
    cur_.clear();
    atBlockStart_ = true;
  }
  void blank() {
    endLine();
    if (!out_.empty() && !out_.ends_with("\n\n")) out_.push_back('\n');
  }
  std::string take() {
    endLine();
    return tidyLines(out_);
  }

 private:
  std::string out_;
  std::string cur_;
  bool atBlockStart_ = true;
};

// The text under `root`: an element whose parent holds text of its own is
// inline, every other element a block (its own line). With `keepLines` the
// line breaks inside text stay. Iterative: the depth of XML is unbounded.
void blockText(const pugi::xml_node& root, Lines& out, bool keepLines) {
  std::vector<bool> mixed;  // per open element: has own text, so children are inline
  auto enter = [&](const pugi::xml_node& n) -> bool {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      out.text(n.value(), keepLines);
      return false;
    }
    if (n.type() != pugi::node_element) return false;
    bool inlineElem = !mixed.empty() && mixed.back();
    if (std::strcmp(n.name(), "br") == 0) {
      out.endLine();
      return false;
    }
    if (!inlineElem) out.endLine();
    mixed.push_back(hasTextChild(n));
    return true;
  };
  auto leave = [&](const pugi::xml_node&) {
    mixed.pop_back();
    bool inlineElem = !mixed.empty() && mixed.back();
    if (!inlineElem) out.endLine();
  };
  mixed.push_back(hasTextChild(root));
  pugi::xml_node n = root.first_child();
  while (n) {
    if (enter(n)) {
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
      leave(n);
    }
    while (n && !n.next_sibling() && n != root) {
      n = n.parent();
      if (n && n != root) leave(n);
    }
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  out.endLine();
}

std::string kindWord(const std::string& kind) {
  if (kind == "minutes") return "Protokoll";
  if (kind == "reply") return "Svar";
  if (kind == "action_plan") return "Handlingsplan";
  if (kind == "annual_report") return "Verksamhetsberättelse";
  return {};
}

std::string metaLabel(const std::string& name) {
  std::string n = lowerAscii(name);
  if (n == "place" || n == "plats") return "Plats";
  if (n == "time" || n == "tid") return "Tid";
  if (n == "chair" || n == "ordförande") return "Ordförande";
  if (n == "secretary" || n == "sekreterare") return "Sekreterare";
  if (n == "adjusters" || n == "justerare") return "Justerare";
  if (n == "dnr" || n == "diarienummer") return "Dnr";
  if (name.empty()) return "Uppgift";
  return name;
}

std::string beslutDocumentText(const pugi::xml_node& root) {
  Lines out;
  const std::string kind = root.attribute("kind").as_string();
  const std::string org = oneLine(root.attribute("organization").as_string());
  const std::string date = oneLine(root.attribute("date").as_string());
  std::string time = oneLine(root.attribute("time").as_string());
  const std::string title = oneLine(root.child("title").text().as_string());
  const std::string word = kindWord(kind);

  if (!title.empty()) {
    out.raw(title);
    out.endLine();
  }
  std::string header = word.empty() ? org : (org.empty() ? word : word + " " + org);
  if (!header.empty() && header != title) {
    out.raw(header);
    out.endLine();
  }
  for (pugi::xml_node m = root.child("meta"); m; m = m.next_sibling("meta"))
    if (metaLabel(m.attribute("name").as_string()) == "Tid") time = oneLine(m.text().as_string());
  if (!date.empty() || !time.empty()) {
    std::string tid = date;
    if (!time.empty()) tid += (tid.empty() ? "" : " ") + std::string("kl ") + time;
    out.raw((kind == "minutes" ? "Tid: " : "Datum: ") + tid);
    out.endLine();
  }
  for (pugi::xml_node m = root.child("meta"); m; m = m.next_sibling("meta")) {
    std::string label = metaLabel(m.attribute("name").as_string());
    std::string value = oneLine(m.text().as_string());
    if (label == "Tid" || value.empty()) continue;
    out.raw(label + ": " + value);
    out.endLine();
  }
  // Everything else in document order: items as headed sections, other
  // elements (<text>, <p>, ...) as blocks.
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out.blank();
      out.text(c.value(), true);
      out.endLine();
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string name = c.name();
    if (name == "title" || name == "meta") continue;
    out.blank();
    if (name == "item") {
      std::string number = oneLine(c.attribute("number").as_string());
      std::string itemTitle = oneLine(c.attribute("title").as_string());
      std::string heading;
      if (kind == "minutes") heading = "\xC2\xA7 " + (number.empty() ? std::string("?") : number);
      else heading = number;
      if (!itemTitle.empty()) heading += (heading.empty() ? "" : " ") + itemTitle;
      out.raw(heading);
      out.endLine();
      if (std::string dnr = oneLine(c.attribute("dnr").as_string()); !dnr.empty()) {
        out.raw("Dnr: " + dnr);
        out.endLine();
      }
      blockText(c, out, true);
    } else {
      blockText(c, out, true);
    }
  }
  return out.take();
}

}  // namespace

Result<std::string> xmlToText(std::string_view xml) {
  pugi::xml_document doc;
  // pugixml does not process DTDs: only the predefined entities and character
  // references are expanded, so entity expansion cannot blow up.
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    // pugixml's description is English: the secretary reads what kind of fault, and where.
    const char* what = "strukturen är trasig";
    switch (parsed.status) {
      case pugi::status_end_element_mismatch: what = "en sluttagg passar inte sin starttagg"; break;
      case pugi::status_unrecognized_tag: what = "en tagg går inte att läsa"; break;
      case pugi::status_bad_attribute: what = "ett attribut är felskrivet"; break;
      case pugi::status_bad_start_element:
      case pugi::status_bad_end_element: what = "en tagg är felskriven"; break;
      case pugi::status_bad_cdata:
      case pugi::status_bad_comment:
      case pugi::status_bad_pi:
      case pugi::status_bad_doctype: what = "ett avsnitt (kommentar, CDATA, deklaration) är felskrivet"; break;
      case pugi::status_no_document_element: what = "den saknar rotelement"; break;
      default: break;
    }
    return Status::invalidArgument(std::string("XML-filen är felaktig: ") + what + " (vid byte " +
                                   std::to_string(parsed.offset) + ").");
  }
  pugi::xml_node root = doc.document_element();
  if (!root) return Status::invalidArgument("XML-filen saknar rotelement.");
  std::string text;
  if (std::strcmp(root.name(), "beslut-document") == 0) {
    text = beslutDocumentText(root);
  } else {
    Lines out;
    blockText(root, out, false);
    text = out.take();
  }
  if (!isValidUtf8(text)) return Status::invalidArgument("XML-filen är inte giltig UTF-8-text.");
  return text;
}

std::string XmlPlugin::description() const {
  return "Läser XML: Beslut-dokument (<beslut-document>) som protokoll med paragrafer, annan XML som text.";
}

bool XmlPlugin::accepts(const std::string& media_type, const std::string& filename) const {
  std::string type = lowerAscii(trim(media_type.substr(0, media_type.find(';'))));
  if (type == "application/xml" || type == "text/xml") return true;
  if (type.ends_with("+xml") && type != "application/xhtml+xml" && type != "image/svg+xml") return true;
  return lowerAscii(filename).ends_with(".xml") &&
         (type.empty() || type == "application/octet-stream" || type == "text/plain");
}

Result<ExtractedText> XmlPlugin::extract(const ExtractInput& input) const {
  if (input.bytes.empty()) return Status::invalidArgument("Filen är tom.");
  if (input.bytes.size() > max_bytes_)
    return Status::tooLarge("XML-filen är för stor (högst " + std::to_string(max_bytes_ >> 20) + " MB).");
  try {
    auto text = xmlToText(input.bytes);
    if (!text.ok()) return text.status();
    if (trimView(text.value()).empty()) return Status::unprocessable("XML-filen innehåller ingen text.");
    return ExtractedText{std::move(text).value(), "application/xml"};
  } catch (const std::bad_alloc&) {
    return Status::tooLarge("XML-filen är för stor för att läsas.");
  } catch (const std::exception&) {
    return Status::invalidArgument("XML-filen kan inte läsas.");
  }
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::XmlPlugin)
POCO_END_MANIFEST
#endif
