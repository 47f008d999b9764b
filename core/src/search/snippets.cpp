#include "snippets.h"
#include "fields.h"

#include <lucene++/BooleanClause.h>
#include <lucene++/BooleanQuery.h>
#include <lucene++/OffsetAttribute.h>
#include <lucene++/PhraseQuery.h>
#include <lucene++/TermAttribute.h>
#include <lucene++/TermQuery.h>

#include <algorithm>
#include <cwctype>

namespace beslut::detail {

using namespace Lucene;

namespace {

struct Match {
  int32_t begin, end;  // offsets into the wide text
  String term;
};

bool isSpace(wchar_t c) { return c == L' ' || c == L'\n' || c == L'\t' || c == L'\r' || c == 0xA0; }

void appendEscaped(std::wstring& out, const String& text, int32_t begin, int32_t end) {
  bool space = false;
  for (int32_t i = begin; i < end; ++i) {
    wchar_t c = text[static_cast<std::size_t>(i)];
    if (isSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != L' ') out += L' ';
    space = false;
    switch (c) {
      case L'&': out += L"&amp;"; break;
      case L'<': out += L"&lt;"; break;
      case L'>': out += L"&gt;"; break;
      case L'"': out += L"&quot;"; break;
      case L'\'': out += L"&#39;"; break;
      default: out += c;
    }
  }
  if (space && !out.empty() && out.back() != L' ') out += L' ';
}

}  // namespace

// Analyzing a long passage whole (with the compound splitter) cost milliseconds
// per hit. Stems and compound parts are spelled as they stand in the lowered
// text (Snowball Swedish only strips endings), so a plain search for them finds
// every place a match can be; only the surroundings of the first few are analyzed.
std::vector<std::pair<int32_t, int32_t>> SnippetMaker::regionsToAnalyze(const String& text, std::size_t window) const {
  const auto n = static_cast<int32_t>(text.size());
  if (text.size() <= kAnalyzeWhole) return {{0, n}};
  String lowered = text;
  for (auto& c : lowered) c = static_cast<wchar_t>(std::towlower(static_cast<wint_t>(c)));
  std::vector<int32_t> hits;
  for (const auto& t : terms_) {
    std::size_t found = 0;
    for (std::size_t at = lowered.find(t); at != String::npos && found < kRegions; at = lowered.find(t, at + 1)) {
      hits.push_back(static_cast<int32_t>(at));
      ++found;
    }
  }
  std::sort(hits.begin(), hits.end());
  const auto reach = static_cast<int32_t>(window);
  std::vector<std::pair<int32_t, int32_t>> regions;
  for (int32_t at : hits) {
    int32_t from = std::max(0, at - reach), to = std::min(n, at + reach);
    while (from > 0 && !isSpace(text[static_cast<std::size_t>(from - 1)])) --from;  // whole words only
    while (to < n && !isSpace(text[static_cast<std::size_t>(to)])) ++to;
    if (!regions.empty() && from <= regions.back().second) {
      regions.back().second = std::max(regions.back().second, to);
    } else if (regions.size() < kRegions) {
      regions.push_back({from, to});
    }
  }
  return regions;
}

SnippetMaker::SnippetMaker(const QueryPtr& query, const IndexReaderPtr& reader, const std::vector<String>& fields)
    : fields_(fields.begin(), fields.end()) {
  if (query) collect(query, reader, 0);
}

void SnippetMaker::collect(const QueryPtr& query, const IndexReaderPtr& reader, int depth) {
  if (auto boolean = boost::dynamic_pointer_cast<BooleanQuery>(query)) {
    for (const auto& clause : boolean->getClauses()) {
      if (clause->getOccur() != BooleanClause::MUST_NOT) collect(clause->getQuery(), reader, depth);
    }
    return;
  }
  if (auto term = boost::dynamic_pointer_cast<TermQuery>(query)) {
    if (fields_.count(term->getTerm()->field())) terms_.insert(term->getTerm()->text());
    return;
  }
  if (auto phrase = boost::dynamic_pointer_cast<PhraseQuery>(query)) {
    for (const auto& t : phrase->getTerms()) {
      if (fields_.count(t->field())) terms_.insert(t->text());
    }
    return;
  }
  // Prefix, range and other multi-term queries: their rewritten form.
  if (depth < 3 && reader) {
    QueryPtr rewritten = query->rewrite(reader);
    if (rewritten && rewritten.get() != query.get()) {
      collect(rewritten, reader, depth + 1);
      return;
    }
  }
  try {
    SetTerm terms = SetTerm::newInstance();
    query->extractTerms(terms);
    for (const auto& t : terms) {
      if (fields_.count(t->field())) terms_.insert(t->text());
    }
  } catch (const LuceneException&) {
    // A constant-score filter has no terms to give: nothing to mark.
  }
}

std::string SnippetMaker::make(const AnalyzerPtr& analyzer, const std::string& text, std::size_t fragments,
                               std::size_t window) const {
  if (terms_.empty() || text.empty()) return {};
  const String wide = StringUtils::toUnicode(text);
  std::vector<Match> matches;
  auto analyze = [&](int32_t from, int32_t to) {
    TokenStreamPtr tokens = analyzer->reusableTokenStream(
        field::kBody,
        newLucene<StringReader>(wide.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from))));
    auto term = tokens->addAttribute<TermAttribute>();
    auto offset = tokens->addAttribute<OffsetAttribute>();
    tokens->reset();
    while (tokens->incrementToken()) {
      String t = term->term();
      if (!terms_.count(t)) continue;
      int32_t b = std::clamp(from + offset->startOffset(), from, to);
      int32_t e = std::clamp(from + offset->endOffset(), b, to);
      // A compound and its parts share offsets: one mark for the word.
      if (!matches.empty() && b < matches.back().end) {
        matches.back().end = std::max(matches.back().end, e);
        continue;
      }
      matches.push_back({b, e, std::move(t)});
    }
    tokens->end();
    tokens->close();
  };
  for (const auto& [from, to] : regionsToAnalyze(wide, window)) analyze(from, to);
  if (matches.empty()) return {};

  const auto n = static_cast<int32_t>(wide.size());
  const auto width = static_cast<int32_t>(window);
  struct Window {
    int32_t begin, end;
    std::size_t first, last;  // matches[first, last) lie inside
    std::size_t score;
  };
  // A window opens a little before each match, on a word boundary, and takes
  // the matches that fit; distinct terms weigh more than repeats.
  auto windowAt = [&](std::size_t i) {
    Window w{std::max(0, matches[i].begin - width / 4), 0, i, i, 0};
    while (w.begin > 0 && w.begin < matches[i].begin && !isSpace(wide[static_cast<std::size_t>(w.begin - 1)]))
      ++w.begin;
    w.end = std::min(n, w.begin + width);
    while (w.last < matches.size() && matches[w.last].end <= w.end) ++w.last;
    if (w.last == i) w.end = matches[i].end, w.last = i + 1;  // a match longer than the window
    if (w.end < n) {
      int32_t cut = w.end;
      while (cut > matches[w.last - 1].end && !isSpace(wide[static_cast<std::size_t>(cut)])) --cut;
      if (cut > matches[w.last - 1].end) w.end = cut;
    }
    std::set<String> distinct;
    for (std::size_t k = w.first; k < w.last; ++k) distinct.insert(matches[k].term);
    w.score = distinct.size() * 100 + (w.last - w.first);
    return w;
  };
  std::vector<Window> chosen;
  for (std::size_t f = 0; f < fragments; ++f) {
    std::optional<Window> best;
    for (std::size_t i = 0; i < matches.size(); ++i) {
      Window w = windowAt(i);
      bool overlaps = std::any_of(chosen.begin(), chosen.end(),
                                  [&](const Window& c) { return w.begin < c.end && c.begin < w.end; });
      if (!overlaps && (!best || w.score > best->score)) best = w;
    }
    if (!best) break;
    chosen.push_back(*best);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Window& a, const Window& b) { return a.begin < b.begin; });

  std::wstring out;
  for (const Window& w : chosen) {
    if (!out.empty()) {
      if (out.back() == L'…') out.pop_back();  // one ellipsis between two windows
      while (!out.empty() && out.back() == L' ') out.pop_back();
      out += L" ";
    }
    if (w.begin > 0) out += L"…";
    int32_t at = w.begin;
    for (std::size_t k = w.first; k < w.last; ++k) {
      appendEscaped(out, wide, at, matches[k].begin);
      out += L"<mark>";
      appendEscaped(out, wide, matches[k].begin, matches[k].end);
      out += L"</mark>";
      at = matches[k].end;
    }
    appendEscaped(out, wide, at, w.end);
    while (!out.empty() && out.back() == L' ') out.pop_back();
    if (w.end < n) out += L"…";
  }
  return StringUtils::toUTF8(out);
}

}  // namespace beslut::detail
