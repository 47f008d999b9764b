// The table of Sweden's municipalities and counties (SCB's codes, the
// division since 2007) and the rules that name their councils.
#include "beslut/councils.h"

#include <array>
#include <unordered_map>

#include "beslut/text.h"

namespace beslut::councils {
namespace {

constexpr std::array<Municipality, 290> kMunicipalities = {{
    {"Botkyrka", 1},       {"Danderyd", 1},      {"Ekerö", 1},
    {"Haninge", 1},        {"Huddinge", 1},      {"Järfälla", 1},
    {"Lidingö", 1},        {"Nacka", 1},         {"Norrtälje", 1},
    {"Nykvarn", 1},        {"Nynäshamn", 1},     {"Salem", 1},
    {"Sigtuna", 1},        {"Sollentuna", 1},    {"Solna", 1},
    {"Stockholm", 1},      {"Sundbyberg", 1},    {"Södertälje", 1},
    {"Tyresö", 1},         {"Täby", 1},          {"Upplands-Bro", 1},
    {"Upplands Väsby", 1}, {"Vallentuna", 1},    {"Vaxholm", 1},
    {"Värmdö", 1},         {"Österåker", 1},     {"Enköping", 3},
    {"Heby", 3},           {"Håbo", 3},          {"Knivsta", 3},
    {"Tierp", 3},          {"Uppsala", 3},       {"Älvkarleby", 3},
    {"Östhammar", 3},      {"Eskilstuna", 4},    {"Flen", 4},
    {"Gnesta", 4},         {"Katrineholm", 4},   {"Nyköping", 4},
    {"Oxelösund", 4},      {"Strängnäs", 4},     {"Trosa", 4},
    {"Vingåker", 4},       {"Boxholm", 5},       {"Finspång", 5},
    {"Kinda", 5},          {"Linköping", 5},     {"Mjölby", 5},
    {"Motala", 5},         {"Norrköping", 5},    {"Söderköping", 5},
    {"Vadstena", 5},       {"Valdemarsvik", 5},  {"Ydre", 5},
    {"Åtvidaberg", 5},     {"Ödeshög", 5},       {"Aneby", 6},
    {"Eksjö", 6},          {"Gislaved", 6},      {"Gnosjö", 6},
    {"Habo", 6},           {"Jönköping", 6},     {"Mullsjö", 6},
    {"Nässjö", 6},         {"Sävsjö", 6},        {"Tranås", 6},
    {"Vaggeryd", 6},       {"Vetlanda", 6},      {"Värnamo", 6},
    {"Alvesta", 7},        {"Lessebo", 7},       {"Ljungby", 7},
    {"Markaryd", 7},       {"Tingsryd", 7},      {"Uppvidinge", 7},
    {"Växjö", 7},          {"Älmhult", 7},       {"Borgholm", 8},
    {"Emmaboda", 8},       {"Hultsfred", 8},     {"Högsby", 8},
    {"Kalmar", 8},         {"Mönsterås", 8},     {"Mörbylånga", 8},
    {"Nybro", 8},          {"Oskarshamn", 8},    {"Torsås", 8},
    {"Vimmerby", 8},       {"Västervik", 8},     {"Gotland", 9},
    {"Karlshamn", 10},     {"Karlskrona", 10},   {"Olofström", 10},
    {"Ronneby", 10},       {"Sölvesborg", 10},   {"Bjuv", 12},
    {"Bromölla", 12},      {"Burlöv", 12},       {"Båstad", 12},
    {"Eslöv", 12},         {"Helsingborg", 12},  {"Hässleholm", 12},
    {"Höganäs", 12},       {"Hörby", 12},        {"Höör", 12},
    {"Klippan", 12},       {"Kristianstad", 12}, {"Kävlinge", 12},
    {"Landskrona", 12},    {"Lomma", 12},        {"Lund", 12},
    {"Malmö", 12},         {"Osby", 12},         {"Perstorp", 12},
    {"Simrishamn", 12},    {"Sjöbo", 12},        {"Skurup", 12},
    {"Staffanstorp", 12},  {"Svalöv", 12},       {"Svedala", 12},
    {"Tomelilla", 12},     {"Trelleborg", 12},   {"Vellinge", 12},
    {"Ystad", 12},         {"Ängelholm", 12},    {"Åstorp", 12},
    {"Örkelljunga", 12},   {"Östra Göinge", 12}, {"Falkenberg", 13},
    {"Halmstad", 13},      {"Hylte", 13},        {"Kungsbacka", 13},
    {"Laholm", 13},        {"Varberg", 13},      {"Ale", 14},
    {"Alingsås", 14},      {"Bengtsfors", 14},   {"Bollebygd", 14},
    {"Borås", 14},         {"Dals-Ed", 14},      {"Essunga", 14},
    {"Falköping", 14},     {"Färgelanda", 14},   {"Grästorp", 14},
    {"Gullspång", 14},     {"Göteborg", 14},     {"Götene", 14},
    {"Herrljunga", 14},    {"Hjo", 14},          {"Härryda", 14},
    {"Karlsborg", 14},     {"Kungälv", 14},      {"Lerum", 14},
    {"Lidköping", 14},     {"Lilla Edet", 14},   {"Lysekil", 14},
    {"Mariestad", 14},     {"Mark", 14},         {"Mellerud", 14},
    {"Munkedal", 14},      {"Mölndal", 14},      {"Orust", 14},
    {"Partille", 14},      {"Skara", 14},        {"Skövde", 14},
    {"Sotenäs", 14},       {"Stenungsund", 14},  {"Strömstad", 14},
    {"Svenljunga", 14},    {"Tanum", 14},        {"Tibro", 14},
    {"Tidaholm", 14},      {"Tjörn", 14},        {"Tranemo", 14},
    {"Trollhättan", 14},   {"Töreboda", 14},     {"Uddevalla", 14},
    {"Ulricehamn", 14},    {"Vara", 14},         {"Vårgårda", 14},
    {"Vänersborg", 14},    {"Åmål", 14},         {"Öckerö", 14},
    {"Arvika", 17},        {"Eda", 17},          {"Filipstad", 17},
    {"Forshaga", 17},      {"Grums", 17},        {"Hagfors", 17},
    {"Hammarö", 17},       {"Karlstad", 17},     {"Kil", 17},
    {"Kristinehamn", 17},  {"Munkfors", 17},     {"Storfors", 17},
    {"Sunne", 17},         {"Säffle", 17},       {"Torsby", 17},
    {"Årjäng", 17},        {"Askersund", 18},    {"Degerfors", 18},
    {"Hallsberg", 18},     {"Hällefors", 18},    {"Karlskoga", 18},
    {"Kumla", 18},         {"Laxå", 18},         {"Lekeberg", 18},
    {"Lindesberg", 18},    {"Ljusnarsberg", 18}, {"Nora", 18},
    {"Örebro", 18},        {"Arboga", 19},       {"Fagersta", 19},
    {"Hallstahammar", 19}, {"Kungsör", 19},      {"Köping", 19},
    {"Norberg", 19},       {"Sala", 19},         {"Skinnskatteberg", 19},
    {"Surahammar", 19},    {"Västerås", 19},     {"Avesta", 20},
    {"Borlänge", 20},      {"Falun", 20},        {"Gagnef", 20},
    {"Hedemora", 20},      {"Leksand", 20},      {"Ludvika", 20},
    {"Malung-Sälen", 20},  {"Mora", 20},         {"Orsa", 20},
    {"Rättvik", 20},       {"Smedjebacken", 20}, {"Säter", 20},
    {"Vansbro", 20},       {"Älvdalen", 20},     {"Bollnäs", 21},
    {"Gävle", 21},         {"Hofors", 21},       {"Hudiksvall", 21},
    {"Ljusdal", 21},       {"Nordanstig", 21},   {"Ockelbo", 21},
    {"Ovanåker", 21},      {"Sandviken", 21},    {"Söderhamn", 21},
    {"Härnösand", 22},     {"Kramfors", 22},     {"Sollefteå", 22},
    {"Sundsvall", 22},     {"Timrå", 22},        {"Ånge", 22},
    {"Örnsköldsvik", 22},  {"Berg", 23},         {"Bräcke", 23},
    {"Härjedalen", 23},    {"Krokom", 23},       {"Ragunda", 23},
    {"Strömsund", 23},     {"Åre", 23},          {"Östersund", 23},
    {"Bjurholm", 24},      {"Dorotea", 24},      {"Lycksele", 24},
    {"Malå", 24},          {"Nordmaling", 24},   {"Norsjö", 24},
    {"Robertsfors", 24},   {"Skellefteå", 24},   {"Sorsele", 24},
    {"Storuman", 24},      {"Umeå", 24},         {"Vilhelmina", 24},
    {"Vindeln", 24},       {"Vännäs", 24},       {"Åsele", 24},
    {"Arjeplog", 25},      {"Arvidsjaur", 25},   {"Boden", 25},
    {"Gällivare", 25},     {"Haparanda", 25},    {"Jokkmokk", 25},
    {"Kalix", 25},         {"Kiruna", 25},       {"Luleå", 25},
    {"Pajala", 25},        {"Piteå", 25},        {"Älvsbyn", 25},
    {"Överkalix", 25},     {"Övertorneå", 25},
}};

struct County {
  int code;
  std::string_view region;     // today's regional council
  std::string_view landsting;  // its name as a landsting, before it became a region
};

constexpr std::array<County, 21> kCounties = {{
    {1, "Region Stockholm", "Stockholms läns landsting"},
    {3, "Region Uppsala", "Landstinget i Uppsala län"},
    {4, "Region Sörmland", "Landstinget Sörmland"},
    {5, "Region Östergötland", "Landstinget i Östergötland"},
    {6, "Region Jönköpings län", "Landstinget i Jönköpings län"},
    {7, "Region Kronoberg", "Landstinget Kronoberg"},
    {8, "Region Kalmar län", "Landstinget i Kalmar län"},
    {9, "Region Gotland", "Region Gotland"},
    {10, "Region Blekinge", "Landstinget Blekinge"},
    {12, "Region Skåne", "Region Skåne"},
    {13, "Region Halland", "Landstinget Halland"},
    {14, "Västra Götalandsregionen", "Västra Götalandsregionen"},
    {17, "Region Värmland", "Landstinget i Värmland"},
    {18, "Region Örebro län", "Örebro läns landsting"},
    {19, "Region Västmanland", "Landstinget Västmanland"},
    {20, "Region Dalarna", "Landstinget Dalarna"},
    {21, "Region Gävleborg", "Landstinget Gävleborg"},
    {22, "Region Västernorrland", "Landstinget Västernorrland"},
    {23, "Region Jämtland Härjedalen", "Jämtlands läns landsting"},
    {24, "Region Västerbotten", "Västerbottens läns landsting"},
    {25, "Region Norrbotten", "Norrbottens läns landsting"},
}};

// Municipalities whose council calls itself a city ("Malmö stad").
constexpr std::array<std::string_view, 13> kCities = {"Stockholm",   "Göteborg",   "Malmö",      "Solna", "Sundbyberg",
                                                      "Lidingö",     "Vaxholm",    "Västerås",   "Borås", "Mölndal",
                                                      "Trollhättan", "Landskrona", "Helsingborg"};

const std::unordered_map<std::string_view, const Municipality*>& byName() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, const Municipality*>();
    for (const Municipality& x : kMunicipalities) (*m)[x.name] = &x;
    return m;
  }();
  return *map;
}

// The genitive of a place name: "Hultsfred" -> "Hultsfreds", "Piteå" and
// "Alingsås" stay as they are (a vowel or a sibilant ends them), "Falun" -> "Falu".
std::string genitive(std::string_view name) {
  if (name == "Falun") return "Falu";
  std::string n(name);
  for (std::string_view end : {"a", "e", "i", "o", "u", "y", "s", "x", "z", "\xC3\xA5", "\xC3\xA4", "\xC3\xB6"})
    if (n.ends_with(end)) return n;
  return n + "s";
}

bool wordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

// A no-break space (U+00A0) or the punctuation of U+2000–U+206F (dashes, quotes):
// bytes above 0x7F that end a word. Their length, else 0.
std::size_t separatorAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return 3;
  return 0;
}

}  // namespace

const Municipality* municipalityNamed(std::string_view name) {
  auto it = byName().find(name);
  return it == byName().end() ? nullptr : it->second;
}

std::string officialName(const Municipality& m) {
  if (m.name == "Gotland") return "Region Gotland";
  for (std::string_view c : kCities)
    if (m.name == c) return genitive(m.name) + " stad";
  return genitive(m.name) + " kommun";
}

std::string regionName(int county, bool landsting) {
  for (const County& c : kCounties)
    if (c.code == county) return std::string(landsting ? c.landsting : c.region);
  return {};
}

std::vector<Mention> municipalitiesIn(std::string_view text) {
  std::vector<Mention> out;
  auto wordEnd = [&](std::size_t b) {
    std::size_t e = b;
    while (e < text.size() && wordByte(static_cast<unsigned char>(text[e])) && !separatorAt(text, e)) ++e;
    while (e > b && text[e - 1] == '-') --e;
    return e;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t sep = separatorAt(text, i)) {
      i += sep;
      continue;
    }
    if (!wordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t e = wordEnd(i);
    if (isUpperAt(text, i)) {
      const Municipality* m = nullptr;
      std::size_t end = e;
      // Two-word names first: "Upplands Väsby", "Lilla Edet", "Östra Göinge".
      if (e + 1 < text.size() && text[e] == ' ' && isUpperAt(text, e + 1)) {
        std::size_t e2 = wordEnd(e + 1);
        if ((m = municipalityNamed(text.substr(i, e2 - i)))) end = e2;
      }
      if (!m) m = municipalityNamed(text.substr(i, e - i));
      if (m) {
        out.push_back({i, end, m});
        e = end;
      }
    }
    i = e > i ? e : i + 1;
  }
  return out;
}

}  // namespace beslut::councils
