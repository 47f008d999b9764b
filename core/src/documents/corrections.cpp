#include "beslut/corrections.h"

#include "beslut/followup.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <functional>
#include <map>

namespace beslut {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

Status bad(const std::string& message) { return Status::invalidArgument(message); }

Result<std::string> asString(const Var& v, const std::string& path) {
  if (v.isString()) return v.convert<std::string>();
  return bad("Värdet för " + path + " ska vara en text.");
}

Result<std::vector<std::string>> asStrings(const Var& v, const std::string& path) {
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) return bad("Värdet för " + path + " ska vara en lista av texter.");
  auto a = v.extract<Poco::JSON::Array::Ptr>();
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!a->get(static_cast<unsigned>(i)).isString())
      return bad("Värdet för " + path + " ska vara en lista av texter.");
    out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  }
  return out;
}

Result<Object::Ptr> asObject(const Var& v, const std::string& path) {
  if (v.type() == typeid(Object::Ptr)) return v.extract<Object::Ptr>();
  return bad("Värdet för " + path + " ska vara ett objekt.");
}

// Copies the string members of `o` that are listed in `fields` into the targets.
Status mergeStrings(const Object::Ptr& o, const std::map<std::string, std::string*>& fields, const std::string& path) {
  for (const auto& name : o->getNames()) {
    auto it = fields.find(name);
    if (it == fields.end()) continue;
    if (!o->get(name).isString()) return bad("Fältet " + name + " i " + path + " ska vara en text.");
    *it->second = o->getValue<std::string>(name);
  }
  return Status::okStatus();
}

std::map<std::string, std::string*> scalarFields(Document& d) {
  return {{"title", &d.title},
          {"date", &d.date},
          {"time", &d.time},
          {"place", &d.place},
          {"chair", &d.chair},
          {"secretary", &d.secretary},
          {"adjusted_date", &d.adjusted_date},
          {"organization", &d.organization},
          {"registry_number", &d.registry_number},
          {"initiator", &d.initiator},
          {"initiator_party", &d.initiator_party},
          {"replier", &d.replier},
          {"replier_role", &d.replier_role},
          {"topic", &d.topic}};
}

// A corrected fact is certain, and its evidence is the person, not a span.
void markCorrected(Evidence& e) {
  e.confidence = 1.0;
  e.span = {};
}

Status applyAttendee(Document& d, const std::string& key, const Var& value, const std::string& path) {
  if (key == "+") {
    auto o = asObject(value, path);
    if (!o.ok()) return o.status();
    Attendee a;
    if (Status s = mergeStrings(
            o.value(), {{"name", &a.name}, {"party", &a.party}, {"role", &a.role}, {"affiliation", &a.affiliation}},
            path);
        !s.ok()) {
      return s;
    }
    if (a.name.empty()) return bad("En ny deltagare måste ha ett namn.");
    if (o.value()->has("adjuster") && !o.value()->get("adjuster").isBoolean()) {
      return bad("adjuster i " + path + " ska vara true eller false.");
    }
    a.adjuster = o.value()->optValue<bool>("adjuster", false);
    d.attendees.push_back(std::move(a));
    return Status::okStatus();
  }
  auto it = std::find_if(d.attendees.begin(), d.attendees.end(), [&](const Attendee& a) { return a.name == key; });
  if (it == d.attendees.end()) return bad("Deltagaren " + key + " finns inte i dokumentet.");
  if (value.isEmpty()) {
    d.attendees.erase(it);
    return Status::okStatus();
  }
  auto o = asObject(value, path);
  if (!o.ok()) return o.status();
  Attendee updated = *it;
  if (Status s = mergeStrings(o.value(),
                              {{"name", &updated.name},
                               {"party", &updated.party},
                               {"role", &updated.role},
                               {"affiliation", &updated.affiliation}},
                              path);
      !s.ok()) {
    return s;
  }
  if (o.value()->has("adjuster")) {
    if (!o.value()->get("adjuster").isBoolean()) return bad("adjuster i " + path + " ska vara true eller false.");
    updated.adjuster = o.value()->getValue<bool>("adjuster");
  }
  updated.confidence = 1.0;
  *it = std::move(updated);
  return Status::okStatus();
}

Result<std::size_t> indexIn(const std::string& key, std::size_t size, const std::string& path) {
  Poco::UInt64 i = 0;
  if (!Poco::NumberParser::tryParseUnsigned64(key, i) || i >= size) {
    return bad("Det finns ingen post " + key + " under " + path + ".");
  }
  return static_cast<std::size_t>(i);
}

// After an element of an item is deleted, its links go and the links of the
// elements after it move up one position, so each link stays with its object.
void eraseLinksOf(Document& d, const std::string& type, std::size_t item_index, std::size_t index) {
  d.links.erase(std::remove_if(d.links.begin(), d.links.end(),
                               [&](const Link& l) {
                                 return l.object_type == type && l.item_index == item_index && l.index == index;
                               }),
                d.links.end());
  for (auto& l : d.links) {
    if (l.object_type == type && l.item_index == item_index && l.index > index) --l.index;
  }
}

Status applyDecision(Document& d, std::size_t item_index, const std::string& key, const Var& value,
                     const std::string& path) {
  Item& item = d.items[item_index];
  if (key == "+") {
    auto text = asString(value, path);
    if (!text.ok()) return text.status();
    Decision dec;
    dec.text = text.value();
    item.decisions.push_back(std::move(dec));
    return Status::okStatus();
  }
  auto i = indexIn(key, item.decisions.size(), path);
  if (!i.ok()) return i.status();
  if (value.isEmpty()) {
    item.decisions.erase(item.decisions.begin() + static_cast<std::ptrdiff_t>(i.value()));
    eraseLinksOf(d, "decision", item_index, i.value());
    return Status::okStatus();
  }
  auto text = asString(value, path);
  if (!text.ok()) return text.status();
  item.decisions[i.value()].text = text.value();
  item.decisions[i.value()].confidence = 1.0;
  return Status::okStatus();
}

Status mergeAssignment(Assignment& a, const Object::Ptr& o, const std::string& path) {
  if (Status s = mergeStrings(o, {{"assignee", &a.assignee}, {"task", &a.task}, {"due", &a.due}}, path); !s.ok()) {
    return s;
  }
  if (!a.due.empty() && dueDate(a.due).empty()) {
    return bad("Slutdatumet i " + path + " ska skrivas ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ.");
  }
  if (o->has("status")) {
    auto status = parseAssignmentStatus(o->optValue<std::string>("status", ""));
    if (!status) return bad("Okänd status i " + path + " (open, in_progress, done, overdue, cancelled).");
    a.status = *status;
  }
  if (o->has("progress")) {
    double p = o->optValue<double>("progress", -1);
    if (p < 0 || p > 100) return bad("Andelen klart i " + path + " ska vara 0–100.");
    a.progress = p;
  }
  a.confidence = 1.0;
  return Status::okStatus();
}

Status applyAssignment(Document& d, std::size_t item_index, const std::string& key, const Var& value,
                       const std::string& path) {
  Item& item = d.items[item_index];
  if (key == "+") {
    auto o = asObject(value, path);
    if (!o.ok()) return o.status();
    Assignment a;
    if (Status s = mergeAssignment(a, o.value(), path); !s.ok()) return s;
    if (a.assignee.empty() || a.task.empty()) return bad("Ett nytt uppdrag måste ha mottagare och uppgift.");
    item.assignments.push_back(std::move(a));
    return Status::okStatus();
  }
  auto i = indexIn(key, item.assignments.size(), path);
  if (!i.ok()) return i.status();
  if (value.isEmpty()) {
    item.assignments.erase(item.assignments.begin() + static_cast<std::ptrdiff_t>(i.value()));
    eraseLinksOf(d, "assignment", item_index, i.value());
    return Status::okStatus();
  }
  auto o = asObject(value, path);
  if (!o.ok()) return o.status();
  Assignment updated = item.assignments[i.value()];
  if (Status s = mergeAssignment(updated, o.value(), path); !s.ok()) return s;
  item.assignments[i.value()] = std::move(updated);
  return Status::okStatus();
}

// A person's review of a link: "confirm" keeps it (and marks who), "reject"
// removes it, an object {"score", "explanation"} adds or replaces it.
Status applyLink(Document& d, const std::string& object_type, std::size_t item_index, std::size_t index,
                 const std::string& scheme, const std::string& code, const Var& value, const std::string& author,
                 const std::string& path) {
  auto matches = [&](const Link& l) {
    return l.object_type == object_type && l.scheme == scheme && l.code == code &&
           (object_type == "document" || l.item_index == item_index) &&
           (object_type == "document" || object_type == "item" || l.index == index);
  };
  auto it = std::find_if(d.links.begin(), d.links.end(), matches);
  if (value.isString()) {
    const std::string action = value.convert<std::string>();
    if (action != "confirm" && action != "reject") {
      return bad("Värdet för " + path + " ska vara \"confirm\", \"reject\" eller ett objekt med score.");
    }
    if (it == d.links.end()) return bad("Kopplingen " + path + " finns inte; lägg till den med ett objekt.");
    if (action == "reject") {
      d.links.erase(it);
    } else {
      it->confirmed_by = author;
    }
    return Status::okStatus();
  }
  auto o = asObject(value, path);
  if (!o.ok()) return o.status();
  Link link;
  link.object_type = object_type;
  link.item_index = item_index;
  link.index = index;
  link.scheme = scheme;
  link.code = code;
  link.score = o.value()->optValue<double>("score", 1.0);
  if (link.score < 0 || link.score > 1) return bad("score i " + path + " ska vara mellan 0 och 1.");
  link.origin = "person";
  link.confirmed_by = author;
  link.explanation = o.value()->optValue<std::string>("explanation", "Tillagd av " + author);
  if (it != d.links.end()) {
    *it = std::move(link);
  } else {
    d.links.push_back(std::move(link));
  }
  return Status::okStatus();
}

Status applyItem(Document& d, const std::vector<std::string>& parts, const Var& value, const std::string& path,
                 const std::string& author) {
  if (parts.size() < 3) return bad("Sökvägen " + path + " är ofullständig.");
  auto it = std::find_if(d.items.begin(), d.items.end(), [&](const Item& i) { return i.number == parts[1]; });
  if (it == d.items.end()) return bad("Paragrafen " + parts[1] + " finns inte i dokumentet.");
  const std::string& field = parts[2];
  const auto item_index = static_cast<std::size_t>(it - d.items.begin());
  // /items/{n}/links/{scheme}/{code}
  if (field == "links" && parts.size() == 5) {
    return applyLink(d, "item", item_index, 0, parts[3], parts[4], value, author, path);
  }
  // /items/{n}/decisions|assignments/{i}/links/{scheme}/{code}
  if ((field == "decisions" || field == "assignments") && parts.size() == 7 && parts[4] == "links") {
    auto i = indexIn(parts[3], field == "decisions" ? it->decisions.size() : it->assignments.size(), path);
    if (!i.ok()) return i.status();
    return applyLink(d, field == "decisions" ? "decision" : "assignment", item_index, i.value(), parts[5], parts[6],
                     value, author, path);
  }
  if (parts.size() == 3) {
    std::map<std::string, std::string*> fields = {
        {"title", &it->title}, {"text", &it->text}, {"registry_number", &it->registry_number}};
    if (auto f = fields.find(field); f != fields.end()) {
      auto v = asString(value, path);
      if (!v.ok()) return v.status();
      *f->second = v.value();
      return Status::okStatus();
    }
    if (field == "public") {
      if (!value.isBoolean()) return bad("Värdet för " + path + " ska vara true eller false.");
      it->is_public = value.convert<bool>();
      return Status::okStatus();
    }
  } else if (parts.size() == 4) {
    if (field == "decisions") return applyDecision(d, item_index, parts[3], value, path);
    if (field == "assignments") return applyAssignment(d, item_index, parts[3], value, path);
  }
  return bad("Sökvägen " + path + " pekar inte på något som kan rättas.");
}

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  Poco::StringTokenizer t(path.substr(1), "/");
  for (const auto& p : t) parts.push_back(p);
  return parts;
}

Status applyParsed(Document& d, const std::string& path, const Var& value, const std::string& author) {
  if (path.empty() || path[0] != '/') return bad("Sökvägen ska börja med '/'.");
  auto parts = splitPath(path);
  if (parts.empty() || std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.empty(); })) {
    return bad("Sökvägen " + path + " är ofullständig.");
  }
  if (parts.size() == 1) {
    auto fields = scalarFields(d);
    if (auto f = fields.find(parts[0]); f != fields.end()) {
      auto v = asString(value, path);
      if (!v.ok()) return v.status();
      if ((parts[0] == "date" || parts[0] == "adjusted_date") && !v.value().empty() && dueDate(v.value()).empty()) {
        return bad("Datumet i " + path + " ska skrivas ÅÅÅÅ-MM-DD (eller ÅÅÅÅ).");
      }
      *f->second = v.value();
      markCorrected(d.evidence[parts[0] == "organization" ? "body" : parts[0]]);
      return Status::okStatus();
    }
    if (parts[0] == "adjusters" || parts[0] == "commitments") {
      auto v = asStrings(value, path);
      if (!v.ok()) return v.status();
      (parts[0] == "adjusters" ? d.adjusters : d.commitments) = v.value();
      return Status::okStatus();
    }
  } else if (parts[0] == "attendees" && parts.size() == 2) {
    return applyAttendee(d, parts[1], value, path);
  } else if (parts[0] == "items") {
    return applyItem(d, parts, value, path, author);
  } else if (parts[0] == "links" && parts.size() == 3) {
    return applyLink(d, "document", 0, 0, parts[1], parts[2], value, author, path);
  }
  return bad("Sökvägen " + path + " pekar inte på något som kan rättas.");
}

}  // namespace

Status applyCorrection(Document& document, const Correction& correction) {
  Var value;
  try {
    // Poco's parser takes only objects and arrays at the top: wrap the value.
    Poco::JSON::Parser parser;
    auto wrapped = parser.parse("[" + correction.value_json + "\n]").extract<Poco::JSON::Array::Ptr>();
    if (wrapped->size() != 1) return bad("Värdet ska vara ett enda JSON-värde.");
    value = wrapped->get(0);
  } catch (const Poco::Exception& e) {
    return bad("Värdet är inte giltig JSON: " + e.displayText());
  }
  Document copy = document;  // all or nothing
  Status st = applyParsed(copy, correction.path, value, correction.author);
  if (st.ok()) document = std::move(copy);
  return st;
}

void applyCorrections(Document& document, const std::vector<Correction>& corrections, std::vector<Id>* skipped) {
  for (const auto& c : corrections) {
    if (!applyCorrection(document, c).ok() && skipped != nullptr) skipped->push_back(c.id);
  }
}

}  // namespace beslut
