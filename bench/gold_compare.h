// Compares what `beslut extract` reads (extractionToJson's form) with gold
// files written by careful readers, field by field, and keeps precision,
// recall and F1 per field. Used by the gold test (tests/plugins/gold_test.cpp,
// which gates the seeds) and by bench/extract (every gold set we have).
//
// Scoring rules (the same for every set):
//  - Scalars (kind, body, date, place, chair, secretary, adjusted_date,
//    initiator/replier fields): equal after whitespace normalisation and case
//    folding. Gold null and extracted null count nothing; a value where the
//    gold has null is a false positive; a wrong value is a false negative and
//    a false positive.
//  - time: the clock times in order, "09.00" = "09:00", any dash; so
//    "09:00 - 11:00" = "09:00–11:00".
//  - body: "Kommunstyrelsen, Ale kommun" = "Kommunstyrelsen (Ale kommun)".
//    Parenthesised annotator remarks in the gold ("(MRF)", "(Malmö stad —
//    municipality not printed …)") are dropped; when the gold marks the council
//    as not printed, only the body's own name is compared.
//  - adjusters: a set of names. attendees: matched by name (surname-first
//    names as printed); party, role and municipality of matched attendees are
//    rows of their own.
//  - items: matched by number without "§" and spaces, case-folded ("§ 12" =
//    "12", "Kf § 221" = "Kf 221"); a gold item without a number is matched by
//    its agenda number or its title. items.title of matched items as a scalar.
//    Decisions of matched items by token overlap ≥ 0.8 (|A∩B| / max(|A|,|B|)),
//    assignments by the tokens of assignee + task with overlap ≥ 0.7 after
//    dropping parenthesised remarks; the due date of matched assignments is a
//    row of its own. Decisions and assignments of unmatched items count as
//    missed or extra.
//  - Replies: topic and key_commitments by content coverage (the gold
//    paraphrases them): the share of the gold's content words (first 5
//    letters) found in the extracted text, ≥ 0.6 for the topic, ≥ 0.5 per
//    commitment.
//  - Assignment pages (shared/dev-assignments): all assignments of the
//    document, flattened over its items, matched one to one by assignee (equal
//    after whitespace normalisation, soft hyphens dropped, case folded),
//    preferring pairs with equal due dates. Rows: assignments.assignee (P/R/F1),
//    assignments.due and assignments.due_kind (scalars over matched pairs),
//    assignments.due_right_of_matched (R = the share of matched assignments
//    whose due is right, both null included), and
//    negatives (a page the gold gives none counts each extracted one as FP).
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace beslut::gold {

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  bool stated() const { return tp + fn > 0; }  // the gold states at least one value
};

// Field rows in a stable order of first use, and the differences found.
struct Table {
  std::vector<std::string> order;
  std::map<std::string, Counts> rows;
  std::vector<std::string> misses;
  Counts& operator[](const std::string& field);

  // Mean F1 over the rows the gold states; `weakest` gets the lowest row.
  double macroF1(std::string* weakest = nullptr, double* weakest_f1 = nullptr) const;
  void print(std::FILE* out, const std::string& heading, bool with_misses) const;
};

// One gold document (minutes, reply or any other kind) against one extraction.
void compareDocument(Table& table, const Poco::JSON::Object::Ptr& gold, const Poco::JSON::Object::Ptr& got,
                     const std::string& where);

// One page of shared/dev-assignments against one extraction.
void compareAssignmentPage(Table& table, const Poco::JSON::Object::Ptr& gold, const Poco::JSON::Object::Ptr& got,
                           const std::string& where);

// Token overlap |A∩B| / max(|A|,|B|) of two texts (lower-cased words).
double tokenOverlap(const std::string& a, const std::string& b);

}  // namespace beslut::gold
