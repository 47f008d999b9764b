// libFuzzer target: the search firewall and the query parser. Any input is a
// query: checkQuery must answer, and a query it lets through must parse and
// run (or be refused with a Status), never crash or hang.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "beslut/search_index.h"
#include "beslut/store.h"

namespace {

struct Engine {
  std::unique_ptr<beslut::Store> store;
  std::unique_ptr<beslut::SearchIndex> index;
  Engine() {
    const auto dir = std::filesystem::temp_directory_path() / "beslut-fuzz-query";
    std::filesystem::create_directories(dir);
    std::filesystem::remove(dir / "beslut.db");
    store = std::move(beslut::openSqliteStore({(dir / "beslut.db").string(), 2})).value();
    index = std::move(beslut::openSearchIndexInMemory()).value();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Engine engine;
  const std::string query(reinterpret_cast<const char*>(data), size);
  if (!beslut::checkQuery(query).ok()) return 0;
  beslut::SearchRequest request{query, 5, 0};
  request.today = "2024-06-01";
  (void)engine.index->search(*engine.store, request);
  return 0;
}
