#include "beslut/plugin_loader.h"

#include <Poco/ClassLoader.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/Manifest.h>
#include <Poco/Path.h>

#include <algorithm>

#include "beslut/plugin.h"

namespace beslut {

struct PluginHost::Impl {
  // Declared before the registry so that it is destroyed after it: plugin
  // objects must be deleted while their code is still mapped.
  Poco::ClassLoader<Plugin> loader;
  PluginRegistry registry;
  std::vector<std::string> libraries;
};

PluginHost::PluginHost() : impl_(std::make_unique<Impl>()) {}

PluginHost::~PluginHost() {
  impl_->registry = PluginRegistry();
  for (auto it = impl_->libraries.rbegin(); it != impl_->libraries.rend(); ++it) {
    try {
      impl_->loader.unloadLibrary(*it);
    } catch (const Poco::Exception&) {
      // Nothing useful to do while shutting down.
    }
  }
}

const PluginRegistry& PluginHost::registry() const { return impl_->registry; }
std::vector<std::string> PluginHost::libraries() const { return impl_->libraries; }

Status PluginHost::loadLibrary(const std::string& path, const std::set<std::string>& only) {
  try {
    impl_->loader.loadLibrary(path);
  } catch (const Poco::Exception& e) {
    return Status::ioError("cannot load plugin library " + path + ": " + e.displayText());
  }
  const auto* manifest = impl_->loader.findManifest(path);
  if (manifest == nullptr) {
    impl_->loader.unloadLibrary(path);
    return Status::invalidArgument(path + " has no Beslut plugin manifest");
  }
  std::vector<std::shared_ptr<Plugin>> created;
  for (auto it = manifest->begin(); it != manifest->end(); ++it) {
    std::shared_ptr<Plugin> plugin(it->create());
    if (only.empty() || only.count(plugin->name()) > 0) created.push_back(std::move(plugin));
  }
  PluginRegistry trial = impl_->registry;
  for (auto& p : created) {
    Status s = trial.add(p);
    if (!s.ok()) {
      created.clear();
      trial = PluginRegistry();
      impl_->loader.unloadLibrary(path);
      return Status(s.code(), s.message() + " (while loading " + path + ")");
    }
  }
  impl_->registry = std::move(trial);
  impl_->libraries.push_back(path);
  return Status::okStatus();
}

Status PluginHost::loadDirectory(const std::string& dir, const std::set<std::string>& only) {
  std::vector<std::string> paths;
  try {
    for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
      const std::string name = it.name();
      if (name.rfind("lib", 0) == 0 && Poco::Path(name).getExtension() == "so" && it->isFile()) {
        paths.push_back(it->path());
      }
    }
  } catch (const Poco::Exception& e) {
    return Status::ioError("cannot read plugin folder " + dir + ": " + e.displayText());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    Status s = loadLibrary(p, only);
    if (!s.ok()) return s;
  }
  return Status::okStatus();
}

}  // namespace beslut
