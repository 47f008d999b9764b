// What the SQLite store and the account store share: a session pool that sets
// each connection's pragmas, and a transaction helper. Internal to core.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <string>

#include "beslut/status.h"

namespace beslut::detail {

// Per-connection settings: SQLite keeps pragmas per connection, so every
// pooled session gets them when it is created.
class ConfiguredPool : public Poco::Data::SessionPool {
 public:
  ConfiguredPool(const std::string& path, int max_sessions, int busy_timeout_ms)
      : SessionPool("SQLite", path, 1, max_sessions, 600), busy_timeout_ms_(busy_timeout_ms) {}

 protected:
  void customizeSession(Poco::Data::Session& session) override {
    using Poco::Data::Keywords::now;
    session << "PRAGMA busy_timeout=" + std::to_string(busy_timeout_ms_), now;
    session << "PRAGMA synchronous=FULL", now;
    session << "PRAGMA foreign_keys=ON", now;
  }

 private:
  int busy_timeout_ms_;
};

// Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back on any exception.
template <typename Fn>
Status inTransaction(Poco::Data::Session& s, Fn&& body) {
  using Poco::Data::Keywords::now;
  s << "BEGIN IMMEDIATE", now;
  try {
    body();
    s << "COMMIT", now;
    return Status::okStatus();
  } catch (...) {
    try {
      s << "ROLLBACK", now;
    } catch (...) {
      // A session still inside a transaction must not go back to the pool:
      // closing it makes the pool drop it.
      try {
        s.close();
      } catch (...) {
      }
    }
    throw;
  }
}

inline Status fromException(const std::string& what, const std::string& context) {
  return Status::ioError(context + ": " + what);
}

}  // namespace beslut::detail
