// beslut_extract_bench: how well and how fast `beslut extract` reads documents
// (bench/extract runs it; scoring rules in bench/gold_compare.h).
//
//   beslut_extract_bench --shared DIR [--corpus DIR] [--misses] [--plugins DIR]
//
// For each gold set under DIR (shared/gold with the seeds, dev-minutes,
// dev-assignments) it reads every gold file's source with the loaded plugins,
// exactly as `beslut extract` does, and prints precision, recall and F1 per
// field. With --corpus (the extracted regeringen corpus) it also reads every
// file of the corpus on one thread and prints the documents per kind, the
// share of regeringsuppdrag/ pages with at least one assignment and the
// documents per second. Exit code 0 unless a file could not be read.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "beslut/extraction_json.h"
#include "beslut/ingest.h"
#include "beslut/plugin_loader.h"
#include "gold_compare.h"

namespace fs = std::filesystem;
using Poco::JSON::Object;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string field(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return {};
  return o->get(key).convert<std::string>();
}

std::vector<fs::path> jsonFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

struct Reader {
  const beslut::PluginRegistry& registry;
  // The extraction of `path` in `beslut extract`'s JSON, or null (error printed).
  Object::Ptr read(const fs::path& path) const {
    std::string bytes = readFile(path);
    auto doc = beslut::extractDocument(registry, {bytes, path.filename().string(),
                                                  beslut::mediaTypeForFilename(path.filename().string())});
    if (!doc.ok()) {
      std::printf("  %s: %s\n", path.string().c_str(), doc.status().message().c_str());
      return nullptr;
    }
    return beslut::extractionToJson(doc.value());
  }
};

enum class GoldKind { kDocument, kAssignmentPage };

// Scores one gold set; `source_root` is where the gold's source paths start.
int scoreSet(const Reader& reader, const std::string& heading, const fs::path& gold_dir, const fs::path& source_root,
             const char* source_key, GoldKind kind, bool misses) {
  beslut::gold::Table table;
  auto files = jsonFiles(gold_dir);
  if (files.empty()) {
    std::printf("\n%s: no gold files in %s\n", heading.c_str(), gold_dir.string().c_str());
    return 0;
  }
  int failures = 0;
  for (const auto& file : files) {
    Object::Ptr gold = Poco::JSON::Parser().parse(readFile(file)).extract<Object::Ptr>();
    fs::path source = source_root / field(gold, source_key);
    if (!fs::exists(source)) {
      std::printf("  %s: source missing: %s\n", file.filename().string().c_str(), source.string().c_str());
      ++failures;
      continue;
    }
    Object::Ptr got = reader.read(source);
    if (!got) {
      ++failures;
      continue;
    }
    std::string where = file.stem().string();
    if (kind == GoldKind::kDocument) beslut::gold::compareDocument(table, gold, got, where);
    else beslut::gold::compareAssignmentPage(table, gold, got, where);
  }
  table.print(stdout, heading + " (" + std::to_string(files.size()) + " gold files)", misses);
  return failures;
}

// Every file of the corpus on one thread: kinds, assignment coverage, speed.
int scanCorpus(const Reader& reader, const fs::path& corpus) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  texts.reserve(files.size());
  std::size_t bytes = 0;
  for (const auto& f : files) {
    texts.push_back(readFile(f));
    bytes += texts.back().size();
  }
  // Speed: three timed passes over the texts in memory (this machine's figures
  // move by ±20% between runs); the kinds and counts come from the first.
  std::vector<double> passes;
  for (int pass = 1; pass < 3; ++pass) {
    auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::string name = files[i].filename().string();
      (void)beslut::extractDocument(reader.registry, {texts[i], name, beslut::mediaTypeForFilename(name)});
    }
    passes.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::map<std::string, int> kinds, uppdragKinds;
  std::map<std::string, std::map<std::string, int>> byFolder;  // top folder -> kind -> count
  int uppdrag = 0, uppdragWithAssignment = 0, failed = 0;
  std::size_t assignments = 0;
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string name = files[i].filename().string();
    auto doc = beslut::extractDocument(reader.registry, {texts[i], name, beslut::mediaTypeForFilename(name)});
    if (!doc.ok()) {
      ++failed;
      continue;
    }
    const std::string kind = beslut::documentKindName(doc.value().kind);
    ++kinds[kind];
    std::size_t n = 0;
    for (const auto& item : doc.value().items) n += item.assignments.size();
    assignments += n;
    std::string rel = fs::relative(files[i], corpus).generic_string();
    ++byFolder[rel.substr(0, rel.find('/'))][kind];
    if (rel.rfind("regeringsuppdrag/", 0) == 0) {
      ++uppdrag;
      ++uppdragKinds[kind];
      if (n > 0) ++uppdragWithAssignment;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  passes.push_back(seconds);
  std::sort(passes.begin(), passes.end());
  const double median = passes[passes.size() / 2];
  std::printf("\nCorpus %s: %zu files, %.1f MB, read on one thread: median of %zu passes %.2f s = %.0f documents/s "
              "(%.1f MB/s; passes %.0f–%.0f documents/s); %d failed\n",
              corpus.string().c_str(), files.size(), bytes / 1e6, passes.size(), median, files.size() / median,
              bytes / 1e6 / median, files.size() / passes.back(), files.size() / passes.front(), failed);
  std::printf("Documents per kind:");
  for (const auto& [k, n] : kinds) std::printf("  %s %d", k.c_str(), n);
  std::printf("\nKinds per folder:\n");
  for (const auto& [folder, ks] : byFolder) {
    std::printf("  %-44s", folder.c_str());
    for (const auto& [k, n] : ks) std::printf(" %s %d", k.c_str(), n);
    std::printf("\n");
  }
  std::printf("Assignments found: %zu\n", assignments);
  std::printf("regeringsuppdrag/: %d pages, %d with at least one assignment (%.1f%%); kinds:", uppdrag,
              uppdragWithAssignment, uppdrag ? 100.0 * uppdragWithAssignment / uppdrag : 0.0);
  for (const auto& [k, n] : uppdragKinds) std::printf("  %s %d", k.c_str(), n);
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared, corpus, plugins = BESLUT_PLUGIN_DIR;
  bool misses = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--plugins" && i + 1 < argc) plugins = argv[++i];
    else if (a == "--misses") misses = true;
    else {
      std::fprintf(stderr, "usage: %s --shared DIR [--corpus DIR] [--plugins DIR] [--misses]\n", argv[0]);
      return 2;
    }
  }
  if (shared.empty()) shared = fs::path(BESLUT_SOURCE_DIR) / ".." / "shared";
  beslut::PluginHost host;
  beslut::Status st = host.loadDirectory(plugins.string());
  if (!st.ok()) {
    std::fprintf(stderr, "plugins: %s\n", st.message().c_str());
    return 2;
  }
  Reader reader{host.registry()};
  int failures = 0;
  failures += scoreSet(reader, "Seeds (shared/gold)", shared / "gold", shared, "source_file", GoldKind::kDocument,
                       misses);
  failures += scoreSet(reader, "Dev minutes (shared/dev-minutes)", shared / "dev-minutes" / "gold",
                       shared / "dev-minutes", "source_file", GoldKind::kDocument, misses);
  if (!corpus.empty())
    failures += scoreSet(reader, "Dev assignments (shared/dev-assignments)", shared / "dev-assignments" / "gold",
                         corpus, "source", GoldKind::kAssignmentPage, misses);
  else std::printf("\nDev assignments: skipped (no --corpus)\n");
  if (!corpus.empty()) scanCorpus(reader, corpus);
  return failures ? 1 : 0;
}
