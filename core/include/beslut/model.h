// The domain model (DESIGN.md §3). Plain values: no behaviour, no I/O.
// Dates are ISO calendar dates ("2018-09-28") in Europe/Stockholm; an empty
// string means "not stated". Offsets in Span are byte offsets into the
// document's canonical text.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beslut {

using Id = std::int64_t;

// minutes (protokoll, anteckningar of a council), reply (svar on a motion,
// interpellation, question or initiative), action plan, annual report, agenda
// (kallelse, föredragningslista, ärendelista), decision summary (a decision
// or list of decisions outside minutes: "Beslut", "Direktionens beslut"),
// assignment (a government or board decision giving tasks: "Uppdrag till …").
enum class DocumentKind {
  kMinutes,
  kReply,
  kActionPlan,
  kAnnualReport,
  kOther,
  kAgenda,
  kDecisionSummary,
  kAssignment
};

// "minutes", "reply", "action_plan", "annual_report", "other", "agenda",
// "decision_summary", "assignment".
const char* documentKindName(DocumentKind kind);
std::optional<DocumentKind> parseDocumentKind(std::string_view name);

// Where in the canonical text a fact came from.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The evidence of one extracted fact: its source text and how sure the plugin is.
struct Evidence {
  Span span;
  double confidence = 1.0;
};

struct Organization {
  Id id = 0;
  std::string name;
  std::string kind;  // nämnd, styrelse, fullmäktige, råd, region, kommun, ...
  std::optional<Id> parent;
};

struct Person {
  Id id = 0;
  std::string name;
  std::string party;        // party abbreviation as printed ("S", "M"), may be empty
  std::string affiliation;  // municipality or organization
};

// A person's presence at one meeting, in one role.
struct Attendee {
  std::string name;
  std::string party;
  std::string role;  // ordförande, vice ordförande, ledamot, ersättare, sekreterare, övrig närvarande
  std::string affiliation;
  bool adjuster = false;  // justerare
  Span span;
  double confidence = 1.0;
};

struct Meeting {
  Id id = 0;
  Id organization_id = 0;
  std::string date;
  std::string start_time;  // "09:00"
  std::string end_time;
  std::string location;
  std::string state = "held";  // planned, held, minutes_approved, minutes_published
};

enum class DecisionKind { kDecision, kPosition, kInformation, kElection };
const char* decisionKindName(DecisionKind kind);
std::optional<DecisionKind> parseDecisionKind(std::string_view name);

struct Decision {
  Id id = 0;
  std::string text;
  DecisionKind kind = DecisionKind::kDecision;
  Span span;
  double confidence = 1.0;
};

enum class AssignmentStatus { kOpen, kInProgress, kDone, kOverdue, kCancelled };
const char* assignmentStatusName(AssignmentStatus status);
std::optional<AssignmentStatus> parseAssignmentStatus(std::string_view name);

// Swedish label of a document kind ("Protokoll", "Svar", "Handlingsplan", …).
const char* documentKindLabel(DocumentKind kind);

// Where minutes are on their way to the public (see publishing.h): a draft,
// sent for justering ("adjusting"), or adjusted and published. Documents
// imported as read (an archive) are published.
enum class PublicationState { kDraft, kAdjusting, kPublished };
const char* publicationStateName(PublicationState state);  // "draft", "adjusting", "published"
std::optional<PublicationState> parsePublicationState(std::string_view name);

// A person's review of something Beslut proposed (a match of two assignments,
// a report-back): proposed until someone confirms or rejects it; confirmed
// without asking when Beslut is sure.
enum class ReviewState { kProposed, kConfirmed, kRejected };
const char* reviewStateName(ReviewState state);  // "proposed", "confirmed", "rejected"
std::optional<ReviewState> parseReviewState(std::string_view name);

struct FollowUp {
  Id id = 0;
  Id assignment_id = 0;
  std::string date;
  AssignmentStatus status = AssignmentStatus::kInProgress;
  std::string comment;
  std::optional<Id> source_document_id;
  std::string source_item_number;
  std::string evidence_text;  // the words the status was read from ("Kommentar: …")
  Span span;
  double confidence = 1.0;
  std::string author;    // a person's name for manual follow-ups; empty when extracted
  double progress = -1;  // 0–100 when stated, -1 when not
  std::string created_at;
};

struct Assignment {
  Id id = 0;
  std::string assignee;
  std::string task;
  std::string due;       // ISO date or month ("2019-10"), empty if none stated
  std::string due_text;  // as written ("i oktober 2019")
  AssignmentStatus status = AssignmentStatus::kOpen;
  double progress = 0.0;  // 0..100
  Span span;
  double confidence = 1.0;
  std::vector<FollowUp> followups;  // e.g. an annual report's comment on the assignment
  // What is due then: "delredovisning", "slutredovisning", "redovisning";
  // empty when no report is asked for or it is not stated.
  std::string due_kind;
  // "uppdrag" (a task), "remiss för beredning" (a referral: "överlämnas till X
  // för beredning"), "delegation" ("delegera till X att"); empty = uppdrag.
  std::string type;
};

struct TaxonomyNode {
  std::string scheme;  // e.g. "rus-orebro-2030"
  std::string code;    // e.g. "5.4"
  std::string kind;    // vision, goal, effect_goal, area, direction, focus_area
  std::string title;
  std::string description;
  std::string parent_code;
  // Words and phrases (lower case, as they appear in texts) that signal the
  // node: "kompetensförsörjning", "yrkesvux", "matchning på arbetsmarknaden".
  std::vector<std::string> vocabulary;
};

// A classification scheme (the RUS of a region, a body's own plan).
struct Taxonomy {
  std::vector<TaxonomyNode> nodes;  // of one or more schemes
};

// Any object → taxonomy node. At extraction time objects are named by
// position (item_index, index); the store resolves them to ids.
struct Link {
  std::string object_type;     // document, item, decision, assignment
  Id object_id = 0;            // set by the store
  std::size_t item_index = 0;  // item, decision, assignment: the item's position
  std::size_t index = 0;       // decision, assignment: position within the item
  std::string scheme;
  std::string code;
  double score = 0.0;  // in [0, 1]
  std::string origin;  // plugin name, or "person"
  std::string confirmed_by;
  std::string explanation;  // for a person: which words and passages led here
};

// A measured indicator of a goal (annual reports): "indikator, utfall, målvärde".
struct Indicator {
  std::string name;
  std::string outcome;  // utfall, as printed
  std::string target;   // målvärde, as printed
  std::string period;   // e.g. "2024"
  Span span;
  double confidence = 1.0;
};

// One numbered item (§) of minutes, or one section of another document.
struct Item {
  Id id = 0;
  std::string number;  // as printed: "5", "§ 12", "§ 63/20", "Ks 39", "2.1"
  std::string title;
  std::string text;
  std::string registry_number;  // Dnr
  bool is_public = true;
  // Adjusted at once (omedelbar justering), ahead of the rest of the minutes:
  // published even while the document is not. Set by the store from its
  // publication record, never by plugins.
  bool adjusted_immediately = false;
  // What the section is, for documents that are not minutes: "section",
  // "goal" (mål), "assignment" (uppdrag), "area" (insatsområde), "direction"
  // (strategisk inriktning). Empty for the items (§) of minutes; "document" for
  // the one passage made of the whole text when a plugin reads no items.
  std::string kind;
  std::vector<Decision> decisions;
  std::vector<Assignment> assignments;
  std::vector<Indicator> indicators;
  Span span;
};

// The original bytes of an imported file, content-addressed by SHA-256.
struct OriginalFile {
  std::string sha256;  // lowercase hex
  std::string media_type;
  std::string filename;
  std::size_t size = 0;
};

// A structured document as produced by a document plugin and kept in the store.
struct Document {
  Id id = 0;
  DocumentKind kind = DocumentKind::kOther;
  std::string title;
  std::string organization;  // the body (nämnd, råd, ...) or issuing organization
  std::string date;
  std::string registry_number;
  std::string language = "sv";
  PublicationState publication_state = PublicationState::kPublished;
  std::string plugin;  // name of the document plugin that read it

  // Minutes: the meeting.
  std::string time;  // "09:00–12:00"
  std::string place;
  std::string chair;
  std::string secretary;
  std::vector<std::string> adjusters;
  std::string adjusted_date;
  std::vector<Attendee> attendees;

  // Replies to members' initiatives, motions, interpellations.
  std::string initiator;
  std::string initiator_party;
  std::string replier;
  std::string replier_role;
  std::string topic;
  std::vector<std::string> commitments;

  std::vector<Item> items;
  // Links to taxonomy nodes, from linker plugins (best first per object).
  std::vector<Link> links;
  // Evidence of the document-level facts, keyed by field name ("date",
  // "place", "chair", "initiator", "commitments/0", …).
  std::map<std::string, Evidence> evidence;
  std::string text;  // canonical text
  OriginalFile original;
};

// Facts read with a confidence below kReviewBelow are marked for a
// secretary's review (on the document page, and as "review" in the API). A
// fact a person has corrected has confidence 1.
inline constexpr double kReviewBelow = 0.7;
bool needsReview(double confidence);

// The facts of `doc` to review, as paths into the document: its evidence keys
// ("date", "chair", "adjusters/0"), "attendees/3", "items/2/decisions/0",
// "items/2/assignments/1". In document order.
std::vector<std::string> factsToReview(const Document& doc);

}  // namespace beslut
