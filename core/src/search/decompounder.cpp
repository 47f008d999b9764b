#include "beslut/decompounder.h"

#include <Poco/Unicode.h>
#include <Poco/UnicodeConverter.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

namespace beslut {

Decompounder::~Decompounder() = default;

namespace {

// Endings an inflected last part may carry beyond its dictionary form.
const std::vector<std::wstring>& endings() {
  static const std::vector<std::wstring> kEndings = {
      L"",     L"s",     L"n",     L"t",     L"a",    L"e",    L"en",  L"et",  L"na",  L"er",   L"ar",
      L"or",   L"ns",    L"ts",    L"ens",   L"ets",  L"nas",  L"ers", L"ars", L"ors", L"erna", L"arna",
      L"orna", L"ernas", L"arnas", L"ornas", L"ande", L"ende", L"are", L"ade", L"ad",  L"at"};
  return kEndings;
}

constexpr std::wstring_view kLinkingLetters = L"seauo";

// Poco's Unicode tables, not <cwctype>: those depend on the C locale.
bool isLetter(wchar_t c) { return Poco::Unicode::isAlpha(static_cast<int>(c)); }

std::wstring lowerWide(std::wstring s) {
  for (auto& c : s) c = static_cast<wchar_t>(Poco::Unicode::toLower(static_cast<int>(c)));
  return s;
}

// Lets the word set be searched with a wstring_view: compute() tries every
// substring of a word, and building a std::wstring for each was most of its cost.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::wstring_view w) const noexcept { return std::hash<std::wstring_view>{}(w); }
};
using WordSet = std::unordered_set<std::wstring, WordHash, std::equal_to<>>;

class DictionaryDecompounder final : public Decompounder {
 public:
  DictionaryDecompounder(WordSet words, Options options) : words_(std::move(words)), options_(options) {}

  std::size_t dictionarySize() const override { return words_.size(); }
  bool contains(const std::wstring& word) const override { return words_.count(word) > 0; }

  std::vector<std::wstring> split(const std::wstring& word) const override {
    if (word.size() < options_.min_word || word.size() > options_.max_word) return {};
    {
      std::shared_lock lock(cache_mutex_);
      if (auto it = cache_.find(word); it != cache_.end()) return it->second;
    }
    std::vector<std::wstring> parts = compute(word);
    std::unique_lock lock(cache_mutex_);
    if (cache_.size() >= options_.cache_limit) cache_.clear();  // crude, but bounded
    cache_.emplace(word, parts);
    return parts;
  }

 private:
  struct Best {
    bool ok = false;
    std::size_t parts = 0;
    std::size_t shortest = 0;
    std::size_t next = 0;      // where the following part starts
    std::size_t part_end = 0;  // end of this part's letters (before a linking letter)
  };

  bool better(const Best& a, const Best& b) const {
    if (!b.ok) return a.ok;
    if (!a.ok) return false;
    if (a.parts != b.parts) return a.parts < b.parts;
    return a.shortest > b.shortest;
  }

  bool isWord(std::wstring_view w) const { return w.size() >= options_.min_part && words_.find(w) != words_.end(); }

  // The last part: a dictionary word followed by one of the endings.
  bool isLastPart(std::wstring_view w) const {
    for (const auto& e : endings()) {
      if (w.size() < e.size() + options_.min_part) continue;
      if (w.compare(w.size() - e.size(), e.size(), e) != 0) continue;
      if (isWord(w.substr(0, w.size() - e.size()))) return true;
    }
    return false;
  }

  std::vector<std::wstring> compute(const std::wstring& w) const {
    if (!std::all_of(w.begin(), w.end(), isLetter)) return {};
    const std::size_t n = w.size();
    // best[i]: the best split of w[i..n) into parts (the whole rest may be the last part).
    std::vector<Best> best(n + 1);
    for (std::size_t i = n; i-- > 0;) {
      Best b;
      // The whole word as one part is no split, even when the dictionary has it.
      if (i > 0 && n - i >= options_.min_part && isLastPart(std::wstring_view(w).substr(i))) {
        b = {true, 1, n - i, n, n};
      }
      for (std::size_t end = i + options_.min_part; end < n; ++end) {
        if (!isWord(std::wstring_view(w).substr(i, end - i))) continue;
        // Directly followed by the next part, or by a linking letter first.
        for (std::size_t next : {end, end + 1}) {
          if (next >= n) continue;
          const bool linked = next == end + 1;
          if (linked && kLinkingLetters.find(w[end]) == std::wstring_view::npos) continue;
          const Best& rest = best[next];
          if (!rest.ok) continue;
          // Precision rules measured on government text: a short first part
          // ("kom|munerna", "pro|positionen") only counts before a linking s
          // ("läns|styrelsen"); a linking vowel only before a long part
          // ("plan|e|ring" is no compound).
          if (end - i < 4 && !(linked && w[end] == L's')) continue;
          if (linked && w[end] != L's' && rest.part_end - next < 5) continue;
          Best candidate{true, rest.parts + 1, std::min(end - i, rest.shortest), next, end};
          if (better(candidate, b)) b = candidate;
        }
      }
      best[i] = b;
    }
    if (!best[0].ok || best[0].parts < 2) return {};
    std::vector<std::wstring> parts;
    for (std::size_t i = 0; i < n;) {
      const Best& b = best[i];
      parts.push_back(w.substr(i, b.part_end - i));
      i = b.next;
    }
    return parts;
  }

  WordSet words_;
  Options options_;
  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::wstring, std::vector<std::wstring>> cache_;
};

}  // namespace

std::shared_ptr<const Decompounder> Decompounder::fromWords(const std::vector<std::wstring>& words, Options options) {
  WordSet set;
  for (const auto& w : words) {
    if (w.size() >= options.min_part && std::all_of(w.begin(), w.end(), isLetter)) set.insert(lowerWide(w));
  }
  return std::make_shared<DictionaryDecompounder>(std::move(set), options);
}

std::shared_ptr<const Decompounder> Decompounder::fromWords(const std::vector<std::wstring>& words) {
  return fromWords(words, Options{});
}

Result<std::shared_ptr<const Decompounder>> Decompounder::fromHunspell(const std::string& dic_path, Options options) {
  std::ifstream in(dic_path);
  if (!in) return Status::ioError("cannot read the dictionary " + dic_path);
  std::vector<std::wstring> words;
  std::string line;
  std::getline(in, line);  // the first line is the word count
  while (std::getline(in, line)) {
    std::string word = line.substr(0, line.find('/'));
    if (word.empty()) continue;
    std::wstring wide;
    Poco::UnicodeConverter::convert(word, wide);
    if (wide.empty() || Poco::Unicode::isUpper(static_cast<int>(wide[0]))) continue;  // proper nouns
    words.push_back(std::move(wide));
  }
  if (words.empty()) return Status::corruption("no words in the dictionary " + dic_path);
  return fromWords(words, options);
}

Result<std::shared_ptr<const Decompounder>> Decompounder::fromHunspell(const std::string& dic_path) {
  return fromHunspell(dic_path, Options{});
}

}  // namespace beslut
