// Compares what the document plugins extract with the gold files, field by
// field, and prints precision, recall and F1 per field (see the ctest log).
//
// Gold files: tests/data/gold/*.json (the seeds, as annotated in shared/gold),
// tests/data/minutes/*.json (hand-written minutes of other councils, see
// tests/data/minutes/README.md) and tests/data/replies/*.json (hand-written
// replies to a motion, an interpellation and a ledamotsinitiativ, see
// tests/data/replies/README.md). Each names its source text in "source_file";
// the text is looked up next to the gold file, then in content/samples/.
//
// How fields are compared:
//  - scalars (kind, body, date, time, place, chair, secretary, adjusted_date,
//    initiator.name/party, replier.name/role): exact match after whitespace
//    normalisation. Gold null and extracted null count nothing; a value where
//    the gold has null is a false positive.
//  - adjusters: a set of names.
//  - attendees: matched by name; party, role and municipality of matched
//    attendees are rows of their own.
//  - items: matched by number; title is a row of its own. Decisions of matched
//    items are matched by token overlap >= 0.8 (|A∩B| / max(|A|, |B|)),
//    assignments by the tokens of assignee + task with overlap >= 0.7, after
//    dropping parenthesised remarks (the gold adds explanations in
//    parentheses: "Ewa Lindberg (Region Örebro län)"). The due date of matched
//    assignments is a row of its own.
//  - topic and key_commitments of replies are paraphrased in the gold (its
//    annotation_notes say so: "Commitments paraphrased/condensed"), so exact or
//    0.8-overlap matching would measure wording, not extraction. They are
//    compared by content coverage: the share of the gold's content words
//    (stop words dropped, words cut to their first 5 letters) found in the
//    extracted text, >= 0.6 for the topic and >= 0.5 for a commitment.
//
// Not compared (not part of the extraction contract; descriptive notes of the
// annotator): source_file, annotation_notes, reply_to, guests,
// past_actions_cited, items[].notes and items[].commitments (plans stated with
// "kommer att", which the gold itself says are "not formal assignments"), and
// attendees[].justerare (the adjusters row covers it).
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "action_plan_plugin.h"
#include "annual_report_plugin.h"
#include "beslut/extraction_json.h"
#include "beslut/text.h"
#include "generic_plugin.h"
#include "minutes_plugin.h"
#include "plugin_test_util.h"
#include "reply_plugin.h"

using Poco::JSON::Array;
using Poco::JSON::Object;
using Poco::Dynamic::Var;
namespace fs = std::filesystem;

namespace {

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  bool stated() const { return tp + fn > 0; }  // the gold states at least one value
};

// Field rows in a stable order of first use.
struct Table {
  std::vector<std::string> order;
  std::map<std::string, Counts> rows;
  std::vector<std::string> misses;
  Counts& operator[](const std::string& field) {
    if (!rows.count(field)) order.push_back(field);
    return rows[field];
  }
};

std::string str(const Var& v) {
  if (v.isEmpty()) return {};
  return v.convert<std::string>();
}

std::string norm(const std::string& s) { return beslut::oneLine(s); }

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
  static const std::set<std::string> kStop = {"och", "i", "att", "för", "med", "om", "på", "av", "till", "som",
                                              "en", "ett", "de", "den", "det", "är", "vid", "via", "även", "där",
                                              "ska", "kan", "har", "från", "under", "samt", "sitt", "sin"};
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
  std::string g = norm(gold), e = norm(got);
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
  auto pairs = matchLists(ng, ne, [&](std::size_t i, std::size_t j) { return static_cast<double>(same(i, j)); },
                          threshold);
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
        t, "adjusters", ga->size(), ea->size(), [&](std::size_t i, std::size_t j) { return norm(at(ga, i)) == norm(at(ea, j)); },
        [&](std::size_t i) { return at(ga, i); }, [&](std::size_t j) { return at(ea, j); }, where);
  }
  if (gold->has("attendees")) {
    auto ga = arr(gold, "attendees"), ea = arr(got, "attendees");
    auto name = [](const Array::Ptr& a, std::size_t i) { return norm(field(obj(a, i), "name")); };
    auto pairs = listRow(
        t, "attendees", ga->size(), ea->size(), [&](std::size_t i, std::size_t j) { return name(ga, i) == name(ea, j); },
        [&](std::size_t i) { return name(ga, i); }, [&](std::size_t j) { return name(ea, j); }, where);
    for (auto [i, j] : pairs)
      for (const char* f : {"party", "role", "municipality"})
        scalar(t, std::string("attendees.") + f, field(obj(ga, i), f), field(obj(ea, j), f),
               where + " " + name(ga, i));
  }
  if (!gold->has("items")) return;
  auto gi = arr(gold, "items"), ei = arr(got, "items");
  auto num = [](const Array::Ptr& a, std::size_t i) { return norm(field(obj(a, i), "number")); };
  auto pairs = listRow(
      t, "items", gi->size(), ei->size(), [&](std::size_t i, std::size_t j) { return num(gi, i) == num(ei, j); },
      [&](std::size_t i) { return num(gi, i); }, [&](std::size_t j) { return num(ei, j); }, where);
  std::vector<bool> gotMatched(ei->size(), false), goldMatched(gi->size(), false);
  for (auto [i, j] : pairs) {
    goldMatched[i] = gotMatched[j] = true;
    Object::Ptr g = obj(gi, i), e = obj(ei, j);
    std::string w = where + " item " + num(gi, i);
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
    for (auto [a, b] : ap)
      scalar(t, "items.assignments.due", field(obj(gs, a), "due"), field(obj(es, b), "due"), w);
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

std::vector<std::unique_ptr<beslut::DocumentPlugin>> plugins() {
  std::vector<std::unique_ptr<beslut::DocumentPlugin>> ps;
  ps.push_back(std::make_unique<beslut::plugins::MinutesPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::ReplyPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::ActionPlanPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::AnnualReportPlugin>());
  ps.push_back(std::make_unique<beslut::plugins::GenericPlugin>());
  return ps;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> goldFiles() {
  std::vector<fs::path> files;
  for (const char* dir : {"gold", "minutes", "replies"}) {
    fs::path d = fs::path(BESLUT_TEST_DATA) / dir;
    if (!fs::exists(d)) continue;
    for (const auto& e : fs::directory_iterator(d))
      if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("gold: extraction matches the gold files field by field") {
  Table table;
  auto ps = plugins();
  auto files = goldFiles();
  REQUIRE(files.size() >= 2);
  for (const fs::path& file : files) {
    CAPTURE(file.string());
    Object::Ptr gold = Poco::JSON::Parser().parse(readFile(file)).extract<Object::Ptr>();
    fs::path source = fs::path(field(gold, "source_file")).filename();
    fs::path text = file.parent_path() / source;
    if (!fs::exists(text)) text = fs::path(BESLUT_SOURCE_DIR) / "content" / "samples" / source;
    REQUIRE(fs::exists(text));
    std::string input = readFile(text);

    const beslut::DocumentPlugin* best = nullptr;
    double bestScore = -1;
    for (const auto& p : ps) {
      double s = p->score(input);
      if (s > bestScore) bestScore = s, best = p.get();
    }
    REQUIRE(best);
    auto parsed = best->parse(input);
    REQUIRE(parsed.ok());
    Object::Ptr got = beslut::extractionToJson(parsed.value());
    std::string where = source.string();

    scalar(table, "kind", field(gold, "kind"), field(got, "kind"), where);
    // Replies name the body "organisation" in the gold.
    if (gold->has("body")) scalar(table, "body", field(gold, "body"), field(got, "body"), where);
    if (gold->has("organisation")) scalar(table, "body", field(gold, "organisation"), field(got, "body"), where);
    if (gold->has("date")) scalar(table, "date", field(gold, "date"), field(got, "date"), where);
    std::string kind = field(gold, "kind");
    if (kind == "minutes") compareMinutes(table, gold, got, where);
    if (kind == "reply") compareReply(table, gold, got, where);
  }

  std::printf("\nGold comparison over %zu files\n", files.size());
  std::printf("%-26s %5s %5s %5s %7s %7s %7s\n", "field", "TP", "FP", "FN", "P", "R", "F1");
  for (const auto& f : table.order) {
    const Counts& c = table.rows[f];
    std::printf("%-26s %5d %5d %5d %7.3f %7.3f %7.3f%s\n", f.c_str(), c.tp, c.fp, c.fn, c.precision(), c.recall(),
                c.f1(), c.stated() ? "" : "  (not stated in gold)");
  }
  if (!table.misses.empty()) {
    std::printf("\nDifferences:\n");
    for (const auto& m : table.misses) std::printf("  %s\n", m.c_str());
  }
  std::fflush(stdout);
  for (const auto& f : table.order) {
    const Counts& c = table.rows[f];
    if (!c.stated()) continue;
    CAPTURE(f);
    CHECK(c.f1() >= 0.95);
  }
}
