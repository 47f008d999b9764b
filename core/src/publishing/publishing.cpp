#include "beslut/publishing.h"

#include "beslut/audit.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>
#include <Poco/UTF8String.h>

#include <algorithm>
#include <mutex>

namespace beslut {

const char* publicationStateLabel(PublicationState state) {
  switch (state) {
    case PublicationState::kDraft: return "Utkast";
    case PublicationState::kAdjusting: return "Skickat för justering";
    case PublicationState::kPublished: return "Justerat och publicerat";
  }
  return "Justerat och publicerat";
}

std::string addDays(const std::string& iso_date, int days) {
  if (iso_date.size() != 10) return {};
  int tzd = 0;
  Poco::DateTime d;
  if (!Poco::DateTimeParser::tryParse("%Y-%m-%d", iso_date, d, tzd)) return {};
  d += Poco::Timespan(days, 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(d, "%Y-%m-%d");
}

namespace {

// One publishing step at a time in this process: each reads the record, decides and writes it back.
std::mutex& publishingMutex() {
  static std::mutex m;
  return m;
}

std::string normalName(const std::string& name) { return Poco::UTF8::toLower(Poco::trim(name)); }

bool samePerson(const std::string& a, const std::string& b) { return !a.empty() && normalName(a) == normalName(b); }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

void scan(const std::string& text, const std::string& item_number, std::vector<IdentityNumberHit>& hits) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!isDigit(text[i]) || (i > 0 && isDigit(text[i - 1]))) continue;
    std::size_t j = i;
    while (j < text.size() && isDigit(text[j])) ++j;
    const std::size_t run = j - i;
    if (run != 6 && run != 8 && run != 10 && run != 12) continue;
    std::string digits = text.substr(i, run), written = digits;
    std::size_t end = j;
    if (run == 6 || run == 8) {  // YYMMDD-NNNN, YYYYMMDD-NNNN (also + for people over 100, or a space)
      if (j + 5 > text.size() || (text[j] != '-' && text[j] != '+' && text[j] != ' ')) continue;
      std::size_t k = j + 1;
      while (k < text.size() && k < j + 5 && isDigit(text[k])) ++k;
      if (k != j + 5 || (k < text.size() && isDigit(text[k]))) continue;
      digits += text.substr(j + 1, 4);
      end = k;
    }
    written = text.substr(i, end - i);
    if (validIdentityNumber(digits)) hits.push_back({item_number, written});
    i = end;
  }
}

}  // namespace

bool validIdentityNumber(std::string_view digits) {
  if (digits.size() == 12) digits.remove_prefix(2);
  if (digits.size() != 10 || !std::all_of(digits.begin(), digits.end(), isDigit)) return false;
  const int month = (digits[2] - '0') * 10 + (digits[3] - '0');
  int day = (digits[4] - '0') * 10 + (digits[5] - '0');
  if (day > 60) day -= 60;  // samordningsnummer
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  int sum = 0;
  for (std::size_t k = 0; k < 10; ++k) {
    int v = digits[k] - '0';
    if (k % 2 == 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 == 0;
}

std::vector<std::string> requiredApprovers(const Document& d) {
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (Poco::trim(name).empty()) return;
    if (std::none_of(out.begin(), out.end(), [&](const std::string& o) { return samePerson(o, name); })) {
      out.push_back(Poco::trim(name));
    }
  };
  add(d.chair);
  for (const auto& a : d.adjusters) add(a);
  for (const auto& a : d.attendees) {
    if (a.adjuster) add(a.name);
  }
  return out;
}

std::vector<IdentityNumberHit> findIdentityNumbers(const Document& d) {
  std::vector<IdentityNumberHit> hits;
  scan(d.title, "", hits);
  for (const auto& a : d.attendees) scan(a.name + " " + a.role + " " + a.affiliation, "", hits);
  for (const auto& item : d.items) {
    scan(item.title + "\n" + item.text, item.number, hits);
    for (const auto& dec : item.decisions) scan(dec.text, item.number, hits);
    for (const auto& as : item.assignments) scan(as.assignee + " " + as.task, item.number, hits);
  }
  // The same number in an item and in its decision is one hit.
  std::vector<IdentityNumberHit> unique;
  for (auto& h : hits) {
    if (std::none_of(unique.begin(), unique.end(), [&](const IdentityNumberHit& u) {
          return u.item_number == h.item_number && u.number == h.number;
        })) {
      unique.push_back(std::move(h));
    }
  }
  return unique;
}

Status correctionAllowed(const Publication& publication, const std::string& path) {
  if (!publication.has_record || publication.state == PublicationState::kDraft) return Status::okStatus();
  const bool publicity = path.size() > 7 && path.compare(path.size() - 7, 7, "/public") == 0;
  const bool links = path.rfind("/links/", 0) == 0 || path.find("/links/") != std::string::npos;
  if (publicity || links) return Status::okStatus();
  return Status::unprocessable(publication.state == PublicationState::kAdjusting
                                   ? "Protokollet är skickat för justering och kan inte rättas. Återkalla det först."
                                   : "Protokollet är justerat och kan inte längre rättas.");
}

Status Publishing::sendForAdjustment(Id document_id, const Principal& who, const std::string& now_iso,
                                     bool checked_identity_numbers) {
  const std::string before = describe(document_id);
  Status st = send(document_id, who, now_iso, checked_identity_numbers);
  if (st.ok()) recordChange(accounts_, who, "publication.send", "document", document_id, before, describe(document_id));
  return st;
}

Result<Publication> Publishing::approve(Id document_id, const Principal& who, const std::string& scope,
                                        const std::string& today) {
  const std::string before = describe(document_id);
  auto result = approveScope(document_id, who, scope, today);
  if (result.ok()) {
    recordChange(accounts_, who, scope.empty() ? "publication.approve" : "publication.approve_item " + scope,
                 "document", document_id, before, describe(document_id));
  }
  return result;
}

Status Publishing::withdraw(Id document_id, const Principal& who) {
  const std::string before = describe(document_id);
  Status st = toDraft(document_id, who);
  if (st.ok())
    recordChange(accounts_, who, "publication.withdraw", "document", document_id, before, describe(document_id));
  return st;
}

std::string Publishing::describe(Id document_id) const {
  auto pub = store_.publication(document_id);
  if (!pub.ok()) return "";
  std::string out = publicationStateName(pub->state);
  if (!pub->posted_date.empty()) out += ", anslaget " + pub->posted_date;
  if (!pub->immediate_items.empty()) {
    out += ", omedelbart justerade §";
    for (std::size_t i = 0; i < pub->immediate_items.size(); ++i) out += (i ? ", " : " ") + pub->immediate_items[i];
  }
  return out;
}

Status Publishing::send(Id document_id, const Principal& who, const std::string& now_iso,
                        bool checked_identity_numbers) {
  std::lock_guard<std::mutex> lock(publishingMutex());
  auto doc = store_.document(document_id);
  if (!doc.ok()) return doc.status();
  if (!who.canEdit(doc->organization)) {
    return Status::permissionDenied("Bara sekreteraren för " + doc->organization +
                                    " kan skicka protokollet för justering.");
  }
  auto pub = store_.publication(document_id);
  if (!pub.ok()) return pub.status();
  if (pub->state != PublicationState::kDraft) {
    return Status::unprocessable(pub->state == PublicationState::kAdjusting
                                     ? "Protokollet är redan skickat för justering."
                                     : "Protokollet är redan justerat och publicerat.");
  }
  if (requiredApprovers(doc.value()).empty()) {
    return Status::unprocessable("Protokollet saknar ordförande och justerare. Rätta närvarolistan först.");
  }
  auto numbers = findIdentityNumbers(doc.value());
  if (!numbers.empty() && !checked_identity_numbers) {
    std::string list;
    for (const auto& h : numbers) {
      list += (list.empty() ? "" : ", ") + h.number + (h.item_number.empty() ? "" : " (§ " + h.item_number + ")");
    }
    return Status::unprocessable("Texten innehåller något som ser ut som personnummer: " + list +
                                 ". Kontrollera dem (markera paragrafen som ej offentlig eller rätta texten) och "
                                 "bekräfta sedan att du har kontrollerat.");
  }
  Publication next = pub.value();
  next.state = PublicationState::kAdjusting;
  next.sent_at = now_iso;
  return store_.setPublication(document_id, next);
}

Result<Publication> Publishing::approveScope(Id document_id, const Principal& who, const std::string& scope,
                                             const std::string& today) {
  std::lock_guard<std::mutex> lock(publishingMutex());
  auto doc = store_.document(document_id);
  if (!doc.ok()) return doc.status();
  auto pub = store_.publication(document_id);
  if (!pub.ok()) return pub.status();
  if (pub->state == PublicationState::kPublished) return Status::unprocessable("Protokollet är redan justerat.");
  const auto approvers = requiredApprovers(doc.value());
  const bool named = std::any_of(approvers.begin(), approvers.end(),
                                 [&](const std::string& a) { return samePerson(a, who.name); });
  if (!named || !who.canRead(doc->organization)) {
    std::string names;
    for (const auto& a : approvers) names += (names.empty() ? "" : ", ") + a;
    return Status::permissionDenied("Bara ordföranden och justerarna" + (names.empty() ? "" : " (" + names + ")") +
                                    " kan justera protokollet.");
  }
  if (scope.empty() && pub->state != PublicationState::kAdjusting) {
    return Status::unprocessable("Protokollet är inte skickat för justering ännu.");
  }
  if (!scope.empty()) {
    auto item = std::find_if(doc->items.begin(), doc->items.end(), [&](const Item& i) { return i.number == scope; });
    if (item == doc->items.end()) return Status::notFound("Paragrafen " + scope + " finns inte i protokollet.");
    // A § adjusted at once is public at once: what looks like an identity number stops it.
    Document one;
    one.items.push_back(*item);
    if (item->is_public && !findIdentityNumbers(one).empty()) {
      return Status::unprocessable("Paragrafen innehåller något som ser ut som ett personnummer. Sekreteraren "
                                   "behöver rätta texten eller markera paragrafen som ej offentlig först.");
    }
  }
  Status st = store_.addApproval(document_id, {who.name, scope, ""});
  if (!st.ok()) return st;
  auto now = store_.publication(document_id);
  if (!now.ok()) return now.status();
  const bool everyone = std::all_of(approvers.begin(), approvers.end(), [&](const std::string& a) {
    return std::any_of(now->approvals.begin(), now->approvals.end(), [&](const Approval& ap) {
      // Approvals of the whole from before it was (last) sent do not count.
      return ap.scope == scope && samePerson(ap.person, a) && (!scope.empty() || ap.approved_at >= now->sent_at);
    });
  });
  if (!everyone) return now;
  Publication next = now.value();
  if (scope.empty()) {
    next.state = PublicationState::kPublished;
    next.adjusted_date = today;
    next.posted_date = today;
  } else if (std::find(next.immediate_items.begin(), next.immediate_items.end(), scope) == next.immediate_items.end()) {
    next.immediate_items.push_back(scope);
  }
  st = store_.setPublication(document_id, next);
  if (!st.ok()) return st;
  // Now public: what it reports back on earlier assignments may count.
  (void)store_.matchAssignments(document_id);
  return store_.publication(document_id);
}

Status Publishing::toDraft(Id document_id, const Principal& who) {
  std::lock_guard<std::mutex> lock(publishingMutex());
  auto doc = store_.document(document_id);
  if (!doc.ok()) return doc.status();
  if (!who.canEdit(doc->organization)) return Status::permissionDenied("Du har inte behörighet att ändra protokollet.");
  auto pub = store_.publication(document_id);
  if (!pub.ok()) return pub.status();
  if (pub->state != PublicationState::kAdjusting)
    return Status::unprocessable("Protokollet är inte skickat för justering.");
  Publication next = pub.value();
  next.state = PublicationState::kDraft;
  next.sent_at.clear();
  return store_.setPublication(document_id, next);
}

Status Publishing::makeDraft(Id document_id) {
  std::lock_guard<std::mutex> lock(publishingMutex());
  auto pub = store_.publication(document_id);
  if (!pub.ok()) return pub.status();
  Publication next = pub.value();
  next.state = PublicationState::kDraft;
  return store_.setPublication(document_id, next);
}

}  // namespace beslut
