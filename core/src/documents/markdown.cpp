#include "beslut/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace beslut {
namespace {

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
      case CMARK_NODE_CODE: w.text(cmark_node_get_literal(node)); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: w.text("\n"); break;
      case CMARK_NODE_CODE_BLOCK:
        w.breakLines(2);
        w.text(cmark_node_get_literal(node));
        w.breakLines(2);
        break;
      case CMARK_NODE_HEADING: w.breakLines(enter ? 2 : 2); break;
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
      case CMARK_NODE_THEMATIC_BREAK: w.breakLines(2); break;
      default:  // emphasis, links, images: their text children carry the content; raw HTML is dropped
        break;
    }
  }
  return w.take();
}

std::string markdownToHtml(std::string_view markdown) {
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  if (html == nullptr) return {};
  std::string out(html);
  free(html);  // NOLINT: allocated by cmark with malloc
  return out;
}

}  // namespace beslut
