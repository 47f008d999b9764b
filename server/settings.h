// Configuration: the .properties defaults, an optional --config file and
// command-line overrides, resolved into absolute paths.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <map>
#include <set>
#include <string>

#include "beslut/status.h"

namespace beslut::server {

struct Settings {
  std::string prefix;                     // installation (or build-tree) prefix
  std::string data_dir;                   // absolute
  std::string plugin_dir;                 // absolute
  std::set<std::string> enabled_plugins;  // empty: all
  std::string content_dir;                // absolute
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 64;
  int queue = 256;
  int keep_alive_seconds = 5;
  int keep_alive_max_requests = 1000;
  int timeout_seconds = 30;
  std::size_t max_upload_bytes = 50 * 1024 * 1024;
  int index_poll_ms = 500;
  std::string dictionary;    // hunspell .dic for compound splitting; empty: none
  std::string taxonomy_dir;  // strategies to link to (*.json); empty: none
  std::string chartjs =
      "/usr/share/javascript/chart.js/chart.min.js";  // Debian's libjs-chart.js, served as /static/chart.min.js
  bool secure_cookies = true;       // the session cookie's Secure flag (HTTPS, or loopback in browsers)
  int session_idle_minutes = 30;    // a session unused this long ends
  int session_absolute_hours = 12;  // every session ends this long after login

  std::string databasePath() const { return data_dir + "/beslut.db"; }
  std::string indexDir() const { return data_dir + "/index"; }
};

// The folder above the one holding the running executable.
std::string executablePrefix();

// Reads the settings from `config` (keys "beslut.*", see beslut.properties).
Result<Settings> settingsFrom(const Poco::Util::AbstractConfiguration& config, const std::string& prefix);

// Loads <prefix>/etc/beslut.properties (if present), then `config_file` (if
// not empty), then `overrides` (keys such as "beslut.data.dir").
Result<Settings> loadSettings(const std::string& config_file, const std::map<std::string, std::string>& overrides);

// Default properties file of an installation: <prefix>/etc/beslut.properties.
std::string defaultPropertiesPath(const std::string& prefix);

}  // namespace beslut::server
