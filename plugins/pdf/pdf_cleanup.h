// Page-aware cleanup of text extracted from a PDF (poppler's physical layout):
// two-column bands split into reading order, letterheads, repeated page
// headers/footers and page numbers dropped, bullets and whitespace
// normalised, words hyphenated across line breaks joined. Pure functions over
// UTF-8 strings, no poppler, so they are unit-testable without PDFs. Every
// function runs in time linear in its input (column detection is bounded per
// page) and never throws except std::bad_alloc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace beslut::plugins::pdf {

// `s` as valid UTF-8: invalid bytes become U+FFFD, C0 controls other than
// LF, TAB and form feed (and DEL) are dropped, CRLF/CR become LF.
std::string toValidUtf8(std::string_view s);

// Splits a two-column band of a physical-layout page into reading order: the
// left column's lines, then the right column's. A band is a run of lines
// through which a gutter (three or more spaces at the same character
// position, in the middle half of the page) runs, with at least 6 lines that
// have text on both sides and both columns holding prose (on average at
// least 25 characters per line). Tables of short cells (attendee lists,
// signatures) are left alone. Lines outside bands are returned unchanged.
// Lines longer than 400 characters or pages over 1000 lines are not analysed.
std::vector<std::string> splitTwoColumns(const std::vector<std::string>& lines);

// One line trimmed, no-break spaces as spaces, runs of one or two spaces as
// one space, a gap of three or more spaces or any tab (a table column) as one
// tab, soft hyphens dropped except at the line's end, where one becomes "-".
std::string normalizeLineSpaces(std::string_view line);

// A bare page number: "3", "- 3 -", "Sida 3", "Sida 3 av 12", "sida 3 (12)",
// "3 (12)", "3(12)", "3/12", "Page 3 of 12".
bool isPageNumberLine(std::string_view line);

// A line starting with a bullet ("•", "", "▪", "■", "●", "◦", "○", "–", "",
// "*") followed by a space or tab gets "- " instead; other lines unchanged.
std::string normalizeBullet(std::string_view line);

// The lines of one page as poppler gives them (physical layout): form feeds
// removed, columns split (splitTwoColumns), each line normalizeLineSpaces'd.
std::vector<std::string> pageLines(std::string_view page_text);

// Drops letterhead blocks: a caption line ("POSTADRESS BESÖKSADRESS TELEFON
// ...", see isLetterheadLine) with the address lines after it up to an
// "E-POST ..."/"INTERNET ..." line (within 16 lines), and any other
// isLetterheadLine line.
void dropLetterheads(std::vector<std::string>& lines);

// Looks at the first and last three non-blank lines of every page (the
// margins). Drops page numbers (isPageNumberLine, isPageMarkerLine) there,
// and lines that recur in the margins of more than half of the pages (at least
// two), compared with digits normalised ("Sida 2" ~ "Sida 10") and case and
// spacing folded. A recurring header line stays once where it opens the first
// page (it usually names the body and the document); every other occurrence
// goes. Needs at least two pages.
void dropRepeatedMargins(std::vector<std::vector<std::string>>& pages);

// The whole cleanup: pageLines for each page, dropLetterheads,
// dropRepeatedMargins, normalizeBullet, pages joined with a line break,
// dehyphenate (core text.h), runs of blank lines collapsed to one, trimmed,
// ending in one line break (empty when nothing remains).
std::string cleanPages(const std::vector<std::string>& pages);

}  // namespace beslut::plugins::pdf
