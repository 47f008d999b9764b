#include "beslut/plugin.h"

namespace beslut {

// Out of line so that the vtable and type information of the plugin base
// classes live in beslut_core, shared by the executable and every plugin.
Plugin::~Plugin() = default;
Extractor::~Extractor() = default;
DocumentPlugin::~DocumentPlugin() = default;
Linker::~Linker() = default;

const char* pluginKindName(PluginKind kind) {
  switch (kind) {
    case PluginKind::kExtractor: return "extractor";
    case PluginKind::kDocument: return "document";
    case PluginKind::kLinker: return "linker";
  }
  return "unknown";
}

}  // namespace beslut
