// Corrections: a secretary's edits of extracted facts. A correction is kept as
// such (who, when, what, why), separate from the plugin's extraction, and is
// applied over every (re-)extraction, so it survives re-extraction and is what
// search and follow-up see.
//
// A correction names a fact by a path with stable keys, not array positions
// of the extraction where a stable key exists:
//   /title /date /time /place /chair /secretary /adjusted_date /organization
//   /registry_number /initiator /initiator_party /replier /replier_role /topic
//                                   value: string
//   /adjusters /commitments         value: array of strings
//   /attendees/{name}               value: object with any of name, party, role,
//                                   affiliation, adjuster (merged); null deletes
//   /attendees/+                    value: object (a new attendee; name required)
//   /items/{number}/title | /text | /registry_number   value: string
//   /items/{number}/public          value: bool
//   /items/{number}/decisions/{i}   value: string (the decision text); null deletes
//   /items/{number}/decisions/+     value: string
//   /items/{number}/assignments/{i} value: object with any of assignee, task, due,
//                                   status, progress (merged); null deletes
//   /items/{number}/assignments/+   value: object (assignee and task required)
//   /links/{scheme}/{code}          a document's link to a taxonomy node; and
//   /items/{number}/links/{scheme}/{code},
//   /items/{number}/decisions/{i}/links/{scheme}/{code},
//   /items/{number}/assignments/{i}/links/{scheme}/{code}
//                                   value: "confirm" (keeps it, marked with the
//                                   author), "reject" (removes it), or an object
//                                   {"score", "explanation"} that adds it
// {i} is the position within the item as extracted (0-based); "+" appends.
#pragma once

#include <string>
#include <vector>

#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

struct Correction {
  Id id = 0;
  std::string path;
  std::string value_json;  // the new value as JSON ("null" deletes)
  std::string author;
  std::string reason;
  std::string created_at;  // ISO 8601 UTC, set by the store
};

// Applies one correction to a document. kInvalidArgument (with a message in
// Swedish) when the path does not name a fact of this document or the value
// has the wrong type; the document is unchanged then.
Status applyCorrection(Document& document, const Correction& correction);

// Applies corrections in order; a correction that no longer applies (e.g. the
// item it names is gone after re-extraction) is skipped and reported in
// `skipped` (may be null).
void applyCorrections(Document& document, const std::vector<Correction>& corrections,
                      std::vector<Id>* skipped = nullptr);

}  // namespace beslut
