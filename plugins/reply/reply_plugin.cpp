#include "reply_plugin.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

#include "beslut/text.h"

namespace beslut::plugins {
namespace {

constexpr std::size_t kMaxLine = 2000;
constexpr std::array<std::string_view, 7> kReplyTo = {
    "svar på ledamotsinitiativ", "svar på motion",           "svar på interpellation", "svar på fråga",
    "svar på skriftlig fråga",   "svar på medborgarförslag", "svar på skrivelse"};

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
    // "från Jonas Åberg, Kristdemokraterna, om …": the comma before "om" is no part of the party.
    std::string party = trim(rest.substr(comma + 1));
    while (!party.empty() && (party.back() == ',' || party.back() == ';'))
      party = trim(party.substr(0, party.size() - 1));
    doc.initiator = trim(rest.substr(0, comma));
    doc.initiator_party = withPartyAbbreviation(party);
  } else {
    doc.initiator = trim(rest);
  }
}

constexpr std::size_t kShortDateLine = 40;

// "Birgitta Holm (C)" -> "Birgitta Holm": a party after a signature name.
std::string_view withoutPartySuffix(std::string_view t) {
  if (t.size() < 4 || t.back() != ')') return t;
  std::size_t open = t.rfind('(');
  if (open == std::string_view::npos || open == 0 || t.size() - open > 8 || t[open - 1] != ' ') return t;
  for (std::size_t i = open + 1; i + 1 < t.size(); ++i)
    if (!isUpperAt(t, i) && t[i] != ' ' && static_cast<unsigned char>(t[i]) < 0x80) return t;
  return trimView(t.substr(0, open));
}

// A short role line under the signature: "Regionutvecklingsdirektör", "Regionråd (S)".
bool looksLikeRole(std::string_view t) {
  if (t.empty() || t.size() > 80 || !isUpperAt(t, 0) || t.back() == '.') return false;
  int words = 1;
  for (char c : t)
    if (c == ' ') ++words;
  return words <= 6;
}

// ---- Commitments --------------------------------------------------------
//
// A sentence is classified by its lower-cased words (see Words):
//  - a future marker ("kommer att", "kommer ha", "ska", "avser att", "planerar
//    att", "har för avsikt att") makes it a commitment, unless the "ska" sits in
//    an att-clause ("för att alla ska kunna", "föreslår att regionen ska"), the
//    future is a forecast ("prognosen visar att antalet kommer att öka"), or the
//    sentence is excluded as a whole (below);
//    A negated future ("kommer inte att öppna") is a refusal, not a commitment;
//  - an ongoing measure ("löpande", "regelbundna", "årlig", "varje månad",
//    "fortsätter att", "pågår") counts when the replying organisation speaks
//    ("vi", "jag", "regionen", "förvaltningen", the organisation's name) or the
//    verb is a present passive ("följs upp kontinuerligt"), and the sentence is
//    not in the past ("har stöttat", "har tagit"). Another actor's routine ("De
//    har en löpande dialog med …" about a partner) is context;
//  - an impersonal measure counts: "Det förs/sker/pågår/bedrivs/görs/finns …"
//    followed by a measure ("dialog", "kontakt", "samarbete", "uppföljning", …)
//    or an ongoing marker;
//  - a standing offer counts: "kan … gå in med", "kan … erbjuda", "kan … bistå med".
// Excluded as a whole: questions, the law ("Enligt skollagen ska …"), what the
// initiator proposes or asks ("Motionären vill att …", "I motionen föreslås …"),
// and the decision proposal ("föreslår att motionen ska anses besvarad",
// "bifalls", "avslås"), which disposes of the initiative and commits to nothing.
// A commitment is continued by following sentences of its paragraph (at most
// two) that refer back to it ("Den …", "Där …", "I detta fall …", "I rådet …"
// after "Rådet …") and carry no marker of their own and no past.

using Words = std::vector<std::string>;

bool isWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

Words wordsOf(std::string_view lower) {
  Words out;
  std::string cur;
  for (char c : lower) {
    if (isWordByte(c)) cur += c;
    else if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}
bool startsWithAny(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w.starts_with(s)) return true;
  return false;
}

// What the plugin knows about the reply when it classifies sentences.
struct ReplyContext {
  std::string organization;  // lower-cased, "region örebro län"
  Words initiatorNames;      // lower-cased words of the initiator's name
};

// Index of the first future marker, or npos.
std::size_t futureMarker(const Words& w) {
  bool attBefore = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i];
    std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1]) : std::string_view();
    if (t == "kommer") {
      // "kommer in/från/fram" is a movement, not a future.
      if (in(next, {"in", "ut", "från", "ifrån", "fram", "hit", "dit", "tillbaka", "överens", "åt", "upp", "ner", "ned",
                    "bort", "igång", "till"}))
        continue;
      if (next == "att") return i;
      if (in(next, {"ha", "gå", "få", "se", "bli", "ge", "ta", "stå", "nå", "bo"}) ||
          (next.size() > 3 && next.back() == 'a' && next != "även" && next != "dessa" && next != "denna"))
        return i;
      for (std::size_t j = i + 1; j < w.size() && j < i + 20; ++j)
        if (w[j] == "att") return i;
    } else if (t == "ska" || t == "skall") {
      if (!attBefore) return i;
    } else if (t == "avser" || t == "planerar" || t == "ämnar") {
      for (std::size_t j = i + 1; j < w.size() && j <= i + 3; ++j)
        if (w[j] == "att") return i;
    } else if (t == "avsikt" && i > 0 && w[i - 1] == "för" && next == "att") {
      return i;
    } else if (t == "planeras") {
      return i;
    }
    if (t == "att") attBefore = true;
  }
  return std::string::npos;
}

// "prognosen visar att antalet kommer att öka": a forecast before the marker.
bool isForecast(const Words& w, std::size_t marker) {
  for (std::size_t i = 0; i < marker && i < w.size(); ++i) {
    const std::string& t = w[i];
    if (in(t, {"bedömer", "bedöms", "bedömningen", "visar", "tyder", "förväntas", "beräknas", "troligen", "sannolikt",
               "befarar", "räknar", "riskerar", "tror", "antas"}) ||
        t.find("prognos") != std::string::npos)
      return true;
  }
  return false;
}

bool hasOngoingMarker(const Words& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i];
    std::string_view next = i + 1 < w.size() ? std::string_view(w[i + 1]) : std::string_view();
    if (startsWithAny(t, {"löpande", "fortlöpande", "kontinuerlig", "regelbund", "årlig", "månatlig"})) return true;
    if (t == "pågår") return true;
    if (t == "fortsätter" && next == "att") return true;
    if (t == "varje" && in(next, {"vecka", "månad", "år", "kvartal", "termin"})) return true;
    if (t == "för" && next == "närvarande") return true;
  }
  return false;
}

// "Regionen kommer inte att öppna …": a refusal, not a measure.
bool isNegated(const Words& w, std::size_t marker) {
  for (std::size_t j = marker + 1; j < w.size() && j <= marker + 3; ++j)
    if (in(w[j], {"inte", "ej", "aldrig", "inga", "inget"})) return true;
  return false;
}

// "Insatstiderna följs upp kontinuerligt": a present passive, whose agent in a
// reply is the replying organisation.
bool hasPresentPassive(const Words& w) {
  for (const std::string& t : w)
    if (in(t, {"följs", "görs", "hålls", "sker", "genomförs", "bedrivs", "förs", "ses", "ges", "erbjuds", "utförs",
               "redovisas", "utvärderas", "granskas", "kontrolleras", "rapporteras", "analyseras", "uppdateras"}))
      return true;
  return false;
}

bool isMeasureNoun(std::string_view t) {
  return startsWithAny(t, {"kontakt",      "samarbet",    "samverk",    "dialog",    "rutin",          "plan",
                           "stöd",         "nätverk",     "forum",      "avtal",     "överenskommels", "uppföljning",
                           "arbete",       "arbetsgrupp", "samordning", "möte",      "utbildning",     "insats",
                           "kartläggning", "översyn",     "utredning",  "diskussion"});
}

// "Det förs löpande en dialog …", "Det finns även kontakt med …".
bool isImpersonalMeasure(const Words& w) {
  if (w.size() < 3 || w[0] != "det" ||
      !in(w[1], {"förs", "sker", "pågår", "bedrivs", "görs", "genomförs", "hålls", "finns"}))
    return false;
  for (std::size_t i = 2; i < w.size() && i < 8; ++i)
    if (isMeasureNoun(w[i])) return true;
  return hasOngoingMarker(w);
}

// The replying organisation speaks: "vi", "jag", "regionen", "förvaltningen",
// "Region Örebro län".
bool mentionsSelf(const Words& w, std::string_view lower, const ReplyContext& ctx) {
  for (const std::string& t : w) {
    if (in(t, {"vi", "jag", "vår", "vårt", "våra", "oss", "regionen", "regionens", "kommunen", "kommunens"}))
      return true;
    for (std::string_view s : {"förvaltningen", "förvaltningens", "nämnden", "nämndens", "styrelsen", "styrelsens"})
      if (t.ends_with(s)) return true;
  }
  return !ctx.organization.empty() && lower.find(ctx.organization) != std::string_view::npos;
}

// "har stöttat", "har under en längre tid arbetat", "har tagit direkt kontakt":
// "har"/"hade" followed within five words by a supine (ending in -t; not the
// definite "-et" of "trafikbolaget", nor a neuter adjective after "ett").
bool isPast(const Words& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "har" && w[i] != "hade") continue;
    for (std::size_t j = i + 1; j < w.size() && j <= i + 5; ++j) {
      const std::string& t = w[j];
      if (t.size() < 4 || t.back() != 't') continue;
      if (in(t, {"mycket", "fortsatt", "gott", "stort", "brett", "nytt", "rätt", "lätt", "inget", "något", "allt",
                 "eget", "annat", "detsamma"}) ||
          t.ends_with("ligt") || t.ends_with("vt") || t.ends_with("et") || t.ends_with("cent") || t.ends_with("ment") ||
          t.ends_with("dent") || t == "brist")
        continue;
      if (in(w[j - 1], {"ett", "det", "detta", "sitt", "vårt", "mitt", "ert", "ditt"})) continue;
      return true;
    }
  }
  return false;
}

// "Motionären vill att …", "Eva Ek (C) har i en motion föreslagit att …",
// "I interpellationen frågar …": the initiator's words, reported.
bool isReported(const Words& w, const ReplyContext& ctx) {
  bool initiator = false, verb = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i];
    if (startsWithAny(t, {"motionär", "interpellant", "frågeställar", "förslagsställ", "initiativtagar", "ledamoten"}))
      initiator = true;
    if (i > 0 && w[i - 1] == "i" &&
        in(t, {"motionen", "interpellationen", "ledamotsinitiativet", "initiativet", "frågan", "medborgarförslaget",
               "skrivelsen"}))
      initiator = true;
    if (t.size() >= 2 && std::find(ctx.initiatorNames.begin(), ctx.initiatorNames.end(), t) != ctx.initiatorNames.end())
      initiator = true;
    if (in(t, {"föreslår", "föreslagit", "föreslås", "yrkar",   "yrkas",     "yrkat",   "frågar",      "frågat",
               "undrar",   "vill",       "anser",    "menar",   "lyfter",    "lyft",    "efterfrågar", "önskar",
               "framför",  "framförs",   "ställt",   "ställer", "beskriver", "skriver", "pekar"}))
      verb = true;
  }
  return initiator && verb;
}

// "föreslår att motionen ska anses besvarad", "bifalls", "avslås".
bool isDecisionProposal(const Words& w) {
  bool propose = false, disposal = false;
  for (const std::string& t : w) {
    if (in(t, {"föreslår", "föreslås", "föreslagit", "yrkar", "yrkas", "anser", "anses"})) propose = true;
    if (startsWithAny(t, {"besvarad", "besvarat", "bifall", "avslå", "avslag"})) disposal = true;
  }
  return propose && disposal;
}

// "Enligt skollagen ska kommunen …": what the law says, not what is promised.
bool isLaw(const Words& w) {
  if (w.empty() || w[0] != "enligt") return false;
  for (std::size_t i = 1; i < w.size() && i < 6; ++i)
    if (w[i].find("lag") != std::string::npos || startsWithAny(w[i], {"förordning", "föreskrift"}) ||
        w[i].ends_with("balken"))
      return true;
  return false;
}

bool isStandingOffer(const Words& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "kan") continue;
    for (std::size_t j = i + 1; j < w.size() && j < i + 10; ++j) {
      if (w[j] == "gå" && j + 1 < w.size() && w[j + 1] == "in") return true;
      if (w[j] == "erbjuda" || w[j] == "erbjudas") return true;
      if (w[j] == "bistå" && j + 1 < w.size() && w[j + 1] == "med") return true;
    }
  }
  return false;
}

// A commitment of its own (see above). `text` is the sentence as one line.
bool isCommitment(std::string_view text, const ReplyContext& ctx) {
  std::string t = trim(text);
  if (!t.empty() && t.back() == '?') return false;
  std::string lower = toLowerSwedish(t);
  Words w = wordsOf(lower);
  if (isLaw(w) || isReported(w, ctx) || isDecisionProposal(w)) return false;
  std::size_t future = futureMarker(w);
  if (future != std::string::npos && !isForecast(w, future)) return !isNegated(w, future);
  if (isPast(w)) return false;
  if (isImpersonalMeasure(w)) return true;
  if (hasOngoingMarker(w) && (mentionsSelf(w, lower, ctx) || hasPresentPassive(w))) return true;
  return isStandingOffer(w);
}

// A sentence that refers back to the commitment `prevLower` (lower-cased):
// "Den/Där/Det/De/Dessa/Detta …", "I detta fall …", "I rådet …" or "Rådet …"
// when "råd" occurs in the commitment. Words that name the organisation itself
// ("Regionen …") start a statement of their own.
bool refersBack(std::string_view text, std::string_view prevLower) {
  std::string t = trim(text);
  if (t.empty() || t.back() == '?') return false;
  Words w = wordsOf(toLowerSwedish(t));
  if (w.empty() || isPast(w)) return false;
  if (in(w[0], {"där", "då", "dit", "här", "det", "detta", "denna", "dessa", "de", "den"})) return true;
  std::size_t k = 0;
  if (in(w[0], {"i", "inom", "på", "genom", "via", "med", "för", "under", "vid", "efter", "till"}) && w.size() > 1) {
    if (in(w[1], {"detta", "denna", "dessa", "det", "den", "de", "där"})) return true;
    k = 1;
  }
  const std::string& noun = w[k];
  if (in(noun, {"regionen", "kommunen", "förvaltningen", "nämnden", "styrelsen"})) return false;
  for (std::string_view suffix : {"erna", "arna", "orna", "na", "en", "et"}) {
    if (!noun.ends_with(suffix)) continue;
    std::string stem = noun.substr(0, noun.size() - suffix.size());
    return stem.size() >= 3 && prevLower.find(stem) != std::string_view::npos;
  }
  return false;
}

// A heading on the first line of a sentence ("Förvaltningens svar\nRegionen
// kommer att …"): a short line without punctuation at a line start, followed
// by a line starting with an upper-case letter. Returns the sentence without it.
std::string_view withoutHeading(std::string_view s, std::string_view whole) {
  std::size_t nl = s.find('\n');
  if (nl == std::string_view::npos) return s;
  std::size_t at = static_cast<std::size_t>(s.data() - whole.data());
  if (at > 0 && whole[at - 1] != '\n') return s;
  std::string_view first = trimView(s.substr(0, nl));
  std::string_view rest = trimView(s.substr(nl + 1));
  if (first.empty() || rest.empty() || !isUpperAt(rest, 0)) return s;
  char last = first.back();
  if (last == '.' || last == ':' || last == ';' || last == ',' || last == '!' || last == '?') return s;
  int words = 1;
  for (char c : first)
    if (c == ' ') ++words;
  if (words > 5) return s;
  return s.substr(static_cast<std::size_t>(rest.data() - s.data()));
}

// "Liberalerna" -> "Liberalerna (L)": a party named in full gets its abbreviation.
std::string withPartyAbbreviation(const std::string& party) {
  struct P {
    std::string_view name, abbr;
  };
  static constexpr std::array<P, 9> kParties = {{{"socialdemokraterna", "S"},
                                                 {"moderaterna", "M"},
                                                 {"sverigedemokraterna", "SD"},
                                                 {"centerpartiet", "C"},
                                                 {"vänsterpartiet", "V"},
                                                 {"kristdemokraterna", "KD"},
                                                 {"liberalerna", "L"},
                                                 {"miljöpartiet de gröna", "MP"},
                                                 {"miljöpartiet", "MP"}}};
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
  // Every reply phrase starts "svar på": most texts skip the phrases after one scan.
  const bool replyPhrase = f.find("svar på ") != std::string::npos;
  for (auto k : kReplyTo) {
    if (!replyPhrase) break;
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
  // A meeting's list of items that answers several motions ("7 … Svar på
  // motion. 8 … Svar på motion.") is minutes or an agenda, not one reply.
  std::size_t replies = 0;
  for (auto k : kReplyTo)
    if (replyPhrase) replies += countOccurrences(std::string_view(f).substr(0, 4096), k);
  if (replies >= 2 && (f.find("sammanträde") != std::string::npos || f.find("protokoll") != std::string::npos ||
                       f.find("föredragningslista") != std::string::npos || f.find("kallelse") != std::string::npos))
    s = std::min(s, 0.3);
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
    std::string_view name = withoutPartySuffix(trimView(ls[nonEmpty[k]].text));
    std::string_view role = trimView(ls[nonEmpty[k - 1]].text);
    if (looksLikePersonName(name) && looksLikeRole(role)) {
      doc.replier = std::string(name);
      doc.replier_role = std::string(role);
      doc.evidence["replier"] = Evidence{{lineSpan(nonEmpty[k]).begin, lineSpan(nonEmpty[k - 1]).end}, 0.85};
      bodyEnd = nonEmpty[k];
      // "Storsjö den 3 oktober 2023" above the signature is not part of the body.
      if (k + 1 < nonEmpty.size()) {
        std::string_view above = trimView(ls[nonEmpty[k + 1]].text);
        if (above.size() <= kShortDateLine && parseSwedishDate(above)) bodyEnd = nonEmpty[k + 1];
      }
      break;
    }
  }

  doc.organization = mostMentionedPublicBody(doc.text);
  if (!doc.organization.empty()) {
    std::size_t p = doc.text.find(doc.organization);
    if (p != std::string::npos) doc.evidence["body"] = Evidence{{p, p + doc.organization.size()}, 0.7};
  }
  // Dates sit at the top or by the signature; a line that is little more than
  // the date ("2023-09-18", "Storsjö den 3 oktober 2023") wins over a date in a
  // sentence ("De nya kraven gäller från den 1 januari 2025.").
  for (std::size_t maxLine : {kShortDateLine, std::size_t{120}})
    for (std::size_t i = 0; i < ls.size() && doc.date.empty(); ++i) {
      if (i > 15 && i + 15 < ls.size()) continue;
      if (i != titleLine && trimView(ls[i].text).size() <= maxLine)
        if (auto d = parseSwedishDate(ls[i].text)) {
          doc.date = *d;
          doc.evidence["date"] = Evidence{lineSpan(i), 0.8};
        }
    }

  // Items: the paragraphs of the body.
  std::size_t bodyBegin = titleLine < ls.size() ? ls[titleLine].begin + ls[titleLine].text.size() : 0;
  std::size_t bodyStop = bodyEnd < ls.size() ? ls[bodyEnd].begin : doc.text.size();
  std::string_view body = std::string_view(doc.text).substr(bodyBegin, bodyStop - bodyBegin);
  ReplyContext ctx;
  ctx.organization = toLowerSwedish(doc.organization);
  ctx.initiatorNames = wordsOf(toLowerSwedish(doc.initiator));
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
      // Commitments, each with the sentences that continue it (see refersBack).
      bool open = false;
      int continued = 0;
      for (std::string_view s : sentences) {
        s = withoutHeading(s, doc.text);
        std::string one = oneLine(s);
        std::size_t sb = static_cast<std::size_t>(s.data() - doc.text.data());
        if (isCommitment(one, ctx)) {
          doc.evidence["commitments/" + std::to_string(doc.commitments.size())] = Evidence{{sb, sb + s.size()}, 0.6};
          doc.commitments.push_back(one);
          open = true;
          continued = 0;
        } else if (open && continued < 2 && refersBack(one, toLowerSwedish(doc.commitments.back()))) {
          Evidence& e = doc.evidence["commitments/" + std::to_string(doc.commitments.size() - 1)];
          e.span.end = sb + s.size();
          doc.commitments.back() = oneLine(std::string_view(doc.text).substr(e.span.begin, e.span.end - e.span.begin));
          ++continued;
        } else {
          open = false;
        }
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
