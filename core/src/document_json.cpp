#include "beslut/document_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace beslut {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr newObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Array::Ptr spanToJson(const Span& span) {
  Array::Ptr a = new Array;
  a->add(static_cast<Poco::UInt64>(span.begin));
  a->add(static_cast<Poco::UInt64>(span.end));
  return a;
}

Array::Ptr stringsToJson(const std::vector<std::string>& values) {
  Array::Ptr a = new Array;
  for (const auto& v : values) a->add(v);
  return a;
}

Object::Ptr decisionToJson(const Decision& d) {
  auto o = newObject();
  if (d.id != 0) o->set("id", d.id);
  o->set("text", d.text);
  o->set("kind", decisionKindName(d.kind));
  o->set("span", spanToJson(d.span));
  o->set("confidence", d.confidence);
  return o;
}

Object::Ptr assignmentToJson(const Assignment& a) {
  auto o = newObject();
  if (a.id != 0) o->set("id", a.id);
  o->set("assignee", a.assignee);
  o->set("task", a.task);
  o->set("due", a.due);
  o->set("due_text", a.due_text);
  o->set("status", assignmentStatusName(a.status));
  o->set("progress", a.progress);
  o->set("span", spanToJson(a.span));
  o->set("confidence", a.confidence);
  return o;
}

Object::Ptr attendeeToJson(const Attendee& a) {
  auto o = newObject();
  o->set("name", a.name);
  o->set("party", a.party);
  o->set("role", a.role);
  o->set("affiliation", a.affiliation);
  o->set("adjuster", a.adjuster);
  return o;
}

// --- reading back -------------------------------------------------------

std::string str(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

double num(const Object::Ptr& o, const std::string& key, double fallback) {
  return o->has(key) && !o->isNull(key) ? o->getValue<double>(key) : fallback;
}

Span spanFrom(const Object::Ptr& o) {
  Span s;
  if (auto a = o->getArray("span"); a && a->size() == 2) {
    s.begin = a->getElement<Poco::UInt64>(0);
    s.end = a->getElement<Poco::UInt64>(1);
  }
  return s;
}

std::vector<std::string> stringsFrom(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  if (auto a = o->getArray(key)) {
    for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(i));
  }
  return out;
}

DecisionKind decisionKindFrom(const std::string& name) {
  for (auto k : {DecisionKind::kDecision, DecisionKind::kPosition, DecisionKind::kInformation,
                 DecisionKind::kElection}) {
    if (name == decisionKindName(k)) return k;
  }
  return DecisionKind::kDecision;
}

Item itemFrom(const Object::Ptr& o) {
  Item item;
  item.id = static_cast<Id>(num(o, "id", 0));
  item.number = str(o, "number");
  item.title = str(o, "title");
  item.text = str(o, "text");
  item.registry_number = str(o, "registry_number");
  item.is_public = !o->has("public") || o->getValue<bool>("public");
  item.span = spanFrom(o);
  if (auto a = o->getArray("decisions")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto d = a->getObject(static_cast<unsigned>(i));
      Decision dec;
      dec.id = static_cast<Id>(num(d, "id", 0));
      dec.text = str(d, "text");
      dec.kind = decisionKindFrom(str(d, "kind"));
      dec.span = spanFrom(d);
      dec.confidence = num(d, "confidence", 1.0);
      item.decisions.push_back(std::move(dec));
    }
  }
  if (auto a = o->getArray("assignments")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto j = a->getObject(static_cast<unsigned>(i));
      Assignment as;
      as.id = static_cast<Id>(num(j, "id", 0));
      as.assignee = str(j, "assignee");
      as.task = str(j, "task");
      as.due = str(j, "due");
      as.due_text = str(j, "due_text");
      as.status = parseAssignmentStatus(str(j, "status")).value_or(AssignmentStatus::kOpen);
      as.progress = num(j, "progress", 0.0);
      as.span = spanFrom(j);
      as.confidence = num(j, "confidence", 1.0);
      item.assignments.push_back(std::move(as));
    }
  }
  return item;
}

}  // namespace

Object::Ptr itemToJson(const Item& item, bool include_text) {
  auto o = newObject();
  if (item.id != 0) o->set("id", item.id);
  o->set("number", item.number);
  o->set("title", item.title);
  if (include_text) o->set("text", item.text);
  o->set("registry_number", item.registry_number);
  o->set("public", item.is_public);
  o->set("span", spanToJson(item.span));
  Array::Ptr decisions = new Array;
  for (const auto& d : item.decisions) decisions->add(decisionToJson(d));
  o->set("decisions", decisions);
  Array::Ptr assignments = new Array;
  for (const auto& a : item.assignments) assignments->add(assignmentToJson(a));
  o->set("assignments", assignments);
  return o;
}

Object::Ptr documentToJson(const Document& d, bool include_text) {
  auto o = newObject();
  if (d.id != 0) o->set("id", d.id);
  o->set("kind", documentKindName(d.kind));
  o->set("title", d.title);
  o->set("organization", d.organization);
  o->set("date", d.date);
  o->set("registry_number", d.registry_number);
  o->set("language", d.language);
  o->set("publication_state", d.publication_state);
  o->set("plugin", d.plugin);
  if (d.kind == DocumentKind::kMinutes || !d.attendees.empty()) {
    o->set("time", d.time);
    o->set("place", d.place);
    o->set("chair", d.chair);
    o->set("secretary", d.secretary);
    o->set("adjusters", stringsToJson(d.adjusters));
    o->set("adjusted_date", d.adjusted_date);
    Array::Ptr attendees = new Array;
    for (const auto& a : d.attendees) attendees->add(attendeeToJson(a));
    o->set("attendees", attendees);
  }
  if (d.kind == DocumentKind::kReply || !d.initiator.empty()) {
    o->set("initiator", d.initiator);
    o->set("initiator_party", d.initiator_party);
    o->set("replier", d.replier);
    o->set("replier_role", d.replier_role);
    o->set("topic", d.topic);
    o->set("commitments", stringsToJson(d.commitments));
  }
  auto original = newObject();
  original->set("sha256", d.original.sha256);
  original->set("media_type", d.original.media_type);
  original->set("filename", d.original.filename);
  original->set("size", static_cast<Poco::UInt64>(d.original.size));
  o->set("original", original);
  Array::Ptr items = new Array;
  for (const auto& item : d.items) items->add(itemToJson(item, true));
  o->set("items", items);
  if (include_text) o->set("text", d.text);
  return o;
}

std::string toJsonString(const Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

Result<Document> documentFromJson(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    auto o = parser.parse(json).extract<Object::Ptr>();
    Document d;
    d.id = static_cast<Id>(num(o, "id", 0));
    d.kind = parseDocumentKind(str(o, "kind")).value_or(DocumentKind::kOther);
    d.title = str(o, "title");
    d.organization = str(o, "organization");
    d.date = str(o, "date");
    d.registry_number = str(o, "registry_number");
    d.language = str(o, "language");
    d.publication_state = str(o, "publication_state");
    d.plugin = str(o, "plugin");
    d.time = str(o, "time");
    d.place = str(o, "place");
    d.chair = str(o, "chair");
    d.secretary = str(o, "secretary");
    d.adjusters = stringsFrom(o, "adjusters");
    d.adjusted_date = str(o, "adjusted_date");
    if (auto a = o->getArray("attendees")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        auto j = a->getObject(static_cast<unsigned>(i));
        d.attendees.push_back({str(j, "name"), str(j, "party"), str(j, "role"),
                               str(j, "affiliation"), j->optValue<bool>("adjuster", false)});
      }
    }
    d.initiator = str(o, "initiator");
    d.initiator_party = str(o, "initiator_party");
    d.replier = str(o, "replier");
    d.replier_role = str(o, "replier_role");
    d.topic = str(o, "topic");
    d.commitments = stringsFrom(o, "commitments");
    if (auto orig = o->getObject("original")) {
      d.original.sha256 = str(orig, "sha256");
      d.original.media_type = str(orig, "media_type");
      d.original.filename = str(orig, "filename");
      d.original.size = static_cast<std::size_t>(num(orig, "size", 0));
    }
    if (auto a = o->getArray("items")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        d.items.push_back(itemFrom(a->getObject(static_cast<unsigned>(i))));
      }
    }
    d.text = str(o, "text");
    return d;
  } catch (const Poco::Exception& e) {
    return Status::corruption("stored document JSON is unreadable: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::corruption(std::string("stored document JSON is unreadable: ") + e.what());
  }
}

}  // namespace beslut
