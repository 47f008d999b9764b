// The ingest pipeline: bytes → extractor plugin → document plugin → linker
// plugins → store. Stateless apart from its references; safe to share between
// threads.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/model.h"
#include "beslut/registry.h"
#include "beslut/status.h"
#include "beslut/store.h"

namespace beslut {

struct IngestLimits {
  std::size_t max_bytes = 50 * 1024 * 1024;
};

struct ImportRequest {
  std::string_view bytes;
  std::string filename;
  std::string media_type;
  // New minutes on their way through justering: stored unpublished ("draft"),
  // never visible to the public in between. Otherwise stored as read.
  bool as_draft = false;
  // Recorded in the audit log in the same transaction as the document, if it is new.
  std::optional<AuditEntry> audit = std::nullopt;
};

struct ImportReport {
  Id id = 0;
  bool created = false;  // false: the same bytes were already in the store
  DocumentKind kind = DocumentKind::kOther;
  std::string title;
  std::string plugin;
  std::size_t items = 0;
  // Said to whoever imported it, in Swedish: e.g. that it was held back as a
  // draft because it seems to contain a personal identity number.
  std::vector<std::string> warnings;
  bool held_as_draft = false;
};

// The media type of a file by its name's extension (case-insensitive):
// .txt, .md/.markdown, .pdf, .docx, .xml; empty when unknown (the extractors
// then decide by content).
std::string mediaTypeForFilename(std::string_view filename);

// Extraction only, without storing: extractor → document plugin → linkers.
// Errors as for Ingest::importFile.
Result<Document> extractDocument(const PluginRegistry& plugins, const ImportRequest& request,
                                 const IngestLimits& limits = {}, const Taxonomy& taxonomy = {});

class Ingest {
 public:
  // `taxonomy` must outlive the Ingest.
  Ingest(const PluginRegistry& plugins, Store& store, IngestLimits limits = {}, const Taxonomy* taxonomy = nullptr)
      : plugins_(plugins), store_(store), limits_(limits), taxonomy_(taxonomy) {}

  // Imports one file. Errors, each with a message a secretary understands:
  // kInvalidArgument (empty file, undecodable text), kTooLarge, kUnsupported
  // (no extractor reads this format), kUnprocessable (no text or no structure),
  // kIOError (the store failed; nothing was written).
  // `admit`, if given, sees the document as read before it is stored; an error
  // it returns (e.g. no right to import for that body) is returned and nothing
  // is stored.
  Result<ImportReport> importFile(const ImportRequest& request,
                                  const std::function<Status(const Document&)>& admit = {}) const;

  // Imports several files as importFile does, storing them in one transaction
  // (Store::importDocuments): the way to load an archive. One result per
  // request, in order; a file that fails leaves the others imported.
  std::vector<Result<ImportReport>> importFiles(const std::vector<ImportRequest>& requests) const;

  // Reads a stored document's original again with the current plugins and
  // replaces its extraction; its corrections still apply.
  Status reextract(Id document_id) const;

 private:
  // The stored document with these bytes, if any: importing them again only answers with it.
  Result<std::optional<ImportReport>> alreadyImported(std::string_view bytes) const;
  // Threads the stored document's assignments with earlier ones, if it has any.
  void matchNewAssignments(Id id, const Document& document) const;

  const PluginRegistry& plugins_;
  Store& store_;
  IngestLimits limits_;
  const Taxonomy* taxonomy_;
};

}  // namespace beslut
