#include "beslut/sections.h"

#include <algorithm>
#include <vector>

#include "beslut/assignment_reader.h"
#include "beslut/text.h"

namespace beslut {
namespace {


constexpr std::size_t kMaxLine = 300;
constexpr std::size_t kPassageBytes = 2000;
constexpr std::size_t kMaxItemBytes = 8000;

// "## Title" -> "Title"; empty when the line is no Markdown heading.
std::string_view markdownHeading(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 7 && line[i] == '#') ++i;
  if (i == 0 || i > 6 || i >= line.size() || line[i] != ' ') return {};
  return trimView(line.substr(i));
}

std::vector<Section> markdownSections(std::string_view text) {
  std::vector<Section> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view h = markdownHeading(text.substr(pos, std::min(e - pos, kMaxLine)));
    if (!h.empty()) {
      if (!out.empty()) out.back().end = pos;
      out.push_back(Section{"", std::string(h), pos, std::min(e + 1, text.size()), text.size()});
    }
    pos = e + 1;
  }
  return out;
}

}  // namespace

Result<Document> readTitledSections(std::string_view input) {
  if (trimView(input).empty()) return Status::unprocessable("Texten är tom.");
  Document doc;
  doc.kind = DocumentKind::kOther;
  doc.text = dehyphenate(normalizeNewlines(input));
  std::string_view text = doc.text;

  // Title: the first Markdown heading among the first lines, else the first non-empty line.
  // Date: the first date on one of the first non-empty lines.
  std::string firstLine;
  int nonEmpty = 0;
  std::size_t pos = 0;
  for (int n = 0; pos < text.size() && n < 100; ++n) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, std::min(e - pos, kMaxLine));
    pos = e + 1;
    std::string_view t = trimView(line);
    if (t.empty()) continue;
    if (firstLine.empty()) firstLine = oneLine(t);
    if (doc.title.empty() && !markdownHeading(t).empty()) doc.title = oneLine(markdownHeading(t));
    if (doc.date.empty() && nonEmpty < 12)
      if (auto d = parseSwedishDate(t)) doc.date = *d;
    ++nonEmpty;
  }
  if (doc.title.empty()) doc.title = firstLine;
  doc.title = truncateText(doc.title, 200);

  std::vector<Section> sections = markdownSections(text);
  if (sections.empty()) sections = findNumberedSections(text);
  if (sections.size() < 2) sections.clear();
  if (!sections.empty() && !trimView(text.substr(0, sections.front().begin)).empty())
    sections.insert(sections.begin(), Section{"", doc.title, 0, 0, sections.front().begin});
  std::size_t limit = sections.empty() ? kPassageBytes : kMaxItemBytes;
  if (sections.empty()) sections.push_back(Section{"", doc.title, 0, 0, text.size()});
  int n = 0;
  for (const Section& sec : sections) {
    std::string clean = cleanSectionText(text.substr(sec.body, sec.end - sec.body));
    if (sec.number.empty() && clean == oneLine(doc.title)) continue;  // a preamble holding just the title
    int part = 0;
    for (std::string_view piece : splitIntoPassages(clean, limit)) {
      Item item;
      item.number = sec.number.empty() ? std::to_string(++n) : sec.number;
      item.title = truncateText(sec.title, 200) + (part++ > 0 ? " (forts.)" : "");
      item.text = trim(piece);
      item.span = {sec.begin, sec.end};
      if (!item.text.empty()) doc.items.push_back(std::move(item));
    }
  }
  return doc;
}

std::size_t addAssignmentsToItems(Document& doc) {
  AssignmentReadOptions options;
  options.reference_date = doc.date;
  options.title = doc.title;
  std::vector<Assignment> found = readAssignments(doc.text, options);
  if (found.empty()) return 0;
  if (doc.items.empty()) {
    Item whole;
    whole.number = "1";
    whole.title = doc.title;
    whole.text = cleanSectionText(doc.text);
    whole.span = {0, doc.text.size()};
    doc.items.push_back(std::move(whole));
  }
  const std::size_t n = found.size();
  // Items are in text order: the last item starting at or before the assignment holds it
  // (a binary search: thousands of assignments and sections stay fast).
  for (Assignment& a : found) {
    auto it = std::upper_bound(doc.items.begin(), doc.items.end(), a.span.begin,
                               [](std::size_t pos, const Item& item) { return pos < item.span.begin; });
    std::size_t at = it == doc.items.begin() ? 0 : static_cast<std::size_t>(it - doc.items.begin()) - 1;
    doc.items[at].assignments.push_back(std::move(a));
  }
  return n;
}

std::string openingLine(std::string_view text, std::size_t max_bytes) {
  std::size_t pos = 0;
  for (int n = 0; pos < text.size() && n < 40; ++n) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view t = trimView(text.substr(pos, std::min(e - pos, max_bytes)));
    pos = e + 1;
    while (!t.empty() && t.front() == '#') t.remove_prefix(1);
    t = trimView(t);
    if (!t.empty()) return toLowerSwedish(t);
  }
  return {};
}

}  // namespace beslut
