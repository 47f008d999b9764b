// The result of `beslut extract`: a Document in the key format of the gold
// files (shared/gold/*.json), so that extraction can be compared with what a
// careful reader extracts. Empty strings become null.
//
// Every kind:
//   kind, body (organisation), date, title, plugin
//   evidence   {field: {begin, end, confidence}} for the document-level facts
// Minutes:
//   time, place, chair, secretary, adjusters [name], adjusted_date,
//   attendees [{name, party, role, municipality, adjuster, span, confidence}],
//   items [{number, title, registry_number, decisions [text],
//           assignments [{assignee, task, due, due_text}]}]
//   `due` is the ISO date or month ("2019-10"), else the words as written
//   ("till nästa möte"), else null.
// Replies:
//   initiator {name, party}, replier {name, role}, topic, key_commitments [text]
// Annual reports:
//   goals [{number, title, indicators [{name, outcome, target, period}]}],
//   assignments [{number, title, assignee, task, due,
//                 followups [{status, evidence_text, span, confidence}]}],
//   items [{number, title, kind}]
// Action plans and other documents:
//   items [{number, title, kind}]
#pragma once

#include <Poco/JSON/Object.h>

#include "beslut/model.h"

namespace beslut {

Poco::JSON::Object::Ptr extractionToJson(const Document& document);

}  // namespace beslut
