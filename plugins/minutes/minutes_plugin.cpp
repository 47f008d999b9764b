#include "minutes_plugin.h"

#include <unordered_set>

#include <algorithm>

#include "beslut/text.h"
#include "minutes_internal.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kScoreWindow = 1 << 20;  // score looks at the first 1 MB

bool has(std::string_view folded, std::string_view word) { return folded.find(word) != std::string_view::npos; }

// Length of the longest run of item headings numbered 1, 2, 3, ... or "§ n".
int itemHeadingRun(std::string_view text) {
  int best = 0, run = 0, last = 0;
  std::size_t pos = 0, lines = 0;
  while (pos < text.size() && pos < kScoreWindow && lines < 20000) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, std::min<std::size_t>(e - pos, minutes::kMaxLine));
    if (auto h = minutes::parseItemHeading(line)) {
      if (run > 0 && h->value == last + 1) ++run;
      else if (h->style != minutes::HeadingStyle::kDotted || h->value == 1) run = 1;
      last = h->value;
      best = std::max(best, run);
    }
    pos = e + 1;
    ++lines;
  }
  return best;
}

// The opening of a document of the state's series: a bill, a committee's
// terms of reference, an inquiry, a regulation. They may quote a government
// meeting's minutes ("Utdrag ur protokoll vid regeringssammanträde") but are
// not minutes.
bool governmentSeries(std::string_view head) {
  std::string_view opening = head.substr(0, std::min<std::size_t>(head.size(), 400));
  for (std::string_view w : {"regeringens proposition", "kommittédirektiv", "statens offentliga utredningar",
                             "lagrådsremiss", "departementsserien", "författningssamling",
                             "föreskrifter och allmänna råd", "regeringens skrivelse", "betänkande av"})
    if (opening.find(w) != std::string_view::npos) return true;
  return false;
}

// Paragraph signs followed by a number: "§ 12", "§63".
int paragraphSigns(std::string_view folded) {
  int n = 0;
  for (std::size_t p = folded.find("\xC2\xA7"); p != std::string_view::npos && n < 100;
       p = folded.find("\xC2\xA7", p + 2)) {
    std::size_t q = p + 2;
    if (q < folded.size() && folded[q] == ' ') ++q;
    if (q < folded.size() && folded[q] >= '0' && folded[q] <= '9') ++n;
  }
  return n;
}

}  // namespace

std::string MinutesPlugin::description() const {
  return "Protokoll från sammanträden: paragrafer, beslut, uppdrag, närvarande och justering.";
}

double MinutesPlugin::score(std::string_view text) const {
  if (trimView(text).empty()) return 0.0;
  std::string f = foldForMatching(text, kScoreWindow);
  std::string_view head = std::string_view(f).substr(0, 4096);
  // The defining marks first, each looked for once: most texts have none and
  // are done after a few scans (the registry scores every text with every plugin).
  const bool headProtokoll = has(head, "protokoll");
  const bool headMeeting = has(head, "sammanträde");
  const bool headMeetingDate = headMeeting && has(head, "sammanträdesdatum");
  const bool justering = has(f, "justera") &&
                         (has(f, "justerare") || has(f, "justerat") || has(f, "justerande") || has(f, "justering"));
  const bool protocolled = has(f, "vid protokollet");
  const bool attendance = has(f, "närvarande") || has(f, "beslutande") || protocolled;
  // Numbered headings, members and "i uppdrag att" are common in any
  // government text (the benchmark corpus had 7,682 pages read as minutes).
  // Without a defining mark of minutes, stay below the generic plugin.
  if (!headProtokoll && !headMeeting && !(justering && attendance)) return 0.0;
  double s = 0.0;
  if (headProtokoll) s += 0.25;
  else if (has(f, "protokoll")) s += 0.1;
  if (justering) s += 0.15;
  if (protocolled || has(f, "sekreterare")) s += 0.1;
  if (attendance || has(f, "ledamöter")) s += 0.1;
  const bool headTime = has(head, "tid:"), headPlace = has(head, "plats:");
  if (headTime || headPlace || headMeetingDate) s += 0.1;
  if (headMeeting) s += 0.05;
  int run = itemHeadingRun(text);
  if (run >= 3) s += 0.15;
  if (has(f, " väljs till ") || has(f, " beslutar att") || has(f, "i uppdrag att")) s += 0.1;
  // A meeting page with numbered paragraphs ("Sammanträde 2009-09-10", "§91 …",
  // "§92 …") is minutes too, whatever its template.
  const bool meetingParagraphs = headMeeting && run >= 2 && paragraphSigns(f) >= 2;
  // "Protokoll" alone is no proof: treaties have "tilläggsprotokoll" and
  // "årsprotokoll" in their titles. Minutes also show a meeting: items,
  // justering, attendance, a meeting time or place.
  const bool meeting = run >= 2 || justering || attendance || headMeeting || headTime || headPlace ||
                       has(head, "plats och tid") || has(head, "mötet");
  const bool defining = (headProtokoll && meeting) || headMeetingDate || (justering && attendance) || meetingParagraphs;
  if (!defining || governmentSeries(head)) return std::min(s, 0.04);
  if (meetingParagraphs) s += 0.25;
  return std::min(1.0, s);
}

Result<Document> MinutesPlugin::parse(std::string_view input) const {
  if (trimView(input).empty()) return Status::unprocessable("Texten är tom.");
  Document doc;
  doc.kind = DocumentKind::kMinutes;
  doc.plugin = name();
  doc.text = dehyphenate(dropTranscriptSiteLines(normalizeNewlines(input)));
  std::vector<minutes::Line> lines = minutes::splitIntoLines(doc.text);
  std::size_t first = minutes::findFirstItem(lines);
  minutes::parseHeader(lines, first, doc);
  doc.items = minutes::parseItems(lines, first);
  // No paragraph found line by line: a transcript may have run them into the text.
  if (doc.items.empty()) doc.items = minutes::inlineParagraphs(doc.text, 0);
  // Headings that carry their agenda number ("80 Justering (ärende 3)") say where the
  // items are more surely than numbers a transcript may have dropped.
  if (auto marked = minutes::agendaMarkedItems(doc.text); marked.size() > doc.items.size())
    doc.items = std::move(marked);
  // The agenda's entries whose paragraphs the text does not hold (an agenda
  // printed above the first paragraph, as on council web pages).
  {
    auto agenda = minutes::agendaListItems(lines, first);
    if (agenda.empty()) agenda = minutes::tocRunItems(doc.text);
    auto bare = [](std::string n) {
      std::erase_if(n, [](char c) { return c == ' ' || c == '\xC2' || c == '\xA7'; });
      return n;
    };
    std::unordered_set<std::string> titles, numbers;
    for (const Item& it : doc.items) {
      titles.insert(toLowerSwedish(it.title));
      if (!it.number.empty()) numbers.insert(bare(it.number));
    }
    std::vector<Item> merged;
    for (Item& a : agenda) {
      const bool printed = titles.contains(toLowerSwedish(a.title)) ||
                           (!a.number.empty() && numbers.contains(bare(a.number)));
      if (!printed) merged.push_back(std::move(a));
    }
    if (!merged.empty()) {
      for (Item& it : doc.items) merged.push_back(std::move(it));
      doc.items = std::move(merged);
    }
  }
  // A decision the end of the text cuts off mid-sentence (an excerpt, a truncated
  // file) cannot be stated; a rule of underscores after one is no part of it.
  {
    std::size_t end = doc.text.size();
    while (end > 0 && (doc.text[end - 1] == ' ' || doc.text[end - 1] == '\n')) --end;
    for (Item& item : doc.items) {
      for (Decision& d : item.decisions) {
        while (!d.text.empty() && (d.text.back() == '_' || d.text.back() == ' ')) d.text.pop_back();
        // "Slutbetänkande av … (SOU 2005:77) Miljö- och byggnadsnämnden beslutade …": a
        // title's rest run into the decision; the decision starts at the body that decides.
        std::string lower = toLowerSwedish(d.text);
        for (std::string_view verb : {" beslutade ", " beslutar ", " beslöt "}) {
          std::size_t v = lower.find(verb);
          if (v == std::string::npos || v > 300) continue;
          std::size_t w = lower.rfind(' ', v - 1);
          w = w == std::string::npos ? 0 : w + 1;
          std::string_view head = std::string_view(lower).substr(w, v - w);
          if (!minutes::bodyHead(head)) break;
          // "Miljö- och byggnadsnämnden", "Kultur- och fritidsnämnden".
          if (w >= 6 && lower.compare(w - 5, 5, " och ") == 0) {
            std::size_t c = lower.rfind(' ', w - 6);
            c = c == std::string::npos ? 0 : c + 1;
            if (lower[w - 6] == '-') w = c;
          }
          if (w >= 2 && isUpperAt(d.text, w) && lower[w - 1] == ' ' && lower[w - 2] != '.') {
            d.text = d.text.substr(w);
            // The span starts where the body's name stands in the source (whose spaces
            // the decision's text has collapsed).
            std::string_view source = std::string_view(doc.text).substr(
                std::min(d.span.begin, doc.text.size()), d.span.end > d.span.begin ? d.span.end - d.span.begin : 0);
            std::string_view start = std::string_view(d.text).substr(0, std::min<std::size_t>(d.text.size(), 24));
            if (std::size_t at = source.find(start); at != std::string_view::npos) d.span.begin += at;
          }
          break;
        }
      }
      std::erase_if(item.decisions, [&](const Decision& d) {
        if (d.text.empty()) return true;
        const char last = d.text.back();
        const bool closed = last == '.' || last == '!' || last == '?' || last == ')' || last == ':' || last == ';';
        return d.span.end + 2 >= end && !closed;
      });
    }
  }
  // Signatures printed after the last item.
  minutes::parseSignatures(lines, first, lines.size(), doc);
  // Covers whose labels and values run together or come in separate runs.
  minutes::readCover(first < lines.size() ? lines[first].begin : doc.text.size(), doc);

  // Adjusters elected in an item ("Håkan Söderman väljs till justerare").
  if (doc.adjusters.empty()) {
    for (const Item& item : doc.items)
      for (const Decision& d : item.decisions) {
        std::string lower = toLowerSwedish(d.text);
        std::size_t p = std::string::npos;
        for (std::string_view m : {" väljs till justerare", " utses till justerare", " utses att justera",
                                   " väljs att justera", " väljs att jämte", " utses att jämte"})
          if (p == std::string::npos) p = lower.find(m);
        if (p != std::string::npos && looksLikePersonName(std::string_view(d.text).substr(0, p))) {
          doc.adjusters.push_back(d.text.substr(0, p));
          doc.evidence["adjusters/" + std::to_string(doc.adjusters.size() - 1)] = Evidence{d.span, 0.8};
        }
      }
  }
  // Adjusters elected in a sentence of the cover or of the first items.
  if (doc.adjusters.empty()) {
    std::string_view region = std::string_view(doc.text).substr(0, std::min<std::size_t>(doc.text.size(), 20000));
    for (std::string_view sentence : splitSentences(region)) {
      if (sentence.size() > 600) continue;
      for (std::string& name : minutes::adjustersElected(sentence, doc.chair)) {
        if (std::find(doc.adjusters.begin(), doc.adjusters.end(), name) != doc.adjusters.end()) continue;
        std::size_t b = static_cast<std::size_t>(sentence.data() - doc.text.data());
        doc.adjusters.push_back(std::move(name));
        doc.evidence["adjusters/" + std::to_string(doc.adjusters.size() - 1)] = Evidence{{b, b + sentence.size()},
                                                                                         0.65};
      }
      if (!doc.adjusters.empty()) break;
    }
  }
  // The adjustment's date in a sentence ("Justering av protokollet beslutades ske den 11
  // november 2008", "tid och plats för justering: måndagen den 7 mars kl. 15.30"): on or
  // after the meeting, the year the meeting's when the text leaves it out.
  if (doc.adjusted_date.empty() && !doc.date.empty()) {
    std::string_view region = std::string_view(doc.text).substr(0, std::min<std::size_t>(doc.text.size(), 20000));
    for (std::string_view sentence : splitSentences(region)) {
      if (sentence.size() > 600) continue;
      std::string lower = toLowerSwedish(sentence);
      if (lower.find("justering") == std::string::npos && lower.find("justeras") == std::string::npos) continue;
      std::size_t at = lower.find("justering");
      if (at == std::string::npos) at = lower.find("justeras");
      auto d = parseSwedishDateAfter(sentence.substr(at), doc.date);
      if (!d || *d < doc.date || *d == doc.date) continue;
      doc.adjusted_date = *d;
      std::size_t b = static_cast<std::size_t>(sentence.data() - doc.text.data());
      doc.evidence["adjusted_date"] = Evidence{{b, b + sentence.size()}, 0.6};
      break;
    }
  }
  minutes::settleAdjusters(doc);
  minutes::addSecretaryAttendee(lines, first, doc);
  minutes::readRegister(lines, 0, doc);
  minutes::readAttendanceProse(doc);
  minutes::settleAttendees(doc);
  for (Attendee& a : doc.attendees)
    if (std::find(doc.adjusters.begin(), doc.adjusters.end(), a.name) != doc.adjusters.end()) a.adjuster = true;

  std::string title = "Protokoll";
  if (!doc.organization.empty()) title += " " + doc.organization;
  if (!doc.date.empty()) title += " " + doc.date;
  doc.title = title;
  if (auto it = doc.evidence.find("body"); it != doc.evidence.end()) doc.evidence["title"] = it->second;
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::MinutesPlugin)
POCO_END_MANIFEST
#endif
