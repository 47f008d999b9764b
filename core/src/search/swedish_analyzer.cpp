#include "swedish_analyzer.h"
#include "fields.h"

#include <lucene++/KeywordAnalyzer.h>
#include <lucene++/LowerCaseFilter.h>
#include <lucene++/PerFieldAnalyzerWrapper.h>
#include <lucene++/PositionIncrementAttribute.h>
#include <lucene++/SnowballFilter.h>
#include <lucene++/StandardFilter.h>
#include <lucene++/StandardTokenizer.h>
#include <lucene++/StopFilter.h>
#include <lucene++/TermAttribute.h>

namespace beslut::detail {

using namespace Lucene;

namespace {

// Adds (or, in kPartsOnly, replaces a compound by) its dictionary parts, each
// at the compound's position and with its offsets, so that a part matches
// where the compound stands and highlighting marks the whole compound.
class CompoundFilter : public TokenFilter {
 public:
  CompoundFilter(const TokenStreamPtr& source, CompoundMode mode, std::shared_ptr<const Decompounder> decompounder)
      : TokenFilter(source), mode_(mode), decompounder_(std::move(decompounder)) {
    term_ = addAttribute<TermAttribute>();
    position_ = addAttribute<PositionIncrementAttribute>();
  }
  ~CompoundFilter() override = default;
  LUCENE_CLASS(CompoundFilter);

  bool incrementToken() override {
    if (next_ < pending_.size()) {
      restoreState(state_);
      term_->setTermBuffer(pending_[next_]);
      // The first part replaces a dropped compound and carries its increment.
      position_->setPositionIncrement(mode_ == CompoundMode::kPartsOnly && next_ == 0 ? increment_ : 0);
      ++next_;
      return true;
    }
    for (;;) {
      if (!input->incrementToken()) return false;
      pending_ = decompounder_->split(term_->term());
      next_ = 0;
      if (mode_ == CompoundMode::kInject) {
        if (!pending_.empty()) state_ = captureState();
        return true;  // the compound itself first
      }
      // kPartsOnly: skip tokens that are no compounds, keeping their positions.
      if (pending_.empty()) {
        skipped_ += position_->getPositionIncrement();
        continue;
      }
      increment_ = position_->getPositionIncrement() + skipped_;
      skipped_ = 0;
      state_ = captureState();
      return incrementToken();
    }
  }

  void reset() override {
    TokenFilter::reset();
    pending_.clear();
    next_ = 0;
    skipped_ = 0;
  }

 private:
  CompoundMode mode_;
  std::shared_ptr<const Decompounder> decompounder_;
  TermAttributePtr term_;
  PositionIncrementAttributePtr position_;
  std::vector<std::wstring> pending_;
  std::size_t next_ = 0;
  int32_t increment_ = 1;
  int32_t skipped_ = 0;
  AttributeSourceStatePtr state_;
};

// Snowball's Swedish stemmer leaves the definite neuter ending alone
// ("beslutet", "rådet", "mötet" stay as they are), so "beslutet" would not
// find "beslut". With the dictionary this filter takes the ending off where
// what remains is a word or a compound of words: beslut|et, möte|t,
// kompetensförsörjningsråd|et, and the genitive beslut|ets.
class NeuterDefiniteFilter : public TokenFilter {
 public:
  NeuterDefiniteFilter(const TokenStreamPtr& source, std::shared_ptr<const Decompounder> dictionary)
      : TokenFilter(source), dictionary_(std::move(dictionary)) {
    term_ = addAttribute<TermAttribute>();
  }
  ~NeuterDefiniteFilter() override = default;
  LUCENE_CLASS(NeuterDefiniteFilter);

  bool incrementToken() override {
    if (!input->incrementToken()) return false;
    String t = term_->term();
    if (t.size() < 5) return true;
    if (t.back() == L's') t.pop_back();  // genitive
    if (t.size() < 5 || t.back() != L't') return true;
    String base = t.substr(0, t.size() - 1);  // möte|t
    if (base.back() == L'e' && isWord(base)) {
      term_->setTermBuffer(base);
      return true;
    }
    if (base.back() == L'e' && isWord(base.substr(0, base.size() - 1))) {  // beslut|et
      term_->setTermBuffer(base.substr(0, base.size() - 1));
    }
    return true;
  }

 private:
  bool isWord(const String& w) const {
    return w.size() >= 3 && (dictionary_->contains(w) || !dictionary_->split(w).empty());
  }

  std::shared_ptr<const Decompounder> dictionary_;
  TermAttributePtr term_;
};

class SavedStreams : public LuceneObject {
 public:
  ~SavedStreams() override = default;
  LUCENE_CLASS(SavedStreams);
  TokenizerPtr source;
  TokenStreamPtr result;
};

class SwedishAnalyzer : public Analyzer {
 public:
  SwedishAnalyzer(CompoundMode mode, std::shared_ptr<const Decompounder> decompounder)
      : mode_(decompounder ? mode : CompoundMode::kKeep), decompounder_(std::move(decompounder)),
        stop_words_(swedishStopWords()) {}
  ~SwedishAnalyzer() override = default;
  LUCENE_CLASS(SwedishAnalyzer);

  TokenStreamPtr tokenStream(const String&, const ReaderPtr& reader) override {
    TokenizerPtr source = newLucene<StandardTokenizer>(LuceneVersion::LUCENE_30, reader);
    return chain(source);
  }

  TokenStreamPtr reusableTokenStream(const String&, const ReaderPtr& reader) override {
    auto streams = boost::dynamic_pointer_cast<SavedStreams>(getPreviousTokenStream());
    if (!streams) {
      streams = newLucene<SavedStreams>();
      streams->source = newLucene<StandardTokenizer>(LuceneVersion::LUCENE_30, reader);
      streams->result = chain(streams->source);
      setPreviousTokenStream(streams);
    } else {
      streams->source->reset(reader);
    }
    return streams->result;
  }

 private:
  TokenStreamPtr chain(const TokenizerPtr& source) const {
    TokenStreamPtr s = newLucene<StandardFilter>(source);
    s = newLucene<LowerCaseFilter>(s);
    if (decompounder_) s = newLucene<NeuterDefiniteFilter>(s, decompounder_);
    if (mode_ != CompoundMode::kKeep) s = newLucene<CompoundFilter>(s, mode_, decompounder_);
    s = newLucene<StopFilter>(true, s, stop_words_);
    return newLucene<SnowballFilter>(s, L"swedish");
  }

  CompoundMode mode_;
  std::shared_ptr<const Decompounder> decompounder_;
  HashSet<String> stop_words_;
};

AnalyzerPtr withKeywords(const AnalyzerPtr& text) {
  auto wrapper = newLucene<PerFieldAnalyzerWrapper>(text);
  auto keyword = newLucene<KeywordAnalyzer>();
  for (const auto& field : keywordFields()) wrapper->addAnalyzer(field, keyword);
  return wrapper;
}

}  // namespace

HashSet<String> swedishStopWords() {
  // Snowball's Swedish stop list.
  static const wchar_t* kWords[] = {
      L"och",   L"det",   L"att",   L"i",      L"en",    L"jag",    L"hon",    L"som",    L"han",    L"på",
      L"den",   L"med",   L"var",   L"sig",    L"för",   L"så",     L"till",   L"är",     L"men",    L"ett",
      L"om",    L"hade",  L"de",    L"av",     L"icke",  L"mig",    L"du",     L"henne",  L"då",     L"sin",
      L"nu",    L"har",   L"inte",  L"hans",   L"honom", L"skulle", L"hennes", L"där",    L"min",    L"man",
      L"ej",    L"vid",   L"kunde", L"något",  L"från",  L"ut",     L"när",    L"efter",  L"upp",    L"vi",
      L"dem",   L"vara",  L"vad",   L"över",   L"än",    L"dig",    L"kan",    L"sina",   L"här",    L"ha",
      L"mot",   L"alla",  L"under", L"någon",  L"eller", L"allt",   L"mycket", L"sedan",  L"ju",     L"denna",
      L"själv", L"detta", L"åt",    L"utan",   L"varit", L"hur",    L"ingen",  L"mitt",   L"ni",     L"bli",
      L"blev",  L"oss",   L"din",   L"dessa",  L"några", L"deras",  L"blir",   L"mina",   L"samma",  L"vilken",
      L"er",    L"sådan", L"vår",   L"blivit", L"dess",  L"inom",   L"mellan", L"sådant", L"varför", L"varje",
      L"vilka", L"ditt",  L"vem",   L"vilket", L"sitta", L"sådana", L"vart",   L"dina",   L"vars",   L"vårt",
      L"våra",  L"ert",   L"era",   L"vilkas"};
  auto set = HashSet<String>::newInstance();
  for (const wchar_t* w : kWords) set.add(w);
  return set;
}

const std::vector<String>& keywordFields() {
  static const std::vector<String> kFields = {field::kKind,   field::kYear,   field::kDate,   field::kDocumentId,
                                              field::kItemId, field::kPerson, field::kArea,   field::kStatus,
                                              field::kOrg,    L"seq",         field::kPublic, field::kState};
  return kFields;
}

AnalyzerPtr newSwedishAnalyzer(CompoundMode mode, std::shared_ptr<const Decompounder> decompounder) {
  return newLucene<SwedishAnalyzer>(mode, std::move(decompounder));
}

AnalyzerPtr newIndexAnalyzer(std::shared_ptr<const Decompounder> decompounder) {
  auto wrapper = boost::dynamic_pointer_cast<PerFieldAnalyzerWrapper>(
      withKeywords(newSwedishAnalyzer(CompoundMode::kKeep, decompounder)));
  if (decompounder) wrapper->addAnalyzer(field::kParts, newSwedishAnalyzer(CompoundMode::kPartsOnly, decompounder));
  return wrapper;
}

AnalyzerPtr newQueryAnalyzer(std::shared_ptr<const Decompounder> dictionary) {
  return withKeywords(newSwedishAnalyzer(CompoundMode::kKeep, std::move(dictionary)));
}

}  // namespace beslut::detail
