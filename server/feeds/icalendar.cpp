#include "feeds/icalendar.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include <algorithm>

namespace beslut::server {

namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

// A content line, folded: at most 75 octets per line, continuation lines start with a space.
std::string line(const std::string& content) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const auto c = static_cast<unsigned char>(content[i]);
    const bool starts_char = (c & 0xC0) != 0x80;
    std::size_t char_len = 1;
    if (starts_char) {
      while (i + char_len < content.size() && (static_cast<unsigned char>(content[i + char_len]) & 0xC0) == 0x80) {
        ++char_len;
      }
      if (width + char_len > 75) {
        out += "\r\n ";
        width = 1;
      }
    }
    out += content[i];
    ++width;
  }
  return out + "\r\n";
}

std::string compactDate(const std::string& iso) {
  std::string d = iso;
  d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
  return d;
}

std::string nextDay(const std::string& iso) {
  int tz = 0;
  Poco::DateTime d;
  if (!Poco::DateTimeParser::tryParse("%Y-%m-%d", iso, d, tz)) return compactDate(iso);
  d += Poco::Timespan(1, 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(d, "%Y%m%d");
}

}  // namespace

std::string writeICalendar(const std::string& name, const std::string& stamp,
                           const std::vector<CalendarEvent>& events) {
  std::string out = line("BEGIN:VCALENDAR") + line("VERSION:2.0") + line("PRODID:-//Beslut//Uppdrag//SV") +
                    line("CALSCALE:GREGORIAN") + line("X-WR-CALNAME:" + escaped(name));
  for (const auto& e : events) {
    out += line("BEGIN:VEVENT") + line("UID:" + e.uid) + line("DTSTAMP:" + stamp) +
           line("DTSTART;VALUE=DATE:" + compactDate(e.date)) + line("DTEND;VALUE=DATE:" + nextDay(e.date)) +
           line("SUMMARY:" + escaped(e.summary)) + line("DESCRIPTION:" + escaped(e.description)) +
           line("URL:" + e.url) + line(std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED")) +
           line("END:VEVENT");
  }
  return out + line("END:VCALENDAR");
}

}  // namespace beslut::server
