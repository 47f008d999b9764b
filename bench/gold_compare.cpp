#include "gold_compare.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "beslut/text.h"

namespace beslut::gold {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

Counts& Table::operator[](const std::string& field) {
  if (!rows.count(field)) order.push_back(field);
  return rows[field];
}

double Table::macroF1(std::string* weakest, double* weakest_f1) const {
  double sum = 0, low = 2;
  int n = 0;
  for (const auto& f : order) {
    const Counts& c = rows.at(f);
    if (!c.stated()) continue;
    sum += c.f1();
    ++n;
    if (c.f1() < low) {
      low = c.f1();
      if (weakest) *weakest = f;
    }
  }
  if (weakest_f1) *weakest_f1 = n ? low : 1.0;
  return n ? sum / n : 1.0;
}

void Table::print(std::FILE* out, const std::string& heading, bool with_misses) const {
  std::fprintf(out, "\n%s\n", heading.c_str());
  std::fprintf(out, "%-28s %5s %5s %5s %7s %7s %7s\n", "field", "TP", "FP", "FN", "P", "R", "F1");
  for (const auto& f : order) {
    const Counts& c = rows.at(f);
    std::fprintf(out, "%-28s %5d %5d %5d %7.3f %7.3f %7.3f%s\n", f.c_str(), c.tp, c.fp, c.fn, c.precision(), c.recall(),
                 c.f1(), c.stated() ? "" : "  (not stated in gold)");
  }
  std::string weakest;
  double low = 0;
  double macro = macroF1(&weakest, &low);
  std::fprintf(out, "%-28s %7.3f   (lowest: %s %.3f)\n", "macro F1", macro, weakest.c_str(), low);
  if (with_misses && !misses.empty()) {
    std::fprintf(out, "Differences:\n");
    for (const auto& m : misses) std::fprintf(out, "  %s\n", m.c_str());
  }
  std::fflush(out);
}

namespace {

std::string str(const Var& v) {
  if (v.isEmpty()) return {};
  return v.convert<std::string>();
}

// Whitespace collapsed, soft hyphens dropped, case folded.
std::string norm(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xAD") == 0) {
      ++i;
      continue;
    }
    out += s[i];
  }
  return beslut::toLowerSwedish(beslut::oneLine(out));
}

// Clock times in order: "09.00 - 11:00" -> "09:00 11:00".
std::string normTime(const std::string& s) {
  std::string out, cur;
  auto flush = [&] {
    if (cur.empty()) return;
    if (!out.empty()) out += ' ';
    out += cur;
    cur.clear();
  };
  for (char c : s) {
    if (c >= '0' && c <= '9') cur += c;
    else if ((c == '.' || c == ':') && !cur.empty() && cur.find(':') == std::string::npos) cur += ':';
    else flush();
  }
  flush();
  return out;
}

// "Kommunstyrelsen, Ale kommun" / "Kommunstyrelsen (Ale kommun)" -> {name, council}.
// Annotator remarks (with "inferred" or "not printed") and abbreviations in
// parentheses are dropped from the gold.
std::pair<std::string, std::string> splitBody(const std::string& s, bool* council_unprinted = nullptr) {
  std::string t = s;
  if (council_unprinted) *council_unprinted = false;
  for (std::size_t open = t.find('('); open != std::string::npos; open = t.find('(', open)) {
    std::size_t close = t.find(')', open);
    if (close == std::string::npos) break;
    std::string inner = t.substr(open + 1, close - open - 1);
    std::string lower = beslut::toLowerSwedish(inner);
    bool remark = lower.find("inferred") != std::string::npos || lower.find("not printed") != std::string::npos;
    bool abbreviation = inner.size() <= 6 && inner.find(' ') == std::string::npos;
    if (remark && council_unprinted) *council_unprinted = true;
    if (remark || abbreviation) {
      t.erase(open, close - open + 1);
      continue;
    }
    // "(Ale kommun)" is the council: written as ", Ale kommun".
    t = t.substr(0, open) + ", " + inner + t.substr(close + 1);
    open += 2;
  }
  t = beslut::trim(t);
  std::size_t comma = t.find(", ");
  // A comma inside the body's own name ("… för skola, utbildning och …") is not
  // the council separator: take the last ", " when the part after it names a
  // council.
  std::size_t last = t.rfind(", ");
  if (last != std::string::npos) comma = last;
  if (comma == std::string::npos) return {norm(t), ""};
  return {norm(t.substr(0, comma)), norm(t.substr(comma + 2))};
}

// "§ 12" -> "12", "Kf § 221" -> "kf221".
std::string normNumber(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA7") == 0) {
      ++i;
      continue;
    }
    if (s[i] == ' ' || s[i] == '.' || s[i] == '\t') continue;
    out += s[i];
  }
  return beslut::toLowerSwedish(out);
}

std::string withoutParens(const std::string& s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) out += c;
  }
  return out;
}

std::vector<std::string> tokens(const std::string& s) {
  std::string lower = beslut::toLowerSwedish(s);
  std::vector<std::string> out;
  std::string cur;
  for (char c : lower) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (word) cur += c;
    else if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

double overlap(const std::string& a, const std::string& b) {
  auto ta = tokens(a), tb = tokens(b);
  std::set<std::string> sa(ta.begin(), ta.end()), sb(tb.begin(), tb.end());
  if (sa.empty() && sb.empty()) return 1.0;
  std::size_t common = 0;
  for (const auto& t : sa) common += sb.count(t);
  return double(common) / double(std::max(sa.size(), sb.size()));
}

// Share of the gold's content words (first 5 letters) found in `got`.
double coverage(const std::string& gold, const std::string& got) {
  static const std::set<std::string> kStop = {
      "och", "i",  "att", "för", "med",  "om",  "på",  "av",  "till", "som",  "en",    "ett",  "de",   "den",
      "det", "är", "vid", "via", "även", "där", "ska", "kan", "har",  "från", "under", "samt", "sitt", "sin"};
  auto stem = [](const std::string& w) {
    // first 5 characters, counting a two-byte UTF-8 letter as one
    std::string out;
    int n = 0;
    for (std::size_t i = 0; i < w.size() && n < 5; ++n) {
      std::size_t len = static_cast<unsigned char>(w[i]) >= 0xC0 ? 2 : 1;
      out += w.substr(i, len);
      i += len;
    }
    return out;
  };
  std::set<std::string> g, e;
  for (const auto& t : tokens(gold))
    if (!kStop.count(t)) g.insert(stem(t));
  for (const auto& t : tokens(got)) e.insert(stem(t));
  if (g.empty()) return 1.0;
  std::size_t hit = 0;
  for (const auto& t : g) hit += e.count(t);
  return double(hit) / double(g.size());
}

void scalar(Table& t, const std::string& field, const std::string& gold, const std::string& got,
            const std::string& where) {
  std::string g = field == "time" ? normTime(gold) : norm(gold);
  std::string e = field == "time" ? normTime(got) : norm(got);
  Counts& c = t[field];
  if (g.empty()) {
    if (!e.empty()) {
      ++c.fp;
      t.misses.push_back(where + " " + field + ": gold null, got \"" + e + "\"");
    }
    return;
  }
  if (g == e) {
    ++c.tp;
    return;
  }
  ++c.fn;
  if (!e.empty()) ++c.fp;
  t.misses.push_back(where + " " + field + ": gold \"" + g + "\", got \"" + e + "\"");
}

// One-to-one matching of two lists: `score(i, j)` in [0, 1], pairs at or above
// `threshold`, best pairs first.
template <typename Score>
std::vector<std::pair<std::size_t, std::size_t>> matchLists(std::size_t ng, std::size_t ne, Score score,
                                                            double threshold) {
  struct Cand {
    double s;
    std::size_t i, j;
  };
  std::vector<Cand> cands;
  for (std::size_t i = 0; i < ng; ++i)
    for (std::size_t j = 0; j < ne; ++j)
      if (double sc = score(i, j); sc >= threshold) cands.push_back({sc, i, j});
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.s > b.s; });
  std::vector<bool> usedG(ng, false), usedE(ne, false);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const Cand& c : cands)
    if (!usedG[c.i] && !usedE[c.j]) {
      usedG[c.i] = usedE[c.j] = true;
      pairs.emplace_back(c.i, c.j);
    }
  return pairs;
}

using Show = std::function<std::string(std::size_t)>;

// A list row; `same(i, j)` is a bool (exact key) or a score compared with `threshold`.
template <typename Same>
std::vector<std::pair<std::size_t, std::size_t>> listRow(Table& t, const std::string& field, std::size_t ng,
                                                         std::size_t ne, Same same, Show showGold, Show showGot,
                                                         const std::string& where, double threshold = 1.0) {
  auto pairs = matchLists(
      ng, ne, [&](std::size_t i, std::size_t j) { return static_cast<double>(same(i, j)); }, threshold);
  Counts& c = t[field];
  c.tp += static_cast<int>(pairs.size());
  c.fn += static_cast<int>(ng - pairs.size());
  c.fp += static_cast<int>(ne - pairs.size());
  std::vector<bool> g(ng, false), e(ne, false);
  for (auto [i, j] : pairs) g[i] = e[j] = true;
  for (std::size_t i = 0; i < ng; ++i)
    if (!g[i]) t.misses.push_back(where + " " + field + ": missed \"" + showGold(i) + "\"");
  for (std::size_t j = 0; j < ne; ++j)
    if (!e[j]) t.misses.push_back(where + " " + field + ": extra \"" + showGot(j) + "\"");
  return pairs;
}

Array::Ptr arr(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return new Array;
  return o->getArray(key);
}

std::string at(const Array::Ptr& a, std::size_t i) { return str(a->get(static_cast<unsigned>(i))); }
Object::Ptr obj(const Array::Ptr& a, std::size_t i) { return a->getObject(static_cast<unsigned>(i)); }
std::string field(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return {};
  return str(o->get(key));
}

void compareMinutes(Table& t, const Object::Ptr& gold, const Object::Ptr& got, const std::string& where) {
  for (const char* f : {"time", "place", "chair", "secretary", "adjusted_date"})
    if (gold->has(f)) scalar(t, f, field(gold, f), field(got, f), where);
  if (gold->has("adjusters")) {
    auto ga = arr(gold, "adjusters"), ea = arr(got, "adjusters");
    listRow(
        t, "adjusters", ga->size(), ea->size(),
        [&](std::size_t i, std::size_t j) { return norm(at(ga, i)) == norm(at(ea, j)); },
        [&](std::size_t i) { return at(ga, i); }, [&](std::size_t j) { return at(ea, j); }, where);
  }
  if (gold->has("attendees")) {
    auto ga = arr(gold, "attendees"), ea = arr(got, "attendees");
    auto name = [](const Array::Ptr& a, std::size_t i) { return norm(field(obj(a, i), "name")); };
    auto pairs = listRow(
        t, "attendees", ga->size(), ea->size(),
        [&](std::size_t i, std::size_t j) { return name(ga, i) == name(ea, j); },
        [&](std::size_t i) { return name(ga, i); }, [&](std::size_t j) { return name(ea, j); }, where);
    for (auto [i, j] : pairs)
      for (const char* f : {"party", "role", "municipality"})
        scalar(t, std::string("attendees.") + f, field(obj(ga, i), f), field(obj(ea, j), f), where + " " + name(ga, i));
  }
  if (!gold->has("items")) return;
  auto gi = arr(gold, "items"), ei = arr(got, "items");
  auto num = [](const Array::Ptr& a, std::size_t i) { return normNumber(field(obj(a, i), "number")); };
  auto title = [](const Array::Ptr& a, std::size_t i) { return norm(field(obj(a, i), "title")); };
  // A gold item without a number: its agenda number, else its title.
  auto same = [&](std::size_t i, std::size_t j) {
    std::string g = num(gi, i);
    if (!g.empty()) return g == num(ei, j);
    std::string agenda = normNumber(field(obj(gi, i), "agenda_number"));
    if (!agenda.empty() && agenda == num(ei, j)) return true;
    return !title(gi, i).empty() && title(gi, i) == title(ei, j);
  };
  auto show = [&](const Array::Ptr& a, std::size_t i) {
    std::string n = field(obj(a, i), "number");
    return n.empty() ? "(" + field(obj(a, i), "title") + ")" : n;
  };
  auto pairs = listRow(
      t, "items", gi->size(), ei->size(), same, [&](std::size_t i) { return show(gi, i); },
      [&](std::size_t j) { return show(ei, j); }, where);
  std::vector<bool> gotMatched(ei->size(), false), goldMatched(gi->size(), false);
  for (auto [i, j] : pairs) {
    goldMatched[i] = gotMatched[j] = true;
    Object::Ptr g = obj(gi, i), e = obj(ei, j);
    std::string w = where + " item " + show(gi, i);
    scalar(t, "items.title", field(g, "title"), field(e, "title"), w);
    auto gd = arr(g, "decisions"), ed = arr(e, "decisions");
    listRow(
        t, "items.decisions", gd->size(), ed->size(),
        [&](std::size_t a, std::size_t b) { return overlap(at(gd, a), at(ed, b)); },
        [&](std::size_t a) { return at(gd, a); }, [&](std::size_t b) { return at(ed, b); }, w, 0.8);
    auto gs = arr(g, "assignments"), es = arr(e, "assignments");
    auto key = [](const Object::Ptr& a) {
      return withoutParens(field(a, "assignee")) + " " + withoutParens(field(a, "task"));
    };
    auto ap = listRow(
        t, "items.assignments", gs->size(), es->size(),
        [&](std::size_t a, std::size_t b) { return overlap(key(obj(gs, a)), key(obj(es, b))); },
        [&](std::size_t a) { return key(obj(gs, a)); }, [&](std::size_t b) { return key(obj(es, b)); }, w, 0.7);
    for (auto [a, b] : ap) scalar(t, "items.assignments.due", field(obj(gs, a), "due"), field(obj(es, b), "due"), w);
  }
  // Decisions and assignments of unmatched items count as missed or extra.
  for (std::size_t i = 0; i < gi->size(); ++i)
    if (!goldMatched[i]) {
      t["items.decisions"].fn += static_cast<int>(arr(obj(gi, i), "decisions")->size());
      t["items.assignments"].fn += static_cast<int>(arr(obj(gi, i), "assignments")->size());
    }
  for (std::size_t j = 0; j < ei->size(); ++j)
    if (!gotMatched[j]) {
      t["items.decisions"].fp += static_cast<int>(arr(obj(ei, j), "decisions")->size());
      t["items.assignments"].fp += static_cast<int>(arr(obj(ei, j), "assignments")->size());
    }
}

void compareReply(Table& t, const Object::Ptr& gold, const Object::Ptr& got, const std::string& where) {
  for (const char* who : {"initiator", "replier"}) {
    if (!gold->has(who)) continue;
    Object::Ptr g = gold->getObject(who), e = got->has(who) ? got->getObject(who) : Object::Ptr();
    for (const char* f : {"name", "party", "role"})
      if (g->has(f)) scalar(t, std::string(who) + "." + f, field(g, f), field(e, f), where);
  }
  if (gold->has("topic")) {
    std::string g = field(gold, "topic"), e = field(got, "topic");
    Counts& c = t["topic"];
    if (!g.empty() && !e.empty() && coverage(g, e) >= 0.6) {
      ++c.tp;
    } else if (!g.empty()) {
      ++c.fn;
      if (!e.empty()) ++c.fp;
      t.misses.push_back(where + " topic: gold \"" + g + "\", got \"" + e + "\"");
    }
  }
  if (gold->has("key_commitments")) {
    auto gc = arr(gold, "key_commitments"), ec = arr(got, "key_commitments");
    listRow(
        t, "key_commitments", gc->size(), ec->size(),
        [&](std::size_t a, std::size_t b) { return coverage(at(gc, a), at(ec, b)); },
        [&](std::size_t a) { return at(gc, a); }, [&](std::size_t b) { return at(ec, b); }, where, 0.5);
  }
}


void compareBody(Table& t, const std::string& gold, const std::string& got, const std::string& where) {
  if (gold.empty() && got.empty()) return;
  bool unprinted = false;
  auto [gname, gcouncil] = splitBody(gold, &unprinted);
  auto [ename, ecouncil] = splitBody(got);
  Counts& c = t["body"];
  if (gold.empty()) {
    ++c.fp;
    t.misses.push_back(where + " body: gold null, got \"" + got + "\"");
    return;
  }
  bool ok = gname == ename && (unprinted || gcouncil.empty() || gcouncil == ecouncil);
  if (ok) {
    ++c.tp;
    return;
  }
  ++c.fn;
  if (!got.empty()) ++c.fp;
  t.misses.push_back(where + " body: gold \"" + gold + "\", got \"" + got + "\"");
}

// Every assignment of a document, over its items.
std::vector<Object::Ptr> flatAssignments(const Object::Ptr& doc) {
  std::vector<Object::Ptr> out;
  auto items = arr(doc, "items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto as = arr(obj(items, i), "assignments");
    for (std::size_t j = 0; j < as->size(); ++j) out.push_back(obj(as, j));
  }
  return out;
}

}  // namespace

double tokenOverlap(const std::string& a, const std::string& b) { return overlap(a, b); }

void compareDocument(Table& t, const Object::Ptr& gold, const Object::Ptr& got, const std::string& where) {
  std::string kind = field(gold, "kind");
  scalar(t, "kind", kind, field(got, "kind"), where);
  // Replies name the body "organisation" in the gold.
  if (gold->has("body")) compareBody(t, field(gold, "body"), field(got, "body"), where);
  if (gold->has("organisation")) compareBody(t, field(gold, "organisation"), field(got, "body"), where);
  if (gold->has("date")) scalar(t, "date", field(gold, "date"), field(got, "date"), where);
  if (kind == "minutes") compareMinutes(t, gold, got, where);
  if (kind == "reply") compareReply(t, gold, got, where);
}

void compareAssignmentPage(Table& t, const Object::Ptr& gold, const Object::Ptr& got, const std::string& where) {
  auto gs = flatAssignments(gold), es = flatAssignments(got);
  if (gs.empty()) {
    Counts& c = t["negatives"];
    if (es.empty()) ++c.tp;
    else {
      c.fp += static_cast<int>(es.size());
      for (const auto& e : es) t.misses.push_back(where + " negative: extra \"" + field(e, "assignee") + "\"");
    }
    t["assignments.assignee"].fp += static_cast<int>(es.size());
    return;
  }
  auto assignee = [](const Object::Ptr& a) { return norm(field(a, "assignee")); };
  // Equal assignee is required; equal due is preferred.
  auto pairs = matchLists(
      gs.size(), es.size(),
      [&](std::size_t i, std::size_t j) {
        if (assignee(gs[i]) != assignee(es[j])) return 0.0;
        return field(gs[i], "due") == field(es[j], "due") ? 1.0 : 0.5;
      },
      0.5);
  Counts& c = t["assignments.assignee"];
  c.tp += static_cast<int>(pairs.size());
  c.fn += static_cast<int>(gs.size() - pairs.size());
  c.fp += static_cast<int>(es.size() - pairs.size());
  std::vector<bool> gm(gs.size()), em(es.size());
  for (auto [i, j] : pairs) {
    gm[i] = em[j] = true;
    std::string w = where + " " + field(gs[i], "assignee");
    scalar(t, "assignments.due", field(gs[i], "due"), field(es[j], "due"), w);
    // The share of matched assignments whose due date is right (both null counts): recall column.
    Counts& right = t["assignments.due_right_of_matched"];
    if (norm(field(gs[i], "due")) == norm(field(es[j], "due"))) ++right.tp;
    else ++right.fn;
    scalar(t, "assignments.due_kind", field(gs[i], "due_kind"), field(es[j], "due_kind"), w);
  }
  for (std::size_t i = 0; i < gs.size(); ++i)
    if (!gm[i])
      t.misses.push_back(where + " assignee: missed \"" + field(gs[i], "assignee") + "\" due " + field(gs[i], "due"));
  for (std::size_t j = 0; j < es.size(); ++j)
    if (!em[j])
      t.misses.push_back(where + " assignee: extra \"" + field(es[j], "assignee") + "\" due " + field(es[j], "due"));
}

}  // namespace beslut::gold
