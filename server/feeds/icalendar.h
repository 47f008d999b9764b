// The one iCalendar (RFC 5545) writer: all-day events, text escaped and lines
// folded at 75 octets without splitting a UTF-8 character.
#pragma once

#include <string>
#include <vector>

namespace beslut::server {

struct CalendarEvent {
  std::string uid;
  std::string date;  // YYYY-MM-DD, a valid date: the event lasts that day
  std::string summary;
  std::string description;
  std::string url;
  bool cancelled = false;
};

// `stamp` is DTSTAMP in UTC ("20261203T160000Z").
std::string writeICalendar(const std::string& name, const std::string& stamp, const std::vector<CalendarEvent>& events);

}  // namespace beslut::server
