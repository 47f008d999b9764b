// Splits Swedish compounds ("kompetensförsörjning" → kompetens + försörjning)
// with a dictionary, so that a search for a part finds the compound. Used at
// index time only: splitting queries lowers precision.
//
// A word splits into two or more dictionary words, each at least
// Options::min_part letters, with an optional linking letter (s, e, a, u, o)
// after every part but the last ("näringslivs|utveckling"); the last part may
// carry an inflection ending ("försörjningen"). Of all splits the one with the
// fewest parts wins, then the one whose shortest part is longest. Results are
// cached per word. Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "beslut/status.h"

namespace beslut {

class Decompounder {
 public:
  struct Options {
    std::size_t min_part = 3;   // letters in every part
    std::size_t min_word = 7;   // shorter words are never split
    std::size_t max_word = 64;  // longer tokens (codes, garbage) are never split
    std::size_t cache_limit = 500000;
  };

  // Loads the words of a hunspell dictionary (e.g. /usr/share/hunspell/sv_SE.dic):
  // affix flags and proper nouns are ignored, words are lower-cased.
  static Result<std::shared_ptr<const Decompounder>> fromHunspell(const std::string& dic_path, Options options);
  static Result<std::shared_ptr<const Decompounder>> fromHunspell(const std::string& dic_path);
  static std::shared_ptr<const Decompounder> fromWords(const std::vector<std::wstring>& words, Options options);
  static std::shared_ptr<const Decompounder> fromWords(const std::vector<std::wstring>& words);

  virtual ~Decompounder();
  // The parts of a lower-case word as they appear in it (linking letters
  // dropped, the last part with its ending), or nothing when the word is not a
  // compound of dictionary words.
  virtual std::vector<std::wstring> split(const std::wstring& word) const = 0;
  // True if the lower-case word is in the dictionary.
  virtual bool contains(const std::wstring& word) const = 0;
  virtual std::size_t dictionarySize() const = 0;
};

// The default dictionary of Debian's hunspell-sv package.
constexpr const char* kSwedishHunspellDictionary = "/usr/share/hunspell/sv_SE.dic";

}  // namespace beslut
