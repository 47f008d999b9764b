// The Lucene++ adapter. Every Lucene++ exception is caught here.
#include "beslut/search_index.h"
#include "fields.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <lucene++/LuceneHeaders.h>
#include <lucene++/CheckIndex.h>
#include <lucene++/BooleanQuery.h>
#include <lucene++/Sort.h>
#include <lucene++/SortField.h>
#include <lucene++/TermQuery.h>
#include <lucene++/TopFieldCollector.h>
#include <lucene++/TopScoreDocCollector.h>
#include <lucene++/RAMDirectory.h>
#include <lucene++/SerialMergeScheduler.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <set>
#include <map>
#include <mutex>

#include "beslut/clock.h"
#include "beslut/followup.h"
#include "beslut/html.h"
#include "beslut/text.h"
#include "beslut/threads.h"
#include "beslut/visibility.h"
#include "facets.h"
#include "query_parser.h"
#include "snippets.h"
#include "status_terms.h"
#include "swedish_analyzer.h"

namespace beslut {

namespace field = detail::field;

SearchIndex::~SearchIndex() = default;

namespace {

using namespace Lucene;

String wide(const std::string& s) { return StringUtils::toUnicode(s); }
std::string narrow(const String& s) { return StringUtils::toUTF8(s); }

std::string lucenMessage(const LuceneException& e) {
  std::string m = narrow(e.getError());
  return m.empty() ? "unknown index error (disk full?)" : m;
}

// The start of a text, cut at a character boundary near `max` bytes.
std::string leadingText(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// The sequence number recorded in a commit's user data (0 if absent or unreadable).
Sequence lastSeqOf(MapStringString data) {
  if (!data.contains(field::kLastSeq)) return 0;
  try {
    return std::stoll(narrow(data.get(field::kLastSeq)));
  } catch (const std::exception&) {
    return 0;  // a bad value means "apply everything again", which is safe
  }
}

// The text of the "body" field of a passage; snippets are cut from the same text.
std::string passageBody(const Item& item) { return item.title + "\n" + item.text; }
// The same for a snippet, where the line break would vanish into a space.
std::string snippetBody(const Item& item) { return item.title.empty() ? item.text : item.title + " – " + item.text; }

// A reader and its searcher; closes the reader when the last user lets go.
struct SearcherHolder {
  IndexReaderPtr reader;
  IndexSearcherPtr searcher;
  std::once_flag facets_built;
  std::shared_ptr<const detail::FacetCache> facets;  // built on the first faceted search
  ~SearcherHolder() {
    try {
      reader->decRef();
    } catch (const LuceneException&) {
    }
  }
};

class LuceneIndex final : public SearchIndex {
 public:
  LuceneIndex(DirectoryPtr dir, bool writable, int lock_fd, const IndexOptions& options)
      : dir_(std::move(dir)), writable_(writable), lock_fd_(lock_fd), with_parts_(options.decompounder != nullptr),
        index_analyzer_(detail::newIndexAnalyzer(options.decompounder)),
        query_analyzer_(detail::newQueryAnalyzer(options.decompounder)),
        highlight_analyzer_(detail::newSwedishAnalyzer(detail::CompoundMode::kInject, options.decompounder)) {}

  ~LuceneIndex() override {
    try {
      if (writer_) writer_->close();
    } catch (const LuceneException&) {
    }
    current_.reset();
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
  }

  Status open() {
    try {
      if (writable_) {
        Status st = openWriter();
        if (!st.ok()) return st;
      } else if (!IndexReader::indexExists(dir_)) {
        return Status::notFound("there is no search index yet; run `beslut reindex`");
      }
      return reopenSearcher();
    } catch (const LuceneException& e) {
      return Status::ioError("cannot open the search index: " + lucenMessage(e));
    }
  }

  Result<std::size_t> catchUp(const Store& store) override {
    if (!writable_) return Status::unsupported("the search index is open read-only");
    std::lock_guard<std::mutex> lock(write_mutex_);
    return applyChanges(store);
  }

  Status rebuild(const Store& store) override {
    if (!writable_) return Status::unsupported("the search index is open read-only");
    std::lock_guard<std::mutex> lock(write_mutex_);
    auto seq = store.lastSequence();
    if (!seq.ok()) return seq.status();
    auto ids = store.documentIds();
    if (!ids.ok()) return ids.status();
    if (!writer_) {
      try {
        if (Status st = openWriter(); !st.ok()) return st;
      } catch (const LuceneException& e) {
        return Status::ioError("the search index cannot be written: " + lucenMessage(e));
      }
    }
    try {
      writer_->deleteAll();
      for (Id id : ids.value()) {
        Status st = addDocument(store, id);
        if (!st.ok() && st.code() != StatusCode::kNotFound) {
          recoverWriter();
          return st;
        }
      }
      if (Status st = commit(seq.value()); !st.ok()) return st;
    } catch (const LuceneException& e) {
      recoverWriter();
      return Status::ioError("rebuilding the search index failed: " + lucenMessage(e));
    }
    auto rest = applyChanges(store);  // whatever was written while we rebuilt
    return rest.ok() ? Status::okStatus() : rest.status();
  }

  Sequence lastApplied() const override { return last_applied_; }

  std::size_t passageCount() const override {
    auto holder = currentSearcher();
    return holder ? static_cast<std::size_t>(holder->reader->numDocs()) : 0;
  }

  void warmUp() const override {
    // Touch the query parser, analyzer, searcher and highlighter once, on this
    // thread, whatever the index holds.
    try {
      QueryPtr query = parser()->parse(L"beslut OR utveckling* OR \"regional utveckling\"");
      if (auto holder = currentSearcher()) holder->searcher->search(query, 1);
      const detail::SnippetMaker snippets(query, currentSearcher() ? currentSearcher()->reader : IndexReaderPtr(),
                                          {field::kBody, field::kTitle, field::kParts});
      (void)snippet(snippets, "Beslut om regional utveckling.");
    } catch (const LuceneException&) {
      // Only a warm-up: a real search reports its own errors.
    }
  }

  Result<SearchResults> search(const Store& store, const SearchRequest& request) const override {
    Status st = checkQuery(request.query);
    if (!st.ok()) return st;
    QueryLimits limits;
    if (request.offset > limits.max_offset) {
      return Status::invalidArgument("Sidan finns inte: offset får vara högst " + std::to_string(limits.max_offset) +
                                     ".");
    }
    std::size_t limit = std::clamp<std::size_t>(request.limit, 1, limits.max_limit);
    auto holder = currentSearcher();
    if (!holder) return Status::internal("the search index is not open");
    try {
      const std::string today = request.today.empty() ? stockholmToday() : request.today;
      QueryPtr query;
      try {
        query = parser(today)->parse(wide(request.query));
      } catch (const LuceneException& e) {
        return Status::invalidArgument(
            "Sökfrågan kunde inte tolkas. Kontrollera citattecken, parenteser och operatorer (AND, OR, NOT "
            "behöver ord på båda sidor), och att * eller ? inte står först i ett ord.");
      }
      if (!query) return SearchResults{};  // nothing but stop words
      // The real firewall: whatever the syntax, the parsed query names only searchable fields.
      if (Status fields = detail::checkParsedFields(query); !fields.ok()) return fields;
      QueryPtr ranked = restrict(query, request);
      const auto wanted = static_cast<int32_t>(request.offset + limit);
      TopDocsCollectorPtr top = collectorFor(request.sort, wanted);
      auto all = newLucene<detail::CollectingCollector>(top);
      holder->searcher->search(ranked, request.facets ? CollectorPtr(all) : CollectorPtr(top));
      TopDocsPtr docs = top->topDocs();
      SearchResults results;
      results.total = static_cast<std::size_t>(docs->totalHits);
      if (request.facets) results.facets = facetCache(*holder)->count(all->docs, 20, today);
      const detail::SnippetMaker snippets(highlightQuery(query, request.query, holder->reader), holder->reader,
                                          {field::kBody, field::kTitle, field::kParts});
      for (int32_t i = static_cast<int32_t>(request.offset); i < docs->scoreDocs.size(); ++i) {
        const ScoreDocPtr& sd = docs->scoreDocs[i];
        DocumentPtr doc = holder->searcher->doc(sd->doc);
        Id item_id = std::stoll(narrow(doc->get(field::kItemId)));
        auto passage = store.passage(item_id);
        if (!passage.ok()) {
          if (passage.status().code() == StatusCode::kNotFound) continue;  // deleted since the last catch-up
          return passage.status();
        }
        // The index may lag behind a change that hid the passage: the store decides.
        if (request.public_only && !visibleNow(passage.value(), request)) continue;
        SearchHit hit;
        hit.score = std::isnan(sd->score) ? 0.0 : sd->score;
        hit.snippet = snippet(snippets, snippetBody(passage->item));
        hit.passage = std::move(passage).value();
        results.hits.push_back(std::move(hit));
      }
      return results;
    } catch (const LuceneException& e) {
      return Status::ioError("the search failed: " + lucenMessage(e));
    }
  }

 private:
  QueryParserPtr parser(const std::string& today = {}) const {
    return detail::newQueryParser(query_analyzer_, with_parts_, today.empty() ? stockholmToday() : today);
  }

  static bool visibleNow(const Passage& p, const SearchRequest& request) {
    const auto& orgs = request.visible_organizations;
    if (std::find(orgs.begin(), orgs.end(), p.document.organization) != orgs.end()) return true;
    return itemVisibleToPublic(p.document.publication_state, p.item);
  }

  // Anonymous visitors see public items of published documents only; officials
  // also everything of their own bodies.
  static QueryPtr restrict(const QueryPtr& query, const SearchRequest& request) {
    if (!request.public_only) return query;
    auto published = newLucene<BooleanQuery>();
    published->add(newLucene<TermQuery>(newLucene<Term>(field::kPublic, L"true")), BooleanClause::MUST);
    published->add(newLucene<TermQuery>(newLucene<Term>(field::kState, L"published")), BooleanClause::MUST);
    QueryPtr visible = published;
    if (!request.visible_organizations.empty()) {
      auto any = newLucene<BooleanQuery>();
      any->add(published, BooleanClause::SHOULD);
      for (const auto& org : request.visible_organizations) {
        any->add(newLucene<TermQuery>(newLucene<Term>(field::kOrg, wide(org))), BooleanClause::SHOULD);
      }
      visible = any;
    }
    auto all = newLucene<BooleanQuery>();
    all->add(query, BooleanClause::MUST);
    all->add(visible, BooleanClause::MUST);
    return all;
  }

  static TopDocsCollectorPtr collectorFor(SearchSort sort, int32_t wanted) {
    if (sort == SearchSort::kRelevance) return TopScoreDocCollector::create(wanted, true);
    const bool by_date = sort != SearchSort::kImportedNewest;
    const bool newest = sort != SearchSort::kDateOldest;
    auto fields = Collection<SortFieldPtr>::newInstance();
    fields.add(newLucene<SortField>(by_date ? field::kDate : field::kDocOrder, SortField::STRING, newest));
    fields.add(newLucene<SortField>(field::kItemOrder, SortField::STRING, false));
    return TopFieldCollector::create(newLucene<Sort>(fields), wanted, false, true, false, true);
  }

  std::shared_ptr<const detail::FacetCache> facetCache(SearcherHolder& holder) const {
    std::call_once(holder.facets_built, [&] {
      holder.facets = detail::FacetCache::build(holder.reader, {{"organization", field::kOrg},
                                                                {"kind", field::kKind},
                                                                {"year", field::kYear},
                                                                {"area", field::kArea},
                                                                {"person", field::kPerson},
                                                                {"status", field::kStatus}});
    });
    return holder.facets;
  }


  // Marks matches of `query` (rewritten: prefix queries expanded) with <mark>
  // and escapes everything else.
  // Prefix queries rank as constant-score filters, which hide their terms from
  // the highlighter: for highlighting, expand them into the terms they match
  // (unless there are too many; then the snippet goes unmarked).
  QueryPtr highlightQuery(const QueryPtr& query, const std::string& text, const IndexReaderPtr& reader) const {
    if (text.find_first_of("*?") == std::string::npos) return query;
    try {
      auto p = parser();
      p->setMultiTermRewriteMethod(MultiTermQuery::SCORING_BOOLEAN_QUERY_REWRITE());
      return p->parse(wide(text))->rewrite(reader);
    } catch (const LuceneException&) {
      return query;
    }
  }

  std::string snippet(const detail::SnippetMaker& snippets, const std::string& body) const {
    try {
      std::string marked = snippets.make(highlight_analyzer_, body);
      if (!marked.empty()) return marked;
    } catch (const LuceneException&) {
      // Fall through to the plain start of the text.
    }
    return escapeHtml(leadingText(body, 240));
  }

  Status openWriter() {
    bool create = !IndexReader::indexExists(dir_);
    writer_ = newLucene<IndexWriter>(dir_, index_analyzer_, create, IndexWriter::MaxFieldLengthUNLIMITED);
    // ConcurrentMergeScheduler has a use-after-free race in Lucene++ 3.0.8.
    writer_->setMergeScheduler(newLucene<SerialMergeScheduler>());
    writer_->setRAMBufferSizeMB(48);  // fewer, larger segments in a bulk catch-up (default 16)
    if (create) {
      return commit(0);
    } else {
      last_applied_ = lastSeqOf(IndexReader::getCommitUserData(dir_));
    }
    return Status::okStatus();
  }

  // Commits what was written with the sequence it reaches; searches see it once the searcher reopens.
  Status commit(Sequence seq) {
    MapStringString data = MapStringString::newInstance();
    data.put(field::kLastSeq, wide(std::to_string(seq)));
    writer_->commit(data);
    last_applied_ = seq;
    return reopenSearcher();
  }

  // After a failed write (e.g. a full disk): drop what was not committed and
  // reopen the writer on the last commit.
  void recoverWriter() {
    try {
      writer_->rollback();  // also closes the writer
    } catch (const LuceneException&) {
    }
    try {
      if (!openWriter().ok()) writer_.reset();
    } catch (const LuceneException&) {
      writer_.reset();
    }
  }

  Result<std::size_t> applyChanges(const Store& store) {
    if (!writer_) {
      try {
        if (Status st = openWriter(); !st.ok()) return st;
      } catch (const LuceneException& e) {
        return Status::ioError("the search index cannot be written: " + lucenMessage(e));
      }
    }
    constexpr std::size_t kChangesPerCommit = 10000;
    std::size_t applied = 0, committed_at = 0;
    Sequence from = last_applied_;
    for (;;) {
      auto changes = store.changesSince(from, 500);
      if (!changes.ok()) return changes.status();
      if (changes->empty()) break;
      auto changed = documentsChangedBy(store, changes.value());
      if (!changed.ok()) return changed.status();
      std::set<Id> documents = changed.value();
      try {
        // A document's thread mates follow it: what it says (or whether the public may read it)
        // changes their status. One round: the mates' own mates are not this change's.
        std::set<Id> mates;
        for (Id id : documents) {
          if (Status st = reindexDocument(store, id, &mates); !st.ok()) return st;
        }
        for (Id id : mates) {
          if (documents.count(id) != 0) continue;
          if (Status st = reindexDocument(store, id, nullptr); !st.ok()) return st;
        }
        from = changes->back().seq;
        // A long catch-up commits now and then, not after every batch: each
        // commit syncs the files and reopens the searcher.
        if ((applied += changes->size()) - committed_at >= kChangesPerCommit) {
          if (Status st = commit(from); !st.ok()) return st;
          committed_at = applied;
        }
      } catch (const LuceneException& e) {
        recoverWriter();
        return Status::ioError("indexing failed: " + lucenMessage(e));
      }
    }
    if (from != last_applied_) {
      try {
        if (Status st = commit(from); !st.ok()) return st;
      } catch (const LuceneException& e) {
        recoverWriter();
        return Status::ioError("indexing failed: " + lucenMessage(e));
      }
    }
    return applied;
  }

  // Replaces a document's passages with what the store has now (none if it is gone).
  Status reindexDocument(const Store& store, Id id, std::set<Id>* thread_documents) {
    writer_->deleteDocuments(newLucene<Term>(field::kDocumentId, wide(std::to_string(id))));
    Status st = addDocument(store, id, thread_documents);
    if (!st.ok() && st.code() != StatusCode::kNotFound) {
      recoverWriter();
      return st;
    }
    return Status::okStatus();
  }

  // Adds one Lucene document per item. kNotFound if the store no longer has it.
  Status addDocument(const Store& store, Id id, std::set<Id>* thread_documents = nullptr) {
    auto doc = documentAsItStands(store, id, thread_documents);
    if (!doc.ok()) return doc.status();
    const Document& d = doc.value();
    const std::string year = d.date.size() >= 4 ? d.date.substr(0, 4) : std::string();
    for (std::size_t position = 0; position < d.items.size(); ++position) {
      writer_->addDocument(passageDocument(d, d.items[position], position, year));
    }
    return Status::okStatus();
  }

  static void keyword(const DocumentPtr& ld, const wchar_t* name, const std::string& value, bool stored = false) {
    ld->add(newLucene<Field>(name, wide(value), stored ? Field::STORE_YES : Field::STORE_NO,
                             Field::INDEX_NOT_ANALYZED_NO_NORMS));
  }

  static std::string zeroPadded(std::size_t v) {
    std::string s = std::to_string(v);
    return std::string(s.size() < 12 ? 12 - s.size() : 0, '0') + s;
  }

  // People a passage is about: attendees it names or gives an assignment.
  static std::set<std::string> peopleOf(const Document& d, const Item& item) {
    std::set<std::string> people;
    for (const auto& att : d.attendees) {
      if (att.name.size() < 4) continue;
      bool named = item.text.find(att.name) != std::string::npos;
      for (const auto& a : item.assignments) named = named || a.assignee.find(att.name) != std::string::npos;
      if (named) people.insert(att.name);
    }
    return people;
  }

  DocumentPtr passageDocument(const Document& d, const Item& item, std::size_t position, const std::string& year) {
    auto ld = newLucene<Lucene::Document>();
    keyword(ld, field::kItemId, std::to_string(item.id), true);
    keyword(ld, field::kDocumentId, std::to_string(d.id), true);
    keyword(ld, field::kDocOrder, zeroPadded(static_cast<std::size_t>(d.id)));
    keyword(ld, field::kItemOrder, zeroPadded(position));
    keyword(ld, field::kKind, documentKindName(d.kind));
    if (!year.empty()) {
      keyword(ld, field::kYear, year);
      keyword(ld, field::kDate, d.date);
    }
    if (!d.organization.empty()) keyword(ld, field::kOrg, d.organization);
    keyword(ld, field::kPublic, item.is_public ? "true" : "false");
    keyword(ld, field::kState,
            publicationStateName(item.adjusted_immediately ? PublicationState::kPublished : d.publication_state));
    for (const auto& person : peopleOf(d, item)) keyword(ld, field::kPerson, person);
    // The areas a passage serves: its own links, and its document's.
    std::set<std::string> areas;
    for (const auto& l : d.links) {
      if (l.object_type == "document" || (l.object_type == "item" && l.item_index == position)) areas.insert(l.code);
    }
    for (const auto& area : areas) keyword(ld, field::kArea, area);
    std::set<std::string> statuses;
    // As it stands after the follow-ups of its thread; "overdue" is decided on the day of the search.
    for (const auto& a : item.assignments) statuses.insert(detail::statusTerm(a));
    for (const auto& status : statuses) keyword(ld, field::kStatus, status);
    const std::string body = passageBody(item);
    ld->add(newLucene<Field>(field::kOrganization, wide(d.organization), Field::STORE_NO, Field::INDEX_ANALYZED));
    ld->add(newLucene<Field>(field::kTitle, wide(d.title), Field::STORE_NO, Field::INDEX_ANALYZED));
    ld->add(newLucene<Field>(field::kBody, wide(body), Field::STORE_NO, Field::INDEX_ANALYZED));
    if (with_parts_) {
      ld->add(newLucene<Field>(field::kParts, wide(d.title + "\n" + body), Field::STORE_NO,
                               Field::INDEX_ANALYZED_NO_NORMS));
    }
    return ld;
  }

  Status reopenSearcher() {
    std::lock_guard<std::mutex> lock(searcher_mutex_);
    try {
      if (!current_) {
        auto holder = std::make_shared<SearcherHolder>();
        holder->reader = IndexReader::open(dir_, true);
        holder->searcher = newLucene<IndexSearcher>(holder->reader);
        current_ = holder;
        if (!writable_) {
          last_applied_ = lastSeqOf(holder->reader->getCommitUserData());
        }
        return Status::okStatus();
      }
      IndexReaderPtr fresh = current_->reader->reopen();
      if (fresh != current_->reader) {
        auto holder = std::make_shared<SearcherHolder>();
        holder->reader = fresh;
        holder->searcher = newLucene<IndexSearcher>(fresh);
        current_ = holder;  // the old reader closes when its last search ends
      }
      return Status::okStatus();
    } catch (const LuceneException& e) {
      return Status::ioError("cannot open the search index: " + lucenMessage(e));
    }
  }

  std::shared_ptr<SearcherHolder> currentSearcher() const {
    std::lock_guard<std::mutex> lock(searcher_mutex_);
    return current_;
  }

  DirectoryPtr dir_;
  bool writable_;
  int lock_fd_;
  bool with_parts_;
  AnalyzerPtr index_analyzer_;
  AnalyzerPtr query_analyzer_;
  AnalyzerPtr highlight_analyzer_;
  IndexWriterPtr writer_;
  std::mutex write_mutex_;
  mutable std::mutex searcher_mutex_;
  std::shared_ptr<SearcherHolder> current_;
  std::atomic<Sequence> last_applied_{0};
};

// One writer per index folder across processes: an advisory lock on a file.
Result<int> lockIndexFolder(const std::string& dir) {
  std::string path = dir + "/beslut-writer.lock";
  int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0) return Status::ioError("cannot create " + path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::alreadyExists("the search index in " + dir +
                                 " is in use by another process (is `beslut serve` running?)");
  }
  return fd;
}

Result<std::unique_ptr<SearchIndex>> finishOpen(std::unique_ptr<LuceneIndex> index) {
  Status st = index->open();
  if (!st.ok()) return st;
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace

Status checkSearchIndex(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::okStatus();
  try {
    DirectoryPtr directory = FSDirectory::open(wide(dir));
    if (!IndexReader::indexExists(directory)) return Status::okStatus();
    auto checker = newLucene<CheckIndex>(directory);
    IndexStatusPtr status = checker->checkIndex();
    if (status->clean) return Status::okStatus();
    if (status->missingSegments) return Status::corruption("the search index has lost segments");
    return Status::corruption("the search index is damaged (" + std::to_string(status->numBadSegments) + " of " +
                              std::to_string(status->numSegments) + " segments fail CheckIndex)");
  } catch (const LuceneException& e) {
    return Status::corruption("the search index cannot be read: " + lucenMessage(e));
  } catch (const std::exception& e) {
    return Status::corruption(std::string("the search index cannot be read: ") + e.what());
  }
}

Result<std::unique_ptr<SearchIndex>> openOrRebuildSearchIndex(const std::string& dir, IndexOptions options,
                                                              std::string* set_aside) {
  Status health = checkSearchIndex(dir);
  if (health.ok()) {
    auto index = openSearchIndex(dir, options);
    // Locked by another process is not damage; anything else that stops it opening is.
    if (index.ok() || index.status().code() == StatusCode::kAlreadyExists) return index;
    health = index.status();
  }
  const std::string aside = dir + ".skadat-" + std::to_string(std::time(nullptr));
  std::error_code ec;
  std::filesystem::rename(dir, aside, ec);
  if (ec) return Status::ioError(health.message() + "; it could not be moved aside: " + ec.message());
  if (set_aside != nullptr) *set_aside = aside + " (" + health.message() + ")";
  return openSearchIndex(dir, options);
}

Result<std::unique_ptr<SearchIndex>> openSearchIndex(const std::string& dir, IndexOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::ioError("cannot create the index folder " + dir + ": " + ec.message());
  auto fd = lockIndexFolder(dir);
  if (!fd.ok()) return fd.status();
  try {
    return finishOpen(std::make_unique<LuceneIndex>(FSDirectory::open(wide(dir)), true, fd.value(), options));
  } catch (const LuceneException& e) {
    ::close(fd.value());
    return Status::ioError("cannot open the search index: " + lucenMessage(e));
  }
}

Result<std::unique_ptr<SearchIndex>> openSearchIndexReadOnly(const std::string& dir, IndexOptions options) {
  try {
    return finishOpen(std::make_unique<LuceneIndex>(FSDirectory::open(wide(dir)), false, -1, options));
  } catch (const LuceneException& e) {
    return Status::ioError("cannot open the search index: " + lucenMessage(e));
  }
}

Result<std::unique_ptr<SearchIndex>> openSearchIndexInMemory(IndexOptions options) {
  try {
    return finishOpen(std::make_unique<LuceneIndex>(newLucene<RAMDirectory>(), true, -1, options));
  } catch (const LuceneException& e) {
    return Status::ioError("cannot create the search index: " + lucenMessage(e));
  }
}

}  // namespace beslut
