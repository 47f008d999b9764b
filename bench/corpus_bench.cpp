// beslut_bench: imports a corpus of real Swedish pages into Beslut end to end,
// indexes the same texts with SQLite FTS5 (Snowball Swedish tokenizer) and
// Xapian (Swedish stemmer), runs a fixed query set against all three, measures
// scaling, restart-to-ready time and HTTP throughput (wrk), and prints every
// figure and the ratios. It asserts nothing about time: it only reports.
//
// See bench/README.md.
#include <dlfcn.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <libstemmer.h>
#include <xapian.h>
#include <lucene++/LuceneHeaders.h>
#include <lucene++/SnowballAnalyzer.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "beslut/ingest.h"
#include "beslut/plugin_loader.h"
#include "beslut/search_index.h"
#include "beslut/store.h"
#include "http/http_server.h"
#include "runtime.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// ---------------------------------------------------------------------------
// Options

struct Options {
  std::string corpus;
  std::string queries;
  std::string work;
  std::vector<double> fractions{0.1, 1.0};
  int http_seconds = 15;
  bool skip_http = false;
  std::size_t limit = 0;  // 0: every file
  int rounds = 5;
  bool breakdown = true;
  std::string plugin_dir = BESLUT_PLUGIN_DIR;
  std::string content_dir = BESLUT_SOURCE_DIR "/content";
  std::string wrk_script = BESLUT_SOURCE_DIR "/bench/wrk_queries.lua";
  std::string stemmer_library = BESLUT_STEMMER_LIBRARY;
  std::string dictionary = beslut::kSwedishHunspellDictionary;  // as beslut.properties; "" = no compound splitting
};

void usage() {
  std::cerr << "usage: beslut_bench --corpus DIR --queries FILE --work DIR [--fraction 0.1,1.0]\n"
               "                    [--http-seconds N] [--skip-http] [--limit N] [--rounds N]\n"
               "                    [--no-breakdown] [--plugin-dir DIR] [--content-dir DIR] [--wrk-script FILE]\n"
               "                    [--dictionary FILE.dic|\"\"]\n";
}

std::optional<Options> parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    std::optional<std::string> v;
    if (a == "--skip-http") {
      o.skip_http = true;
      continue;
    }
    if (a == "--no-breakdown") {
      o.breakdown = false;
      continue;
    }
    if (a == "-h" || a == "--help") return std::nullopt;
    v = next();
    if (!v) {
      std::cerr << a << " needs a value\n";
      return std::nullopt;
    }
    try {
      if (a == "--corpus") o.corpus = *v;
      else if (a == "--queries") o.queries = *v;
      else if (a == "--work") o.work = *v;
      else if (a == "--http-seconds") o.http_seconds = std::stoi(*v);
      else if (a == "--limit") o.limit = std::stoul(*v);
      else if (a == "--rounds") o.rounds = std::stoi(*v);
      else if (a == "--plugin-dir") o.plugin_dir = *v;
      else if (a == "--content-dir") o.content_dir = *v;
      else if (a == "--wrk-script") o.wrk_script = *v;
      else if (a == "--dictionary") o.dictionary = *v;
      else if (a == "--fraction") {
        o.fractions.clear();
        std::stringstream ss(*v);
        std::string part;
        while (std::getline(ss, part, ',')) {
          double f = std::stod(part);
          if (f <= 0 || f > 1) throw std::invalid_argument("fraction out of (0, 1]");
          o.fractions.push_back(f);
        }
      } else {
        std::cerr << "unknown option " << a << "\n";
        return std::nullopt;
      }
    } catch (const std::exception& e) {
      std::cerr << "bad value for " << a << ": " << *v << " (" << e.what() << ")\n";
      return std::nullopt;
    }
  }
  if (o.corpus.empty() || o.queries.empty() || o.work.empty()) return std::nullopt;
  o.http_seconds = std::clamp(o.http_seconds, 1, 30);
  o.rounds = std::clamp(o.rounds, 1, 100);
  return o;
}

// ---------------------------------------------------------------------------
// Printing

long peakRssKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // KiB on Linux
}

std::string fmt(double v, int precision = 2) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(precision) << v;
  return o.str();
}

std::string mib(std::uintmax_t bytes) { return fmt(static_cast<double>(bytes) / (1024.0 * 1024.0), 1) + " MiB"; }

// A table: a title, a header and rows, columns padded to their widest cell.
struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
  void print() const {
    std::vector<std::size_t> width(header.size(), 0);
    auto cellWidth = [](const std::string& s) {
      std::size_t n = 0;  // code points, so that å, ä, ö and … count once
      for (unsigned char c : s) n += (c & 0xC0) != 0x80;
      return n;
    };
    auto measure = [&](const std::vector<std::string>& r) {
      for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], cellWidth(r[i]));
    };
    measure(header);
    for (const auto& r : rows) measure(r);
    auto line = [&](const std::vector<std::string>& r) {
      std::cout << "  ";
      for (std::size_t i = 0; i < width.size(); ++i) {
        std::string cell = i < r.size() ? r[i] : "";
        std::size_t pad = width[i] - cellWidth(cell);
        if (i == 0) {
          std::cout << cell << std::string(pad, ' ');
        } else {
          std::cout << " | " << std::string(pad, ' ') << cell;  // figures right-aligned
        }
      }
      std::cout << "\n";
    };
    std::cout << "\n== " << title << " ==\n";
    line(header);
    std::size_t total = 2;
    for (auto w : width) total += w + 3;
    std::cout << "  " << std::string(total - 5, '-') << "\n";
    for (const auto& r : rows) line(r);
    std::cout << std::flush;
  }
};

void note(const std::string& s) { std::cout << "  " << s << "\n" << std::flush; }
void progress(const std::string& s) { std::cerr << "[bench] " << s << std::endl; }

std::uintmax_t pathSize(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  std::uintmax_t total = 0;
  if (!fs::is_directory(p, ec)) return 0;
  for (auto it = fs::recursive_directory_iterator(p, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// ---------------------------------------------------------------------------
// Corpus and queries

struct CorpusFile {
  std::string rel;    // path relative to the corpus folder
  std::string bytes;  // the file, as Beslut imports it
  std::string title;  // plain text for FTS5 and Xapian: the first "# " line
  std::string body;   // and everything else
};

std::vector<CorpusFile> loadCorpus(const Options& o, std::uintmax_t& total_bytes) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(o.corpus, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  if (o.limit > 0 && o.limit < paths.size()) {
    // An even sample across the sorted list, so that every folder (kind) is represented.
    std::vector<fs::path> sample;
    for (std::size_t i = 0; i < o.limit; ++i) sample.push_back(paths[i * paths.size() / o.limit]);
    paths = std::move(sample);
  }
  std::vector<CorpusFile> files;
  files.reserve(paths.size());
  total_bytes = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    CorpusFile f;
    f.rel = fs::relative(p, o.corpus).string();
    f.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    total_bytes += f.bytes.size();
    std::string_view text = f.bytes;
    std::size_t start = 0;
    while (start < text.size() && (text[start] == '\n' || text[start] == '\r' || text[start] == ' ')) ++start;
    std::size_t eol = text.find('\n', start);
    std::string_view first = text.substr(start, eol == std::string_view::npos ? text.npos : eol - start);
    if (first.size() >= 2 && first[0] == '#' && first[1] == ' ') {
      f.title = std::string(first.substr(2));
      f.body = eol == std::string_view::npos ? std::string() : std::string(text.substr(eol + 1));
    } else {
      f.body = f.bytes;
    }
    files.push_back(std::move(f));
  }
  return files;
}

struct Query {
  std::string text;          // Beslut syntax
  bool beslut_only = false;  // kind:, year:, date:, organization: filters
  bool filter = false;       // any field filter (title: included)
};

std::vector<Query> loadQueries(const std::string& path) {
  std::vector<Query> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    auto e = line.find_last_not_of(" \t\r");
    Query q;
    q.text = line.substr(b, e - b + 1);
    for (const char* f : {"kind:", "year:", "date:", "organization:"}) {
      if (q.text.find(f) != std::string::npos) q.beslut_only = true;
    }
    q.filter = q.beslut_only || q.text.find("title:") != std::string::npos || q.text.find("body:") != std::string::npos;
    out.push_back(std::move(q));
  }
  return out;
}

// Beslut's query syntax → FTS5's: every word and phrase quoted (so that
// hyphens, colons and the like are plain text), "title:" → "title : ",
// OR/NOT and parentheses kept, prefix "*" after the closing quote, and an
// explicit AND wherever Lucene's default AND is implied (FTS5 only accepts an
// implicit AND between two phrases, not after a parenthesis).
std::string toFts5(const std::string& q) {
  auto quoted = [](const std::string& s) {
    std::string r = "\"";
    for (char c : s) {
      if (c == '"') r += "\"\"";
      else r += c;
    }
    return r + "\"";
  };
  std::vector<std::string> tokens;  // operands, "(", ")", "AND", "OR", "NOT"
  std::string column;               // a pending "title : "
  std::size_t i = 0;
  auto operand = [&](std::string t) {
    tokens.push_back(column + t);
    column.clear();
  };
  while (i < q.size()) {
    char c = q[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.emplace_back(1, c);
      ++i;
    } else if (q.compare(i, 6, "title:") == 0) {
      column = "title : ";
      i += 6;
    } else if (q.compare(i, 5, "body:") == 0) {
      column = "body : ";
      i += 5;
    } else if (c == '"') {
      std::size_t end = q.find('"', i + 1);
      if (end == std::string::npos) end = q.size();
      operand(quoted(q.substr(i + 1, end - i - 1)));
      i = end + 1;
    } else {
      std::size_t end = q.find_first_of(" \t()\"", i);
      if (end == std::string::npos) end = q.size();
      std::string word = q.substr(i, end - i);
      i = end;
      if (word == "AND" || word == "OR" || word == "NOT") tokens.push_back(word);
      else if (word.size() > 1 && word.back() == '*') operand(quoted(word.substr(0, word.size() - 1)) + "*");
      else operand(quoted(word));
    }
  }
  std::string out;
  bool prev_operand = false;  // the previous token ends an operand: a phrase or ")"
  for (const auto& t : tokens) {
    bool is_op = t == "AND" || t == "OR" || t == "NOT";
    bool starts_operand = !is_op && t != ")";
    if (prev_operand && starts_operand) out += " AND";
    if (!out.empty()) out += ' ';
    out += t;
    prev_operand = !is_op && t != "(";
  }
  return out;
}

// ---------------------------------------------------------------------------
// Latency statistics

struct Latency {
  std::vector<double> ms;  // one per timed query
  double total_s = 0;
  std::size_t errors = 0;
  std::size_t zero_hits = 0;                  // in the last round
  double mean_hits = 0;                       // hits returned per query (≤ 10), last round
  std::vector<std::size_t> zero_hit_queries;  // query indexes, last round
  double percentile(double p) const {
    if (ms.empty()) return 0;
    std::vector<double> s = ms;
    std::sort(s.begin(), s.end());
    double rank = p / 100.0 * static_cast<double>(s.size() - 1);
    std::size_t lo = static_cast<std::size_t>(std::floor(rank));
    std::size_t hi = std::min(lo + 1, s.size() - 1);
    return s[lo] + (s[hi] - s[lo]) * (rank - static_cast<double>(lo));
  }
  // The median over the rounds of the k-th query of `which` (ms is round by round).
  double medianOf(std::size_t k, std::size_t n) const {
    std::vector<double> v;
    for (std::size_t j = k; j < ms.size(); j += n) v.push_back(ms[j]);
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
  double mean() const {
    return ms.empty() ? 0 : std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
  }
  double qps() const { return total_s > 0 ? static_cast<double>(ms.size()) / total_s : 0; }
};

// Runs `run(i)` for every query index in `which`: one untimed warm-up round,
// then `rounds` timed ones. run returns the number of hits, or -1 on error.
Latency measure(const std::vector<std::size_t>& which, int rounds, const std::function<int(std::size_t)>& run) {
  Latency lat;
  for (std::size_t i : which) (void)run(i);  // warm-up
  for (int r = 0; r < rounds; ++r) {
    std::size_t hits_sum = 0;
    lat.zero_hits = 0;
    lat.zero_hit_queries.clear();
    for (std::size_t i : which) {
      auto t0 = Clock::now();
      int hits = run(i);
      double s = secondsSince(t0);
      lat.ms.push_back(s * 1000.0);
      lat.total_s += s;
      if (hits < 0) {
        if (r == 0) ++lat.errors;
      } else {
        hits_sum += static_cast<std::size_t>(hits);
        if (hits == 0) {
          ++lat.zero_hits;
          lat.zero_hit_queries.push_back(i);
        }
      }
    }
    lat.mean_hits = which.empty() ? 0 : static_cast<double>(hits_sum) / static_cast<double>(which.size());
  }
  return lat;
}

// ---------------------------------------------------------------------------
// Beslut

// The stack the server and the CLI run on (plugins, store, index with the
// configured compound splitting, ingest), opened from Settings as they do.
beslut::server::Settings beslutSettings(const Options& o, const fs::path& dir) {
  beslut::server::Settings s;
  s.data_dir = dir.string();
  s.plugin_dir = o.plugin_dir;
  s.content_dir = o.content_dir;
  s.dictionary = o.dictionary;
  s.port = 0;
  return s;
}

std::unique_ptr<beslut::server::Runtime> openStack(const Options& o, const fs::path& dir) {
  auto rt = beslut::server::Runtime::open(beslutSettings(o, dir), beslut::server::IndexMode::kWritable);
  if (!rt.ok()) throw std::runtime_error("Runtime::open: " + rt.status().toString());
  return std::move(rt).value();
}

struct BeslutImport {
  std::size_t files = 0, imported = 0, skipped = 0, failed = 0;
  std::size_t passages = 0;
  double import_s = 0;     // parse + store (Ingest::importFile)
  double catchup_s = 0;    // index (SearchIndex::catchUp)
  double read_back_s = 0;  // Store::document of every document, as catchUp reads them (a separate pass)
  std::uintmax_t bytes = 0;
  std::uintmax_t index_bytes = 0, db_bytes = 0, wal_bytes = 0;
  std::map<std::string, std::size_t> by_plugin;
  std::map<std::string, std::size_t> failures;  // message → count
  double total_s() const { return import_s + catchup_s; }
};

BeslutImport importBeslut(beslut::server::Runtime& stack, const std::vector<CorpusFile>& files, std::size_t count,
                          const fs::path& dir) {
  BeslutImport r;
  r.files = count;
  auto t0 = Clock::now();
  auto last = t0;
  // As `beslut import` does: batches of 256 files, one transaction each.
  constexpr std::size_t kBatch = 256;
  for (std::size_t first = 0; first < count; first += kBatch) {
    std::vector<beslut::ImportRequest> requests;
    for (std::size_t i = first; i < std::min(count, first + kBatch); ++i) {
      r.bytes += files[i].bytes.size();
      requests.push_back({files[i].bytes, fs::path(files[i].rel).filename().string(), "text/markdown"});
    }
    for (const auto& rep : stack.ingest().importFiles(requests)) {
      if (!rep.ok()) {
        ++r.failed;
        ++r.failures[rep.status().toString().substr(0, 120)];
      } else if (rep->created) {
        ++r.imported;
        ++r.by_plugin[rep->plugin];
      } else {
        ++r.skipped;
      }
    }
    if (Clock::now() - last > std::chrono::seconds(15)) {
      last = Clock::now();
      progress("  imported " + std::to_string(std::min(count, first + kBatch)) + "/" + std::to_string(count) + " in " +
               fmt(secondsSince(t0), 0) + " s");
    }
  }
  r.import_s = secondsSince(t0);
  progress("  catching the index up");
  auto t1 = Clock::now();
  auto applied = stack.index()->catchUp(stack.store());
  r.catchup_s = secondsSince(t1);
  if (!applied.ok()) throw std::runtime_error("catchUp: " + applied.status().toString());
  r.passages = stack.index()->passageCount();
  // Breakdown of the index phase: reading every document back as catchUp does.
  auto ids = stack.store().documentIds();
  auto t2 = Clock::now();
  if (ids.ok()) {
    for (beslut::Id id : ids.value()) (void)stack.store().document(id);
  }
  r.read_back_s = secondsSince(t2);
  r.index_bytes = pathSize(dir / "index");
  r.db_bytes = pathSize(dir / "beslut.db");
  r.wal_bytes = pathSize(dir / "beslut.db-wal");
  return r;
}

Latency queryBeslut(beslut::SearchIndex& index, const beslut::Store& store, const std::vector<Query>& queries,
                    const std::vector<std::size_t>& which, int rounds,
                    std::map<std::string, std::size_t>* errors = nullptr, std::size_t limit = 10, bool facets = true) {
  return measure(which, rounds, [&](std::size_t i) -> int {
    // As GET /api/v1/search asks by default: facets over the whole result set,
    // public passages only, ten hits with snippets.
    beslut::SearchRequest req;
    req.query = queries[i].text;
    req.limit = limit;
    req.facets = facets;
    req.public_only = true;
    auto res = index.search(store, req);
    if (!res.ok()) {
      if (errors) ++(*errors)[queries[i].text + " → " + res.status().toString()];
      return -1;
    }
    return static_cast<int>(res->hits.size());
  });
}

// ---------------------------------------------------------------------------
// SQLite FTS5 with a Snowball Swedish tokenizer

// libstemmer is opened with dlopen(RTLD_LOCAL): Lucene++'s contrib library
// exports its own (older) copy of the sb_stemmer_* symbols, and linking
// libstemmer into the same global symbol scope would silently swap the stemmer
// under Beslut's analyzer.
struct Stemmer {
  void* handle = nullptr;
  sb_stemmer* (*create)(const char*, const char*) = nullptr;
  void (*destroy)(sb_stemmer*) = nullptr;
  const sb_symbol* (*stem)(sb_stemmer*, const sb_symbol*, int) = nullptr;
  int (*length)(sb_stemmer*) = nullptr;

  explicit Stemmer(const std::string& path) {
    handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) throw std::runtime_error(std::string("dlopen libstemmer: ") + dlerror());
    create = reinterpret_cast<decltype(create)>(dlsym(handle, "sb_stemmer_new"));
    destroy = reinterpret_cast<decltype(destroy)>(dlsym(handle, "sb_stemmer_delete"));
    stem = reinterpret_cast<decltype(stem)>(dlsym(handle, "sb_stemmer_stem"));
    length = reinterpret_cast<decltype(length)>(dlsym(handle, "sb_stemmer_length"));
    if (!create || !destroy || !stem || !length) throw std::runtime_error("libstemmer lacks sb_stemmer_*");
  }
  ~Stemmer() {
    if (handle) dlclose(handle);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
};

// Decodes one UTF-8 code point at s[i]; returns its length (1 for an invalid byte, cp = 0xFFFD).
int decodeUtf8(const unsigned char* s, std::size_t n, std::size_t i, char32_t& cp) {
  unsigned char c = s[i];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > n) {
    cp = 0xFFFD;
    return 1;
  }
  cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + static_cast<std::size_t>(k)];
    if ((cc & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  return len;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Letters and digits of the scripts that occur in Swedish government text;
// punctuation, symbols and spaces separate words.
bool isWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c < 0xC0) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // general punctuation, symbols, arrows, …
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return false;
  if (c == 0xFFFD || c == 0xFEFF) return false;
  return true;
}

char32_t toLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if (c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x137) return c | 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
  if (c >= 0x14A && c <= 0x177) return c | 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

struct Fts5Swedish {
  const Stemmer* lib = nullptr;
  sb_stemmer* stemmer = nullptr;
  std::string word;
};

int fts5SwedishCreate(void* ctx, const char**, int, Fts5Tokenizer** out) {
  auto* lib = static_cast<const Stemmer*>(ctx);
  auto* t = new Fts5Swedish;
  t->lib = lib;
  t->stemmer = lib->create("swedish", "UTF_8");
  if (!t->stemmer) {
    delete t;
    return SQLITE_ERROR;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void fts5SwedishDelete(Fts5Tokenizer* p) {
  auto* t = reinterpret_cast<Fts5Swedish*>(p);
  t->lib->destroy(t->stemmer);
  delete t;
}

int fts5SwedishTokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
                        int (*token)(void*, int, const char*, int, int, int)) {
  auto* t = reinterpret_cast<Fts5Swedish*>(p);
  const auto* s = reinterpret_cast<const unsigned char*>(text);
  const std::size_t len = static_cast<std::size_t>(n);
  const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;  // "word*": do not stem the prefix
  std::size_t i = 0;
  while (i < len) {
    char32_t cp;
    int l = decodeUtf8(s, len, i, cp);
    if (!isWordChar(cp)) {
      i += static_cast<std::size_t>(l);
      continue;
    }
    std::size_t start = i;
    t->word.clear();
    while (i < len) {
      l = decodeUtf8(s, len, i, cp);
      if (!isWordChar(cp)) break;
      appendUtf8(t->word, toLower(cp));
      i += static_cast<std::size_t>(l);
    }
    const char* tok = t->word.data();
    int tok_len = static_cast<int>(t->word.size());
    if (!prefix && tok_len < 200) {
      const sb_symbol* stemmed = t->lib->stem(t->stemmer, reinterpret_cast<const sb_symbol*>(t->word.data()), tok_len);
      if (stemmed) {
        tok = reinterpret_cast<const char*>(stemmed);
        tok_len = t->lib->length(t->stemmer);
      }
    }
    int rc = token(ctx, 0, tok, tok_len, static_cast<int>(start), static_cast<int>(i));
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
  }
}

void exec(sqlite3* db, const char* sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }

void registerTokenizer(sqlite3* db, const Stemmer& lib) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  check(sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr), db, "SELECT fts5");
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api) throw std::runtime_error("this SQLite has no FTS5");
  fts5_tokenizer tok{fts5SwedishCreate, fts5SwedishDelete, fts5SwedishTokenize};
  check(api->xCreateTokenizer(api, "swedish_snowball", const_cast<Stemmer*>(&lib), &tok, nullptr), db,
        "xCreateTokenizer");
}

struct Fts5Result {
  double index_s = 0;
  std::uintmax_t db_bytes = 0;
  std::size_t rows = 0;
};

sqlite3* openFts5(const fs::path& path, const Stemmer& lib) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.string().c_str(), &db) != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path.string() + ": " + m);
  }
  registerTokenizer(db, lib);
  return db;
}

Fts5Result indexFts5(const fs::path& path, const Stemmer& lib, const std::vector<CorpusFile>& files) {
  Fts5Result r;
  sqlite3* db = openFts5(path, lib);
  auto t0 = Clock::now();
  exec(db, "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='swedish_snowball')");
  exec(db, "BEGIN");
  sqlite3_stmt* ins = nullptr;
  check(sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, title, body) VALUES (?1, ?2, ?3)", -1, &ins, nullptr), db,
        "prepare insert");
  for (std::size_t i = 0; i < files.size(); ++i) {
    sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i + 1));
    sqlite3_bind_text(ins, 2, files[i].title.data(), static_cast<int>(files[i].title.size()), SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, files[i].body.data(), static_cast<int>(files[i].body.size()), SQLITE_STATIC);
    check(sqlite3_step(ins), db, "insert");
    sqlite3_reset(ins);
    ++r.rows;
  }
  sqlite3_finalize(ins);
  exec(db, "COMMIT");
  r.index_s = secondsSince(t0);
  sqlite3_close(db);
  r.db_bytes = pathSize(path);
  return r;
}

Latency queryFts5(sqlite3* db, const std::vector<Query>& queries, const std::vector<std::size_t>& which, int rounds,
                  std::map<std::string, std::size_t>& errors) {
  sqlite3_stmt* st = nullptr;
  check(sqlite3_prepare_v2(db,
                           "SELECT rowid, title, bm25(docs), snippet(docs, 1, '<mark>', '</mark>', ' … ', 24) "
                           "FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT 10",
                           -1, &st, nullptr),
        db, "prepare query");
  std::vector<std::string> translated(queries.size());
  for (std::size_t i : which) translated[i] = toFts5(queries[i].text);
  std::string sink;
  Latency lat = measure(which, rounds, [&](std::size_t i) -> int {
    sqlite3_bind_text(st, 1, translated[i].data(), static_cast<int>(translated[i].size()), SQLITE_STATIC);
    int hits = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      ++hits;
      sink.assign(reinterpret_cast<const char*>(sqlite3_column_text(st, 3)));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
      ++errors[queries[i].text + " → " + translated[i] + ": " + sqlite3_errmsg(db)];
      return -1;
    }
    return hits;
  });
  sqlite3_finalize(st);
  return lat;
}

// ---------------------------------------------------------------------------
// Xapian

double indexXapian(const fs::path& dir, const std::vector<CorpusFile>& files) {
  auto t0 = Clock::now();
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("swedish"));
  for (const auto& f : files) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(f.title, 1, "S");  // title: filter
    tg.index_text(f.title);
    tg.increase_termpos();
    tg.index_text(f.body);
    doc.set_data(f.rel);
    db.add_document(doc);
  }
  db.commit();
  db.close();
  return secondsSince(t0);
}

Latency queryXapian(const fs::path& dir, const std::vector<Query>& queries, const std::vector<std::size_t>& which,
                    int rounds, std::map<std::string, std::size_t>& errors) {
  Xapian::Database db(dir.string());
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("swedish"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  qp.add_prefix("title", "S");
  qp.set_default_op(Xapian::Query::OP_AND);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
  std::string sink;
  return measure(which, rounds, [&](std::size_t i) -> int {
    try {
      Xapian::Query q = qp.parse_query(queries[i].text, flags);
      Xapian::Enquire enq(db);
      enq.set_query(q);
      Xapian::MSet m = enq.get_mset(0, 10);
      int hits = 0;
      for (auto it = m.begin(); it != m.end(); ++it) {
        sink = it.get_document().get_data();
        ++hits;
      }
      return hits;
    } catch (const Xapian::Error& e) {
      ++errors[queries[i].text + " → " + e.get_description()];
      return -1;
    }
  });
}

// ---------------------------------------------------------------------------
// Lucene++ bare: the library Beslut is built on, with its own Snowball Swedish
// analyzer, one Lucene document per file, nothing stored but the path. This is
// the floor under Beslut's figures: what the chosen engine costs before Beslut
// adds its store, passages, compounds, facets and snippets.

double indexLuceneBare(const fs::path& dir, const std::vector<CorpusFile>& files) {
  using namespace Lucene;
  auto t0 = Clock::now();
  AnalyzerPtr analyzer = newLucene<SnowballAnalyzer>(LuceneVersion::LUCENE_CURRENT, L"swedish");
  IndexWriterPtr writer = newLucene<IndexWriter>(FSDirectory::open(StringUtils::toUnicode(dir.string())), analyzer,
                                                 true, IndexWriter::MaxFieldLengthUNLIMITED);
  writer->setRAMBufferSizeMB(64);
  for (const auto& f : files) {
    DocumentPtr doc = newLucene<Document>();
    doc->add(newLucene<Field>(L"title", StringUtils::toUnicode(f.title), Field::STORE_NO, Field::INDEX_ANALYZED));
    doc->add(newLucene<Field>(L"body", StringUtils::toUnicode(f.body), Field::STORE_NO, Field::INDEX_ANALYZED));
    doc->add(newLucene<Field>(L"path", StringUtils::toUnicode(f.rel), Field::STORE_YES, Field::INDEX_NO));
    writer->addDocument(doc);
  }
  writer->commit();
  writer->close();
  return secondsSince(t0);
}

Latency queryLuceneBare(const fs::path& dir, const std::vector<Query>& queries, const std::vector<std::size_t>& which,
                        int rounds, std::map<std::string, std::size_t>& errors) {
  using namespace Lucene;
  IndexReaderPtr reader = IndexReader::open(FSDirectory::open(StringUtils::toUnicode(dir.string())), true);
  IndexSearcherPtr searcher = newLucene<IndexSearcher>(reader);
  AnalyzerPtr analyzer = newLucene<SnowballAnalyzer>(LuceneVersion::LUCENE_CURRENT, L"swedish");
  QueryParserPtr parser = newLucene<QueryParser>(LuceneVersion::LUCENE_CURRENT, L"body", analyzer);
  parser->setDefaultOperator(QueryParser::AND_OPERATOR);
  std::wstring sink;
  Latency lat = measure(which, rounds, [&](std::size_t i) -> int {
    try {
      QueryPtr q = parser->parse(StringUtils::toUnicode(queries[i].text));
      TopDocsPtr top = searcher->search(q, 10);
      int hits = 0;
      for (const auto& sd : top->scoreDocs) {
        sink = searcher->doc(sd->doc)->get(L"path");
        ++hits;
      }
      return hits;
    } catch (const LuceneException& e) {
      ++errors[queries[i].text + " → " + StringUtils::toUTF8(e.getError())];
      return -1;
    }
  });
  reader->close();
  return lat;
}

// ---------------------------------------------------------------------------
// HTTP

struct WrkResult {
  bool ran = false;
  std::string output;
  double requests = 0, duration_s = 0, rps = 0;
  double connect_err = 0, read_err = 0, write_err = 0, timeout_err = 0, non2xx = 0;
  double mean_ms = 0, p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0;
  double errors() const { return connect_err + read_err + write_err + timeout_err + non2xx; }
};

WrkResult runWrk(const Options& o, std::uint16_t port, const fs::path& query_file) {
  WrkResult w;
  std::string cmd = "wrk -t2 -c32 -d" + std::to_string(o.http_seconds) + "s --timeout 10s --latency -s '" +
                    o.wrk_script + "' http://127.0.0.1:" + std::to_string(port) + "/ -- '" + query_file.string() +
                    "' 2>&1";
  note("$ " + cmd);
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return w;
  char buf[4096];
  while (fgets(buf, sizeof buf, p)) w.output += buf;
  int rc = pclose(p);
  w.ran = rc == 0;
  std::istringstream in(w.output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("WRK_RESULT", 0) != 0) continue;
    std::istringstream kv(line.substr(10));
    std::string item;
    std::map<std::string, double> m;
    while (kv >> item) {
      auto eq = item.find('=');
      if (eq != std::string::npos) m[item.substr(0, eq)] = std::atof(item.c_str() + eq + 1);
    }
    w.requests = m["requests"];
    w.duration_s = m["duration_us"] / 1e6;
    w.rps = w.duration_s > 0 ? w.requests / w.duration_s : 0;
    w.connect_err = m["connect"];
    w.read_err = m["read"];
    w.write_err = m["write"];
    w.timeout_err = m["timeout"];
    w.non2xx = m["status"];
    w.mean_ms = m["mean_us"] / 1000.0;
    w.p50_ms = m["p50_us"] / 1000.0;
    w.p90_ms = m["p90_us"] / 1000.0;
    w.p99_ms = m["p99_us"] / 1000.0;
    w.max_ms = m["max_us"] / 1000.0;
  }
  return w;
}

int httpGetStatus(std::uint16_t port, const std::string& uri) {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest req("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(req);
    Poco::Net::HTTPResponse res;
    std::istream& body = session.receiveResponse(res);
    std::string ignored;
    Poco::StreamCopier::copyToString(body, ignored);
    return res.getStatus();
  } catch (const std::exception&) {
    return -1;
  }
}

// In-process throughput with several threads over one index, for a fixed time.
double parallelQps(beslut::SearchIndex& index, const beslut::Store& store, const std::vector<Query>& queries,
                   const std::vector<std::size_t>& which, unsigned threads, double seconds, std::size_t& errors) {
  std::atomic<std::size_t> done{0}, failed{0};
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::size_t k = t * which.size() / threads;
      while (Clock::now() < deadline) {
        beslut::SearchRequest req;
        req.query = queries[which[k++ % which.size()]].text;
        req.facets = true;
        req.public_only = true;
        auto res = index.search(store, req);
        if (!res.ok()) ++failed;
        ++done;
      }
    });
  }
  for (auto& th : pool) th.join();
  double elapsed = secondsSince(t0);
  errors = failed;
  return static_cast<double>(done) / elapsed;
}

// ---------------------------------------------------------------------------

void removeOurs(const fs::path& work) {
  std::error_code ec;
  for (const char* name : {"beslut", "fts5.db", "fts5.db-journal", "xapian", "wrk-queries.txt"}) {
    fs::remove_all(work / name, ec);
  }
  for (const auto& e : fs::directory_iterator(work, ec)) {
    if (e.path().filename().string().rfind("beslut-f", 0) == 0) fs::remove_all(e.path(), ec);
  }
}

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

std::string pct(double f) { return fmt(f * 100.0, 0) + "%"; }

std::string ratio(double a, double b) { return b > 0 ? fmt(a / b, 2) + "×" : "n/a"; }

int run(const Options& o) {
  const auto started = Clock::now();
  fs::path work = fs::absolute(o.work);
  fs::create_directories(work);
  removeOurs(work);
  std::vector<std::pair<std::string, long>> rss;  // checkpoint → peak RSS KiB

  std::cout << "Beslut search benchmark\n"
            << "  corpus:  " << o.corpus << (o.limit ? " (sample of " + std::to_string(o.limit) + " files)" : "")
            << "\n  queries: " << o.queries << "\n  work:    " << work.string() << "\n  plugins: " << o.plugin_dir
            << "\n  rounds:  1 warm-up + " << o.rounds << " timed\n  cores:   " << std::thread::hardware_concurrency()
            << "\n  load:    " << loadAverage() << " (1, 5, 15 min; other work on the machine skews every figure)"
            << "\n  compound dictionary: " << (o.dictionary.empty() ? "none" : o.dictionary) << "\n";

  // Read everything once, untimed for every engine.
  progress("reading the corpus");
  std::uintmax_t corpus_bytes = 0;
  auto t_read = Clock::now();
  std::vector<CorpusFile> files = loadCorpus(o, corpus_bytes);
  double read_s = secondsSince(t_read);
  if (files.empty()) throw std::runtime_error("no files under " + o.corpus);
  std::vector<Query> queries = loadQueries(o.queries);
  if (queries.empty()) throw std::runtime_error("no queries in " + o.queries);
  std::size_t n_beslut_only = 0, n_filters = 0;
  for (const auto& q : queries) {
    n_beslut_only += q.beslut_only;
    n_filters += q.filter;
  }
  note("read " + std::to_string(files.size()) + " files, " + mib(corpus_bytes) + " in " + fmt(read_s, 1) +
       " s (not timed below); " + std::to_string(queries.size()) + " queries, " + std::to_string(n_filters) +
       " with field filters, " + std::to_string(n_beslut_only) + " of them with kind:/year:/date:/organization:");
  rss.push_back({"corpus read", peakRssKiB()});
  const double mb = static_cast<double>(corpus_bytes) / 1e6;

  // 0. Breakdown: extraction alone (extractor + document plugin), no store.
  double extract_s = 0;
  if (o.breakdown) {
    progress("extraction only (breakdown)");
    beslut::PluginHost host;
    beslut::Status st = host.loadDirectory(o.plugin_dir);
    if (!st.ok()) throw std::runtime_error(st.toString());
    auto t0 = Clock::now();
    for (const auto& f : files) {
      (void)beslut::extractDocument(host.registry(), {f.bytes, fs::path(f.rel).filename().string(), "text/markdown"});
    }
    extract_s = secondsSince(t0);
  }

  // 1. Beslut import, 100%.
  progress("Beslut import of " + std::to_string(files.size()) + " files");
  const fs::path beslut_dir = work / "beslut";
  auto stack = openStack(o, beslut_dir);
  BeslutImport bi = importBeslut(*stack, files, files.size(), beslut_dir);
  stack->index()->warmUp();
  rss.push_back({"Beslut import", peakRssKiB()});
  {
    Table t{"1. Beslut import (Ingest::importFiles, 256 a batch, + SearchIndex::catchUp)",
            {"phase", "seconds", "docs/s", "MB/s", "share"},
            {}};
    double total = bi.total_s();
    auto row = [&](const std::string& name, double s) {
      t.add({name, fmt(s, 2), fmt(static_cast<double>(bi.files) / s, 0), fmt(mb / s, 2), pct(s / total)});
    };
    row("parse + store (importFiles)", bi.import_s);
    if (o.breakdown) {
      t.add({"  of which extraction alone*", fmt(extract_s, 2), fmt(static_cast<double>(bi.files) / extract_s, 0),
             fmt(mb / extract_s, 2), pct(extract_s / total)});
      double store_s = bi.import_s - extract_s;
      t.add({"  of which the rest (sha256, store)*", fmt(store_s, 2), "", "", pct(store_s / total)});
    }
    row("index (catchUp)", bi.catchup_s);
    if (o.breakdown) {
      t.add({"  of which reading documents back*", fmt(bi.read_back_s, 2), "", "", pct(bi.read_back_s / total)});
    }
    row("end to end", total);
    t.print();
    note("* measured in a separate pass over the same files: extractDocument (not stored), Store::document");
    Table f{"1b. Beslut import: counts and sizes", {"figure", "value"}, {}};
    f.add({"files", std::to_string(bi.files)});
    f.add({"imported / skipped (same bytes) / failed",
           std::to_string(bi.imported) + " / " + std::to_string(bi.skipped) + " / " + std::to_string(bi.failed)});
    f.add({"passages (Lucene documents)", std::to_string(bi.passages)});
    f.add({"text", mib(bi.bytes)});
    f.add({"index on disk", mib(bi.index_bytes)});
    f.add({"database (beslut.db + -wal)", mib(bi.db_bytes) + " + " + mib(bi.wal_bytes)});
    for (const auto& [plugin, n] : bi.by_plugin) f.add({"read by plugin " + plugin, std::to_string(n)});
    f.print();
    for (const auto& [m, n] : bi.failures) note("failed " + std::to_string(n) + "×: " + m);
  }

  // 2. SQLite FTS5.
  progress("SQLite FTS5 indexing");
  Stemmer stemmer_lib(o.stemmer_library);
  const fs::path fts_path = work / "fts5.db";
  Fts5Result fts = indexFts5(fts_path, stemmer_lib, files);
  rss.push_back({"FTS5 index", peakRssKiB()});

  // 3. Xapian.
  progress("Xapian indexing");
  const fs::path xapian_dir = work / "xapian";
  double xapian_index_s = indexXapian(xapian_dir, files);
  std::uintmax_t xapian_bytes = pathSize(xapian_dir);
  rss.push_back({"Xapian index", peakRssKiB()});

  // 3b. Lucene++ bare.
  progress("Lucene++ bare indexing");
  const fs::path lucene_dir = work / "lucene-bare";
  double lucene_index_s = indexLuceneBare(lucene_dir, files);
  std::uintmax_t lucene_bytes = pathSize(lucene_dir);
  rss.push_back({"Lucene++ bare index", peakRssKiB()});
  {
    Table t{"2-3. Indexing the same texts (" + std::to_string(files.size()) + " files, " + mib(corpus_bytes) + ")",
            {"engine", "seconds", "docs/s", "MB/s", "size on disk", "vs FTS5"},
            {}};
    auto row = [&](const std::string& name, double s, std::uintmax_t size) {
      t.add({name, fmt(s, 2), fmt(static_cast<double>(files.size()) / s, 0), fmt(mb / s, 2), mib(size),
             ratio(s, fts.index_s)});
    };
    row("Beslut end to end (parse+store+index)", bi.total_s(), bi.index_bytes + bi.db_bytes + bi.wal_bytes);
    row("Beslut index only (catchUp)", bi.catchup_s, bi.index_bytes);
    row("SQLite FTS5 + Snowball tokenizer", fts.index_s, fts.db_bytes);
    row("Xapian (Stem swedish)", xapian_index_s, xapian_bytes);
    row("Lucene++ bare (SnowballAnalyzer, 1 doc/file)", lucene_index_s, lucene_bytes);
    t.print();
    note("Beslut's size is its index plus its database, which also keeps every original and the extraction JSON.");
  }

  // 4. Queries.
  progress("queries");
  std::vector<std::size_t> all(queries.size()), common;
  std::iota(all.begin(), all.end(), 0);
  for (std::size_t i : all) {
    if (!queries[i].beslut_only) common.push_back(i);
  }
  std::map<std::string, std::size_t> beslut_errors, fts_errors, xapian_errors, lucene_errors;
  Latency b_all = queryBeslut(*stack->index(), stack->store(), queries, all, o.rounds, &beslut_errors);
  Latency b_common = queryBeslut(*stack->index(), stack->store(), queries, common, o.rounds);
  sqlite3* fdb = openFts5(fts_path, stemmer_lib);
  Latency f_common = queryFts5(fdb, queries, common, o.rounds, fts_errors);
  sqlite3_close(fdb);
  Latency x_common = queryXapian(xapian_dir, queries, common, o.rounds, xapian_errors);
  Latency l_common = queryLuceneBare(lucene_dir, queries, common, o.rounds, lucene_errors);
  // Where Beslut's query time goes: the same queries with one hit, and the
  // store reads of the hits alone (Store::passage for each hit's item).
  Latency b_limit1 = queryBeslut(*stack->index(), stack->store(), queries, common, o.rounds, nullptr, 1);
  Latency b_nofacets = queryBeslut(*stack->index(), stack->store(), queries, common, o.rounds, nullptr, 10, false);
  std::vector<std::vector<beslut::Id>> hit_items(queries.size());
  for (std::size_t i : common) {
    beslut::SearchRequest req;
    req.query = queries[i].text;
    req.public_only = true;
    auto res = stack->index()->search(stack->store(), req);
    if (res.ok()) {
      for (const auto& h : res->hits) hit_items[i].push_back(h.passage.item.id);
    }
  }
  Latency b_store = measure(common, o.rounds, [&](std::size_t i) -> int {
    int n = 0;
    for (beslut::Id id : hit_items[i]) n += stack->store().passage(id).ok();
    return n;
  });
  rss.push_back({"queries", peakRssKiB()});
  {
    Table t{"4. Queries, in-process, one thread (" + std::to_string(o.rounds) + " timed rounds)",
            {"engine", "queries", "median ms", "p95 ms", "mean ms", "queries/s", "errors", "0 hits", "hits/q"},
            {}};
    auto row = [&](const std::string& name, const Latency& l, std::size_t n) {
      t.add({name, std::to_string(n), fmt(l.percentile(50), 3), fmt(l.percentile(95), 3), fmt(l.mean(), 3),
             fmt(l.qps(), 0), std::to_string(l.errors), std::to_string(l.zero_hits), fmt(l.mean_hits, 1)});
    };
    row("Beslut, all queries (facets, snippets)", b_all, all.size());
    row("Beslut, common set", b_common, common.size());
    row("SQLite FTS5 (bm25, snippet), common set", f_common, common.size());
    row("Xapian (get_mset 0..10, data), common set", x_common, common.size());
    row("Lucene++ bare (top 10, path), common set", l_common, common.size());
    row("Beslut, common set, no facets", b_nofacets, common.size());
    row("Beslut, common set, limit=1", b_limit1, common.size());
    row("Beslut Store::passage of the ≤10 hits alone", b_store, common.size());
    t.print();
    double per_hit = (b_common.mean() - b_limit1.mean()) / std::max(1.0, b_common.mean_hits - b_limit1.mean_hits);
    note("Per extra hit (snippet + store read), mean: " + fmt(per_hit, 3) + " ms; of which the store read " +
         fmt(b_store.mean() / std::max(1.0, b_store.mean_hits), 3) + " ms.");
    auto zeros = [&](const std::string& name, const Latency& l) {
      std::string list;
      for (std::size_t i : l.zero_hit_queries) list += (list.empty() ? "" : "; ") + queries[i].text;
      if (!list.empty()) note(name + " found nothing for: " + list);
    };
    // The slowest queries for Beslut, with the reference engines' time for the same query.
    std::vector<std::pair<double, std::size_t>> slow;
    for (std::size_t k = 0; k < common.size(); ++k) slow.push_back({b_common.medianOf(k, common.size()), k});
    std::sort(slow.rbegin(), slow.rend());
    Table st{"4b. The 12 slowest queries for Beslut (median ms per query, common set)",
             {"query", "Beslut", "no facets", "limit=1", "FTS5", "Xapian"},
             {}};
    for (std::size_t j = 0; j < std::min<std::size_t>(12, slow.size()); ++j) {
      std::size_t k = slow[j].second;
      st.add({queries[common[k]].text, fmt(slow[j].first, 2), fmt(b_nofacets.medianOf(k, common.size()), 2),
              fmt(b_limit1.medianOf(k, common.size()), 2), fmt(f_common.medianOf(k, common.size()), 2),
              fmt(x_common.medianOf(k, common.size()), 2)});
    }
    st.print();
    zeros("Beslut", b_all);
    zeros("FTS5", f_common);
    zeros("Xapian", x_common);
    note(std::to_string(queries.size() - common.size()) +
         " queries with kind:/year:/date:/organization: filters run on Beslut only: FTS5 and Xapian have no "
         "such fields (title: is translated for both).");
    note("Beslut runs each query as GET /api/v1/search does by default: facets over the whole result set, public "
         "passages only, 10 hits with snippets read from the store.");
    for (const auto& [m, n] : beslut_errors) note("Beslut error: " + m);
    for (const auto& [m, n] : fts_errors) note("FTS5 error: " + m);
    for (const auto& [m, n] : xapian_errors) note("Xapian error: " + m);
    for (const auto& [m, n] : lucene_errors) note("Lucene++ bare error: " + m);
  }

  // 5. Scaling: the first fraction of the files, by path, in a folder of its own.
  struct Scale {
    double fraction;
    std::size_t files, passages;
    double import_s;
    Latency lat;
  };
  std::vector<Scale> scales;
  for (double f : o.fractions) {
    if (f >= 1.0) {
      scales.push_back({1.0, bi.files, bi.passages, bi.total_s(), b_all});
      continue;
    }
    std::size_t n = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::llround(f * static_cast<double>(files.size()))));
    progress("scaling: Beslut on the first " + std::to_string(n) + " files");
    const fs::path dir = work / ("beslut-f" + std::to_string(static_cast<int>(std::lround(f * 100))));
    auto s_stack = openStack(o, dir);
    BeslutImport si = importBeslut(*s_stack, files, n, dir);
    s_stack->index()->warmUp();
    Latency l = queryBeslut(*s_stack->index(), s_stack->store(), queries, all, o.rounds);
    scales.push_back({f, si.files, si.passages, si.total_s(), l});
  }
  std::sort(scales.begin(), scales.end(), [](const Scale& a, const Scale& b) { return a.fraction < b.fraction; });
  rss.push_back({"scaling", peakRssKiB()});
  {
    Table t{"5. Scaling: Beslut on the first part of the files (by path), all queries",
            {"corpus", "files", "passages", "import s", "median ms", "p95 ms", "mean ms", "queries/s",
             "median vs smallest"},
            {}};
    for (const auto& s : scales) {
      t.add({pct(s.fraction), std::to_string(s.files), std::to_string(s.passages), fmt(s.import_s, 2),
             fmt(s.lat.percentile(50), 3), fmt(s.lat.percentile(95), 3), fmt(s.lat.mean(), 3), fmt(s.lat.qps(), 0),
             ratio(s.lat.percentile(50), scales.front().lat.percentile(50))});
    }
    t.print();
    note(
        "The first files by path are the folders arendeforteckningar … kommenterade-dagordningar: not a random sample.");
  }

  // 7. Restart: a fresh stack over the 100% data, timed until ready.
  progress("restart to ready");
  stack.reset();  // releases the index's write lock
  beslut::server::Settings settings = beslutSettings(o, beslut_dir);
  auto t_open = Clock::now();
  auto rt = beslut::server::Runtime::open(settings, beslut::server::IndexMode::kWritable);
  if (!rt.ok()) throw std::runtime_error("Runtime::open: " + rt.status().toString());
  double open_s = secondsSince(t_open);
  auto runtime = std::move(rt).value();
  auto http = std::make_unique<beslut::server::HttpServer>(*runtime);
  auto t_start = Clock::now();
  beslut::Status st = http->start();
  if (!st.ok()) throw std::runtime_error("HttpServer::start: " + st.toString());
  double start_s = secondsSince(t_start);
  int ready = httpGetStatus(http->port(), "/readyz");
  double ready_s = secondsSince(t_open);
  {
    Table t{"7a. Time from opening the stores to ready (100% data, fresh stack)", {"step", "seconds"}, {}};
    t.add({"Runtime::open (plugins, store + migrations, compound dictionary, index)", fmt(open_s, 3)});
    t.add({"HttpServer::start (templates, warm-up, catch-up, listen)", fmt(start_s, 3)});
    t.add({"until GET /readyz answered " + std::to_string(ready), fmt(ready_s, 3)});
    t.print();
  }

  // 6. HTTP.
  WrkResult wrk;
  double par_qps = 0;
  std::size_t par_errors = 0;
  unsigned par_threads = std::max(2u, std::thread::hardware_concurrency());
  std::size_t wrk_queries = 0;
  if (!o.skip_http) {
    progress("in-process, " + std::to_string(par_threads) + " threads");
    par_qps = parallelQps(*runtime->index(), runtime->store(), queries, all, par_threads, 5.0, par_errors);
    const fs::path qfile = work / "wrk-queries.txt";
    {
      std::ofstream out(qfile);
      for (const auto& q : queries) {
        bool failed = false;
        for (const auto& [m, n] : beslut_errors) failed |= m.rfind(q.text + " → ", 0) == 0;
        if (!failed) {
          out << q.text << "\n";
          ++wrk_queries;
        }
      }
    }
    progress("HTTP: wrk for " + std::to_string(o.http_seconds) + " s");
    std::cout << "\n== 6. HTTP: wrk output ==\n";
    wrk = runWrk(o, http->port(), qfile);
    std::istringstream in(wrk.output);
    std::string line;
    while (std::getline(in, line)) std::cout << "  | " << line << "\n";
    rss.push_back({"HTTP", peakRssKiB()});
    Table t{"6. HTTP: 32 keep-alive clients, 2 wrk threads, loopback, GET /api/v1/search?q=…", {"figure", "value"}, {}};
    t.add({"queries cycled", std::to_string(wrk_queries)});
    t.add({"requests", fmt(wrk.requests, 0)});
    t.add({"requests/s", fmt(wrk.rps, 0)});
    t.add({"latency mean / p50 / p90 / p99 / max ms", fmt(wrk.mean_ms, 2) + " / " + fmt(wrk.p50_ms, 2) + " / " +
                                                          fmt(wrk.p90_ms, 2) + " / " + fmt(wrk.p99_ms, 2) + " / " +
                                                          fmt(wrk.max_ms, 2)});
    t.add({"errors: connect / read / write / timeout / non-2xx",
           fmt(wrk.connect_err, 0) + " / " + fmt(wrk.read_err, 0) + " / " + fmt(wrk.write_err, 0) + " / " +
               fmt(wrk.timeout_err, 0) + " / " + fmt(wrk.non2xx, 0)});
    t.add({"in-process, 1 thread, queries/s", fmt(b_all.qps(), 0)});
    t.add({"in-process, " + std::to_string(par_threads) + " threads (5 s), queries/s",
           fmt(par_qps, 0) + (par_errors ? " (" + std::to_string(par_errors) + " errors)" : "")});
    t.add({"HTTP / in-process 1 thread", ratio(wrk.rps, b_all.qps())});
    t.add({"HTTP / in-process " + std::to_string(par_threads) + " threads", ratio(wrk.rps, par_qps)});
    t.print();
    if (!wrk.ran) note("wrk did not run cleanly (is it installed?)");
  }
  http.reset();
  runtime.reset();

  // Summary.
  rss.push_back({"end", peakRssKiB()});
  {
    Table t{"Peak RSS (getrusage ru_maxrss, whole process; monotone)", {"after", "peak RSS"}, {}};
    for (const auto& [name, kib] : rss) t.add({name, fmt(static_cast<double>(kib) / 1024.0, 1) + " MiB"});
    t.print();
    note("The process holds the whole corpus in memory (" + mib(corpus_bytes) + " of text, read once).");
  }
  {
    Table t{"Summary: goals of the issue (reported, not asserted)",
            {"goal", "Beslut", "reference", "ratio", "target", "met"},
            {}};
    double r1 = bi.total_s() / fts.index_s;
    t.add({"import end to end vs FTS5 bare indexing", fmt(bi.total_s(), 2) + " s", fmt(fts.index_s, 2) + " s",
           fmt(r1, 2) + "×", "≤ 1.0×", r1 <= 1.0 ? "yes" : "no"});
    double r2 = b_common.percentile(50) / x_common.percentile(50);
    t.add({"query median vs Xapian bare (common set)", fmt(b_common.percentile(50), 3) + " ms",
           fmt(x_common.percentile(50), 3) + " ms", fmt(r2, 2) + "×", "≤ 1.0×", r2 <= 1.0 ? "yes" : "no"});
    double r3 = b_common.mean() / x_common.mean();
    t.add({"query mean vs Xapian bare (common set)", fmt(b_common.mean(), 3) + " ms", fmt(x_common.mean(), 3) + " ms",
           fmt(r3, 2) + "×", "≤ 1.0×", r3 <= 1.0 ? "yes" : "no"});
    // The floor: the engine Beslut is built on, bare, against the same references.
    t.add({"Lucene++ bare indexing vs FTS5 bare indexing", fmt(lucene_index_s, 2) + " s", fmt(fts.index_s, 2) + " s",
           ratio(lucene_index_s, fts.index_s), "(floor)", "-"});
    t.add({"Lucene++ bare query median vs Xapian bare", fmt(l_common.percentile(50), 3) + " ms",
           fmt(x_common.percentile(50), 3) + " ms", ratio(l_common.percentile(50), x_common.percentile(50)), "(floor)",
           "-"});
    t.add({"query median vs FTS5 (common set)", fmt(b_common.percentile(50), 3) + " ms",
           fmt(f_common.percentile(50), 3) + " ms", ratio(b_common.percentile(50), f_common.percentile(50)), "-", "-"});
    if (!o.skip_http) {
      double r4 = wrk.rps / b_all.qps();
      t.add({"HTTP throughput vs in-process (1 thread)", fmt(wrk.rps, 0) + " req/s", fmt(b_all.qps(), 0) + " q/s",
             fmt(r4, 2) + "×", "≥ 0.85×, 0 errors", (r4 >= 0.85 && wrk.errors() == 0) ? "yes" : "no"});
      t.add({"HTTP errors", fmt(wrk.errors(), 0), "", "", "0", wrk.errors() == 0 ? "yes" : "no"});
    } else {
      t.add({"HTTP", "skipped", "", "", "", ""});
    }
    t.add({"start to ready (fresh stack, 100% data)", fmt(ready_s, 3) + " s", "", "", "", ""});
    t.add({"query median 10% → 100%",
           scales.size() > 1
               ? fmt(scales.front().lat.percentile(50), 3) + " → " + fmt(scales.back().lat.percentile(50), 3) + " ms"
               : "-",
           "", scales.size() > 1 ? ratio(scales.back().lat.percentile(50), scales.front().lat.percentile(50)) : "-", "",
           ""});
    t.print();
  }
  std::cout << "\nLoad average at the end: " << loadAverage() << "\nTotal bench time " << fmt(secondsSince(started), 0)
            << " s\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  auto o = parseOptions(argc, argv);
  if (!o) {
    usage();
    return 64;
  }
  try {
    return run(*o);
  } catch (const std::exception& e) {
    std::cerr << "beslut_bench: " << e.what() << "\n";
    return 1;
  }
}
