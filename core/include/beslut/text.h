// Shared Swedish text utilities for extractors, document plugins and core.
// Every function here is pure, runs in time linear in its input (no
// std::regex, no recursion) and never throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/status.h"

namespace beslut {

// True when `s` is well-formed UTF-8: no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences.
bool isValidUtf8(std::string_view s);

// An uploaded file's name as it may be stored and shown: its last path
// component, without control characters (NUL, CR, LF, …) or bidirectional
// overrides, invalid UTF-8 as '_', trimmed of spaces and dots, at most 200
// bytes (at a character boundary); "dokument" when nothing is left.
std::string safeFileName(std::string_view name);

// `s` without a leading UTF-8 byte order mark (EF BB BF), if it has one.
std::string_view stripUtf8Bom(std::string_view s);

// The bytes of an uploaded text file as text: the BOM stripped, line endings
// normalised. kInvalidArgument (Swedish message) for NUL bytes or invalid
// UTF-8, kUnprocessable when only whitespace remains. Used by extractors.
Result<std::string> decodeUtf8Text(std::string_view bytes);

// Private-use characters that Word and PDF export leave for the bullets of
// the Symbol and Wingdings fonts (U+F0B7, U+F0A7, U+F076, U+F0D8, …: U+F000–U+F0FF)
// become "•", so no reader sees a box. Everything else is unchanged.
std::string mapPrivateUseBullets(std::string_view s);

// CRLF and lone CR become LF. Nothing else changes.
std::string normalizeNewlines(std::string_view s);

// Drops the lines a document-hosting site (docplayer, 5dok, dokumen.tips,
// vdocuments) wraps around a transcript of a PDF: "Storlek: px", "Starta
// visningen från sidan:", "Transkript", "Save this PDF as:", "Protected",
// "Academic year: 2022", "Copied!", "Upload: …", "10 views", … Only whole
// lines that are nothing else; "Download \"…\"" stays (the title, often with
// the date). Expects LF line endings.
std::string dropTranscriptSiteLines(std::string_view s);

// Joins words hyphenated across a line break, as PDF extraction leaves them:
//   "kompetens-\nförsörjning vid" -> "kompetensförsörjning\nvid"
// The joined word moves up to the first line; the rest of the second line
// stays on its own line (so line-based parsers still see the same lines; a
// line that held only the word fragment disappears). Hyphens are kept
//   - when the next word is och/eller/samt/respektive/resp/till/som/men
//     ("hälso-\noch sjukvård" stays as is),
//   - when the next word starts with an upper-case letter or digit, or the word
//     before is an acronym or number: then the hyphen stays and the line break
//     goes ("2018-\n2030" -> "2018-2030", "EU-\nprojekt" -> "EU-projekt").
// Spaces between the hyphen and the break ("arbets- \ngivare") are allowed.
// Expects LF line endings (see normalizeNewlines).
std::string dehyphenate(std::string_view s);

// Runs of spaces, tabs and no-break spaces (U+00A0) become one space; line
// breaks are kept. Does not trim.
std::string collapseSpaces(std::string_view s);

// Lines without trailing spaces or tabs, runs of blank lines as one, no blank
// lines at the start or end; every line ends with '\n'.
std::string tidyLines(std::string_view s);

// All whitespace, line breaks included, collapsed to single spaces and trimmed:
// the text as one line.
std::string oneLine(std::string_view s);

// Without leading and trailing ASCII whitespace and no-break spaces.
std::string trim(std::string_view s);
std::string_view trimView(std::string_view s);

// Lower-cases ASCII and the Latin-1 letters (Å Ä Ö É Ü À-Þ -> å ä ö é ü à-þ).
// Other bytes, including invalid UTF-8, pass through unchanged.
std::string toLowerSwedish(std::string_view s);

// Lower-cased (toLowerSwedish) copy of at most `max_bytes` of `s` with every
// whitespace run collapsed to one space and hyphenated line breaks joined
// ("kompetens-\nförsörjning" -> "kompetensförsörjning"). For keyword scoring.
std::string foldForMatching(std::string_view s, std::size_t max_bytes);

// Number of non-overlapping occurrences of `needle` in `haystack`.
std::size_t countOccurrences(std::string_view haystack, std::string_view needle);

// Month number (1-12) for a Swedish month name or common abbreviation
// ("januari", "jan", "sept", "okt"), case-insensitive; nullopt otherwise.
std::optional<int> swedishMonth(std::string_view word);

// The first calendar date found in `s`, as ISO "YYYY-MM-DD". Understands
// "2018-09-28", "28 september 2018", "den 28 sept. 2018" and
// "Fredag 28 september 2018". Rejects impossible dates (2018-02-30).
// Only the first `kMaxDateScan` bytes are scanned.
inline constexpr std::size_t kMaxDateScan = 4096;
std::optional<std::string> parseSwedishDate(std::string_view s);

// The first date in `s` as parseSwedishDate reads it; failing that, the first
// day and month without a year ("måndagen den 7 mars"), in the year that puts
// it on or after `reference` (ISO "YYYY-MM-DD"): an adjustment a few days after
// the meeting, "7 januari" after a meeting in December falls in the next year;
// none more than two months after it.
std::optional<std::string> parseSwedishDateAfter(std::string_view s, std::string_view reference);

// The first month-and-year in `s`, as ISO "YYYY-MM", for due dates:
// "i oktober 2019" -> "2019-10", "senast december 2025" -> "2025-12".
// A full date ("30 oktober 2019") also yields its month. Scans at most
// kMaxDateScan bytes.
std::optional<std::string> parseSwedishMonth(std::string_view s);

// A time range in `s` as "HH:MM–HH:MM" (en dash), or a single start time as
// "HH:MM". Accepts "kl 09:00 – 12:00", "09.00-12.00", "kl. 9.00–11.30", a
// meeting adjourned ("09.00-11.45, 12.30-16.15" -> "09:00–11:45, 12:30–16:15")
// and a transcript's lost dashes ("kl 09:00 14:45" -> "09:00–14:45").
std::optional<std::string> parseTimeRange(std::string_view s);

// Splits `s` at LF into views of its lines (without the LF). A final line
// without LF is included; an empty `s` gives no lines.
std::vector<std::string_view> splitLines(std::string_view s);

// The words of `s` between spaces, as views (runs of spaces give no empty words).
std::vector<std::string_view> splitWords(std::string_view s);

// Boilerplate that PDF extraction leaves inside the text and that must not
// end up in an item's text:
//  - a bare URL or e-mail address alone on its line ("http://www.x.se/"),
//  - a letterhead caption line ("POSTADRESS BESÖKSADRESS TELEFON ..."),
//  - a page header/footer ending in a page count ("... Verksamhetsberättelse 20(42)",
//    "Sida 2 av 5").
bool isUrlLine(std::string_view line);
bool isLetterheadLine(std::string_view line);
bool isPageMarkerLine(std::string_view line);

// True when the UTF-8 character starting at s[i] is an upper-case letter
// (ASCII A-Z or Latin-1 À-Þ), resp. a lower-case letter (a-z, ß-ÿ).
bool isUpperAt(std::string_view s, std::size_t i);
bool isLowerAt(std::string_view s, std::size_t i);

// True when `s` looks like a person's name: 2-5 words, each starting with an
// upper-case letter (hyphenated parts allowed), no digits, at most 60 bytes.
bool looksLikePersonName(std::string_view s);


// Sentences of `s` as views into it, trimmed. A sentence ends at '.', '!' or
// '?' followed by whitespace and an upper-case letter, digit, quote or the
// end ("bl.a. kommuner" does not end one), and at a blank line.
std::vector<std::string_view> splitSentences(std::string_view s);

// Splits `s` into consecutive passages of at most about `max_bytes` each,
// cutting at blank lines, else at line breaks, else at spaces (never inside a
// UTF-8 character). Views into `s`; their concatenation is `s`.
std::vector<std::string_view> splitIntoPassages(std::string_view s, std::size_t max_bytes);

// A numbered section heading: "1 Inledning", " 3.2 Perspektiv: Process",
// "4.1. Resultat". Number parts have 1-2 digits (so "2021. Bland ..." is not
// one), the title starts with an upper-case letter, has at most 14 words, is
// at most 120 bytes and does not end with ',' or ';'.
struct NumberedHeading {
  std::string number;         // "3.2"
  std::string title;          // "Perspektiv: Process"
  bool trailing_dot = false;  // "1. Mötet öppnas" (list or minutes style)
};
std::optional<NumberedHeading> parseNumberedHeading(std::string_view line);

// True when heading number `next` can follow `prev` in an outline: "2"->"3",
// "3"->"3.1", "3.4"->"4", "3.1.2"->"3.2". An empty `prev` accepts "1", "1.1",
// "0" and "2" (a document may open with its second chapter after a cover).
bool isNextHeadingNumber(std::string_view prev, std::string_view next);

// The public body mentioned most often: "Region Örebro län" (Region X län),
// "Örebro kommun" (X kommun), ties to the first mentioned. Empty if none.
// Scans at most `max_bytes`.
std::string mostMentionedPublicBody(std::string_view s, std::size_t max_bytes = 1 << 20);

// A section of a document under a numbered heading (see parseNumberedHeading).
struct Section {
  std::string number;     // "3.2"
  std::string title;      // "Perspektiv: Process"
  std::size_t begin = 0;  // offset of the heading line
  std::size_t body = 0;   // offset just past the heading line
  std::size_t end = 0;    // offset of the next heading, or the text's end
};
// The outline of `text`: headings whose numbers follow each other
// (isNextHeadingNumber), "1 Inledning", "2 ...", "2.1 ...". "1. Foo" with a
// trailing dot counts only for multi-part numbers ("2.1."), since "1. Foo" is
// usually a list item. Lines are looked at through their first 300 bytes.
std::vector<Section> findNumberedSections(std::string_view text);

// `s` without boilerplate lines (isUrlLine, isLetterheadLine, isPageMarkerLine),
// each line trimmed, runs of blank lines collapsed to one, the blank lines
// around a dropped line dropped too, trimmed as a whole.
std::string cleanSectionText(std::string_view s);

// At most `max_bytes` of `s`, cut at a space and never inside a UTF-8
// character, with "…" appended when something was cut.
std::string truncateText(std::string_view s, std::size_t max_bytes);

}  // namespace beslut
