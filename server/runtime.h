// The running system: plugins, store, search index and ingest pipeline, opened
// from Settings. Shared by the HTTP server and the CLI.
#pragma once

#include <memory>

#include "beslut/accounts.h"
#include "beslut/editing.h"
#include "beslut/followup_actions.h"
#include "beslut/ingest.h"
#include "beslut/plugin_loader.h"
#include "beslut/publishing.h"
#include "beslut/search_index.h"
#include "beslut/store.h"
#include "beslut/user_admin.h"
#include "settings.h"

namespace beslut::server {

enum class IndexMode {
  kWritable,        // fail if another process holds the index
  kWritableIfFree,  // open read-only (or not at all) if another process holds it
  kReadOnly,
};

class Runtime {
 public:
  // Loads the plugins, opens (and migrates) the store and opens the index.
  static Result<std::unique_ptr<Runtime>> open(const Settings& settings, IndexMode mode);

  const Settings& settings() const { return settings_; }
  const PluginRegistry& plugins() const { return host_.registry(); }
  Store& store() { return *store_; }
  // May be null in kWritableIfFree mode when the index is held elsewhere and none exists yet.
  SearchIndex* index() { return index_.get(); }
  bool indexWritable() const { return index_writable_; }
  const Ingest& ingest() const { return *ingest_; }
  // The strategies documents are linked to (content/taxonomy, beslut.taxonomy.dir).
  const Taxonomy& taxonomy() const { return taxonomy_; }

  // Users, roles, sessions, API tokens and the audit log, in the same database.
  AccountStore& accounts() { return *accounts_; }

  // The use cases (core): every face calls these, never the store, for a change.
  Editing editing() { return Editing(*store_, *accounts_, *ingest_); }
  Publishing publishing() { return Publishing(*store_, *accounts_); }
  FollowUps followUps() { return FollowUps(*store_, *accounts_); }
  UserAdmin userAdmin() { return UserAdmin(*accounts_); }
  Authenticator& auth() { return *auth_; }

  // See SearchIndex::warmUp: call before any other thread uses the index.
  void warmUp();

 private:
  explicit Runtime(Settings s) : settings_(std::move(s)) {}

  Settings settings_;
  PluginHost host_;  // must outlive everything that calls plugins
  std::unique_ptr<Store> store_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<Authenticator> auth_;
  std::unique_ptr<SearchIndex> index_;
  Taxonomy taxonomy_;
  bool index_writable_ = false;
  std::unique_ptr<Ingest> ingest_;
};

}  // namespace beslut::server
