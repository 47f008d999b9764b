#include "swedish_analyzer.h"

#include <lucene++/KeywordAnalyzer.h>
#include <lucene++/PerFieldAnalyzerWrapper.h>
#include <lucene++/SnowballAnalyzer.h>

namespace beslut::detail {

Lucene::HashSet<Lucene::String> swedishStopWords() {
  // Snowball's Swedish stop list.
  static const wchar_t* kWords[] = {
      L"och", L"det", L"att", L"i", L"en", L"jag", L"hon", L"som", L"han", L"på", L"den",
      L"med", L"var", L"sig", L"för", L"så", L"till", L"är", L"men", L"ett", L"om", L"hade",
      L"de", L"av", L"icke", L"mig", L"du", L"henne", L"då", L"sin", L"nu", L"har", L"inte",
      L"hans", L"honom", L"skulle", L"hennes", L"där", L"min", L"man", L"ej", L"vid", L"kunde",
      L"något", L"från", L"ut", L"när", L"efter", L"upp", L"vi", L"dem", L"vara", L"vad",
      L"över", L"än", L"dig", L"kan", L"sina", L"här", L"ha", L"mot", L"alla", L"under",
      L"någon", L"eller", L"allt", L"mycket", L"sedan", L"ju", L"denna", L"själv", L"detta",
      L"åt", L"utan", L"varit", L"hur", L"ingen", L"mitt", L"ni", L"bli", L"blev", L"oss",
      L"din", L"dessa", L"några", L"deras", L"blir", L"mina", L"samma", L"vilken", L"er",
      L"sådan", L"vår", L"blivit", L"dess", L"inom", L"mellan", L"sådant", L"varför", L"varje",
      L"vilka", L"ditt", L"vem", L"vilket", L"sitta", L"sådana", L"vart", L"dina", L"vars",
      L"vårt", L"våra", L"ert", L"era", L"vilkas"};
  auto set = Lucene::HashSet<Lucene::String>::newInstance();
  for (const wchar_t* w : kWords) set.add(w);
  return set;
}

Lucene::AnalyzerPtr newSwedishAnalyzer() {
  // SnowballAnalyzer: StandardTokenizer → StandardFilter → LowerCaseFilter →
  // StopFilter → SnowballFilter, with reusableTokenStream.
  return Lucene::newLucene<Lucene::SnowballAnalyzer>(Lucene::LuceneVersion::LUCENE_30, L"swedish",
                                                     swedishStopWords());
}

Lucene::AnalyzerPtr newIndexAnalyzer() {
  auto wrapper = Lucene::newLucene<Lucene::PerFieldAnalyzerWrapper>(newSwedishAnalyzer());
  auto keyword = Lucene::newLucene<Lucene::KeywordAnalyzer>();
  for (const wchar_t* field : {L"kind", L"year", L"date", L"document_id", L"item_id"}) {
    wrapper->addAnalyzer(field, keyword);
  }
  return wrapper;
}

}  // namespace beslut::detail
