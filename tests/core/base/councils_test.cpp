#include <doctest/doctest.h>

#include "beslut/councils.h"

using namespace beslut::councils;

TEST_CASE("councils: every municipality's council by its own name") {
  auto name = [](std::string_view n) {
    const Municipality* m = municipalityNamed(n);
    REQUIRE(m != nullptr);
    return officialName(*m);
  };
  CHECK(name("Ale") == "Ale kommun");
  CHECK(name("Hultsfred") == "Hultsfreds kommun");
  CHECK(name("Alingsås") == "Alingsås kommun");
  CHECK(name("Piteå") == "Piteå kommun");
  CHECK(name("Falun") == "Falu kommun");
  CHECK(name("Malmö") == "Malmö stad");
  CHECK(name("Upplands Väsby") == "Upplands Väsby kommun");
  CHECK(name("Dals-Ed") == "Dals-Eds kommun");
  CHECK(name("Gotland") == "Region Gotland");
  CHECK(municipalityNamed("Kinna") == nullptr);  // a town, not a municipality
  CHECK(municipalityNamed("piteå") == nullptr);
}

TEST_CASE("councils: a county's region, and its landsting before") {
  const Municipality* vaxjo = municipalityNamed("Växjö");
  REQUIRE(vaxjo != nullptr);
  CHECK(regionName(vaxjo->county, false) == "Region Kronoberg");
  CHECK(regionName(vaxjo->county, true) == "Landstinget Kronoberg");
  CHECK(regionName(municipalityNamed("Göteborg")->county, false) == "Västra Götalandsregionen");
  CHECK(regionName(municipalityNamed("Örebro")->county, true) == "Örebro läns landsting");
  CHECK(regionName(2, false).empty());
}

TEST_CASE("councils: municipalities named in a text, whole words as printed") {
  auto found = municipalitiesIn("Plats Folkets Hus, Norrtälje. Resa till Upplands Väsby och Lilla Edet; "
                                "Vara-vägen, Markaryd och mark i Piteåälven.");
  std::vector<std::string> names;
  for (const Mention& m : found) names.emplace_back(m.municipality->name);
  CHECK(names == std::vector<std::string>{"Norrtälje", "Upplands Väsby", "Lilla Edet", "Markaryd"});
  CHECK(found[0].end - found[0].begin == std::string_view("Norrtälje").size());
  CHECK(municipalitiesIn("").empty());
}
