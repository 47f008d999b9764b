#include "beslut/registry.h"

#include <algorithm>

namespace beslut {

Status PluginRegistry::add(std::shared_ptr<Plugin> plugin) {
  if (!plugin) return Status::invalidArgument("null plugin");
  const std::string name = plugin->name();
  if (name.empty()) return Status::invalidArgument("plugin with an empty name");
  auto pos = std::lower_bound(plugins_.begin(), plugins_.end(), name,
                              [](const auto& p, const std::string& n) { return p->name() < n; });
  if (pos != plugins_.end() && (*pos)->name() == name) {
    return Status::alreadyExists("a plugin named '" + name + "' is already registered");
  }
  plugins_.insert(pos, std::move(plugin));
  return Status::okStatus();
}

std::vector<std::string> PluginRegistry::names() const {
  std::vector<std::string> out;
  out.reserve(plugins_.size());
  for (const auto& p : plugins_) out.push_back(p->name());
  return out;
}

std::shared_ptr<Plugin> PluginRegistry::find(const std::string& name) const {
  for (const auto& p : plugins_) {
    if (p->name() == name) return p;
  }
  return nullptr;
}

std::shared_ptr<Extractor> PluginRegistry::extractorFor(const std::string& media_type,
                                                        const std::string& filename) const {
  for (const auto& p : plugins_) {
    auto e = std::dynamic_pointer_cast<Extractor>(p);
    if (e && e->accepts(media_type, filename)) return e;
  }
  return nullptr;
}

std::shared_ptr<DocumentPlugin> PluginRegistry::documentPluginFor(std::string_view text) const {
  std::shared_ptr<DocumentPlugin> best;
  double best_score = 0.0;
  for (const auto& p : plugins_) {
    auto d = std::dynamic_pointer_cast<DocumentPlugin>(p);
    if (!d) continue;
    double s = d->score(text);
    if (s > best_score) {  // ties go to the first name, so the choice is deterministic
      best_score = s;
      best = d;
    }
  }
  return best;
}

std::vector<std::shared_ptr<Linker>> PluginRegistry::linkers() const {
  std::vector<std::shared_ptr<Linker>> out;
  for (const auto& p : plugins_) {
    if (auto l = std::dynamic_pointer_cast<Linker>(p)) out.push_back(l);
  }
  return out;
}

}  // namespace beslut
