#include "beslut/ingest.h"

#include "beslut/publishing.h"

#include "beslut/sha256.h"
#include "beslut/text.h"

namespace beslut {
namespace {

bool looksLikePlainText(std::string_view bytes) {
  return bytes.find('\0') == std::string_view::npos && isValidUtf8(bytes);
}

// Lucene++ turns a string with any invalid UTF-8 byte into an empty string,
// so a plugin's mistake would make a passage unsearchable: refuse it here.
Status checkUtf8(const Document& doc) {
  auto bad = [](const std::string& s) { return !isValidUtf8(s); };
  if (bad(doc.title) || bad(doc.organization) || bad(doc.text)) {
    return Status::internal("plugin " + doc.plugin + " produced invalid UTF-8 in the document");
  }
  for (const auto& item : doc.items) {
    if (bad(item.title) || bad(item.text) || bad(item.number)) {
      return Status::internal("plugin " + doc.plugin + " produced invalid UTF-8 in item " + item.number);
    }
  }
  return Status::okStatus();
}

}  // namespace

Result<Document> extractDocument(const PluginRegistry& plugins, const ImportRequest& request,
                                 const IngestLimits& limits, const Taxonomy& taxonomy) {
  if (request.bytes.empty()) return Status::invalidArgument("Filen är tom.");
  if (request.bytes.size() > limits.max_bytes) {
    return Status::tooLarge("Filen är för stor: högst " + std::to_string(limits.max_bytes / (1024 * 1024)) + " MB.");
  }
  auto extractor = plugins.extractorFor(request.media_type, request.filename);
  if (!extractor) {
    // A client that does not say what it sends: plain text is the one format
    // we can recognise safely from its bytes.
    const bool unspecified = request.media_type.empty() || request.media_type == "application/octet-stream";
    if (unspecified && looksLikePlainText(request.bytes)) {
      extractor = std::dynamic_pointer_cast<Extractor>(plugins.find("text"));
    }
  }
  if (!extractor) {
    return Status::unsupported("Filformatet stöds inte (" +
                               (request.media_type.empty() ? request.filename : request.media_type) +
                               "). Ladda upp en textfil (.txt) eller Markdown (.md).");
  }
  auto text = extractor->extract({request.bytes, request.filename, request.media_type});
  if (!text.ok()) return text.status();
  // Symbol and Wingdings bullets from Word and PDF: "•" for every reader, never a box.
  if (text->text.find("\xEF") != std::string::npos) text->text = mapPrivateUseBullets(text->text);

  auto reader = plugins.documentPluginFor(text->text);
  if (!reader) return Status::unprocessable("Ingen insticksmodul kan läsa dokumentet.");
  auto parsed = reader->parse(text->text);
  if (!parsed.ok()) return parsed.status();
  Document doc = std::move(parsed).value();
  doc.plugin = reader->name();
  if (doc.text.empty()) doc.text = text->text;
  if (doc.items.empty()) {
    // Every document is searchable through at least one passage.
    Item whole;
    whole.number = "1";
    whole.kind = "document";  // not an item of the text: the whole text as one passage
    whole.title = doc.title;
    whole.text = doc.text;
    whole.span = {0, doc.text.size()};
    doc.items.push_back(std::move(whole));
  }
  doc.original.sha256 = sha256Hex(request.bytes);
  doc.original.media_type = text->media_type;
  doc.original.filename = safeFileName(request.filename);
  doc.original.size = request.bytes.size();
  if (Status st = checkUtf8(doc); !st.ok()) return st;
  if (!taxonomy.nodes.empty()) {
    for (const auto& linker : plugins.linkers()) {
      for (auto& link : linker->link(doc, taxonomy)) {
        link.origin = linker->name();
        doc.links.push_back(std::move(link));
      }
    }
  }
  return doc;
}

Result<std::optional<ImportReport>> Ingest::alreadyImported(std::string_view bytes) const {
  if (bytes.empty() || bytes.size() > limits_.max_bytes) return std::optional<ImportReport>();
  auto existing = store_.findBySha256(sha256Hex(bytes));
  if (!existing.ok()) return existing.status();
  if (!existing->has_value()) return std::optional<ImportReport>();
  auto doc = store_.document(*existing.value());
  if (!doc.ok()) return doc.status();
  ImportReport report;
  report.id = doc->id;
  report.kind = doc->kind;
  report.title = doc->title;
  report.plugin = doc->plugin;
  report.items = doc->items.size();
  return std::optional<ImportReport>(std::move(report));
}

void Ingest::matchNewAssignments(Id id, const Document& document) const {
  // Assignments to thread, or a council's document that may report back on earlier ones.
  bool any = document.kind != DocumentKind::kOther && !document.date.empty();
  for (const auto& item : document.items) any = any || !item.assignments.empty();
  // The same assignment followed in earlier documents: a failure here leaves
  // the document stored, only unmatched (matching can run again).
  if (any) (void)store_.matchAssignments(id);
}

namespace {

// A document about to be public at once that seems to hold a personal
// identity number is stored as a draft instead (the same check as before
// sending minutes for justering): where the first one is, if so.
std::optional<std::string> holdIdentityNumbers(Document& doc) {
  if (doc.publication_state == PublicationState::kDraft) return std::nullopt;
  auto hits = findIdentityNumbers(doc);
  if (hits.empty()) return std::nullopt;
  doc.publication_state = PublicationState::kDraft;
  return hits.front().item_number.empty() ? std::string("utanför paragraferna") : "i § " + hits.front().item_number;
}

void addHeldWarning(ImportReport& report, const std::string& where) {
  report.held_as_draft = true;
  report.warnings.push_back("Dokumentet verkar innehålla ett personnummer (" + where +
                            "). Det sparades som utkast och syns inte för allmänheten förrän det har granskats "
                            "och publicerats.");
}

ImportReport reportOf(const ImportOutcome& outcome, const Document& doc) {
  ImportReport report;
  report.id = outcome.id;
  report.created = outcome.created;
  report.kind = doc.kind;
  report.title = doc.title;
  report.plugin = doc.plugin;
  report.items = doc.items.size();
  return report;
}

}  // namespace

Result<ImportReport> Ingest::importFile(const ImportRequest& request,
                                        const std::function<Status(const Document&)>& admit) const {
  // Same bytes as before: answer without parsing again.
  auto known = alreadyImported(request.bytes);
  if (!known.ok()) return known.status();
  if (known->has_value()) {
    // Even "already there" says something of a document: only to those who may import it.
    if (admit) {
      auto existing = store_.document(known->value().id);
      if (!existing.ok()) return existing.status();
      Status st = admit(existing.value());
      if (!st.ok()) return st;
    }
    return std::move(*known.value());
  }
  auto doc = extractDocument(plugins_, request, limits_, taxonomy_ != nullptr ? *taxonomy_ : Taxonomy{});
  if (!doc.ok()) return doc.status();
  if (request.as_draft) doc->publication_state = PublicationState::kDraft;
  const auto held = holdIdentityNumbers(doc.value());
  if (admit) {
    Status st = admit(doc.value());
    if (!st.ok()) return st;
  }
  auto outcome = store_.importDocument(doc.value(), request.bytes, request.audit ? &*request.audit : nullptr);
  if (!outcome.ok()) return outcome.status();
  if (outcome->created) matchNewAssignments(outcome->id, doc.value());
  ImportReport report = reportOf(outcome.value(), doc.value());
  if (held && outcome->created) addHeldWarning(report, *held);
  return report;
}

std::vector<Result<ImportReport>> Ingest::importFiles(const std::vector<ImportRequest>& requests) const {
  std::vector<Result<ImportReport>> results(requests.size(), Status::internal("not imported"));
  std::vector<std::optional<std::string>> held(requests.size());
  std::vector<Document> docs;
  std::vector<std::size_t> positions;  // docs[k] came from requests[positions[k]]
  docs.reserve(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto known = alreadyImported(requests[i].bytes);
    if (!known.ok()) {
      results[i] = known.status();
      continue;
    }
    if (known->has_value()) {
      results[i] = std::move(*known.value());
      continue;
    }
    auto doc = extractDocument(plugins_, requests[i], limits_, taxonomy_ != nullptr ? *taxonomy_ : Taxonomy{});
    if (!doc.ok()) {
      results[i] = doc.status();
      continue;
    }
    if (requests[i].as_draft) doc->publication_state = PublicationState::kDraft;
    held[i] = holdIdentityNumbers(doc.value());
    docs.push_back(std::move(doc).value());
    positions.push_back(i);
  }
  std::vector<PendingImport> batch;
  batch.reserve(docs.size());
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const ImportRequest& r = requests[positions[k]];
    batch.push_back({&docs[k], r.bytes, r.audit ? &*r.audit : nullptr});
  }
  auto outcomes = store_.importDocuments(batch);
  for (std::size_t k = 0; k < docs.size(); ++k) {
    if (!outcomes[k].ok()) {
      results[positions[k]] = outcomes[k].status();
      continue;
    }
    if (outcomes[k]->created) matchNewAssignments(outcomes[k]->id, docs[k]);
    ImportReport report = reportOf(outcomes[k].value(), docs[k]);
    if (held[positions[k]] && outcomes[k]->created) addHeldWarning(report, *held[positions[k]]);
    results[positions[k]] = std::move(report);
  }
  return results;
}

Status Ingest::reextract(Id document_id) const {
  auto current = store_.extraction(document_id);
  if (!current.ok()) return current.status();
  auto bytes = store_.original(current->original.sha256);
  if (!bytes.ok()) return bytes.status();
  auto fresh = extractDocument(plugins_, {bytes.value(), current->original.filename, current->original.media_type},
                               limits_, taxonomy_ != nullptr ? *taxonomy_ : Taxonomy{});
  if (!fresh.ok()) return fresh.status();
  return store_.replaceExtraction(document_id, fresh.value());
}

std::string mediaTypeForFilename(std::string_view filename) {
  std::size_t dot = filename.rfind('.');
  std::size_t slash = filename.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext = toLowerSwedish(filename.substr(dot));
  if (ext == ".txt") return "text/plain";
  if (ext == ".md" || ext == ".markdown") return "text/markdown";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == ".xml") return "application/xml";
  return "";
}

}  // namespace beslut
