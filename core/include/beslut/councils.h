// Sweden's councils: the 290 municipalities (kommuner), the 21 counties (län)
// they lie in, and each county's region (formerly landsting). Readers use it
// to name the council of minutes that do not print it ("Plats och tid
// Folkets Hus, Norrtälje" is Norrtälje kommun's; "Regionens hus, Halmstad"
// with a regionstyrelse is Region Halland's).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace beslut::councils {

struct Municipality {
  std::string_view name;  // as on a map: "Piteå", "Upplands Väsby", "Falun"
  int county;             // the county's code (SCB): 1 Stockholm … 25 Norrbotten
};

// The municipality with this name as printed (first letter capitalised,
// "Upplands Väsby", "Dals-Ed"); nullptr if there is none.
const Municipality* municipalityNamed(std::string_view name);

// The council's own name: "Ale kommun", "Hultsfreds kommun", "Falu kommun",
// "Malmö stad", "Region Gotland".
std::string officialName(const Municipality& m);

// The county's regional council: "Region Halland", "Västra
// Götalandsregionen"; with `landsting`, the name it had as a county council
// ("Landstinget Kronoberg", "Jämtlands läns landsting"), where it had one.
// Empty for an unknown code.
std::string regionName(int county, bool landsting);

struct Mention {
  std::size_t begin = 0, end = 0;  // byte offsets in the text
  const Municipality* municipality = nullptr;
};

// Every municipality named in `text` as a word of its own, capitalised as
// printed ("Ale Kulturrum", "Kommunhuset, Kinna" has none; "i Piteå").
std::vector<Mention> municipalitiesIn(std::string_view text);

}  // namespace beslut::councils
