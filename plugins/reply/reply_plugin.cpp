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

std::string withPartyAbbreviation(const std::string& party);

// "Svar på ledamotsinitiativ från Lars Hultkranz, Liberalerna [om X]".
void parseTitle(const std::string& title, Document& doc) {
  std::string lower = toLowerSwedish(title);
  std::size_t from = lower.find(" från ");
  if (from == std::string::npos) return;
  std::string rest = title.substr(from + 6);
  std::string restLower = lower.substr(from + 6);
  for (std::string_view w : {" om ", " angående ", " gällande ", " avseende ", " rörande "}) {
    std::size_t om = restLower.find(w);
    if (om == std::string::npos) continue;
    doc.topic = trim(rest.substr(om + w.size()));
    rest = rest.substr(0, om);
    break;
  }
  std::size_t open = rest.find('(');
  std::size_t comma = rest.find(',');
  if (open != std::string::npos && rest.find(')', open) != std::string::npos) {
    doc.initiator = trim(rest.substr(0, open));
    doc.initiator_party = withPartyAbbreviation(trim(rest.substr(open + 1, rest.find(')', open) - open - 1)));
  } else if (comma != std::string::npos) {
    doc.initiator = trim(rest.substr(0, comma));
    doc.initiator_party = withPartyAbbreviation(trim(rest.substr(comma + 1)));
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

// A sentence that commits the replying organisation: a future ("kommer att",
// "ska", "avser att", "planerar att"), an ongoing measure ("löpande",
// "fortsätter att") or a standing offer ("kan … gå in med stöd"). A possibility
// ("kan komma att") is no commitment.
bool isCommitment(std::string_view lower) {
  std::string padded = " " + std::string(lower) + " ";
  for (char& c : padded)
    if (c == ',' || c == '.' || c == ';' || c == '(' || c == ')') c = ' ';
  std::string withoutMaybe = padded;
  for (std::size_t p = withoutMaybe.find(" kan komma att "); p != std::string::npos;
       p = withoutMaybe.find(" kan komma att "))
    withoutMaybe.replace(p, 15, " ");
  for (std::string_view w : {" kommer ", " ska ", " skall ", " avser ", " planerar att ", " löpande ",
                             " fortlöpande ", " kontinuerligt ", " fortsätter att "})
    if (withoutMaybe.find(w) != std::string::npos) return true;
  std::size_t kan = withoutMaybe.find(" kan ");
  if (kan != std::string::npos && withoutMaybe.find(" gå in ", kan) != std::string::npos) return true;
  return false;
}

// "Liberalerna" -> "Liberalerna (L)": a party named in full gets its abbreviation.
std::string withPartyAbbreviation(const std::string& party) {
  struct P { std::string_view name, abbr; };
  static constexpr std::array<P, 9> kParties = {{{"socialdemokraterna", "S"}, {"moderaterna", "M"},
      {"sverigedemokraterna", "SD"}, {"centerpartiet", "C"}, {"vänsterpartiet", "V"},
      {"kristdemokraterna", "KD"}, {"liberalerna", "L"}, {"miljöpartiet de gröna", "MP"}, {"miljöpartiet", "MP"}}};
  std::string lower = toLowerSwedish(party);
  for (const P& p : kParties)
    if (lower == p.name) return party + " (" + std::string(p.abbr) + ")";
  return party;
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
  auto lineSpan = [&](std::size_t i) {
    std::string_view t = trimView(ls[i].text);
    std::size_t b = ls[i].begin + static_cast<std::size_t>(t.data() - ls[i].text.data());
    return Span{b, b + t.size()};
  };
  if (titleLine < ls.size()) {
    doc.title = truncateText(oneLine(ls[titleLine].text), 300);
    parseTitle(doc.title, doc);
    bool replyTitle = startsWithReply(toLowerSwedish(trimView(ls[titleLine].text)));
    doc.evidence["title"] = Evidence{lineSpan(titleLine), replyTitle ? 0.95 : 0.5};
    if (!doc.initiator.empty()) doc.evidence["initiator"] = Evidence{lineSpan(titleLine), 0.9};
    if (!doc.topic.empty()) doc.evidence["topic"] = Evidence{lineSpan(titleLine), 0.85};
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
      doc.evidence["replier"] = Evidence{{lineSpan(nonEmpty[k]).begin, lineSpan(nonEmpty[k - 1]).end}, 0.85};
      bodyEnd = nonEmpty[k];
      break;
    }
  }

  doc.organization = mostMentionedPublicBody(doc.text);
  if (!doc.organization.empty()) {
    std::size_t p = doc.text.find(doc.organization);
    if (p != std::string::npos) doc.evidence["body"] = Evidence{{p, p + doc.organization.size()}, 0.7};
  }
  for (std::size_t i = 0; i < ls.size() && doc.date.empty(); ++i) {
    if (i > 15 && i + 15 < ls.size()) continue;  // dates sit at the top or by the signature
    if (i != titleLine && ls[i].text.size() < 120)
      if (auto d = parseSwedishDate(ls[i].text)) {
        doc.date = *d;
        doc.evidence["date"] = Evidence{lineSpan(i), 0.8};
      }
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
        if (!isCommitment(toLowerSwedish(one))) continue;
        std::size_t sb = bodyBegin + static_cast<std::size_t>(s.data() - body.data());
        doc.evidence["commitments/" + std::to_string(doc.commitments.size())] = Evidence{{sb, sb + s.size()}, 0.6};
        doc.commitments.push_back(one);
      }
      doc.items.push_back(std::move(item));
    }
  }
  // What was asked, when the title does not say ("Svar på motion om X"): the
  // opening paragraph, which restates the question, cut at a sentence end.
  if (doc.topic.empty()) {
    auto paras = paragraphs(body);
    if (!paras.empty()) {
      std::string topic;
      std::size_t end = 0;
      for (std::string_view s : splitSentences(paras.front())) {
        std::string one = oneLine(s);
        if (!topic.empty() && topic.size() + one.size() > 500) break;
        topic += (topic.empty() ? "" : " ") + one;
        end = static_cast<std::size_t>(s.data() + s.size() - doc.text.data());
      }
      doc.topic = truncateText(topic, 600);
      std::size_t b = static_cast<std::size_t>(paras.front().data() - doc.text.data());
      doc.evidence["topic"] = Evidence{{b, std::max(b, end)}, 0.4};
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
