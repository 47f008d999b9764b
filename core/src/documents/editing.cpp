#include "beslut/editing.h"

#include "beslut/audit.h"
#include "beslut/corrections.h"
#include "beslut/document_json.h"
#include "beslut/publishing.h"
#include "beslut/visibility.h"

namespace beslut {

namespace {

// The document as the principal may change it: there, and in one of their bodies.
Result<Document> editable(const Store& store, const Principal& who, Id document_id) {
  auto doc = store.document(document_id);
  if (!doc.ok()) return doc.status().code() == StatusCode::kNotFound ? documentMissing(document_id) : doc.status();
  const bool published = doc->publication_state == PublicationState::kPublished;
  if (!published && !who.canRead(doc->organization)) return documentMissing(document_id);  // not theirs to see
  if (!who.canEdit(doc->organization)) return mayNotEdit(doc->organization);
  return doc;
}

}  // namespace

Result<ImportReport> Editing::importDocument(const Principal& who, const Upload& upload) {
  if (!who.canEditSomewhere()) return mayNotEdit("");
  ImportRequest request{upload.bytes, upload.filename, upload.media_type.substr(0, upload.media_type.find(';')),
                        upload.draft};
  request.audit = AuditEntry{0,
                             "",
                             who.name,
                             "document.import",
                             "document",
                             0,
                             "",
                             upload.filename + " (" + std::to_string(upload.bytes.size()) + " byte" +
                                 (upload.draft ? ", utkast" : "") + ")"};
  auto report = ingest_.importFile(request, [&](const Document& d) {
    if (d.organization.empty()) {
      // An archive's record of an unnamed body is stored as read; a draft needs its body (whose
      // secretary sends it, whose chair approves it), unless an administrator takes it in.
      if (!upload.draft || who.administrator()) return Status::okStatus();
      return Status::unprocessable("Det gick inte att läsa ut vilket organ dokumentet kommer från. Skriv organets namn "
                                   "överst i protokollet.");
    }
    return who.canEdit(d.organization) ? Status::okStatus() : mayNotEdit(d.organization);
  });
  if (!report.ok() || !report->created) return report;
  if (upload.draft || report->held_as_draft) {
    if (Status st = Publishing(store_, accounts_).makeDraft(report->id); !st.ok()) return st;
  }
  return report;
}

Result<Correction> Editing::correct(const Principal& who, Id document_id, Correction correction) {
  auto before = editable(store_, who, document_id);
  if (!before.ok()) return before.status();
  correction.author = who.name;
  if (auto pub = store_.publication(document_id); pub.ok()) {
    if (Status allowed = correctionAllowed(pub.value(), correction.path); !allowed.ok()) return allowed;
  }
  // Moving a document to another body needs rights in that body too.
  if (Document trial = before.value(); applyCorrection(trial, correction).ok() && !who.canEdit(trial.organization)) {
    return mayNotEdit(trial.organization);
  }
  auto stored = store_.addCorrection(document_id, correction);
  if (!stored.ok()) {
    return stored.status().code() == StatusCode::kNotFound ? documentMissing(document_id) : stored.status();
  }
  if (auto after = store_.document(document_id); after.ok()) {
    auto [was, is] = jsonDiff(documentToJson(before.value()), documentToJson(after.value()));
    recordChange(accounts_, who, "correction.add " + correction.path, "document", document_id, was, is);
  }
  return stored;
}

Status Editing::reextract(const Principal& who, Id document_id) {
  auto before = editable(store_, who, document_id);
  if (!before.ok()) return before.status();
  // Re-reading changes the content: frozen once sent for justering, as corrections are.
  auto publication = store_.publication(document_id);
  if (!publication.ok()) return publication.status();
  if (Status frozen = correctionAllowed(publication.value(), "/text"); !frozen.ok()) return frozen;
  Status st = ingest_.reextract(document_id);
  if (!st.ok()) return st.code() == StatusCode::kNotFound ? documentMissing(document_id) : st;
  if (auto after = store_.document(document_id); after.ok()) {
    auto [was, is] = jsonDiff(documentToJson(before.value()), documentToJson(after.value()));
    recordChange(accounts_, who, "document.reextract", "document", document_id, was, is);
  }
  return Status::okStatus();
}

}  // namespace beslut
