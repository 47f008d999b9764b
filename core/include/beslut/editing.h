// The use cases that change a document: import, correct, re-extract. Each
// checks the principal's rights, does the work and records itself in the audit
// log with the document before and after as the store has it; the HTTP API,
// the portal and the CLI only parse, call and render.
#pragma once

#include <string>

#include "beslut/accounts.h"
#include "beslut/ingest.h"
#include "beslut/status.h"
#include "beslut/store.h"

namespace beslut {

struct Upload {
  std::string bytes;
  std::string filename;
  std::string media_type;  // parameters ("; charset=utf-8") are dropped
  // New minutes on their way through justering: stored as a draft. A draft
  // must name its body (whose secretary sends it) unless an administrator imports it.
  bool draft = false;
};

class Editing {
 public:
  Editing(Store& store, AccountStore& accounts, const Ingest& ingest)
      : store_(store), accounts_(accounts), ingest_(ingest) {}

  // A secretary imports into their own bodies (checked on what was read,
  // before anything is stored); an administrator anywhere. The same bytes
  // again: the report of the first import (created = false), nothing recorded.
  Result<ImportReport> importDocument(const Principal& who, const Upload& upload);

  // One correction (see corrections.h), by `who` whatever `correction.author`
  // says. Only while the publication allows it; moving a document to another
  // body needs rights in both.
  Result<Correction> correct(const Principal& who, Id document_id, Correction correction);

  // Reads the original again with today's plugins; corrections are re-applied.
  Status reextract(const Principal& who, Id document_id);

 private:
  Store& store_;
  AccountStore& accounts_;
  const Ingest& ingest_;
};

}  // namespace beslut
