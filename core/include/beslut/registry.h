// The plugin registry: plugins keyed by stable names.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "beslut/plugin.h"
#include "beslut/status.h"

namespace beslut {

class PluginRegistry {
 public:
  // Takes ownership. Returns kAlreadyExists if a plugin of that name is registered,
  // kInvalidArgument if the name is empty.
  Status add(std::shared_ptr<Plugin> plugin);

  // All plugin names, sorted.
  std::vector<std::string> names() const;
  // nullptr when absent.
  std::shared_ptr<Plugin> find(const std::string& name) const;

  // The first extractor (in name order) that accepts the file; nullptr if none.
  std::shared_ptr<Extractor> extractorFor(const std::string& media_type, const std::string& filename) const;
  // The document plugin with the highest score for the text; nullptr if none
  // scores above zero.
  std::shared_ptr<DocumentPlugin> documentPluginFor(std::string_view text) const;
  std::vector<std::shared_ptr<Linker>> linkers() const;
  std::size_t size() const { return plugins_.size(); }

 private:
  std::vector<std::shared_ptr<Plugin>> plugins_;  // sorted by name
};

}  // namespace beslut
