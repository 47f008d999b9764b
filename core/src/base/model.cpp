#include "beslut/model.h"

namespace beslut {

const char* documentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kMinutes: return "minutes";
    case DocumentKind::kReply: return "reply";
    case DocumentKind::kActionPlan: return "action_plan";
    case DocumentKind::kAnnualReport: return "annual_report";
    case DocumentKind::kOther: return "other";
    case DocumentKind::kAgenda: return "agenda";
    case DocumentKind::kDecisionSummary: return "decision_summary";
    case DocumentKind::kAssignment: return "assignment";
  }
  return "other";
}

std::optional<DocumentKind> parseDocumentKind(std::string_view name) {
  for (auto k :
       {DocumentKind::kMinutes, DocumentKind::kReply, DocumentKind::kActionPlan, DocumentKind::kAnnualReport,
        DocumentKind::kOther, DocumentKind::kAgenda, DocumentKind::kDecisionSummary, DocumentKind::kAssignment}) {
    if (name == documentKindName(k)) return k;
  }
  return std::nullopt;
}

const char* decisionKindName(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kDecision: return "decision";
    case DecisionKind::kPosition: return "position";
    case DecisionKind::kInformation: return "information";
    case DecisionKind::kElection: return "election";
  }
  return "decision";
}

std::optional<DecisionKind> parseDecisionKind(std::string_view name) {
  for (auto k :
       {DecisionKind::kDecision, DecisionKind::kPosition, DecisionKind::kInformation, DecisionKind::kElection}) {
    if (name == decisionKindName(k)) return k;
  }
  return std::nullopt;
}

const char* assignmentStatusName(AssignmentStatus status) {
  switch (status) {
    case AssignmentStatus::kOpen: return "open";
    case AssignmentStatus::kInProgress: return "in_progress";
    case AssignmentStatus::kDone: return "done";
    case AssignmentStatus::kOverdue: return "overdue";
    case AssignmentStatus::kCancelled: return "cancelled";
  }
  return "open";
}

std::optional<AssignmentStatus> parseAssignmentStatus(std::string_view name) {
  for (auto s : {AssignmentStatus::kOpen, AssignmentStatus::kInProgress, AssignmentStatus::kDone,
                 AssignmentStatus::kOverdue, AssignmentStatus::kCancelled}) {
    if (name == assignmentStatusName(s)) return s;
  }
  return std::nullopt;
}

const char* documentKindLabel(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kMinutes: return "Protokoll";
    case DocumentKind::kReply: return "Svar";
    case DocumentKind::kActionPlan: return "Handlingsplan";
    case DocumentKind::kAnnualReport: return "Verksamhetsberättelse";
    case DocumentKind::kOther: return "Övrigt";
    case DocumentKind::kAgenda: return "Kallelse";
    case DocumentKind::kDecisionSummary: return "Beslut";
    case DocumentKind::kAssignment: return "Uppdrag";
  }
  return "Övrigt";
}

const char* publicationStateName(PublicationState state) {
  switch (state) {
    case PublicationState::kDraft: return "draft";
    case PublicationState::kAdjusting: return "adjusting";
    case PublicationState::kPublished: return "published";
  }
  return "published";
}

std::optional<PublicationState> parsePublicationState(std::string_view name) {
  for (auto s : {PublicationState::kDraft, PublicationState::kAdjusting, PublicationState::kPublished}) {
    if (name == publicationStateName(s)) return s;
  }
  return std::nullopt;
}

const char* reviewStateName(ReviewState state) {
  switch (state) {
    case ReviewState::kProposed: return "proposed";
    case ReviewState::kConfirmed: return "confirmed";
    case ReviewState::kRejected: return "rejected";
  }
  return "proposed";
}

std::optional<ReviewState> parseReviewState(std::string_view name) {
  for (auto s : {ReviewState::kProposed, ReviewState::kConfirmed, ReviewState::kRejected}) {
    if (name == reviewStateName(s)) return s;
  }
  return std::nullopt;
}

bool needsReview(double confidence) { return confidence < kReviewBelow; }

std::vector<std::string> factsToReview(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& [key, e] : doc.evidence)
    if (needsReview(e.confidence)) out.push_back(key);
  for (std::size_t i = 0; i < doc.attendees.size(); ++i)
    if (needsReview(doc.attendees[i].confidence)) out.push_back("attendees/" + std::to_string(i));
  for (std::size_t i = 0; i < doc.items.size(); ++i) {
    const Item& item = doc.items[i];
    for (std::size_t k = 0; k < item.decisions.size(); ++k)
      if (needsReview(item.decisions[k].confidence))
        out.push_back("items/" + std::to_string(i) + "/decisions/" + std::to_string(k));
    for (std::size_t k = 0; k < item.assignments.size(); ++k)
      if (needsReview(item.assignments[k].confidence))
        out.push_back("items/" + std::to_string(i) + "/assignments/" + std::to_string(k));
  }
  return out;
}

}  // namespace beslut
