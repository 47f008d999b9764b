#include "query_parser.h"
#include "fields.h"

#include <lucene++/BooleanClause.h>
#include <lucene++/BooleanQuery.h>
#include <lucene++/FuzzyQuery.h>
#include <lucene++/MatchAllDocsQuery.h>
#include <lucene++/MultiPhraseQuery.h>
#include <lucene++/PhraseQuery.h>
#include <lucene++/PrefixQuery.h>
#include <lucene++/QueryParser.h>
#include <lucene++/TermQuery.h>
#include <lucene++/TermRangeQuery.h>
#include <lucene++/WildcardQuery.h>

#include <set>

#include "beslut/search_index.h"
#include "beslut/text.h"
#include "status_terms.h"

namespace beslut {

const std::vector<std::string>& searchableFields() {
  static const std::vector<std::string> kFields = {"body", "title",  "organization", "kind",  "year",
                                                   "date", "person", "area",         "status"};
  return kFields;
}

namespace detail {
namespace {

using namespace Lucene;

// Words of the default field are looked for in the body, the title (weighted
// down) and, for single words, among the parts of compounds ("försörjning"
// finds "kompetensförsörjning"). Phrases go to body and title only, so they
// stay exact.
class BeslutQueryParser : public QueryParser {
 public:
  BeslutQueryParser(const AnalyzerPtr& query_analyzer, bool with_parts, std::string today)
      : QueryParser(LuceneVersion::LUCENE_30, field::kBody, query_analyzer), with_parts_(with_parts),
        today_(std::move(today)) {}
  ~BeslutQueryParser() override = default;
  LUCENE_CLASS(BeslutQueryParser);

 protected:
  QueryPtr getFieldQuery(const String& name, const String& text) override {
    if (name == field::kStatus) return statusFieldQuery(name, text);
    if (name != field::kBody || expanding_) return QueryParser::getFieldQuery(name, text);
    expanding_ = true;
    QueryPtr body = QueryParser::getFieldQuery(field::kBody, text);
    QueryPtr title = QueryParser::getFieldQuery(field::kTitle, text);
    expanding_ = false;
    return combine(body, title, [&](const QueryPtr& q) -> QueryPtr {
      auto term = boost::dynamic_pointer_cast<TermQuery>(q);
      if (!term || !with_parts_) return QueryPtr();
      return newLucene<TermQuery>(newLucene<Term>(field::kParts, term->getTerm()->text()));
    });
  }

  QueryPtr getFieldQuery(const String& name, const String& text, int32_t slop) override {
    if (name == field::kStatus) return statusFieldQuery(name, text);
    if (name != field::kBody || expanding_) return QueryParser::getFieldQuery(name, text, slop);
    expanding_ = true;
    QueryPtr body = QueryParser::getFieldQuery(field::kBody, text, slop);
    QueryPtr title = QueryParser::getFieldQuery(field::kTitle, text, slop);
    expanding_ = false;
    return combine(body, title, [](const QueryPtr&) { return QueryPtr(); });
  }

  QueryPtr getPrefixQuery(const String& name, const String& text) override {
    if (name != field::kBody) return QueryParser::getPrefixQuery(name, text);
    QueryPtr body = QueryParser::getPrefixQuery(field::kBody, text);
    QueryPtr title = QueryParser::getPrefixQuery(field::kTitle, text);
    return combine(body, title, [&](const QueryPtr&) -> QueryPtr {
      return with_parts_ ? QueryParser::getPrefixQuery(field::kParts, text) : QueryPtr();
    });
  }

 private:
  // A status is decided on the day of the search (see status_terms.h).
  QueryPtr statusFieldQuery(const String& name, const String& text) {
    QueryPtr q = statusQuery(StringUtils::toUTF8(text), today_);
    return q ? q : QueryParser::getFieldQuery(name, text);  // no status: matches nothing
  }

  template <typename PartsFn>
  QueryPtr combine(const QueryPtr& body, const QueryPtr& title, PartsFn parts) {
    if (!body) return title;  // e.g. only stop words
    auto any = newLucene<BooleanQuery>(true);
    any->add(body, BooleanClause::SHOULD);
    if (title) {
      title->setBoost(0.3);
      any->add(title, BooleanClause::SHOULD);
    }
    if (QueryPtr p = parts(body)) {
      p->setBoost(0.6);  // a part is a weaker match than the word itself
      any->add(p, BooleanClause::SHOULD);
    }
    return any;
  }

  bool with_parts_;
  std::string today_;
  bool expanding_ = false;
};

}  // namespace

QueryParserPtr newQueryParser(const AnalyzerPtr& query_analyzer, bool with_parts, const std::string& today) {
  auto parser = newLucene<BeslutQueryParser>(query_analyzer, with_parts, today);
  parser->setDefaultOperator(QueryParser::AND_OPERATOR);
  return parser;
}

namespace {

Status unknownField(const String& name) {
  std::string list;
  for (const auto& f : searchableFields()) list += (list.empty() ? "" : ", ") + f;
  return Status::invalidArgument("Okänt fält \"" + StringUtils::toUTF8(name) + "\". Tillåtna fält: " + list + ".");
}

}  // namespace

Status checkParsedFields(const QueryPtr& query) {
  static const std::set<String> kAllowed = [] {
    std::set<String> out;
    for (const auto& f : searchableFields()) out.insert(StringUtils::toUnicode(f));
    out.insert(field::kParts);  // compound parts: added by the parser itself
    return out;
  }();
  auto check = [](const String& name) { return kAllowed.count(name) ? Status::okStatus() : unknownField(name); };
  if (!query) return Status::okStatus();
  if (auto b = boost::dynamic_pointer_cast<BooleanQuery>(query)) {
    for (const auto& clause : b->getClauses()) {
      if (Status st = checkParsedFields(clause->getQuery()); !st.ok()) return st;
    }
    return Status::okStatus();
  }
  if (auto t = boost::dynamic_pointer_cast<TermQuery>(query)) return check(t->getTerm()->field());
  if (auto p = boost::dynamic_pointer_cast<PhraseQuery>(query)) {
    for (const auto& term : p->getTerms()) {
      if (Status st = check(term->field()); !st.ok()) return st;
    }
    return Status::okStatus();
  }
  if (auto m = boost::dynamic_pointer_cast<MultiPhraseQuery>(query)) {
    for (const auto& terms : m->getTermArrays()) {
      for (const auto& term : terms) {
        if (Status st = check(term->field()); !st.ok()) return st;
      }
    }
    return Status::okStatus();
  }
  if (auto p = boost::dynamic_pointer_cast<PrefixQuery>(query)) return check(p->getPrefix()->field());
  if (auto w = boost::dynamic_pointer_cast<WildcardQuery>(query)) return check(w->getTerm()->field());
  if (auto f = boost::dynamic_pointer_cast<FuzzyQuery>(query)) return check(f->getTerm()->field());
  if (auto r = boost::dynamic_pointer_cast<TermRangeQuery>(query)) return check(r->getField());
  if (boost::dynamic_pointer_cast<MatchAllDocsQuery>(query)) return Status::okStatus();    // visibility still applies
  return Status::invalidArgument("Sökfrågan innehåller en konstruktion som inte stöds.");  // fail closed
}

}  // namespace detail

Status checkQuery(const std::string& query, const QueryLimits& limits) {
  if (!isValidUtf8(query)) return Status::invalidArgument("Sökfrågan innehåller ogiltiga tecken (inte UTF-8).");
  if (query.size() > limits.max_bytes) {
    return Status::invalidArgument("Sökfrågan är för lång: högst " + std::to_string(limits.max_bytes) + " tecken.");
  }
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::invalidArgument("Skriv minst ett sökord.");
  }
  static const std::set<std::string> kAllowed(searchableFields().begin(), searchableFields().end());
  int depth = 0, clauses = 0;
  bool in_quote = false, in_word = false;
  std::string word;
  auto endWord = [&]() -> Status {
    if (!in_word) return Status::okStatus();
    in_word = false;
    ++clauses;
    auto colon = word.find(':');
    if (colon != std::string::npos && colon > 0) {
      std::string field = word.substr(0, colon);
      while (!field.empty() && (field.front() == '+' || field.front() == '-')) field.erase(0, 1);
      if (!field.empty() && kAllowed.count(field) == 0) {
        std::string list;
        for (const auto& f : searchableFields()) list += (list.empty() ? "" : ", ") + f;
        return Status::invalidArgument("Okänt fält \"" + field + "\". Tillåtna fält: " + list + ".");
      }
    }
    word.clear();
    return Status::okStatus();
  };
  for (std::size_t i = 0; i < query.size(); ++i) {
    char c = query[i];
    if (c == '\\' && i + 1 < query.size()) {  // escaped character: part of a word
      word += query[++i];
      in_word = true;
      continue;
    }
    if (c == '"') {
      if (!in_quote) {
        if (Status s = endWord(); !s.ok()) return s;
        ++clauses;
      }
      in_quote = !in_quote;
      continue;
    }
    if (in_quote) continue;
    if (c == '~') {
      // "a b"~2 (words near each other) is cheap; word~ compares with every
      // word of the index and costs seconds on a large one.
      std::size_t p = i;
      while (p > 0 && query[p - 1] == ' ') --p;
      if (p == 0 || query[p - 1] != '"') {
        return Status::invalidArgument("Ungefärlig sökning med ~ efter ett ord stöds inte. Skriv ordet som det "
                                       "stavas eller använd * för ordets början (t.ex. utveckl*).");
      }
      continue;
    }
    // '!' is Lucene's NOT (and "&&", "||" its AND, OR): they end a word too,
    // so "body:kommun!public:false" is checked as two words.
    if (c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '!' || c == '&' || c == '|') {
      // A field name may stand right before a parenthesis: "kind:(a OR b)".
      if (c == '(' && in_word && !word.empty() && word.back() == ':') word += 'x';
      if (Status s = endWord(); !s.ok()) return s;
      if (c == '(' && ++depth > limits.max_depth) {
        return Status::invalidArgument("Sökfrågan har för många nivåer av parenteser (högst " +
                                       std::to_string(limits.max_depth) + ").");
      }
      if (c == ')' && --depth < 0) return Status::invalidArgument("Sökfrågan har en ')' utan matchande '('.");
      continue;
    }
    word += c;
    in_word = true;
  }
  if (Status s = endWord(); !s.ok()) return s;
  if (in_quote) return Status::invalidArgument("Sökfrågan har ett citattecken som inte avslutas.");
  if (depth != 0) return Status::invalidArgument("Sökfrågan har en '(' som inte avslutas.");
  if (clauses > limits.max_clauses) {
    return Status::invalidArgument("Sökfrågan har för många ord: högst " + std::to_string(limits.max_clauses) + ".");
  }
  return Status::okStatus();
}

}  // namespace beslut
