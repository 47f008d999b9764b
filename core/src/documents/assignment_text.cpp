// Normalisation of the text and its sentences (see assignment_internal.h).
#include <algorithm>
#include <string>
#include <utility>

#include "beslut/text.h"
#include "assignment_internal.h"

namespace beslut::assignment_detail {
namespace {

// ---------------------------------------------------------------------------
// Normalisation


class Normalizer {
 public:
  explicit Normalizer(std::string_view t) : t_(t) {
    // The output is never longer than the input plus a final line break.
    n_.s.resize(t.size() + 8);
    n_.map.resize(t.size() + 8);
    out_ = n_.s.data();
    map_ = n_.map.data();
    cap_ = n_.s.size();
  }

  NormText run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      std::size_t e = t_.find('\n', i);
      if (e == npos) e = t_.size();
      line(i, e);
      i = e + 1;
    }
    newline(t_.size());
    n_.s.resize(len_);
    n_.map.resize(len_);
    return std::move(n_);
  }

 private:
  void push(char c, std::size_t at) {
    if (len_ == cap_) grow();
    out_[len_] = c;
    map_[len_] = static_cast<std::uint32_t>(at);
    ++len_;
  }
  void grow() {
    n_.s.resize(len_ * 2 + 8);
    n_.map.resize(len_ * 2 + 8);
    out_ = n_.s.data();
    map_ = n_.map.data();
    cap_ = n_.s.size();
  }
  void pop() {
    if (len_ > 0) --len_;
  }
  char last() const { return len_ == 0 ? '\n' : out_[len_ - 1]; }
  void space(std::size_t at) {
    char l = last();
    if (l != ' ' && l != '\n') push(' ', at);
  }
  void newline(std::size_t at) {
    while (len_ > 0 && n_.s[len_ - 1] == ' ') pop();
    if (len_ > 0 && n_.s[len_ - 1] != '\n') push('\n', at);
  }

  void line(std::size_t b, std::size_t e) {
    std::size_t a = b;
    while (a < e) {
      if (t_[a] == ' ' || t_[a] == '\t' || t_[a] == '\r') {
        ++a;
      } else if (isNbsp(t_, a)) {
        a += 2;
      } else {
        break;
      }
    }
    std::size_t z = e;
    while (z > a && (t_[z - 1] == ' ' || t_[z - 1] == '\t' || t_[z - 1] == '\r')) --z;
    if (a >= z) {
      newline(b);
      prev_blank_ = true;
      return;
    }
    std::string_view body = t_.substr(a, z - a);
    if (body[0] == '[' && has(body, "](")) {  // a Markdown link line (press release links)
      newline(a);
      prev_blank_ = true;
      return;
    }
    bool heading = false;
    bool item = false;
    std::size_t k = 0;
    if (body[0] == '#') {
      while (k < body.size() && body[k] == '#') ++k;
      heading = true;
    } else if (body.size() > 1 && (body[0] == '*' || body[0] == '-') && body[1] == ' ') {
      k = 2;
      item = true;
    } else if (body.size() > 3 && u8(body[0]) == 0xE2 && u8(body[1]) == 0x80 &&
               (u8(body[2]) == 0xA2 || u8(body[2]) == 0x93) && body[3] == ' ') {
      k = 4;  // "• " or "– "
      item = true;
    } else if (isDigit(body[0])) {
      std::size_t d = 0;
      while (d < body.size() && d < 3 && isDigit(body[d])) ++d;
      if (d < 3 && d + 1 < body.size() && (body[d] == '.' || body[d] == ')') && body[d + 1] == ' ') {
        k = d + 2;
        item = true;
      } else {
        // A page marker "2 (6)" left at the start of a line.
        std::size_t q = d;
        if (q < body.size() && body[q] == ' ' && q + 1 < body.size() && body[q + 1] == '(') {
          std::size_t r = q + 2;
          while (r < body.size() && isDigit(body[r])) ++r;
          if (r > q + 2 && r < body.size() + 1 && r < body.size() && body[r] == ')' &&
              (r + 1 == body.size() || body[r + 1] == ' '))
            k = r + 1;
        }
      }
    }
    while (k < body.size() && (body[k] == ' ' || body[k] == '\t')) ++k;
    bool glue = false;
    bool join = false;
    if (!heading && !item && !prev_blank_ && !prev_heading_ && k < body.size()) {
      std::string_view rest = body.substr(k);
      if (prev_soft_hyphen_) {
        glue = true;
      } else if (last() == '-' && prev_lower_end_before_hyphen_ && isLowerAt(rest, 0) && !startsWithConjunction(rest)) {
        pop();  // "Ekobrotts-\nmyndigheten" -> "Ekobrottsmyndigheten"
        glue = true;
      } else if (isLowerAt(rest, 0) || isDigit(rest[0]) || rest[0] == '(') {
        join = true;
      } else if (prev_len_ >= 40 && prev_lower_end_) {
        join = true;
      }
    }
    if (!glue) {
      if (join) {
        space(a);
      } else {
        newline(a);
      }
    }
    if (heading) n_.headings.push_back(len_);
    if (item) n_.items.push_back(len_);
    content(body, a, k);
    prev_heading_ = heading;
    if (heading) newline(z);
    prev_blank_ = false;
    prev_len_ = body.size();
    prev_soft_hyphen_ = body.size() >= 2 && isSoftHyphen(body, body.size() - 2);
    char lc = last();
    prev_lower_end_ = (lc >= 'a' && lc <= 'z') || lc == ',' || u8(lc) >= 0x80;
    prev_lower_end_before_hyphen_ = false;
    if (lc == '-' && len_ >= 2) {
      char pc = n_.s[len_ - 2];
      prev_lower_end_before_hyphen_ = (pc >= 'a' && pc <= 'z') || u8(pc) >= 0x80;
    }
  }

  static bool startsWithConjunction(std::string_view s) {
    for (std::string_view w : {"och ", "eller ", "samt ", "till ", "som "})
      if (s.starts_with(w)) return true;
    return false;
  }

  void content(std::string_view body, std::size_t base, std::size_t k) {
    while (k < body.size()) {
      char c = body[k];
      if (u8(c) > 0x20 && u8(c) < 0x80 && c != '*' && c != '\\') {
        // "(SST)att": a word glued to a closing parenthesis.
        if (c >= 'a' && c <= 'z' && last() == ')') push(' ', base + k);
        push(c, base + k);  // the common case: a plain ASCII character
        ++k;
        continue;
      }
      if (isSoftHyphen(body, k)) {
        k += 2;
        std::size_t j = k;
        while (j < body.size() && body[j] == ' ') ++j;
        if (j > k && isLowerAt(body, j)) k = j;  // "redo\u00ad visas" -> "redovisas"
        continue;
      }
      if (isNbsp(body, k)) {
        space(base + k);
        k += 2;
        continue;
      }
      if (c == '\\' && k + 1 < body.size() &&
          (body[k + 1] == '_' || body[k + 1] == '*' || body[k + 1] == '\\' || body[k + 1] == '[' ||
           body[k + 1] == ']' || body[k + 1] == '#')) {
        // A Markdown escape; "\_" stands between words ("Tillväxtverket\_att").
        if (body[k + 1] == '_') {
          space(base + k);
        } else {
          push(body[k + 1], base + k + 1);
        }
        k += 2;
        continue;
      }
      if (c == '*' && k + 1 < body.size() && body[k + 1] == '*') {
        k += 2;
        continue;
      }
      if (u8(c) < 0x20 || c == ' ') {
        space(base + k);
        ++k;
        continue;
      }
      push(c, base + k);
      ++k;
    }
  }

  std::string_view t_;
  NormText n_;
  std::size_t len_ = 0;  // bytes of n_.s and n_.map in use
  std::size_t cap_ = 0;
  char* out_ = nullptr;
  std::uint32_t* map_ = nullptr;
  bool prev_blank_ = true;
  bool prev_heading_ = false;
  bool prev_soft_hyphen_ = false;
  bool prev_lower_end_ = false;
  bool prev_lower_end_before_hyphen_ = false;
  std::size_t prev_len_ = 0;
};

// ---------------------------------------------------------------------------
// Sentences


bool abbreviationBefore(std::string_view s, std::size_t dot) {
  std::size_t w = dot;
  while (w > 0 && (isAsciiAlpha(s[w - 1]) || s[w - 1] == '.')) --w;
  std::string_view tok = s.substr(w, dot - w);
  if (tok.size() == 1 && tok[0] >= 'A' && tok[0] <= 'Z') return true;  // an initial
  if (tok.empty() || tok.size() > 6) return false;
  char buf[8];
  for (std::size_t i = 0; i < tok.size(); ++i)
    buf[i] = (tok[i] >= 'A' && tok[i] <= 'Z') ? static_cast<char>(tok[i] + 32) : tok[i];
  tok = std::string_view(buf, tok.size());
  static constexpr std::string_view kAbbrev[] = {
      "kungl", "bl.a", "t.ex", "m.fl", "m.m", "dvs",    "d.v.s", "s.k",  "resp", "jfr", "prop", "skr", "bet",
      "rskr",  "ca",   "kap",  "nr",   "f.d", "fr.o.m", "t.o.m", "inkl", "exkl", "ang", "kl",   "p"};
  for (auto a : kAbbrev)
    if (tok == a) return true;
  return false;
}

}  // namespace

NormText normalize(std::string_view text) { return Normalizer(text).run(); }

std::vector<Sentence> splitIntoSentences(const NormText& n) {
  std::vector<Sentence> out;
  const std::string& s = n.s;
  std::size_t h = 0;
  std::size_t it = 0;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && s[b] == ' ') ++b;
    while (e > b && s[e - 1] == ' ') --e;
    if (b >= e) return;
    while (h < n.headings.size() && n.headings[h] < b) ++h;
    while (it < n.items.size() && n.items[it] < b) ++it;
    std::uint32_t bullet = it < n.items.size() && n.items[it] == b ? kAnBullet : 0;
    out.push_back(Sentence{b, e, h < n.headings.size() && n.headings[h] == b, bullet});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      emit(start, i);
      start = i + 1;
    } else if ((c == '.' || c == '!' || c == '?') && i + 2 < s.size() && s[i + 1] == ' ' &&
               (isUpperAt(s, i + 2) || s[i + 2] == '"') && !abbreviationBefore(s, i)) {
      emit(start, i + 1);
      start = i + 2;
      ++i;
    } else if (c == ' ' && i - start >= kMaxSentence) {
      emit(start, i);
      start = i + 1;
    }
  }
  emit(start, s.size());
  return out;
}

namespace {

// The anchor bit of the word starting at low[i], 0 when none. One switch on
// the first byte; most bytes are rejected at once.
std::uint32_t anchorAt(std::string_view low, std::size_t i) {
  const char c1 = i + 1 < low.size() ? low[i + 1] : '\0';
  switch (low[i]) {
    case ' ':
      if (c1 == 's') return (at(low, i, " ska ") || at(low, i, " ska:")) ? kAnSka : 0;
      if (c1 == 'g') return at(low, i, " gav") ? kAnQuote : 0;
      if (c1 == 'f') return at(low, i, " fick ") ? kAnQuote : at(low, i, " f\xC3\xA5r ") ? kAnFar : 0;
      return 0;
    case 'u': return c1 == 'p' && (at(low, i, "uppdra") || at(low, i, "uppdrog ")) ? kAnUppdra : 0;
    case 'r':
      if (c1 != 'e') return 0;
      return at(low, i, "redovis") ? kAnRedovis : at(low, i, "rekvirera") ? kAnOther : 0;
    case 'd': return c1 == 'e' && at(low, i, "delegera") ? kAnOther : 0;
    case 'b':
      if (c1 == 'i') return at(low, i, "bifaller") ? kAnDecides : 0;
      if (c1 != 'e') return 0;
      if (at(low, i, "beredning")) return kAnOther;
      if (at(low, i, "beslutade")) return kAnQuote;
      return (at(low, i, "beslutar att") || at(low, i, "beviljar") || at(low, i, "betalar ")) ? kAnDecides : 0;
    case 's': return c1 == 'a' && at(low, i, "samordnas av") ? kAnOther : 0;
    case 'l': return c1 == '\xC3' && at(low, i, "l\xC3\xA4mnar ") ? kAnOther : 0;
    case 'g': return (i == 0 && at(low, i, "gav ")) ? kAnQuote : 0;
    case 'f':
      if (c1 == 'i') return (i == 0 && at(low, i, "fick ")) ? kAnQuote : 0;
      if (c1 != '\xC3') return 0;
      if (at(low, i, "f\xC3\xA5tt")) return kAnQuote;
      return at(low, i, "f\xC3\xB6rl\xC3\xA4nger") ? kAnDecides : 0;
    case 'k': return c1 == 'o' && at(low, i, "kommer att") ? kAnQuote : 0;
    case 't':
      if (c1 != 'i') return 0;
      if (at(low, i, "tidigare")) return kAnQuote;
      return at(low, i, "tilldelar") ? kAnDecides : 0;
    case 'h':
      if (c1 != 'a') return 0;
      if (at(low, i, "har get") || at(low, i, "har giv")) return kAnQuote;
      return at(low, i, "har i uppdrag") ? kAnHarUppdrag : 0;
    case 'm': return c1 == 'e' && at(low, i, "medger att") ? kAnDecides : 0;
    case '\xC3':  // "ändrar uppdraget till X"
      return c1 == '\xA4' && at(low, i, "\xC3\xA4ndrar uppdraget") ? kAnDecides : 0;
    default: return isDigit(low[i]) ? kAnDigit : 0;
  }
}

}  // namespace

void markAnchors(std::string_view low, std::vector<Sentence>& sentences) {
  for (Sentence& s : sentences) {
    // A sentence starts at a sentence's first byte: the words at its start
    // ("gav ", "fick ") are read as if at the text's start.
    std::string_view lv = low.substr(s.b, s.e - s.b);
    std::uint32_t bits = 0;
    for (std::size_t i = 0; i < lv.size(); ++i) bits |= anchorAt(lv, i);
    s.anchors |= bits;
  }
}

}  // namespace beslut::assignment_detail
