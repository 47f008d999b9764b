#include "runtime.h"

#include <Poco/Logger.h>

#include "beslut/taxonomy.h"

#include <filesystem>

namespace beslut::server {

Result<std::unique_ptr<Runtime>> Runtime::open(const Settings& settings, IndexMode mode) {
  std::unique_ptr<Runtime> rt(new Runtime(settings));
  Status st = rt->host_.loadDirectory(settings.plugin_dir, settings.enabled_plugins);
  if (!st.ok()) return st;
  if (rt->host_.registry().size() == 0) {
    return Status::notFound("no plugins found in " + settings.plugin_dir);
  }
  std::error_code ec;
  std::filesystem::create_directories(settings.data_dir, ec);
  if (ec) return Status::ioError("cannot create the data folder " + settings.data_dir + ": " + ec.message());

  // Every HTTP thread may hold one session, plus the index tailer: Poco's pool
  // throws instead of waiting when it runs out.
  auto store = openSqliteStore({settings.databasePath(), settings.threads + 8});
  if (!store.ok()) return store.status();
  rt->store_ = std::move(store).value();
  auto accounts = openSqliteAccounts(settings.databasePath());
  if (!accounts.ok()) return accounts.status();
  rt->accounts_ = std::move(accounts).value();
  AuthPolicy policy;
  policy.idle_seconds = std::int64_t{settings.session_idle_minutes} * 60;
  policy.absolute_seconds = std::int64_t{settings.session_absolute_hours} * 3600;
  rt->auth_ = std::make_unique<Authenticator>(*rt->accounts_, policy);

  IndexOptions index_options;
  if (!settings.dictionary.empty()) {
    auto decompounder = Decompounder::fromHunspell(settings.dictionary);
    if (!decompounder.ok()) {
      return Status(decompounder.status().code(),
                    decompounder.status().message() +
                        " (beslut.search.dictionary; install hunspell-sv or set it empty)");
    }
    index_options.decompounder = decompounder.value();
  }
  if (mode == IndexMode::kReadOnly) {
    auto index = openSearchIndexReadOnly(settings.indexDir(), index_options);
    if (!index.ok()) return index.status();
    rt->index_ = std::move(index).value();
  } else {
    // serve (kWritable) checks the index first and rebuilds a damaged one from the store.
    std::string set_aside;
    auto index = mode == IndexMode::kWritable ? openOrRebuildSearchIndex(settings.indexDir(), index_options, &set_aside)
                                              : openSearchIndex(settings.indexDir(), index_options);
    if (!set_aside.empty()) {
      Poco::Logger::get("beslut.index")
          .error("the search index was damaged and is rebuilt from the store; the old one is in " + set_aside);
    }
    if (index.ok()) {
      rt->index_ = std::move(index).value();
      rt->index_writable_ = true;
    } else if (mode == IndexMode::kWritableIfFree && index.status().code() == StatusCode::kAlreadyExists) {
      auto ro = openSearchIndexReadOnly(settings.indexDir(), index_options);
      if (ro.ok()) rt->index_ = std::move(ro).value();
    } else {
      return index.status();
    }
  }
  if (!settings.taxonomy_dir.empty()) {
    auto taxonomy = loadTaxonomyFolder(settings.taxonomy_dir);
    if (!taxonomy.ok()) return taxonomy.status();
    rt->taxonomy_ = std::move(taxonomy).value();
  }
  rt->ingest_ = std::make_unique<Ingest>(rt->host_.registry(), *rt->store_, IngestLimits{settings.max_upload_bytes},
                                         &rt->taxonomy_);
  return rt;
}

void Runtime::warmUp() {
  if (index_) index_->warmUp();
}

}  // namespace beslut::server
