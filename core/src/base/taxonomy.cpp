// Taxonomy files (see beslut/taxonomy.h and content/taxonomy/README.md).
#include "beslut/taxonomy.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "beslut/text.h"

namespace beslut {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// A string member, "" when absent or null; false when present with another type.
bool stringMember(const Object& o, const std::string& key, std::string& out) {
  out.clear();
  if (!o.has(key) || o.isNull(key)) return true;
  Poco::Dynamic::Var v = o.get(key);
  if (!v.isString()) return false;
  out = v.extract<std::string>();
  return true;
}

Status fieldError(const std::string& origin, const std::string& where, const std::string& what) {
  return Status::invalidArgument(origin + ": " + where + ": " + what);
}

}  // namespace

Result<Taxonomy> parseTaxonomyJson(std::string_view json, const std::string& origin) {
  if (!isValidUtf8(json)) return Status::invalidArgument(origin + ": not valid UTF-8");
  json = stripUtf8Bom(json);
  if (trimView(json).empty()) return Status::invalidArgument(origin + ": empty file");
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var root = parser.parse(std::string(json));
    Object::Ptr top = root.type() == typeid(Object::Ptr) ? root.extract<Object::Ptr>() : nullptr;
    if (!top) return Status::invalidArgument(origin + ": the file must hold one JSON object");

    std::string scheme;
    if (!stringMember(*top, "scheme", scheme)) return fieldError(origin, "scheme", "must be a string");
    scheme = trim(scheme);
    if (scheme.empty()) return fieldError(origin, "scheme", "missing or empty");
    std::string ignored;
    if (!stringMember(*top, "title", ignored)) return fieldError(origin, "title", "must be a string");
    if (!stringMember(*top, "source", ignored)) return fieldError(origin, "source", "must be a string");

    Array::Ptr nodes = top->getArray("nodes");
    if (!nodes) return fieldError(origin, "nodes", "missing, or not an array");

    Taxonomy tax;
    std::map<std::string, std::size_t> byCode;
    for (std::size_t i = 0; i < nodes->size(); ++i) {
      std::string where = "nodes[" + std::to_string(i) + "]";
      Object::Ptr n = nodes->getObject(static_cast<unsigned>(i));
      if (!n) return fieldError(origin, where, "not an object");
      TaxonomyNode node;
      node.scheme = scheme;
      if (!stringMember(*n, "code", node.code)) return fieldError(origin, where + ".code", "must be a string");
      node.code = trim(node.code);
      if (node.code.empty()) return fieldError(origin, where + ".code", "missing or empty");
      where += " (" + node.code + ")";
      if (!stringMember(*n, "kind", node.kind)) return fieldError(origin, where + ".kind", "must be a string");
      if (node.kind.empty()) return fieldError(origin, where + ".kind", "missing or empty");
      if (!stringMember(*n, "title", node.title)) return fieldError(origin, where + ".title", "must be a string");
      if (!stringMember(*n, "description", node.description)) {
        return fieldError(origin, where + ".description", "must be a string");
      }
      if (!stringMember(*n, "parent_code", node.parent_code)) {
        return fieldError(origin, where + ".parent_code", "must be a string");
      }
      node.parent_code = trim(node.parent_code);
      if (n->has("vocabulary") && !n->isNull("vocabulary")) {
        Array::Ptr vocab = n->getArray("vocabulary");
        if (!vocab) return fieldError(origin, where + ".vocabulary", "must be an array of strings");
        std::set<std::string> seen;
        for (std::size_t k = 0; k < vocab->size(); ++k) {
          Poco::Dynamic::Var v = vocab->get(static_cast<unsigned>(k));
          if (!v.isString()) return fieldError(origin, where + ".vocabulary", "must be an array of strings");
          std::string term = oneLine(toLowerSwedish(v.extract<std::string>()));
          if (term.empty() || !seen.insert(term).second) continue;
          node.vocabulary.push_back(std::move(term));
        }
      }
      if (!byCode.emplace(node.code, tax.nodes.size()).second) {
        return fieldError(origin, where, "duplicate code \"" + node.code + "\" in scheme " + scheme);
      }
      tax.nodes.push_back(std::move(node));
    }
    // Parents must exist in the same file, and following them must end.
    for (const TaxonomyNode& node : tax.nodes) {
      if (node.parent_code.empty()) continue;
      if (!byCode.count(node.parent_code)) {
        return fieldError(origin, "node " + node.code,
                          "unknown parent_code \"" + node.parent_code + "\" (no node of scheme " + scheme +
                              " has that code)");
      }
      std::string at = node.parent_code;
      for (std::size_t steps = 0; !at.empty(); ++steps) {
        if (steps > tax.nodes.size() || at == node.code) {
          return fieldError(origin, "node " + node.code, "its parents form a cycle");
        }
        at = tax.nodes[byCode[at]].parent_code;
      }
    }
    return tax;
  } catch (const Poco::Exception& e) {
    return Status::invalidArgument(origin + ": malformed JSON: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::invalidArgument(origin + ": malformed JSON: " + std::string(e.what()));
  }
}

Result<Taxonomy> loadTaxonomyFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::notFound(path + ": no such file");
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::ioError(path + ": " + ec.message());
  if (size > kMaxTaxonomyFileBytes) {
    return Status::tooLarge(path + ": " + std::to_string(size) + " bytes, more than the " +
                            std::to_string(kMaxTaxonomyFileBytes) + " a taxonomy file may have");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::ioError(path + ": cannot be read");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Status::ioError(path + ": read failed");
  return parseTaxonomyJson(out.str(), path);
}

Result<Taxonomy> loadTaxonomyFolder(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::notFound(dir + ": no such folder");
  std::vector<std::string> files;
  std::filesystem::directory_iterator it(dir, ec), end;
  if (ec) return Status::ioError(dir + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::ioError(dir + ": " + ec.message());
    const auto& p = it->path();
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.' || p.extension() != ".json") continue;
    if (!it->is_regular_file(ec)) continue;
    files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  Taxonomy merged;
  std::map<std::string, std::string> schemeFile;
  for (const std::string& f : files) {
    Result<Taxonomy> one = loadTaxonomyFile(f);
    if (!one.ok()) return one.status();
    if (one->nodes.empty()) continue;
    const std::string& scheme = one->nodes.front().scheme;
    auto [pos, fresh] = schemeFile.emplace(scheme, f);
    if (!fresh) {
      return Status::invalidArgument(f + ": scheme \"" + scheme + "\" is already loaded from " + pos->second);
    }
    for (TaxonomyNode& n : one->nodes) merged.nodes.push_back(std::move(n));
  }
  return merged;
}

}  // namespace beslut
