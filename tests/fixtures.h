// The one builder of test documents: tests describe the document they need
// (body, date, attendees, items, decisions, assignments) and get a Document
// with its original's bytes, hash and size filled in.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "beslut/model.h"
#include "beslut/sha256.h"

namespace beslut::testing {

class DocumentBuilder {
 public:
  DocumentBuilder() {
    d_.kind = DocumentKind::kMinutes;
    d_.title = "Protokoll";
  }

  DocumentBuilder& kind(DocumentKind k) {
    d_.kind = k;
    return *this;
  }
  DocumentBuilder& title(std::string t) {
    d_.title = std::move(t);
    return *this;
  }
  DocumentBuilder& organization(std::string o) {
    d_.organization = std::move(o);
    return *this;
  }
  DocumentBuilder& date(std::string v) {
    d_.date = std::move(v);
    return *this;
  }
  DocumentBuilder& time(std::string v) {
    d_.time = std::move(v);
    return *this;
  }
  DocumentBuilder& place(std::string v) {
    d_.place = std::move(v);
    return *this;
  }
  DocumentBuilder& chair(std::string v) {
    d_.chair = std::move(v);
    return *this;
  }
  DocumentBuilder& attendee(std::string name, std::string party, std::string role, std::string affiliation = {},
                            bool adjuster = false) {
    d_.attendees.push_back(
        {std::move(name), std::move(party), std::move(role), std::move(affiliation), adjuster, {}, 1.0});
    return *this;
  }
  // An item (§); its text also goes into the document's text.
  DocumentBuilder& item(std::string number, std::string title, std::string text = {}) {
    Item i;
    i.number = std::move(number);
    i.title = std::move(title);
    i.text = std::move(text);
    text_ += i.title + "\n" + i.text + "\n";
    d_.items.push_back(std::move(i));
    return *this;
  }
  // Items "1".."n" titled "Punkt N" with the text "Text för punkt N".
  DocumentBuilder& numberedItems(int n) {
    for (int i = 1; i <= n; ++i)
      item(std::to_string(i), "Punkt " + std::to_string(i), "Text för punkt " + std::to_string(i));
    return *this;
  }
  // A decision or an assignment of the last item added.
  DocumentBuilder& decision(std::string text, DecisionKind kind = DecisionKind::kDecision, double confidence = 1.0) {
    d_.items.back().decisions.push_back({0, std::move(text), kind, {}, confidence});
    return *this;
  }
  DocumentBuilder& assignment(std::string assignee, std::string task, std::string due = {}, std::string due_text = {},
                              double confidence = 1.0) {
    Assignment a;
    a.assignee = std::move(assignee);
    a.task = std::move(task);
    a.due = std::move(due);
    a.due_text = std::move(due_text);
    a.confidence = confidence;
    d_.items.back().assignments.push_back(std::move(a));
    return *this;
  }
  // The original's bytes (default: the items' text), named `filename`.
  DocumentBuilder& original(std::string bytes, std::string filename = "protokoll.txt",
                            std::string media_type = "text/plain") {
    bytes_ = std::move(bytes);
    filename_ = std::move(filename);
    media_type_ = std::move(media_type);
    return *this;
  }

  Document build() const {
    Document d = d_;
    d.text = bytes_.empty() ? text_ : bytes_;
    d.original.sha256 = sha256Hex(d.text);
    d.original.size = d.text.size();
    d.original.filename = filename_;
    d.original.media_type = media_type_;
    return d;
  }

 private:
  Document d_;
  std::string text_, bytes_, filename_ = "protokoll.txt", media_type_ = "text/plain";
};

// The minutes most tests start from: chaired by Irén Lejegren with Håkan
// Söderman adjusting, three numbered items; `bytes` make the original unique.
inline Document testMinutes(const std::string& organization, const std::string& bytes) {
  return DocumentBuilder()
      .organization(organization)
      .date("2018-09-28")
      .chair("Irén Lejegren")
      .attendee("Irén Lejegren", "S", "ordförande", "Region Örebro län")
      .attendee("Håkan Söderman", "M", "vice ordförande", "Lekebergs kommun", true)
      .numberedItems(3)
      .original(bytes)
      .build();
}

}  // namespace beslut::testing
