#include "beslut/clock.h"

#include <date/tz.h>

#include <sstream>

namespace beslut {

std::string stockholmDate(std::chrono::system_clock::time_point instant) {
  static const date::time_zone* const kStockholm = date::locate_zone("Europe/Stockholm");
  const auto local = kStockholm->to_local(instant);
  return date::format("%F", date::floor<date::days>(local));
}

std::string stockholmToday() { return stockholmDate(std::chrono::system_clock::now()); }

Result<std::string> dayAskedFor(const std::string& asked) {
  if (asked.empty()) return stockholmToday();
  date::year_month_day day{};
  std::istringstream in(asked);
  in >> date::parse("%F", day);
  if (asked.size() != 10 || in.fail() || !day.ok()) {
    return Status::invalidArgument("Parametern today ska vara ett datum (ÅÅÅÅ-MM-DD).");
  }
  return asked;
}

}  // namespace beslut
