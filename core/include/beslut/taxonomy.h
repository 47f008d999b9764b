// Taxonomy files: a region's development strategy (RUS) or a body's own plan as
// a JSON file of nodes (format in content/taxonomy/README.md):
//
//   {"scheme": "rus-orebro-2030", "title": "...", "source": "...",
//    "nodes": [{"code": "5.4", "kind": "area", "title": "...", "description": "...",
//               "parent_code": "1", "vocabulary": ["kompetensförsörjning", ...]}, ...]}
#pragma once

#include <string>
#include <string_view>

#include "beslut/model.h"
#include "beslut/status.h"

namespace beslut {

// Largest taxonomy file read (a strategy is a few hundred kB at most).
inline constexpr std::size_t kMaxTaxonomyFileBytes = 8u << 20;

// Parses the JSON text of one taxonomy file. `origin` names it in messages.
// kInvalidArgument for malformed JSON, a missing or empty "scheme", a node
// without "code", a duplicate code, a "parent_code" that names no node of the
// file, a cycle of parents, or a field of the wrong type. Vocabulary entries are
// lower-cased (toLowerSwedish), trimmed, and blank ones dropped.
Result<Taxonomy> parseTaxonomyJson(std::string_view json, const std::string& origin = "taxonomy");

// Reads and parses one file (kNotFound / kIOError / kTooLarge for file problems).
Result<Taxonomy> loadTaxonomyFile(const std::string& path);

// Every *.json file of `dir` (not recursive, hidden files skipped), in name
// order, merged into one taxonomy. kInvalidArgument when two files declare the
// same scheme; kNotFound when `dir` is not a folder. A folder without JSON files
// gives an empty taxonomy.
Result<Taxonomy> loadTaxonomyFolder(const std::string& dir);

}  // namespace beslut
