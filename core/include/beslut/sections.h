// The reading every document plugin starts from when its kind has no layout of
// its own (the generic fallback, agendas, government decisions): a title, a
// date and the text cut into sections. Pure, linear in the input, never throws.
#pragma once

#include <string>
#include <string_view>

#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

// Title = the first Markdown heading in the first 100 lines, else the first
// non-empty line (at most 200 bytes); date = the first date on one of the
// first 12 non-empty lines; items = sections at Markdown headings ("## …") or
// numbered headings ("1 Inledning", "2.1 …"), each at most 8 KB a passage,
// else passages of at most 2 KB cut at paragraph boundaries. Kind kOther,
// canonical text de-hyphenated with LF line ends; kUnprocessable for blank text.
Result<Document> readTitledSections(std::string_view input);

// The document's opening line, lower-cased (toLowerSwedish): the first
// non-empty line of the first 40, without a Markdown heading mark, at most
// `max_bytes`. What the agenda and decision plugins recognise a title by.
std::string openingLine(std::string_view text, std::size_t max_bytes = 400);

// The assignments of doc.text read by core's one assignment reader
// (beslut/assignment_reader.h, with doc.title and doc.date as context), each
// put in the item whose span holds its first byte (else the first item; an
// item for the whole text is made when there is none). Returns how many.
std::size_t addAssignmentsToItems(Document& doc);

}  // namespace beslut
