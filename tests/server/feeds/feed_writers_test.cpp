// The one Atom writer and the one iCalendar writer.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "feeds/atom.h"
#include "feeds/icalendar.h"

using namespace beslut::server;

TEST_CASE("the Atom writer escapes what it is given and keeps HTML summaries as text") {
  AtomFeed feed;
  feed.id = "urn:beslut:test";
  feed.title = "Beslut – <skola> & \"vård\"";
  feed.updated = "2026-12-03T10:00:00Z";
  feed.self = "http://127.0.0.1/feeds/x.atom?a=1&b=2";
  feed.entries.push_back({"urn:beslut:item:1", "§ 1 <b>", "2026-12-03T09:00:00Z", "", "http://127.0.0.1/d/1",
                          "<mark>skola</mark> &amp; mer", true});
  feed.entries.push_back(
      {"urn:beslut:item:2", "§ 2", "2026-12-02T09:00:00Z", "Ewa Lindberg", "http://127.0.0.1/d/2", "Klart.", false});
  const std::string xml = writeAtom(feed);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  auto root = doc.child("feed");
  CHECK(std::string(root.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
  CHECK(std::string(root.child_value("title")) == feed.title);
  CHECK(std::string(root.child("link").attribute("href").value()) == feed.self);
  CHECK(std::string(root.child("author").child_value("name")) == "Beslut");
  auto first = root.child("entry");
  CHECK(std::string(first.child_value("title")) == "§ 1 <b>");
  CHECK(std::string(first.child("summary").attribute("type").value()) == "html");
  CHECK(std::string(first.child_value("summary")) == "<mark>skola</mark> &amp; mer");
  CHECK_FALSE(first.child("author"));  // the feed's author stands
  auto second = first.next_sibling("entry");
  CHECK(std::string(second.child("author").child_value("name")) == "Ewa Lindberg");
  CHECK_FALSE(second.child("summary").attribute("type"));
  CHECK(xml.find("<mark>") == std::string::npos);  // escaped in the XML
}

TEST_CASE("the iCalendar writer escapes text and folds lines at 75 octets, never inside a character") {
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "åäö; ";
  CalendarEvent e{"assignment-1@beslut", "2018-12-31", "Uppdrag: Ewa, Anita",
                  long_text + "\nslut",  "http://x/1", false};
  CalendarEvent cancelled{"assignment-2@beslut", "2019-02-28", "Avskrivet", "", "http://x/2", true};
  const std::string ics = writeICalendar("Uppdrag – Beslut", "20261203T100000Z", {e, cancelled});
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(ics.find("DTSTART;VALUE=DATE:20181231\r\nDTEND;VALUE=DATE:20190101\r\n") != std::string::npos);
  CHECK(ics.find("DTEND;VALUE=DATE:20190301\r\n") != std::string::npos);
  CHECK(ics.find("SUMMARY:Uppdrag: Ewa\\, Anita\r\n") != std::string::npos);
  CHECK(ics.find("STATUS:CANCELLED\r\n") != std::string::npos);
  std::string unfolded;
  for (std::size_t start = 0, end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) {
    const std::string physical = ics.substr(start, end - start);
    CHECK(physical.size() <= 75);
    CHECK((static_cast<unsigned char>(physical.size() > 1 ? physical[1] : 'x') & 0xC0) != 0x80);  // no split character
    unfolded += physical.rfind(' ', 0) == 0 && !unfolded.empty() ? physical.substr(1) : "\n" + physical;
  }
  CHECK(unfolded.find("DESCRIPTION:" + std::string("åäö\\; ") + "åäö\\; ") != std::string::npos);
  CHECK(unfolded.find("\\nslut") != std::string::npos);
}
