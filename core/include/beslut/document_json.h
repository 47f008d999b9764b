// JSON form of the domain types, as served by the HTTP API and kept in the store.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <utility>

#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

struct JsonOptions {
  bool document_text = false;  // the whole canonical text
  bool item_text = true;       // each item's text
  // "review": the facts read with little confidence (factsToReview). For the
  // reader of the document only; not kept in the stored extraction or compared
  // in diffs, since it is derived from the confidences there.
  bool review = false;
};

Poco::JSON::Object::Ptr documentToJson(const Document& document, JsonOptions options = {});

// What changed between two JSON forms of the same thing, as two JSON objects
// (before, after) holding only the differing top-level keys; within arrays of
// equal length only the differing elements, keyed "name[i]". For the audit log.
std::pair<std::string, std::string> jsonDiff(const Poco::JSON::Object::Ptr& before,
                                             const Poco::JSON::Object::Ptr& after);
Poco::JSON::Object::Ptr itemToJson(const Item& item, bool include_text = true);
std::string toJsonString(const Poco::JSON::Object::Ptr& object);
// Inverse of documentToJson for what that writes.
Result<Document> documentFromJson(const std::string& json);

}  // namespace beslut
