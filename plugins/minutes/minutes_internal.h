// Internals of the minutes plugin, split by concern so that each part can grow:
// header fields and attendees (minutes_header.cpp), items (minutes_items.cpp),
// decisions and assignments inside an item (minutes_decisions.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/model.h"

namespace beslut::plugins::minutes {

// Lines longer than this are only looked at through their first kMaxLine bytes
// when looking for headings and labels; item text comes from the full line.
inline constexpr std::size_t kMaxLine = 2000;

// One line of the canonical text.
struct Line {
  std::string_view text;  // without the LF, capped at kMaxLine (may end inside a UTF-8 character)
  std::string_view full;  // the whole line, without the LF
  std::size_t begin = 0;  // byte offset in the canonical text
  std::size_t end = 0;    // offset just past the line (before the LF)
};
std::vector<Line> splitIntoLines(std::string_view text);

// An item heading: "1. Mötet öppnas", "§ 12 Val av justerare", "§ 63/20", "Ks 39".
enum class HeadingStyle { kDotted, kParagraph, kPrefixed };
struct ItemHeading {
  HeadingStyle style = HeadingStyle::kDotted;
  std::string number;           // as printed, normalised spacing
  int value = 0;                // first integer, for the sequence check
  std::string title;            // rest of the line (may be empty for § styles)
  std::string registry_number;  // "KS 2020/123" when printed on the heading line
};
std::optional<ItemHeading> parseItemHeading(std::string_view line);

// Header: everything before the first item (lines are views into doc.text).
void parseHeader(const std::vector<Line>& lines, std::size_t end, Document& doc);
// Signature blocks ("Irén Lejegren   Håkan Söderman" over "Ordförande   Justerare",
// or a role line with the name below) in lines [from, to): fills empty chair,
// secretary and adjusters.
void parseSignatures(const std::vector<Line>& lines, std::size_t from, std::size_t to, Document& doc);
// The cover page read as labels and values anywhere in the first `end` bytes
// (at least 6 KB) of doc.text (minutes_cover.cpp): fills what parseHeader
// and parseSignatures left empty.
void readCover(std::size_t end, Document& doc);
// The people a sentence elects to adjust the minutes ("Till justeringsperson
// valdes Pirjo Jonsson.", "Regionstyrelsen utser Per Persson att jämte
// ordföranden justera protokollet.", "Förslag på justerare Lars Solling och
// Christer Henriksson, ersättare …"), without the chair and the substitutes.
std::vector<std::string> adjustersElected(std::string_view sentence, std::string_view chair);
// The adjusters as one list: names run together on one line split, each once,
// never the chair, nothing that is no person's name ("Regionförbundet Örebro").
void settleAdjusters(Document& doc);
// The secretary as an attendee when only the signature names them.
void addSecretaryAttendee(const std::vector<Line>& lines, std::size_t end, Document& doc);
// Every person once; the chair's and the secretary's roles.
void settleAttendees(Document& doc);
// A party's abbreviation as minutes print it without parentheses ("Ulf Lundberg, v",
// "Annili Caap m x"), lower case: the parliamentary parties and common local ones.
bool isPartyAbbreviation(std::string_view lower);
// The attendee role a phrase states ("ordförande", "1:e vice ordförande", "tjänstgörande
// ersättare", "ersättare", "ledamot", "sekreterare"), or empty: the one rule for the
// line-based and the run readers.
std::string roleOf(std::string_view phrase);
// A word that ends as the name of a body does ("kommunstyrelsen", "socialnämnd",
// "direktionen", "utskott"), lower case.
bool bodyHead(std::string_view lowerWord);
// No meeting has more people than this: a longer "list" is a text misread, and
// capping it keeps every step over the attendees linear.
inline constexpr std::size_t kMaxAttendees = 1000;
// An attendance register (närvarolista) anywhere from line `from`: group headings
// ("LEDAMÖTER Ja Nej …") and rows with the cross of presence ("Annili Caap m x").
void readRegister(const std::vector<Line>& lines, std::size_t from, Document& doc);
// Attendance written as prose, for minutes without a list: "Som ersättare för de frånvarande
// ledamöterna inträder: A för B, …", "X infinner sig", "X lämnar sammanträdet … och ersättes
// av Y", "Z blir ny ersättare för W".
void readAttendanceProse(Document& doc);
// The vice chair's role as printed, its ordinal kept ("1:e vice ordförande",
// "förste vice ordf" -> "1:e vice ordförande"); empty when `lower` names none.
std::string viceChairRole(std::string_view lower);

// Items from line `first` on. Returns the index of the first item line, or
// lines.size() when there is none.
std::size_t findFirstItem(const std::vector<Line>& lines);
std::vector<Item> parseItems(const std::vector<Line>& lines, std::size_t first);
// An agenda printed before the first paragraph, as lines "1 Ordföranden hälsar
// välkommen." (a number without a dot, rising): one item per entry, title only.
// At least three entries in lines [0, end), else none.
std::vector<Item> agendaListItems(const std::vector<Line>& lines, std::size_t end);
// A table of contents run into one line by a transcript ("Innehållsförteckning
// Återrapport kosten 99 Rapport om lovskola 100 …").
std::vector<Item> tocRunItems(std::string_view text);
// Items whose headings carry their agenda number: "78 Förhinder (ärende 1)".
std::vector<Item> agendaMarkedItems(std::string_view text);
// Paragraphs of a transcript that flattened the page into running text and
// dropped the "§": "2 195 Justering Regionstyrelsen utser … 196 Godkännande av
// föredragningslista …", "3 VILHELMINA KOMMUN PROTOKOLL 3 Sn 49 Sammanträdets
// öppnande". A number opens a paragraph at the head of a line (after a page
// header's tokens) or, after a sentence, when it follows the previous one by 1.
// Titles are read in sentence case. Scans text from `from`.
std::vector<Item> inlineParagraphs(std::string_view text, std::size_t from);

// Decisions and assignments in one item; `source` maps item-text offsets to
// canonical-text offsets.
struct OffsetMap {
  struct Piece {
    std::size_t clean = 0;
    std::size_t source = 0;
    std::size_t length = 0;
  };
  std::vector<Piece> pieces;
  std::size_t toSource(std::size_t clean_offset) const;
};
void findDecisions(std::string_view title, Span title_span, std::string_view text, const OffsetMap& map, Item& item);

}  // namespace beslut::plugins::minutes
