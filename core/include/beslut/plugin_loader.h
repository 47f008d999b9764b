// Loads plugins from shared libraries at run time (Poco ClassLoader and
// manifests) and owns them together with the registry they are listed in.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "beslut/registry.h"
#include "beslut/status.h"

namespace beslut {

class PluginHost {
 public:
  PluginHost();
  ~PluginHost();  // destroys every plugin before unloading its library
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Loads one library and registers every class of its manifest. When `only`
  // is not empty, classes whose plugin name is not in it are skipped.
  // Fails (and registers nothing from that library) if the library cannot be
  // loaded, has no Beslut manifest, or a name is already registered.
  Status loadLibrary(const std::string& path, const std::set<std::string>& only = {});
  // Loads every "lib*.so" in the folder, in name order. Stops at the first failure.
  Status loadDirectory(const std::string& dir, const std::set<std::string>& only = {});

  const PluginRegistry& registry() const;
  // Libraries loaded so far, in load order.
  std::vector<std::string> libraries() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace beslut
