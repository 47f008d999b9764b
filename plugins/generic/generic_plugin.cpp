#include "generic_plugin.h"

#include "beslut/sections.h"
#include "beslut/text.h"

namespace beslut::plugins {

std::string GenericPlugin::description() const { return "Reserv för all annan text: rubrik, datum och avsnitt."; }

double GenericPlugin::score(std::string_view text) const { return trimView(text).empty() ? 0.0 : kScore; }

Result<Document> GenericPlugin::parse(std::string_view input) const {
  auto doc = readTitledSections(input);
  if (!doc.ok()) return doc;
  doc.value().plugin = name();
  // Any text may give an assignment ("Regeringen ger X i uppdrag att …").
  addAssignmentsToItems(doc.value());
  return doc;
}
}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::GenericPlugin)
POCO_END_MANIFEST
#endif
