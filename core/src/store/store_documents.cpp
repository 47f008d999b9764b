// The SQLite store's documents: import, delete, extraction and corrections,
// summaries, passages and originals.
#include <Poco/Data/LOB.h>
#include <Poco/Data/Session.h>

#include <algorithm>

#include "beslut/document_json.h"
#include "audit_chain.h"
#include "store_rows.h"
#include "store_sqlite.h"

namespace beslut::detail {
namespace {


void insertOriginal(Session& s, const Document& d, std::string_view bytes) {
  Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string sha = d.original.sha256, media = d.original.media_type;
  Poco::Int64 size = static_cast<Poco::Int64>(bytes.size());
  s << "INSERT OR IGNORE INTO originals(sha256, media_type, size, bytes) VALUES(?, ?, ?, ?)", use(sha), use(media),
      use(size), use(blob), now;
}

// The extraction as kept: everything the plugin read but the whole text
// (documents.text). Item texts are in it as extracted; items.text holds the
// effective (possibly corrected) text for search.
std::string extractionJson(const Document& d) { return toJsonString(documentToJson(d, {false, true})); }

// The extraction (everything the plugin read, without the texts, which have
// their own columns) is kept as JSON; items, decisions, assignments and
// follow-ups are also rows, for ids and queries.
Poco::Int64 insertDocument(Session& s, const Document& d) {
  std::string extraction = extractionJson(d);
  std::string kind = documentKindName(d.kind), created = nowIso();
  s << "INSERT INTO documents(kind, title, language, publication_state, plugin, sha256, filename, text, "
       "extraction, created_at, extracted_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      use(kind), bind(d.title), bind(d.language), bind(std::string(publicationStateName(d.publication_state))),
      bind(d.plugin), bind(d.original.sha256), bind(d.original.filename), bind(d.text), use(extraction), use(created),
      use(created), now;
  return lastInsertId(s);
}

// One document of an import, in the caller's transaction: its id if the same
// bytes were imported before, else the original, the document and its rows,
// logged as ("document", id, "upsert").
ImportOutcome importOne(Session& s, const Document& d, std::string_view bytes, const AuditEntry* audit) {
  ImportOutcome outcome;
  std::vector<Poco::Int64> existing;
  std::string sha = d.original.sha256;
  s << "SELECT id FROM documents WHERE sha256 = ?", into(existing), use(sha), now;
  if (!existing.empty()) {
    outcome.id = existing.front();
    return outcome;  // nothing written
  }
  insertOriginal(s, d, bytes);
  outcome.id = insertDocument(s, d);
  outcome.created = true;
  syncDocumentRows(s, outcome.id, d);
  appendChange(s, "document", outcome.id, "upsert");
  if (audit != nullptr) {
    AuditEntry entry = *audit;
    entry.entity_id = outcome.id;
    appendAudit(s, entry);
  }
  return outcome;
}

// The raw extraction of a document, with its texts and row ids.
Result<Document> loadExtraction(Session& s, Id id) {
  std::vector<std::string> extraction, text;
  s << "SELECT extraction, text FROM documents WHERE id = ?", into(extraction), into(text), bind(id), now;
  if (extraction.empty()) return Status::notFound("no document " + std::to_string(id));
  auto parsed = documentFromJson(extraction.front());
  if (!parsed.ok()) return parsed.status();
  Document d = std::move(parsed).value();
  d.id = id;
  d.text = std::move(text.front());
  return d;
}

std::vector<Correction> loadCorrections(Session& s, Id document_id) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> paths, values, authors, reasons, created;
  s << "SELECT id, path, value, author, reason, created_at FROM corrections WHERE document_id = ? ORDER BY id",
      into(ids), into(paths), into(values), into(authors), into(reasons), into(created), bind(document_id), now;
  std::vector<Correction> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out[i] = {ids[i], paths[i], values[i], authors[i], reasons[i], created[i]};
  }
  return out;
}

std::vector<DocumentSummary> summaries(Session& s, const std::string& where, Poco::Int64 arg) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> kinds, titles, orgs, dates, states, created;
  s << "SELECT d.id, d.kind, d.title, COALESCE(o.name, ''), d.date, d.publication_state, d.created_at "
       "FROM documents d LEFT JOIN organizations o ON o.id = d.organization_id WHERE " +
           where,
      into(ids), into(kinds), into(titles), into(orgs), into(dates), into(states), into(created), bind(arg), now;
  std::vector<DocumentSummary> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out[i] = {ids[i],    parseDocumentKind(kinds[i]).value_or(DocumentKind::kOther),
              titles[i], orgs[i],
              dates[i],  publicationStateOf(states[i]),
              created[i]};
  }
  return out;
}

std::vector<Item> loadItemRows(Session& s, const std::string& where, Poco::Int64 arg) {
  std::vector<Poco::Int64> ids, sb, se;
  std::vector<std::string> numbers, titles, texts, dnrs;
  std::vector<int> pub;
  s << "SELECT id, number, title, text, registry_number, is_public, span_begin, span_end "
       "FROM items WHERE " +
           where + " ORDER BY position",
      into(ids), into(numbers), into(titles), into(texts), into(dnrs), into(pub), into(sb), into(se), bind(arg), now;
  std::vector<Item> items(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Item& it = items[i];
    it.id = ids[i];
    it.number = numbers[i];
    it.title = titles[i];
    it.text = texts[i];
    it.registry_number = dnrs[i];
    it.is_public = pub[i] != 0;
    it.span = {static_cast<std::size_t>(sb[i]), static_cast<std::size_t>(se[i])};
  }
  return items;
}

bool adjustedImmediately(const Publication& p, const Item& item) {
  return std::find(p.immediate_items.begin(), p.immediate_items.end(), item.number) != p.immediate_items.end();
}

}  // namespace

Result<Document> loadEffective(Session& s, Id id) {
  auto d = loadExtraction(s, id);
  if (!d.ok()) return d;
  applyCorrections(d.value(), loadCorrections(s, id));
  if (auto p = loadPublication(s, id, false); p.ok()) {
    d->publication_state = p->state;
    if (!p->adjusted_date.empty()) d->adjusted_date = p->adjusted_date;
    for (auto& item : d->items) item.adjusted_immediately = adjustedImmediately(p.value(), item);
  }
  attachRowIds(s, id, d.value());  // rows mirror the effective document, position by position
  return d;
}

Result<ImportOutcome> SqliteStore::importDocument(const Document& d, std::string_view bytes, const AuditEntry* audit) {
  return write(write_mutex_, pool_, "could not store the document",
               [&](Session& s) -> Result<ImportOutcome> { return importOne(s, d, bytes, audit); });
}

std::vector<Result<ImportOutcome>> SqliteStore::importDocuments(const std::vector<PendingImport>& batch) {
  std::vector<Result<ImportOutcome>> results(batch.size(), Status::internal("not stored"));
  if (batch.empty()) return results;
  Status st = write(write_mutex_, pool_, "could not store the documents", [&](Session& s) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
      // A savepoint per document: one that fails is undone alone and reported in its place.
      s << "SAVEPOINT one_import", now;
      try {
        ImportOutcome outcome = importOne(s, *batch[i].document, batch[i].original_bytes, batch[i].audit);
        s << "RELEASE one_import", now;
        results[i] = outcome;
      } catch (const Poco::Exception& e) {
        s << "ROLLBACK TO one_import", now;
        s << "RELEASE one_import", now;
        results[i] = fromException(e.displayText(), "could not store the document");
      }
    }
  });
  if (!st.ok()) std::fill(results.begin(), results.end(), Result<ImportOutcome>(st));
  return results;
}

Status SqliteStore::deleteDocument(Id id) {
  return write(write_mutex_, pool_, "could not delete the document", [&](Session& s) {
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM documents WHERE id = ?", into(count), bind(id), now;
    if (count == 0) return Status::notFound("no document " + std::to_string(id));
    s << "DELETE FROM documents WHERE id = ?", bind(id), now;
    appendChange(s, "document", id, "delete");
    return Status::okStatus();
  });
}

Result<Document> SqliteStore::document(Id id) const {
  return read(pool_, "could not read document " + std::to_string(id), [&](Session& s) { return loadEffective(s, id); });
}

Result<Document> SqliteStore::extraction(Id id) const {
  return read(pool_, "could not read document " + std::to_string(id),
              [&](Session& s) { return loadExtraction(s, id); });
}

Result<std::vector<Correction>> SqliteStore::corrections(Id document_id) const {
  return read(pool_, "could not read corrections",
              [&](Session& s) -> Result<std::vector<Correction>> { return loadCorrections(s, document_id); });
}

Result<Correction> SqliteStore::addCorrection(Id document_id, Correction c) {
  if (c.author.empty()) return Status::invalidArgument("En rättelse måste ha en författare.");
  return write(write_mutex_, pool_, "could not store the correction", [&](Session& s) -> Result<Correction> {
    auto current = loadEffective(s, document_id);
    if (!current.ok()) return current.status();
    if (Status applied = applyCorrection(current.value(), c); !applied.ok()) return applied;
    c.created_at = nowIso();
    s << "INSERT INTO corrections(document_id, path, value, author, reason, created_at) VALUES(?, ?, ?, ?, ?, ?)",
        bind(document_id), use(c.path), use(c.value_json), use(c.author), use(c.reason), use(c.created_at), now;
    c.id = lastInsertId(s);
    syncDocumentRows(s, document_id, current.value());
    appendChange(s, "document", document_id, "upsert");
    return c;
  });
}

Status SqliteStore::replaceExtraction(Id document_id, const Document& fresh) {
  return write(write_mutex_, pool_, "could not store the new extraction", [&](Session& s) {
    Poco::Int64 count = 0;
    s << "SELECT COUNT(*) FROM documents WHERE id = ?", into(count), bind(document_id), now;
    if (count == 0) return Status::notFound("no document " + std::to_string(document_id));
    std::string extraction = extractionJson(fresh), at = nowIso();
    std::string kind = documentKindName(fresh.kind);
    s << "UPDATE documents SET kind = ?, plugin = ?, text = ?, extraction = ?, extracted_at = ? WHERE id = ?",
        use(kind), bind(fresh.plugin), bind(fresh.text), use(extraction), use(at), bind(document_id), now;
    Document effective = fresh;
    applyCorrections(effective, loadCorrections(s, document_id));
    syncDocumentRows(s, document_id, effective);
    appendChange(s, "document", document_id, "upsert");
    return Status::okStatus();
  });
}

Result<DocumentSummary> SqliteStore::documentSummary(Id id) const {
  return read(pool_, "could not read document " + std::to_string(id), [&](Session& s) -> Result<DocumentSummary> {
    std::vector<DocumentSummary> found = summaries(s, "d.id = ?", id);
    if (found.empty()) return Status::notFound("no document " + std::to_string(id));
    return found.front();
  });
}

Result<Passage> SqliteStore::passage(Id item_id) const {
  return read(pool_, "could not read item " + std::to_string(item_id), [&](Session& s) -> Result<Passage> {
    std::vector<Poco::Int64> doc_ids;
    s << "SELECT document_id FROM items WHERE id = ?", into(doc_ids), bind(item_id), now;
    if (doc_ids.empty()) return Status::notFound("no item " + std::to_string(item_id));
    Passage p;
    auto found = summaries(s, "d.id = ?", doc_ids.front());
    if (found.empty()) return Status::notFound("no document for item " + std::to_string(item_id));
    p.document = found.front();
    auto items = loadItemRows(s, "id = ?", item_id);
    if (items.empty()) return Status::notFound("no item " + std::to_string(item_id));
    p.item = std::move(items.front());
    if (auto pub = loadPublication(s, p.document.id, false); pub.ok()) {
      p.item.adjusted_immediately = adjustedImmediately(pub.value(), p.item);
    }
    return p;
  });
}

Result<std::optional<Id>> SqliteStore::findBySha256(const std::string& sha256) const {
  return read(pool_, "could not look up a file", [&](Session& s) -> Result<std::optional<Id>> {
    std::vector<Poco::Int64> ids;
    std::string sha = sha256;
    s << "SELECT id FROM documents WHERE sha256 = ?", into(ids), use(sha), now;
    if (ids.empty()) return std::optional<Id>();
    return std::optional<Id>(ids.front());
  });
}

Result<std::string> SqliteStore::original(const std::string& sha256) const {
  return read(pool_, "could not read an original file", [&](Session& s) -> Result<std::string> {
    std::vector<Poco::Data::BLOB> blobs;
    std::string sha = sha256;
    s << "SELECT bytes FROM originals WHERE sha256 = ?", into(blobs), use(sha), now;
    if (blobs.empty()) return Status::notFound("no original " + sha256);
    const auto& content = blobs.front().content();
    return std::string(content.begin(), content.end());
  });
}

Result<std::vector<Id>> SqliteStore::documentIds() const {
  return read(pool_, "could not list documents", [&](Session& s) -> Result<std::vector<Id>> {
    std::vector<Poco::Int64> ids;
    s << "SELECT id FROM documents ORDER BY id", into(ids), now;
    return std::vector<Id>(ids.begin(), ids.end());
  });
}

Result<std::vector<DocumentSummary>> SqliteStore::listDocuments(const std::string& kind,
                                                                const std::string& organization,
                                                                const std::string& state, std::size_t limit) const {
  return read(pool_, "could not list documents", [&](Session& s) -> Result<std::vector<DocumentSummary>> {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> kinds, titles, orgs, dates, states, created;
    std::string k = kind, o = organization, st = state;
    Poco::Int64 lim = static_cast<Poco::Int64>(limit);
    s << "SELECT d.id, d.kind, d.title, COALESCE(o.name, ''), d.date, d.publication_state, d.created_at "
         "FROM documents d LEFT JOIN organizations o ON o.id = d.organization_id "
         "WHERE (? = '' OR d.kind = ?) AND (? = '' OR o.name = ?) AND (? = '' OR d.publication_state = ?) "
         "ORDER BY d.date DESC, d.id DESC LIMIT ?",
        into(ids), into(kinds), into(titles), into(orgs), into(dates), into(states), into(created), use(k), use(k),
        use(o), use(o), use(st), use(st), use(lim), now;
    std::vector<DocumentSummary> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i],    parseDocumentKind(kinds[i]).value_or(DocumentKind::kOther),
                titles[i], orgs[i],
                dates[i],  publicationStateOf(states[i]),
                created[i]};
    }
    return out;
  });
}

Result<std::int64_t> SqliteStore::documentCount() const {
  return read(pool_, "could not count documents", [&](Session& s) -> Result<std::int64_t> {
    Poco::Int64 n = 0;
    s << "SELECT COUNT(*) FROM documents", into(n), now;
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace beslut::detail
