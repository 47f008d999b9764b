#include <doctest/doctest.h>

#include "beslut/decompounder.h"

using namespace beslut;

namespace {

std::vector<std::wstring> parts(const Decompounder& d, const std::wstring& w) { return d.split(w); }

}  // namespace

TEST_CASE("compounds of dictionary words split, with linking s and inflected last parts") {
  auto d = Decompounder::fromWords(
      {L"kompetens", L"försörjning", L"näringsliv", L"utveckling", L"råd", L"bostad", L"region", L"plan"});
  CHECK(parts(*d, L"kompetensförsörjning") == std::vector<std::wstring>{L"kompetens", L"försörjning"});
  CHECK(parts(*d, L"näringslivsutveckling") == std::vector<std::wstring>{L"näringsliv", L"utveckling"});
  CHECK(parts(*d, L"kompetensförsörjningsråd") == std::vector<std::wstring>{L"kompetens", L"försörjning", L"råd"});
  CHECK(parts(*d, L"kompetensförsörjningen") == std::vector<std::wstring>{L"kompetens", L"försörjningen"});
  CHECK(parts(*d, L"bostadsförsörjning") == std::vector<std::wstring>{L"bostad", L"försörjning"});
}

TEST_CASE("words that are no compounds of dictionary words stay whole") {
  auto d = Decompounder::fromWords({L"kompetens", L"försörjning", L"plan", L"ring", L"kom", L"muner"});
  CHECK(parts(*d, L"kompetens").empty());              // a single word
  CHECK(parts(*d, L"försörjningkx").empty());          // unknown rest
  CHECK(parts(*d, L"planering").empty());              // no linking vowel before a short part
  CHECK(parts(*d, L"kommunerna").empty());             // no short first part without a linking s
  CHECK(parts(*d, L"abc").empty());                    // too short
  CHECK(parts(*d, L"kompetens2försörjning").empty());  // not only letters
  CHECK(parts(*d, std::wstring(200, L'a')).empty());   // too long
}

TEST_CASE("the Swedish hunspell dictionary splits the compounds of council texts") {
  auto d = Decompounder::fromHunspell(kSwedishHunspellDictionary);
  REQUIRE_MESSAGE(d.ok(), d.status().toString());
  CHECK(d.value()->dictionarySize() > 100000);
  CHECK(parts(*d.value(), L"kompetensförsörjning") == std::vector<std::wstring>{L"kompetens", L"försörjning"});
  CHECK(parts(*d.value(), L"näringslivsutveckling") == std::vector<std::wstring>{L"näringsliv", L"utveckling"});
  CHECK(parts(*d.value(), L"bostadsförsörjning") == std::vector<std::wstring>{L"bostad", L"försörjning"});
  CHECK(parts(*d.value(), L"kompetensförsörjningsråd").size() == 3);
  CHECK(parts(*d.value(), L"kommunerna").empty());
  CHECK(parts(*d.value(), L"planering").empty());
  CHECK(parts(*d.value(), L"propositionen").empty());
  CHECK(Decompounder::fromHunspell("/nonexistent.dic").status().code() == StatusCode::kIOError);
}
