#include "feeds/atom.h"

#include <pugixml.hpp>

#include <sstream>

namespace beslut::server {

namespace {

void text(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).text().set(value.c_str());
}

void author(pugi::xml_node parent, const std::string& name) { text(parent.append_child("author"), "name", name); }

}  // namespace

std::string writeAtom(const AtomFeed& feed) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  auto root = doc.append_child("feed");
  root.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  text(root, "id", feed.id);
  text(root, "title", feed.title);
  if (!feed.subtitle.empty()) text(root, "subtitle", feed.subtitle);
  text(root, "updated", feed.updated);
  author(root, feed.author);
  auto self = root.append_child("link");
  self.append_attribute("rel") = "self";
  self.append_attribute("href") = feed.self.c_str();
  for (const auto& e : feed.entries) {
    auto entry = root.append_child("entry");
    text(entry, "id", e.id);
    text(entry, "title", e.title);
    text(entry, "updated", e.updated);
    if (!e.author.empty()) author(entry, e.author);
    entry.append_child("link").append_attribute("href") = e.link.c_str();
    auto summary = entry.append_child("summary");
    if (e.summary_is_html) summary.append_attribute("type") = "html";
    summary.text().set(e.summary.c_str());
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace beslut::server
