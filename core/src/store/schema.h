// Versioned schema migrations of the SQLite store. Internal to core.
#pragma once

#include <string>
#include <vector>

namespace beslut::detail {

struct Migration {
  int version;
  const char* description;
  std::vector<std::string> statements;
};

// All migrations in ascending version order. Append only: never edit a
// migration that has shipped; add a new one.
const std::vector<Migration>& schemaMigrations();

}  // namespace beslut::detail
