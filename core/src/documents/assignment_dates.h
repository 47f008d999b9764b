// Internal to the assignment reader: every report date in a piece of text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace beslut::assignment_detail {

// One date as written. `year` is 0 when the text gives none ("senast den 31
// mars," in "varje år ... senast den 31 mars"); `day` is 0 for a month alone
// ("före utgången av december 2022") and for an impossible day ("31 november
// 2025"), which keeps only its month.
struct RawDate {
  int year = 0;
  int month = 0;
  int day = 0;
  std::size_t begin = 0;  // of the date itself, in the scanned text
  std::size_t end = 0;
  std::size_t text_begin = 0;  // including "senast (den)", "den", "i" before it
};

// All dates in `s` in order. "1 december, 2022 och 2023" gives two dates;
// "31 augusti i år" takes its year from `reference_year` (0: stays yearless).
// Scans at most `max_bytes` of `s`.
std::vector<RawDate> scanDates(std::string_view s, int reference_year, std::size_t max_bytes = std::string_view::npos);

// "2026-03-31", "2025-11" (day 0), "" when the year is unknown.
std::string isoOf(const RawDate& d);

// Year of an ISO date "2020-05-04" (0 when there is none).
int yearOf(std::string_view iso);

}  // namespace beslut::assignment_detail
