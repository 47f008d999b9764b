#include "beslut/document_json.h"

#include <algorithm>
#include <sstream>

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

Object::Ptr followUpToJson(const FollowUp& f) {
  auto o = newObject();
  if (f.id != 0) o->set("id", f.id);
  o->set("date", f.date);
  o->set("status", assignmentStatusName(f.status));
  o->set("comment", f.comment);
  if (f.source_document_id) o->set("source_document_id", *f.source_document_id);
  o->set("source_item_number", f.source_item_number);
  o->set("evidence_text", f.evidence_text);
  o->set("author", f.author);
  o->set("span", spanToJson(f.span));
  o->set("confidence", f.confidence);
  return o;
}

Object::Ptr indicatorToJson(const Indicator& i) {
  auto o = newObject();
  o->set("name", i.name);
  o->set("outcome", i.outcome);
  o->set("target", i.target);
  o->set("period", i.period);
  o->set("span", spanToJson(i.span));
  o->set("confidence", i.confidence);
  return o;
}

Object::Ptr assignmentToJson(const Assignment& a) {
  auto o = newObject();
  if (a.id != 0) o->set("id", a.id);
  o->set("assignee", a.assignee);
  o->set("task", a.task);
  o->set("due", a.due);
  o->set("due_text", a.due_text);
  o->set("due_kind", a.due_kind);
  o->set("type", a.type);
  o->set("status", assignmentStatusName(a.status));
  o->set("progress", a.progress);
  o->set("span", spanToJson(a.span));
  o->set("confidence", a.confidence);
  Array::Ptr followups = new Array;
  for (const auto& f : a.followups) followups->add(followUpToJson(f));
  o->set("followups", followups);
  return o;
}

Object::Ptr linkToJson(const Link& l) {
  auto o = newObject();
  o->set("object_type", l.object_type);
  if (l.object_id != 0) o->set("object_id", l.object_id);
  o->set("item_index", static_cast<Poco::UInt64>(l.item_index));
  o->set("index", static_cast<Poco::UInt64>(l.index));
  o->set("scheme", l.scheme);
  o->set("code", l.code);
  o->set("score", l.score);
  o->set("origin", l.origin);
  o->set("confirmed_by", l.confirmed_by);
  o->set("explanation", l.explanation);
  return o;
}

Object::Ptr attendeeToJson(const Attendee& a) {
  auto o = newObject();
  o->set("name", a.name);
  o->set("party", a.party);
  o->set("role", a.role);
  o->set("affiliation", a.affiliation);
  o->set("adjuster", a.adjuster);
  o->set("span", spanToJson(a.span));
  o->set("confidence", a.confidence);
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

FollowUp followUpFrom(const Object::Ptr& j) {
  FollowUp f;
  f.id = static_cast<Id>(num(j, "id", 0));
  f.date = str(j, "date");
  f.status = parseAssignmentStatus(str(j, "status")).value_or(AssignmentStatus::kInProgress);
  f.comment = str(j, "comment");
  if (j->has("source_document_id") && !j->isNull("source_document_id")) {
    f.source_document_id = static_cast<Id>(num(j, "source_document_id", 0));
  }
  f.source_item_number = str(j, "source_item_number");
  f.evidence_text = str(j, "evidence_text");
  f.author = str(j, "author");
  f.span = spanFrom(j);
  f.confidence = num(j, "confidence", 1.0);
  return f;
}

Indicator indicatorFrom(const Object::Ptr& j) {
  Indicator i;
  i.name = str(j, "name");
  i.outcome = str(j, "outcome");
  i.target = str(j, "target");
  i.period = str(j, "period");
  i.span = spanFrom(j);
  i.confidence = num(j, "confidence", 1.0);
  return i;
}

Item itemFrom(const Object::Ptr& o) {
  Item item;
  item.id = static_cast<Id>(num(o, "id", 0));
  item.number = str(o, "number");
  item.title = str(o, "title");
  item.text = str(o, "text");
  item.registry_number = str(o, "registry_number");
  item.is_public = !o->has("public") || o->getValue<bool>("public");
  item.kind = str(o, "kind");
  if (auto a = o->getArray("indicators")) {
    for (std::size_t i = 0; i < a->size(); ++i)
      item.indicators.push_back(indicatorFrom(a->getObject(static_cast<unsigned>(i))));
  }
  item.span = spanFrom(o);
  if (auto a = o->getArray("decisions")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto d = a->getObject(static_cast<unsigned>(i));
      Decision dec;
      dec.id = static_cast<Id>(num(d, "id", 0));
      dec.text = str(d, "text");
      dec.kind = parseDecisionKind(str(d, "kind")).value_or(DecisionKind::kDecision);
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
      as.due_kind = str(j, "due_kind");
      as.type = str(j, "type");
      as.status = parseAssignmentStatus(str(j, "status")).value_or(AssignmentStatus::kOpen);
      as.progress = num(j, "progress", 0.0);
      as.span = spanFrom(j);
      as.confidence = num(j, "confidence", 1.0);
      if (auto f = j->getArray("followups")) {
        for (std::size_t k = 0; k < f->size(); ++k)
          as.followups.push_back(followUpFrom(f->getObject(static_cast<unsigned>(k))));
      }
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
  o->set("kind", item.kind);
  o->set("span", spanToJson(item.span));
  Array::Ptr decisions = new Array;
  for (const auto& d : item.decisions) decisions->add(decisionToJson(d));
  o->set("decisions", decisions);
  Array::Ptr assignments = new Array;
  for (const auto& a : item.assignments) assignments->add(assignmentToJson(a));
  o->set("assignments", assignments);
  Array::Ptr indicators = new Array;
  for (const auto& i : item.indicators) indicators->add(indicatorToJson(i));
  o->set("indicators", indicators);
  return o;
}

Object::Ptr documentToJson(const Document& d, JsonOptions options) {
  auto o = newObject();
  if (d.id != 0) o->set("id", d.id);
  o->set("kind", documentKindName(d.kind));
  o->set("title", d.title);
  o->set("organization", d.organization);
  o->set("date", d.date);
  o->set("registry_number", d.registry_number);
  o->set("language", d.language);
  o->set("publication_state", publicationStateName(d.publication_state));
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
  for (const auto& item : d.items) items->add(itemToJson(item, options.item_text));
  o->set("items", items);
  Array::Ptr links = new Array;
  for (const auto& l : d.links) links->add(linkToJson(l));
  o->set("links", links);
  auto evidence = newObject();
  for (const auto& [field, e] : d.evidence) {
    auto ev = newObject();
    ev->set("span", spanToJson(e.span));
    ev->set("confidence", e.confidence);
    evidence->set(field, ev);
  }
  o->set("evidence", evidence);
  // Facts read with little confidence, for a person to check (model.h: needsReview).
  if (options.review) o->set("review", stringsToJson(factsToReview(d)));
  if (options.document_text) o->set("text", d.text);
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
    d.publication_state = parsePublicationState(str(o, "publication_state")).value_or(PublicationState::kPublished);
    d.plugin = str(o, "plugin");
    d.time = str(o, "time");
    d.place = str(o, "place");
    d.chair = str(o, "chair");
    d.secretary = str(o, "secretary");
    d.adjusters = stringsFrom(o, "adjusters");
    d.adjusted_date = str(o, "adjusted_date");
    if (auto list = o->getArray("attendees")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        auto j = list->getObject(static_cast<unsigned>(i));
        Attendee a;
        a.name = str(j, "name");
        a.party = str(j, "party");
        a.role = str(j, "role");
        a.affiliation = str(j, "affiliation");
        a.adjuster = j->optValue<bool>("adjuster", false);
        a.span = spanFrom(j);
        a.confidence = num(j, "confidence", 1.0);
        d.attendees.push_back(std::move(a));
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
    if (auto a = o->getArray("links")) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        auto j = a->getObject(static_cast<unsigned>(i));
        Link l;
        l.object_type = str(j, "object_type");
        l.object_id = static_cast<Id>(num(j, "object_id", 0));
        l.item_index = static_cast<std::size_t>(num(j, "item_index", 0));
        l.index = static_cast<std::size_t>(num(j, "index", 0));
        l.scheme = str(j, "scheme");
        l.code = str(j, "code");
        l.score = num(j, "score", 0.0);
        l.origin = str(j, "origin");
        l.confirmed_by = str(j, "confirmed_by");
        l.explanation = str(j, "explanation");
        d.links.push_back(std::move(l));
      }
    }
    if (auto ev = o->getObject("evidence")) {
      for (const auto& name : ev->getNames()) {
        auto e = ev->getObject(name);
        d.evidence[name] = Evidence{spanFrom(e), num(e, "confidence", 1.0)};
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

std::pair<std::string, std::string> jsonDiff(const Poco::JSON::Object::Ptr& before,
                                             const Poco::JSON::Object::Ptr& after) {
  auto text = [](const Poco::Dynamic::Var& v) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(v, out);
    return out.str();
  };
  Poco::JSON::Object::Ptr was = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  Poco::JSON::Object::Ptr is = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  std::vector<std::string> keys;
  before->getNames(keys);
  std::vector<std::string> more;
  after->getNames(more);
  for (const auto& k : more) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  for (const auto& k : keys) {
    Poco::Dynamic::Var a = before->has(k) ? before->get(k) : Poco::Dynamic::Var();
    Poco::Dynamic::Var b = after->has(k) ? after->get(k) : Poco::Dynamic::Var();
    if (text(a) == text(b)) continue;
    auto aa = before->getArray(k), ba = after->getArray(k);
    if (aa && ba && aa->size() == ba->size()) {
      for (unsigned i = 0; i < aa->size(); ++i) {
        if (text(aa->get(i)) == text(ba->get(i))) continue;
        const std::string key = k + "[" + std::to_string(i) + "]";
        was->set(key, aa->get(i));
        is->set(key, ba->get(i));
      }
      continue;
    }
    if (before->has(k)) was->set(k, a);
    if (after->has(k)) is->set(k, b);
  }
  return {text(was), text(is)};
}

}  // namespace beslut
