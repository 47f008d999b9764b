// Who may see what: the one rule for every face (API, portal, feeds, search,
// CLI). A visitor without rights in a document's body sees published documents
// only, without their non-public items; readers of the body see all of it;
// administrators see everything.
#pragma once

#include <vector>

#include "beslut/accounts.h"
#include "beslut/followup.h"
#include "beslut/model.h"
#include "beslut/search_index.h"
#include "beslut/store.h"

namespace beslut {

// The one rule for the public: an item is visible when it is public and its
// document is published, or the item was adjusted at once (omedelbar justering).
bool itemVisibleToPublic(PublicationState publication_state, const Item& item);

// True if the document is published and every item is public.
bool wholeDocumentPublic(const Document& d);

// Removes the non-public items (with their links, decisions and assignments)
// and renumbers the remaining links' item_index. Of a document not yet
// published only the items adjusted at once (omedelbar justering) remain.
// Returns false, leaving `d` as it was, if nothing of it is visible.
bool redactForPublic(Document& d);

// What `p` may see of a document: all of it in the principal's bodies, else
// what redactForPublic leaves (applied to `d`). False if nothing.
bool redactFor(const Principal& p, Document& d);

// A document's existence (its summary in lists): published ones, and all of the principal's bodies.
bool canSee(const Principal& p, const DocumentSummary& d);
// One item (§) of a document, e.g. a search hit or an area's passage.
bool canSee(const Principal& p, const Passage& passage);
// Assignments and report-backs: public ones, and all of the principal's bodies.
bool canSee(const Principal& p, const AssignmentRecord& r);
bool canSee(const Principal& p, const ReportBack& r);
// A saved search is personal: its owner's only.
bool canSee(const Principal& p, const SavedSearch& s);
std::vector<AssignmentRecord> visibleOnly(const Principal& p, std::vector<AssignmentRecord> all);

// Refusals in words a secretary understands (kPermissionDenied, kNotFound).
Status mayNotEdit(const std::string& organization);
Status mayNotRead();
Status documentMissing(Id id);  // not there, or not the caller's to see: the same answer

// Search restricted to what the principal may see.
void restrictToVisible(const Principal& p, SearchRequest& request);

}  // namespace beslut
