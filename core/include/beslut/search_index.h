// The search index: a derived, rebuildable view of the store. One Lucene++
// document per item (§) or section, analysed for Swedish (Snowball stemming and
// a Swedish stop list); only ids are stored in the index, text is read back
// from the store. The index tails the store's change log and records the last
// sequence number it applied in its commit.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "beslut/decompounder.h"
#include "beslut/status.h"
#include "beslut/store.h"

namespace beslut {

enum class SearchSort { kRelevance, kDateNewest, kDateOldest, kImportedNewest };

struct SearchRequest {
  std::string query;  // Lucene query syntax behind a firewall (see checkQuery)
  std::size_t limit = 10;
  std::size_t offset = 0;
  SearchSort sort = SearchSort::kRelevance;
  bool facets = false;                                  // count facet values over the whole result set
  bool public_only = false;                             // only passages of public items of published documents …
  std::vector<std::string> visible_organizations = {};  // … and, with public_only, every passage of these bodies
  std::string today = {};  // YYYY-MM-DD: the day "status:" terms and facets are decided on; empty: today in Stockholm
};

struct SearchHit {
  Passage passage;  // the matching item and its document
  double score = 0.0;
  std::string snippet;  // HTML: document text escaped, matches in <mark>…</mark>
};

// One value of a facet and how many passages of the result set have it.
struct FacetValue {
  std::string value;
  std::size_t count = 0;
};

// Facet names: "organization", "kind", "year", "area", "person", "status".
using Facets = std::vector<std::pair<std::string, std::vector<FacetValue>>>;

struct SearchResults {
  std::size_t total = 0;  // passages matching
  std::vector<SearchHit> hits;
  Facets facets;  // when requested; values by count, then name
};

// Fields a query may name (see checkQuery).
const std::vector<std::string>& searchableFields();

struct QueryLimits {
  std::size_t max_bytes = 1000;
  int max_depth = 10;    // nesting of parentheses
  int max_clauses = 64;  // words, phrases and operators
  std::size_t max_limit = 100;
  std::size_t max_offset = 10000;
};

// The query firewall, run before Lucene++'s parser sees the text: valid
// UTF-8, length, nesting depth, clause count and an allow-list of fields.
// Returns kInvalidArgument with a message for the user.
Status checkQuery(const std::string& query, const QueryLimits& limits = {});

struct IndexOptions {
  // Splits compounds at index time into the "parts" field; null: no splitting.
  std::shared_ptr<const Decompounder> decompounder;
};

class SearchIndex {
 public:
  virtual ~SearchIndex();

  // Applies change-log entries after lastApplied() and commits them with the
  // new sequence number. Returns how many entries were applied.
  // kUnsupported on a read-only index.
  virtual Result<std::size_t> catchUp(const Store& store) = 0;
  // Drops everything and indexes every document of the store.
  virtual Status rebuild(const Store& store) = 0;
  // The last change-log sequence number contained in the index's commit.
  virtual Sequence lastApplied() const = 0;
  virtual Result<SearchResults> search(const Store& store, const SearchRequest& request) const = 0;
  // Runs the query parser, a search and the highlighter once on the calling
  // thread. Lucene++ 3.0.8 initialises statics lazily and racily: call this
  // before searching from several threads.
  virtual void warmUp() const = 0;
  // Number of passages (Lucene documents) in the index.
  virtual std::size_t passageCount() const = 0;
};

// Opens (creating if needed) the on-disk index in `dir` for writing. Fails with
// kAlreadyExists when another process holds the index's write lock.
Result<std::unique_ptr<SearchIndex>> openSearchIndex(const std::string& dir, IndexOptions options = {});
// Lucene++'s CheckIndex over the index in `dir` (read-only; may take a while on
// a large index): ok when clean or when there is no index yet, kCorruption
// naming what is wrong otherwise.
Status checkSearchIndex(const std::string& dir);
// Opens the index for writing; one that is damaged (it fails CheckIndex or
// cannot be opened) is moved aside to `dir` + ".skadat-<time>" and a new, empty
// one is opened: the index is derived data, and catching up with the store's
// change log from the start rebuilds it. `*set_aside` tells where it went.
Result<std::unique_ptr<SearchIndex>> openOrRebuildSearchIndex(const std::string& dir, IndexOptions options,
                                                              std::string* set_aside);
// Opens an existing on-disk index for searching only.
Result<std::unique_ptr<SearchIndex>> openSearchIndexReadOnly(const std::string& dir, IndexOptions options = {});
// An in-memory index (Lucene++ RAMDirectory), for tests.
Result<std::unique_ptr<SearchIndex>> openSearchIndexInMemory(IndexOptions options = {});

}  // namespace beslut
