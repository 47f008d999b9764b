// Publishing minutes: a secretary sends them for justering, the chair and the
// adjusters approve, the last approval sets the date and posts the minutes on
// the digital notice board, where the three-week appeal period runs
// (laglighetsprövning, kommunallagen 13 kap.). Single items can be adjusted at
// once (omedelbar justering) and are then public ahead of the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "beslut/accounts.h"
#include "beslut/model.h"
#include "beslut/status.h"
#include "beslut/store.h"

namespace beslut {

// "Utkast", "Skickat för justering", "Justerat och publicerat".
const char* publicationStateLabel(PublicationState state);

inline constexpr int kAppealDays = 21;  // three weeks from the day the minutes were posted

// "2018-10-02" + 21 days → "2018-10-23"; "" for a malformed date.
std::string addDays(const std::string& iso_date, int days);

// The chair and the adjusters, in that order, each once.
std::vector<std::string> requiredApprovers(const Document& d);

// A personal identity number (personnummer) or co-ordination number
// (samordningsnummer: day + 60) with a valid check digit, found in the text.
struct IdentityNumberHit {
  std::string item_number;  // "" for text outside the items (title, attendees)
  std::string number;       // as written
};
std::vector<IdentityNumberHit> findIdentityNumbers(const Document& d);
// `digits`: 10 digits YYMMDDNNNC (or 12 with the century). Date and Luhn check digit.
bool validIdentityNumber(std::string_view digits);

// Whether a correction at `path` may be made now: the content of minutes is
// corrected while they are a draft (or were never published through Beslut);
// once sent for justering or adjusted, only their publicity (/items/N/public)
// and the review of strategy links (…/links/…) change. kUnprocessable otherwise.
Status correctionAllowed(const Publication& publication, const std::string& path);

// The use cases of publishing. Each checks the principal's rights and records
// itself in the audit log ("publication.send", "publication.withdraw",
// "publication.approve", "publication.approve_item N"), with the publication
// before and after as the store has it.
class Publishing {
 public:
  Publishing(Store& store, AccountStore& accounts) : store_(store), accounts_(accounts) {}

  // draft → adjusting. Only a secretary of the body (or an administrator). If
  // the text has what looks like identity numbers, `checked_identity_numbers`
  // must say that the secretary has looked at them (kUnprocessable otherwise,
  // naming them). kUnprocessable if the minutes have no chair or adjusters.
  Status sendForAdjustment(Id document_id, const Principal& who, const std::string& now_iso,
                           bool checked_identity_numbers);

  // The chair or an adjuster approves the whole minutes (scope "") or one item
  // (scope: its number, omedelbar justering). When everyone required has
  // approved a scope: the minutes are published and posted `today`, or the item
  // is published at once.
  Result<Publication> approve(Id document_id, const Principal& who, const std::string& scope, const std::string& today);

  // Back to draft (a secretary withdraws minutes sent by mistake); approvals stay recorded.
  Status withdraw(Id document_id, const Principal& who);

  // Makes a freshly imported document a draft (part of its import: not recorded apart).
  Status makeDraft(Id document_id);

 private:
  Status send(Id document_id, const Principal& who, const std::string& now_iso, bool checked_identity_numbers);
  Result<Publication> approveScope(Id document_id, const Principal& who, const std::string& scope,
                                   const std::string& today);
  Status toDraft(Id document_id, const Principal& who);
  // The publication as the audit log shows it: "published, anslaget 2018-10-02".
  std::string describe(Id document_id) const;

  Store& store_;
  AccountStore& accounts_;
};

}  // namespace beslut
