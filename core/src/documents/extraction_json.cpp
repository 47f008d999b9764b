#include "beslut/extraction_json.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>

namespace beslut {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr newObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

// A string, or null when empty.
Poco::Dynamic::Var orNull(const std::string& s) {
  if (s.empty()) return Poco::Dynamic::Var();
  return s;
}

void setOrNull(Object::Ptr o, const std::string& key, const std::string& value) { o->set(key, orNull(value)); }

Array::Ptr spanJson(const Span& span) {
  Array::Ptr a = new Array;
  a->add(static_cast<Poco::UInt64>(span.begin));
  a->add(static_cast<Poco::UInt64>(span.end));
  return a;
}

// A calendar date or month ("2026-01-31", "2019-10"), as the gold files have
// it; null when the text gives none ("till nästa sammanträde", "i samband med
// årsredovisningen" are in due_text).
Poco::Dynamic::Var dueOf(const Assignment& a) { return orNull(a.due); }

Object::Ptr assignmentJson(const Assignment& a) {
  auto o = newObject();
  setOrNull(o, "assignee", a.assignee);
  setOrNull(o, "task", a.task);
  o->set("due", dueOf(a));
  setOrNull(o, "due_text", a.due_text);
  setOrNull(o, "due_kind", a.due_kind);
  if (!a.type.empty()) o->set("type", a.type);
  o->set("span", spanJson(a.span));
  o->set("confidence", a.confidence);
  if (!a.followups.empty()) {
    Array::Ptr fs = new Array;
    for (const FollowUp& f : a.followups) {
      auto fo = newObject();
      fo->set("status", assignmentStatusName(f.status));
      setOrNull(fo, "evidence_text", f.evidence_text);
      fo->set("span", spanJson(f.span));
      fo->set("confidence", f.confidence);
      fs->add(fo);
    }
    o->set("followups", fs);
  }
  return o;
}

Object::Ptr minutesItemJson(const Item& item) {
  auto o = newObject();
  o->set("number", item.number);
  setOrNull(o, "title", item.title);
  setOrNull(o, "registry_number", item.registry_number);
  Array::Ptr ds = new Array;
  for (const Decision& d : item.decisions) ds->add(d.text);
  o->set("decisions", ds);
  Array::Ptr as = new Array;
  for (const Assignment& a : item.assignments) as->add(assignmentJson(a));
  o->set("assignments", as);
  return o;
}

Object::Ptr sectionJson(const Item& item, bool annual) {
  auto o = newObject();
  setOrNull(o, "number", item.number);
  setOrNull(o, "title", item.title);
  o->set("kind", orNull(item.kind.empty() ? std::string("section") : item.kind));
  // Decisions and assignments of any kind of document (an annual report lists
  // its assignments once, at the top, instead).
  if (!item.decisions.empty()) {
    Array::Ptr ds = new Array;
    for (const Decision& d : item.decisions) ds->add(d.text);
    o->set("decisions", ds);
  }
  if (!item.assignments.empty() && !annual) {
    Array::Ptr as = new Array;
    for (const Assignment& a : item.assignments) as->add(assignmentJson(a));
    o->set("assignments", as);
  }
  return o;
}

Object::Ptr evidenceJson(const Document& doc) {
  auto o = newObject();
  for (const auto& [field, e] : doc.evidence) {
    auto eo = newObject();
    eo->set("begin", static_cast<Poco::UInt64>(e.span.begin));
    eo->set("end", static_cast<Poco::UInt64>(e.span.end));
    eo->set("confidence", e.confidence);
    o->set(field, eo);
  }
  return o;
}

void addMinutes(const Document& doc, Object::Ptr o) {
  setOrNull(o, "time", doc.time);
  setOrNull(o, "place", doc.place);
  setOrNull(o, "chair", doc.chair);
  setOrNull(o, "secretary", doc.secretary);
  Array::Ptr adj = new Array;
  for (const auto& a : doc.adjusters) adj->add(a);
  o->set("adjusters", adj);
  setOrNull(o, "adjusted_date", doc.adjusted_date);
  Array::Ptr as = new Array;
  for (const Attendee& a : doc.attendees) {
    auto ao = newObject();
    ao->set("name", a.name);
    setOrNull(ao, "party", a.party);
    setOrNull(ao, "role", a.role);
    setOrNull(ao, "municipality", a.affiliation);
    if (a.adjuster) ao->set("adjuster", true);
    ao->set("span", spanJson(a.span));
    ao->set("confidence", a.confidence);
    as->add(ao);
  }
  o->set("attendees", as);
  Array::Ptr items = new Array;
  for (const Item& item : doc.items)
    if (item.kind != "document") items->add(minutesItemJson(item));  // the whole text is no §
  o->set("items", items);
}

void addReply(const Document& doc, Object::Ptr o) {
  auto ini = newObject();
  setOrNull(ini, "name", doc.initiator);
  setOrNull(ini, "party", doc.initiator_party);
  o->set("initiator", ini);
  auto rep = newObject();
  setOrNull(rep, "name", doc.replier);
  setOrNull(rep, "role", doc.replier_role);
  o->set("replier", rep);
  setOrNull(o, "topic", doc.topic);
  Array::Ptr cs = new Array;
  for (const auto& c : doc.commitments) cs->add(c);
  o->set("key_commitments", cs);
}

void addAnnualReport(const Document& doc, Object::Ptr o) {
  Array::Ptr goals = new Array;
  Array::Ptr assignments = new Array;
  for (const Item& item : doc.items) {
    if (item.kind == "goal") {
      auto g = newObject();
      setOrNull(g, "number", item.number);
      setOrNull(g, "title", item.title);
      Array::Ptr inds = new Array;
      for (const Indicator& i : item.indicators) {
        auto io = newObject();
        setOrNull(io, "name", i.name);
        setOrNull(io, "outcome", i.outcome);
        setOrNull(io, "target", i.target);
        setOrNull(io, "period", i.period);
        io->set("span", spanJson(i.span));
        inds->add(io);
      }
      g->set("indicators", inds);
      goals->add(g);
    }
    for (const Assignment& a : item.assignments) {
      auto ao = assignmentJson(a);
      ao->set("number", orNull(item.number));
      ao->set("title", orNull(item.title));
      assignments->add(ao);
    }
  }
  o->set("goals", goals);
  o->set("assignments", assignments);
}

}  // namespace

Poco::JSON::Object::Ptr extractionToJson(const Document& doc) {
  auto o = newObject();
  o->set("kind", documentKindName(doc.kind));
  setOrNull(o, "body", doc.organization);
  setOrNull(o, "date", doc.date);
  setOrNull(o, "title", doc.title);
  setOrNull(o, "plugin", doc.plugin);
  switch (doc.kind) {
    case DocumentKind::kMinutes: addMinutes(doc, o); break;
    case DocumentKind::kReply: addReply(doc, o); break;
    case DocumentKind::kAnnualReport: addAnnualReport(doc, o); break;
    default: break;
  }
  if (doc.kind != DocumentKind::kMinutes) {
    Array::Ptr items = new Array;
    for (const Item& item : doc.items) items->add(sectionJson(item, doc.kind == DocumentKind::kAnnualReport));
    o->set("items", items);
  }
  o->set("evidence", evidenceJson(doc));
  return o;
}

}  // namespace beslut
