#include "reply_plugin.h"

#include <algorithm>
#include <array>
#include <vector>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kMaxLine = 2000;
constexpr std::array<std::string_view, 7> kReplyTo = {
    "svar på ledamotsinitiativ", "svar på motion", "svar på interpellation", "svar på fråga",
    "svar på skriftlig fråga", "svar på medborgarförslag", "svar på skrivelse"};

struct Line {
  std::string_view text;
  std::size_t begin = 0;
};

std::vector<Line> lines(std::string_view text) {
  std::vector<Line> out;
  for (std::string_view l : splitLines(text))
    out.push_back({l.substr(0, kMaxLine), static_cast<std::size_t>(l.data() - text.data())});
  return out;
}

bool startsWithReply(std::string_view lower) {
  for (auto k : kReplyTo)
    if (lower.starts_with(k)) return true;
  return false;
}

// "Svar på ledamotsinitiativ från Lars Hultkranz, Liberalerna [om X]".
void parseTitle(const std::string& title, Document& doc) {
  std::string lower = toLowerSwedish(title);
  std::size_t from = lower.find(" från ");
  if (from == std::string::npos) return;
  std::string rest = title.substr(from + 6);
  std::string restLower = lower.substr(from + 6);
  std::size_t om = restLower.find(" om ");
  if (om != std::string::npos) {
    doc.topic = trim(rest.substr(om + 4));
    rest = rest.substr(0, om);
  }
  std::size_t open = rest.find('(');
  std::size_t comma = rest.find(',');
  if (open != std::string::npos && rest.find(')', open) != std::string::npos) {
    doc.initiator = trim(rest.substr(0, open));
    doc.initiator_party = trim(rest.substr(open + 1, rest.find(')', open) - open - 1));
  } else if (comma != std::string::npos) {
    doc.initiator = trim(rest.substr(0, comma));
    doc.initiator_party = trim(rest.substr(comma + 1));
  } else {
    doc.initiator = trim(rest);
  }
}

// A short role line under the signature: "Regionutvecklingsdirektör", "Regionråd (S)".
bool looksLikeRole(std::string_view t) {
  if (t.empty() || t.size() > 80 || !isUpperAt(t, 0) || t.back() == '.') return false;
  int words = 1;
  for (char c : t)
    if (c == ' ') ++words;
  return words <= 6;
}

bool isCommitment(std::string_view lower) {
  for (std::string_view w : {" kommer ", " ska ", " skall ", " avser ", " planerar att "}) {
    std::string padded = " " + std::string(lower) + " ";
    if (padded.find(w) != std::string::npos) return true;
  }
  return false;
}

// Paragraphs: runs of non-blank lines (views into `body`).
std::vector<std::string_view> paragraphs(std::string_view body) {
  std::vector<std::string_view> out;
  std::size_t start = std::string_view::npos, last = 0, pos = 0;
  while (pos <= body.size()) {
    std::size_t e = body.find('\n', pos);
    if (e == std::string_view::npos) e = body.size();
    bool blank = trimView(body.substr(pos, e - pos)).empty();
    if (!blank && start == std::string_view::npos) start = pos;
    if (!blank) last = e;
    if ((blank || e == body.size()) && start != std::string_view::npos) {
      std::string_view p = trimView(body.substr(start, last - start));
      if (!p.empty()) out.push_back(p);
      start = std::string_view::npos;
    }
    pos = e + 1;
  }
  return out;
}

// The first sentence, cut at a word boundary near 100 bytes.
std::string shortTitle(std::string s) {
  if (s.size() <= 100) return s;
  std::size_t sp = s.rfind(' ', 100);
  std::size_t cut = sp == std::string::npos || sp < 20 ? 100 : sp;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

std::string ReplyPlugin::description() const {
  return "Svar på ledamotsinitiativ, motioner, interpellationer och frågor.";
}

double ReplyPlugin::score(std::string_view text) const {
  if (trimView(text).empty()) return 0.0;
  std::string f = foldForMatching(text, 1 << 20);
  std::string_view head = std::string_view(f).substr(0, 600);
  double s = 0.0;
  bool inHead = false, anywhere = false;
  for (auto k : kReplyTo) {
    if (head.find(k) != std::string_view::npos) inHead = true;
    if (f.find(k) != std::string::npos) anywhere = true;
  }
  if (inHead) s += 0.7;
  else if (anywhere) s += 0.25;
  for (std::string_view w : {"ledamotsinitiativ", "interpellation", "motionen", "motionären", "frågeställaren"})
    if (f.find(w) != std::string::npos) {
      s += 0.1;
      break;
    }
  // A short document: a reply is a few pages, not a report.
  if ((inHead || anywhere) && text.size() < 40000) s += 0.1;
  return std::min(1.0, s);
}

Result<Document> ReplyPlugin::parse(std::string_view input) const {
  if (trimView(input).empty()) return Status::unprocessable("Texten är tom.");
  Document doc;
  doc.kind = DocumentKind::kReply;
  doc.plugin = name();
  doc.text = dehyphenate(normalizeNewlines(input));
  std::vector<Line> ls = lines(doc.text);

  // Title: the "Svar på …" line among the first lines, else the first line.
  std::size_t titleLine = ls.size();
  for (std::size_t i = 0; i < ls.size() && i < 40; ++i)
    if (startsWithReply(toLowerSwedish(trimView(ls[i].text)))) {
      titleLine = i;
      break;
    }
  if (titleLine == ls.size())
    for (std::size_t i = 0; i < ls.size(); ++i)
      if (!trimView(ls[i].text).empty()) {
        titleLine = i;
        break;
      }
  if (titleLine < ls.size()) {
    doc.title = oneLine(ls[titleLine].text.substr(0, 300));
    parseTitle(doc.title, doc);
  }

  // Signature: the last name line followed by a role line.
  std::size_t bodyEnd = ls.size();
  std::vector<std::size_t> nonEmpty;
  for (std::size_t i = ls.size(); i > titleLine + 1 && nonEmpty.size() < 12; --i)
    if (!trimView(ls[i - 1].text).empty()) nonEmpty.push_back(i - 1);
  for (std::size_t k = 1; k < nonEmpty.size(); ++k) {
    std::string_view name = trimView(ls[nonEmpty[k]].text);
    std::string_view role = trimView(ls[nonEmpty[k - 1]].text);
    if (looksLikePersonName(name) && looksLikeRole(role)) {
      doc.replier = std::string(name);
      doc.replier_role = std::string(role);
      bodyEnd = nonEmpty[k];
      break;
    }
  }

  doc.organization = mostMentionedPublicBody(doc.text);
  for (std::size_t i = 0; i < ls.size() && doc.date.empty(); ++i) {
    if (i > 15 && i + 15 < ls.size()) continue;  // dates sit at the top or by the signature
    if (i != titleLine && ls[i].text.size() < 120)
      if (auto d = parseSwedishDate(ls[i].text)) doc.date = *d;
  }

  // Items: the paragraphs of the body.
  std::size_t bodyBegin = titleLine < ls.size() ? ls[titleLine].begin + ls[titleLine].text.size() : 0;
  std::size_t bodyStop = bodyEnd < ls.size() ? ls[bodyEnd].begin : doc.text.size();
  std::string_view body = std::string_view(doc.text).substr(bodyBegin, bodyStop - bodyBegin);
  int n = 0;
  for (std::string_view para : paragraphs(body)) {
    for (std::string_view piece : splitIntoPassages(para, 6000)) {
      Item item;
      item.number = std::to_string(++n);
      item.text = oneLine(piece);
      auto sentences = splitSentences(piece);
      item.title = shortTitle(sentences.empty() ? item.text : oneLine(sentences.front()));
      std::size_t b = bodyBegin + static_cast<std::size_t>(piece.data() - body.data());
      item.span = {b, b + piece.size()};
      for (std::string_view s : sentences) {
        std::string one = oneLine(s);
        if (isCommitment(toLowerSwedish(one))) doc.commitments.push_back(one);
      }
      doc.items.push_back(std::move(item));
    }
  }
  return doc;
}

}  // namespace beslut::plugins

#ifndef BESLUT_NO_MANIFEST
#include <Poco/ClassLibrary.h>
POCO_BEGIN_MANIFEST(beslut::Plugin)
POCO_EXPORT_CLASS(beslut::plugins::ReplyPlugin)
POCO_END_MANIFEST
#endif
