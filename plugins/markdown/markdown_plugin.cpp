#include "markdown_plugin.h"

#include <cmark.h>

#include <memory>
#include <vector>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

// Accumulates output text, keeping track of line structure.
class PlainWriter {
 public:
  void text(const char* s) {
    if (s) out_ += s;
  }
  // Ends the current line and makes sure `count` line breaks end the output.
  void breakLines(int count) {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
    if (out_.empty()) return;
    int have = 0;
    for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n'; ++it) ++have;
    for (; have < count; ++have) out_.push_back('\n');
  }
  // The text, ending in exactly one line break.
  std::string take() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' ')) out_.pop_back();
    breakLines(1);
    return std::move(out_);
  }

 private:
  std::string out_;
};

bool insideListItem(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == CMARK_NODE_ITEM) return true;
  return false;
}

}  // namespace

std::string markdownToPlainText(std::string_view markdown) {
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  if (!doc) return {};
  PlainWriter w;
  // Each open list (innermost last): ordered or not, and its next item number.
  // Counted as the items come, so numbering is linear in the number of items.
  struct OpenList {
    bool ordered = false;
    int next = 1;
  };
  std::vector<OpenList> lists;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(doc.get()), &cmark_iter_free);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    bool enter = ev == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        w.text(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        w.text("\n");
        break;
      case CMARK_NODE_CODE_BLOCK:
        w.breakLines(2);
        w.text(cmark_node_get_literal(node));
        w.breakLines(2);
        break;
      case CMARK_NODE_HEADING:
        w.breakLines(enter ? 2 : 2);
        break;
      case CMARK_NODE_PARAGRAPH:
        if (!enter) w.breakLines(insideListItem(node) ? 1 : 2);
        break;
      case CMARK_NODE_ITEM:
        if (enter) {
          w.breakLines(1);
          if (!lists.empty() && lists.back().ordered) {
            w.text((std::to_string(lists.back().next++) + ". ").c_str());
          } else {
            w.text("\xE2\x80\xA2 ");
          }
        } else {
          w.breakLines(1);
        }
        break;
      case CMARK_NODE_LIST:
        if (enter) {
          bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
          lists.push_back({ordered, ordered ? cmark_node_get_list_start(node) : 0});
        } else if (!lists.empty()) {
          lists.pop_back();
        }
        w.breakLines(2);
        break;
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_THEMATIC_BREAK:
        w.breakLines(2);
        break;
      default:  // emphasis, links, images: their text children carry the content; raw HTML is dropped
        break;
    }
  }
  return w.take();
}

std::string MarkdownPlugin::description() const {
  return "Läser Markdown-filer (CommonMark, .md) som ren text.";
}

bool MarkdownPlugin::accepts(const std::string& media_type, const std::string& filename) const {
  std::string type = lowerAscii(trim(media_type.substr(0, media_type.find(';'))));
  if (type == "text/markdown" || type == "text/x-markdown") return true;
  std::string name = lowerAscii(filename);
  bool mdName = name.ends_with(".md") || name.ends_with(".markdown");
  return mdName && (type.empty() || type == "text/plain" || type == "application/octet-stream");
}

Result<ExtractedText> MarkdownPlugin::extract(const ExtractInput& input) const {
  auto source = decodeUtf8Text(input.bytes);
  if (!source.ok()) return source.status();
  std::string text = markdownToPlainText(source.value());
  if (trimView(text).empty()) return Status::unprocessable("Filen innehåller ingen text.");
  return ExtractedText{std::move(text), "text/markdown"};
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::MarkdownPlugin)
POCO_END_MANIFEST
#endif
