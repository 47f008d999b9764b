// The one clock of Beslut: what day it is in Sweden. Councils date their
// minutes, due dates and notice boards in Swedish local time, so "today" is the
// date in Europe/Stockholm (from the system's time-zone database, via Howard
// Hinnant's date library), never the server's UTC date.
#pragma once

#include <chrono>
#include <string>

#include "beslut/status.h"

namespace beslut {

// The date ("YYYY-MM-DD") in Stockholm at an instant.
std::string stockholmDate(std::chrono::system_clock::time_point instant);

// Today's date in Stockholm.
std::string stockholmToday();

// The day a request asks about ("today=YYYY-MM-DD", for reproducible answers),
// else today in Stockholm; kInvalidArgument (in Swedish) for anything else.
Result<std::string> dayAskedFor(const std::string& asked);

}  // namespace beslut
