// What a visitor without rights in a document's body may see of it: published
// documents only, without their non-public items.
#pragma once

#include "beslut/model.h"

namespace beslut {

// The one rule for the public: an item is visible when it is public and its
// document is published, or the item was adjusted at once (omedelbar justering).
bool itemVisibleToPublic(const std::string& publication_state, const Item& item);

// True if the document is published and every item is public.
bool wholeDocumentPublic(const Document& d);

// Removes the non-public items (with their links, decisions and assignments)
// and renumbers the remaining links' item_index. Of a document not yet
// published only the items adjusted at once (omedelbar justering) remain.
// Returns false, leaving `d` as it was, if nothing of it is visible.
bool redactForPublic(Document& d);

}  // namespace beslut
