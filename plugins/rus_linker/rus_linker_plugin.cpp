// Linker "rus" (see README.md): vocabulary matching against taxonomy nodes.
#include "rus_linker_plugin.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <unordered_map>
#include <utility>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kExplainTerms = 6;
constexpr std::size_t kQuoteBytes = 160;
constexpr std::size_t kQuoteLead = 60;     // bytes of context before the match
constexpr std::size_t kSurfaceBytes = 48;  // longest word shown for a term
constexpr double kMultiWordWeight = 1.5;
constexpr std::size_t kLongTermBytes = 14;  // a long single word ("kompetensförsörj") is specific ...
constexpr double kLongTermWeight = 1.25;    // ... and weighs more than a short one
constexpr double kTitleTermWeight = 2.0;    // the node's own title (or a term equal to it)
constexpr double kItemTitleBoost = 1.5;     // a term found in the item's title
constexpr double kMaxCountFactor = 4.0;     // 1 + ln(count), capped
constexpr double kTableDigitShare = 0.2;    // a text with more digits than this (of digits + letters) ...
constexpr double kTableDamping = 0.3;       // ... is a table: its hits count this much

bool isKeyKind(const std::string& kind) { return kind == "area" || kind == "focus_area"; }

// Is the character that starts (or, for `before`, ends just before) `p` a
// letter or digit? ASCII alphanumerics and Latin-1/Latin Extended-A letters
// (UTF-8 lead bytes C3..C9, except × and ÷) count; punctuation such as ” or –
// does not.
bool letterLead(const std::string_view s, std::size_t q) {
  unsigned char c = static_cast<unsigned char>(s[q]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c == 0xC3) {
    if (q + 1 >= s.size()) return false;
    unsigned char d = static_cast<unsigned char>(s[q + 1]);
    return d != 0x97 && d != 0xB7;
  }
  return c >= 0xC4 && c <= 0xC9;
}

bool letterBefore(std::string_view s, std::size_t p) {
  if (p == 0) return false;
  std::size_t q = p - 1;
  while (q > 0 && p - q < 4 && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80) --q;
  return letterLead(s, q);
}

bool letterAt(std::string_view s, std::size_t p) { return p < s.size() && letterLead(s, p); }

std::size_t codePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::uint16_t keyAt(std::string_view s, std::size_t p) {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(s[p]) << 8) | static_cast<unsigned char>(s[p + 1]));
}

// Replaces invalid UTF-8 with U+FFFD so that explanations are always valid text.
std::string validUtf8(std::string_view s) {
  if (isValidUtf8(s)) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len > 0 && i + len <= s.size() && isValidUtf8(s.substr(i, len))) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

// Moves `p` back to the start of the UTF-8 character it is inside.
std::size_t charStart(std::string_view s, std::size_t p) {
  while (p > 0 && p < s.size() && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

struct Term {
  std::string text;
  bool infix = false;                                 // "*utbildning": also inside a compound
  bool whole_word = false;                            // "=hälsa", and terms of at most three letters ("ai", "apl")
  std::vector<std::pair<std::size_t, double>> nodes;  // (scored node, weight)
};

struct Hit {
  std::size_t term = 0;
  std::size_t count = 0;
  std::size_t first = 0;  // byte offset of the first occurrence in the folded text
  bool in_title = false;
};

// The nodes to score and the vocabulary of all of them, indexed for one pass
// over a text: at each word start (and, for infix terms, anywhere) the longest
// term found there is taken, and the scan goes on after it.
class Matcher {
 public:
  explicit Matcher(const Taxonomy& taxonomy) {
    selectNodes(taxonomy);
    std::unordered_map<std::string, std::size_t> index;
    std::map<std::pair<std::string, std::size_t>, double> df;  // (scheme, term) -> nodes
    struct Raw {
      std::size_t node;
      std::string text;
      bool infix;
      bool exact;
      double base;
    };
    std::vector<Raw> raws;
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      const TaxonomyNode& node = *nodes_[n];
      std::string title = foldForMatching(node.title, 400);
      std::vector<std::string> words = node.vocabulary;
      words.push_back(title);
      std::vector<std::string> seen;
      for (const std::string& w : words) {
        bool infix = !w.empty() && w[0] == '*';
        bool exact = !w.empty() && w[0] == '=';
        std::string text = foldForMatching((infix || exact) ? std::string_view(w).substr(1) : std::string_view(w), 400);
        if (text.size() < 2) continue;
        std::string key = (infix ? "*" : exact ? "=" : "") + text;
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        double base = text.find(' ') != std::string::npos ? kMultiWordWeight
                      : text.size() >= kLongTermBytes     ? kLongTermWeight
                                                          : 1.0;
        if (text == title) base *= kTitleTermWeight;
        raws.push_back({n, text, infix, exact, base});
      }
    }
    // A term that several nodes of one scheme share says less about each.
    std::map<std::pair<std::string, std::string>, int> shared;
    for (const Raw& r : raws) ++shared[{nodes_[r.node]->scheme, r.text}];
    for (const Raw& r : raws) {
      std::string key = (r.infix ? "*" : r.exact ? "=" : "") + r.text;
      auto [it, fresh] = index.emplace(key, terms_.size());
      if (fresh) {
        Term t;
        t.text = r.text;
        t.infix = r.infix;
        t.whole_word = r.exact || codePoints(r.text) <= 3;
        terms_.push_back(std::move(t));
      }
      double w = r.base / shared[{nodes_[r.node]->scheme, r.text}];
      terms_[it->second].nodes.emplace_back(r.node, w);
    }
    infixKeys_.assign(1u << 16, false);
    for (std::size_t t = 0; t < terms_.size(); ++t) {
      std::uint16_t k = keyAt(terms_[t].text, 0);
      buckets_[k].push_back(t);
      if (terms_[t].infix) infixKeys_[k] = true;
    }
    for (auto& [k, list] : buckets_) {
      std::stable_sort(list.begin(), list.end(),
                       [&](std::size_t a, std::size_t b) { return terms_[a].text.size() > terms_[b].text.size(); });
    }
  }

  const std::vector<const TaxonomyNode*>& nodes() const { return nodes_; }
  const std::vector<Term>& terms() const { return terms_; }

  // Hits in `s` (folded text); offsets below `title_end` are in the title.
  std::vector<Hit> scan(std::string_view s, std::size_t title_end) const {
    std::unordered_map<std::size_t, Hit> hits;
    std::size_t p = 0;
    while (p + 1 < s.size()) {
      bool boundary = !letterBefore(s, p);
      std::uint16_t k = keyAt(s, p);
      std::size_t advance = 1;
      if (boundary || infixKeys_[k]) {
        auto it = buckets_.find(k);
        if (it != buckets_.end()) {
          for (std::size_t t : it->second) {
            const Term& term = terms_[t];
            if (!boundary && !term.infix) continue;
            if (term.text.size() > s.size() - p) continue;
            if (std::memcmp(s.data() + p, term.text.data(), term.text.size()) != 0) continue;
            if (term.whole_word && letterAt(s, p + term.text.size())) continue;
            Hit& h = hits[t];
            if (h.count == 0) {
              h.term = t;
              h.first = p;
            }
            ++h.count;
            h.in_title = h.in_title || p < title_end;
            advance = term.text.size();
            break;
          }
        }
      }
      p += advance;
    }
    std::vector<Hit> out;
    out.reserve(hits.size());
    for (auto& [t, h] : hits) out.push_back(h);
    std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) { return a.term < b.term; });
    return out;
  }

 private:
  void selectNodes(const Taxonomy& taxonomy) {
    // Per scheme: its areas / focus areas, or else its leaves.
    std::map<std::string, bool> hasKey;
    std::map<std::pair<std::string, std::string>, bool> isParent;
    for (const TaxonomyNode& n : taxonomy.nodes) {
      hasKey[n.scheme] = hasKey[n.scheme] || isKeyKind(n.kind);
      if (!n.parent_code.empty()) isParent[{n.scheme, n.parent_code}] = true;
    }
    for (const TaxonomyNode& n : taxonomy.nodes) {
      bool take = hasKey[n.scheme] ? isKeyKind(n.kind) : !isParent.count({n.scheme, n.code});
      if (take && !n.code.empty()) nodes_.push_back(&n);
    }
  }

  std::vector<const TaxonomyNode*> nodes_;
  std::vector<Term> terms_;
  std::unordered_map<std::uint16_t, std::vector<std::size_t>> buckets_;
  std::vector<bool> infixKeys_;
};

// One scored object: its folded text, hits, and the weighted hits per node.
struct Scored {
  std::string text;
  std::vector<Hit> hits;
  std::vector<double> raw;    // per scored node
  std::vector<double> score;  // 1 - exp(-k raw)
};

Scored scoreText(const Matcher& m, const RusLinkerOptions& o, std::string_view title, std::string_view body) {
  Scored s;
  std::string t = foldForMatching(title, std::min<std::size_t>(o.max_text_bytes, 4096));
  std::size_t title_end = t.size();
  std::string b = foldForMatching(body, o.max_text_bytes);
  s.text = t.empty() ? std::move(b) : b.empty() ? std::move(t) : t + " / " + b;
  s.hits = m.scan(s.text, title_end);
  s.raw.assign(m.nodes().size(), 0.0);
  // A table of figures (staff counts, accounts) serves no area even where a
  // row names one: damp texts whose characters are mostly digits.
  std::size_t digits = 0, letters = 0;
  for (std::size_t i = 0; i < s.text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s.text[i]);
    if (c >= '0' && c <= '9') ++digits;
    else if (letterLead(s.text, i)) ++letters;
  }
  double damp = digits > kTableDigitShare * static_cast<double>(digits + letters) ? kTableDamping : 1.0;
  for (const Hit& h : s.hits) {
    double f = std::min(kMaxCountFactor, 1.0 + std::log(static_cast<double>(h.count)));
    if (h.in_title) f *= kItemTitleBoost;
    for (auto [node, w] : m.terms()[h.term].nodes) s.raw[node] += w * f * damp;
  }
  s.score.resize(s.raw.size());
  for (std::size_t n = 0; n < s.raw.size(); ++n) s.score[n] = 1.0 - std::exp(-o.k * s.raw[n]);
  return s;
}

// Nodes kept for an object: over the threshold and near the best of their scheme.
std::vector<std::size_t> keep(const Matcher& m, const RusLinkerOptions& o, const std::vector<double>& score,
                              const std::vector<double>& raw) {
  std::map<std::string, double> best;
  for (std::size_t n = 0; n < raw.size(); ++n) {
    double& b = best[m.nodes()[n]->scheme];
    b = std::max(b, raw[n]);
  }
  std::vector<std::size_t> out;
  for (std::size_t n = 0; n < raw.size(); ++n) {
    if (score[n] >= o.threshold && raw[n] > 0 && raw[n] >= o.relative * best[m.nodes()[n]->scheme]) out.push_back(n);
  }
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return raw[a] > raw[b];
  });
  if (out.size() > o.max_links_per_object) out.resize(o.max_links_per_object);
  return out;
}

// The word of the folded text around a hit (a stem's whole word, an infix
// term's compound), for the explanation.
std::string surface(std::string_view s, std::size_t pos, std::size_t len) {
  std::size_t b = pos;
  while (b > 0 && pos - b < kSurfaceBytes && letterBefore(s, b)) b = charStart(s, b - 1);
  std::size_t e = std::min(s.size(), pos + len);
  while (e < s.size() && e - b < kSurfaceBytes && (letterAt(s, e) || (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80))
    ++e;
  return std::string(s.substr(b, e - b));
}

std::string quote(std::string_view s, std::size_t pos) {
  std::size_t b = pos > kQuoteLead ? pos - kQuoteLead : 0;
  if (b > 0) {
    std::size_t sp = s.find(' ', b);
    b = (sp != std::string_view::npos && sp < pos) ? sp + 1 : charStart(s, b);
  }
  std::size_t e = std::min(s.size(), b + kQuoteBytes);
  if (e < s.size()) {
    std::size_t sp = s.rfind(' ', e);
    e = (sp != std::string_view::npos && sp > pos) ? sp : charStart(s, e);
  }
  std::string q = (b > 0 ? "…" : "") + trim(s.substr(b, e - b)) + (e < s.size() ? "…" : "");
  return "»" + q + "«";
}

struct TermCount {
  std::string word;
  std::size_t count = 0;
  double contribution = 0;
};

// "kompetensförsörjning (7), yrkesutbildning (2) — »…behovet av kompetensförsörjning i länet…«"
std::string explain(const std::vector<TermCount>& terms, const std::string& quoted) {
  std::string out;
  for (std::size_t i = 0; i < terms.size() && i < kExplainTerms; ++i) {
    if (i) out += ", ";
    out += terms[i].word + " (" + std::to_string(terms[i].count) + ")";
  }
  if (terms.size() > kExplainTerms) out += ", …";
  if (!quoted.empty()) out += " — " + quoted;
  return validUtf8(out);
}

// The terms of one node in one scored object, strongest first, and the
// quote around the strongest one's first occurrence.
std::vector<TermCount> nodeTerms(const Matcher& m, const Scored& s, std::size_t node, std::size_t* quotePos) {
  std::vector<std::pair<TermCount, std::size_t>> list;
  for (const Hit& h : s.hits) {
    for (auto [n, w] : m.terms()[h.term].nodes) {
      if (n != node) continue;
      double f = std::min(kMaxCountFactor, 1.0 + std::log(static_cast<double>(h.count)));
      TermCount tc{surface(s.text, h.first, m.terms()[h.term].text.size()), h.count, w * f};
      list.emplace_back(tc, h.first);
    }
  }
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    if (a.first.contribution != b.first.contribution) return a.first.contribution > b.first.contribution;
    return a.second < b.second;
  });
  std::vector<TermCount> out;
  for (auto& [tc, pos] : list) out.push_back(tc);
  if (quotePos) *quotePos = list.empty() ? std::string::npos : list.front().second;
  return out;
}

std::string explainNode(const Matcher& m, const Scored& s, std::size_t node) {
  std::size_t pos = std::string::npos;
  std::vector<TermCount> terms = nodeTerms(m, s, node, &pos);
  return explain(terms, pos == std::string::npos ? std::string() : quote(s.text, pos));
}

Link makeLink(const Matcher& m, const char* type, std::size_t item, std::size_t index, std::size_t node, double score,
              std::string explanation) {
  Link l;
  l.object_type = type;
  l.item_index = item;
  l.index = index;
  l.scheme = m.nodes()[node]->scheme;
  l.code = m.nodes()[node]->code;
  l.score = std::clamp(score, 0.0, 1.0);
  l.origin = "rus";
  l.explanation = std::move(explanation);
  return l;
}

}  // namespace

std::string RusLinkerPlugin::description() const {
  return "Länkar dokument, ärenden, beslut och uppdrag till RUS prioriterade områden (och andra planers "
         "fokusområden) utifrån nodernas ordförråd, med poäng och förklaring";
}

std::vector<Link> RusLinkerPlugin::link(const Document& document, const Taxonomy& taxonomy) const {
  std::vector<Link> links;
  try {
    Matcher m(taxonomy);
    if (m.nodes().empty()) return links;
    const RusLinkerOptions& o = options_;
    const std::size_t N = m.nodes().size();

    std::vector<Scored> items;
    items.reserve(document.items.size());
    for (const Item& item : document.items) items.push_back(scoreText(m, o, item.title, item.text));

    // The document: its items' scores, weighted by length, averaged with the best item's.
    std::vector<Link> docLinks;
    if (items.empty()) {
      Scored s = scoreText(m, o, document.title, document.text);
      for (std::size_t n : keep(m, o, s.score, s.raw)) {
        docLinks.push_back(makeLink(m, "document", 0, 0, n, s.score[n], explainNode(m, s, n)));
      }
    } else {
      std::vector<double> mean(N, 0.0), best(N, 0.0), raw(N, 0.0), score(N, 0.0);
      std::vector<std::size_t> bestItem(N, 0), itemsWith(N, 0);
      double total = 0;
      for (const Scored& s : items) total += static_cast<double>(std::max<std::size_t>(s.text.size(), 1));
      for (std::size_t i = 0; i < items.size(); ++i) {
        double w = static_cast<double>(std::max<std::size_t>(items[i].text.size(), 1)) / total;
        for (std::size_t n = 0; n < N; ++n) {
          mean[n] += w * items[i].score[n];
          if (items[i].raw[n] > 0) ++itemsWith[n];
          if (items[i].score[n] > best[n]) {
            best[n] = items[i].score[n];
            bestItem[n] = i;
          }
        }
      }
      for (std::size_t n = 0; n < N; ++n) {
        score[n] = 0.5 * mean[n] + 0.5 * best[n];
        raw[n] = score[n];
      }
      for (std::size_t n : keep(m, o, score, raw)) {
        // Terms summed over the items; the quote from the best item.
        std::map<std::string, TermCount> sum;
        for (const Scored& s : items) {
          for (const TermCount& tc : nodeTerms(m, s, n, nullptr)) {
            TermCount& t = sum[tc.word];
            t.word = tc.word;
            t.count += tc.count;
            t.contribution += tc.contribution;
          }
        }
        std::vector<TermCount> terms;
        for (auto& [w, tc] : sum) terms.push_back(tc);
        std::stable_sort(terms.begin(), terms.end(),
                         [](const TermCount& a, const TermCount& b) { return a.contribution > b.contribution; });
        std::size_t pos = std::string::npos;
        const Scored& bi = items[bestItem[n]];
        nodeTerms(m, bi, n, &pos);
        const Item& item = document.items[bestItem[n]];
        std::string where = "i " + std::to_string(itemsWith[n]) + " av " + std::to_string(items.size()) +
                            " delar; starkast " + (item.number.empty() ? std::string() : item.number + " ") +
                            truncateText(oneLine(item.title), 80) + ": ";
        docLinks.push_back(
            makeLink(m, "document", 0, 0, n, score[n],
                     validUtf8(where) + explain(terms, pos == std::string::npos ? "" : quote(bi.text, pos))));
      }
    }
    links.insert(links.end(), docLinks.begin(), docLinks.end());

    for (std::size_t i = 0; i < items.size(); ++i) {
      const Scored& s = items[i];
      std::vector<std::size_t> kept = keep(m, o, s.score, s.raw);
      std::vector<bool> itemLinked(N, false);
      for (std::size_t n : kept) {
        itemLinked[n] = true;
        links.push_back(makeLink(m, "item", i, 0, n, s.score[n], explainNode(m, s, n)));
      }
      // Decisions and assignments: their own words, plus the item's at reduced weight.
      auto linkPart = [&](const char* type, std::size_t index, std::string_view text) {
        Scored p = scoreText(m, o, {}, text);
        std::vector<double> raw(N), score(N);
        for (std::size_t n = 0; n < N; ++n) {
          raw[n] = p.raw[n] + (itemLinked[n] ? o.item_context * s.raw[n] : 0.0);
          score[n] = 1.0 - std::exp(-o.k * raw[n]);
        }
        for (std::size_t n : keep(m, o, score, raw)) {
          std::string e;
          if (p.raw[n] > 0) e = explainNode(m, p, n);
          if (itemLinked[n]) {
            std::vector<TermCount> terms = nodeTerms(m, s, n, nullptr);
            std::string ctx = "i ärendet: " + explain(terms, "");
            e = e.empty() ? ctx : e + "; " + ctx;
          }
          links.push_back(makeLink(m, type, i, index, n, score[n], std::move(e)));
        }
      };
      const Item& item = document.items[i];
      for (std::size_t d = 0; d < item.decisions.size(); ++d) linkPart("decision", d, item.decisions[d].text);
      for (std::size_t a = 0; a < item.assignments.size(); ++a) {
        const Assignment& as = item.assignments[a];
        linkPart("assignment", a, as.task + (as.task.empty() ? "" : " ") + as.assignee);
      }
    }
  } catch (const std::exception&) {
    // Out of memory or similar: no links rather than a failed import.
    links.clear();
  }
  return links;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::RusLinkerPlugin)
POCO_END_MANIFEST
#endif
