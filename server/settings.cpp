#include "settings.h"

#include "beslut/decompounder.h"

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/String.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/StringTokenizer.h>

#include <filesystem>

namespace beslut::server {
namespace fs = std::filesystem;

std::string executablePrefix() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return fs::current_path().string();
  return exe.parent_path().parent_path().string();
}

std::string defaultPropertiesPath(const std::string& prefix) { return prefix + "/etc/beslut.properties"; }

namespace {

std::string resolve(const std::string& value, const fs::path& base) {
  fs::path p(value);
  if (p.is_relative()) p = base / p;
  return p.lexically_normal().string();
}

}  // namespace

Result<Settings> settingsFrom(const Poco::Util::AbstractConfiguration& c, const std::string& prefix) {
  try {
    Settings s;
    s.prefix = prefix;
    s.data_dir = resolve(c.getString("beslut.data.dir", "data"), fs::current_path());
    s.plugin_dir = resolve(c.getString("beslut.plugins.dir", "lib/beslut/plugins"), prefix);
    s.content_dir = resolve(c.getString("beslut.content.dir", "share/beslut/content"), prefix);
    Poco::StringTokenizer names(c.getString("beslut.plugins.enabled", ""), ",",
                                Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    s.enabled_plugins.insert(names.begin(), names.end());
    s.host = c.getString("beslut.http.host", s.host);
    s.port = c.getInt("beslut.http.port", s.port);
    s.threads = c.getInt("beslut.http.threads", s.threads);
    s.queue = c.getInt("beslut.http.queue", s.queue);
    s.keep_alive_seconds = c.getInt("beslut.http.keep_alive_seconds", s.keep_alive_seconds);
    s.keep_alive_max_requests = c.getInt("beslut.http.keep_alive_max_requests", s.keep_alive_max_requests);
    s.timeout_seconds = c.getInt("beslut.http.timeout_seconds", s.timeout_seconds);
    s.max_upload_bytes = static_cast<std::size_t>(c.getInt64("beslut.http.max_upload_bytes", 50 << 20));
    s.index_poll_ms = c.getInt("beslut.index.poll_ms", s.index_poll_ms);
    s.chartjs = c.getString("beslut.web.chartjs", s.chartjs);
    s.secure_cookies = c.getBool("beslut.http.secure_cookies", s.secure_cookies);
    s.session_idle_minutes = c.getInt("beslut.session.idle_minutes", s.session_idle_minutes);
    s.session_absolute_hours = c.getInt("beslut.session.absolute_hours", s.session_absolute_hours);
    s.dictionary = c.getString("beslut.search.dictionary", kSwedishHunspellDictionary);
    const std::string taxonomy = c.getString("beslut.taxonomy.dir", "share/beslut/content/taxonomy");
    s.taxonomy_dir = taxonomy.empty() ? "" : resolve(taxonomy, prefix);
    if (s.port < 0 || s.port > 65535) return Status::invalidArgument("beslut.http.port must be 0–65535");
    if (s.threads < 1) return Status::invalidArgument("beslut.http.threads must be at least 1");
    if (c.getInt64("beslut.http.max_upload_bytes", 1) < 1) {
      return Status::invalidArgument("beslut.http.max_upload_bytes must be at least 1");
    }
    if (s.session_idle_minutes < 1 || s.session_absolute_hours < 1) {
      return Status::invalidArgument("beslut.session.idle_minutes and absolute_hours must be at least 1");
    }
    if (s.index_poll_ms < 10) return Status::invalidArgument("beslut.index.poll_ms must be at least 10");
    if (s.keep_alive_seconds < 0 || s.timeout_seconds < 1) {
      return Status::invalidArgument("beslut.http keep-alive and timeout seconds must be positive");
    }
    return s;
  } catch (const Poco::Exception& e) {
    return Status::invalidArgument("bad configuration: " + e.displayText());
  }
}

Result<Settings> loadSettings(const std::string& config_file, const std::map<std::string, std::string>& overrides) {
  const std::string prefix = executablePrefix();
  try {
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> config(new Poco::Util::LayeredConfiguration);
    const std::string defaults = defaultPropertiesPath(prefix);
    if (Poco::File(defaults).exists()) {
      config->add(new Poco::Util::PropertyFileConfiguration(defaults), 20);
    }
    if (!config_file.empty()) config->add(new Poco::Util::PropertyFileConfiguration(config_file), 10);
    Poco::AutoPtr<Poco::Util::MapConfiguration> map(new Poco::Util::MapConfiguration);
    for (const auto& [k, v] : overrides) map->setString(k, v);
    config->add(map, 0);  // lower priority values are searched first
    return settingsFrom(*config, prefix);
  } catch (const Poco::Exception& e) {
    return Status::invalidArgument("cannot read the configuration: " + e.displayText());
  }
}

}  // namespace beslut::server
