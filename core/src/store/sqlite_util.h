// What the SQLite store and the account store share: a session pool that sets
// each connection's pragmas, a transaction helper, and the one shape of every
// call into the database (read, write). Internal to core.
#pragma once

#include <Poco/Data/Binding.h>
#include <Poco/Data/Extraction.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Exception.h>

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "beslut/status.h"

namespace beslut::detail {

// The Poco::Data names every file of the store uses.
using Poco::Data::Session;
using Poco::Data::Keywords::bind;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

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
  // SQLITE_FULL: the transaction was rolled back, nothing of it is stored.
  if (what.find("disk is full") != std::string::npos) {
    return Status::noSpace(
        "Servern har inte plats att spara mer just nu. Inget har sparats; försök igen senare eller kontakta den "
        "som sköter Beslut.");
  }
  return Status::ioError(context + ": " + what);
}

// What body(Session&) returns, and what read and write return for it: Status
// for a body that returns nothing, else the body's Status or Result<T>.
template <typename Fn>
using BodyResult = decltype(std::declval<Fn&>()(std::declval<Poco::Data::Session&>()));
template <typename Fn>
using CallResult = std::conditional_t<std::is_void_v<BodyResult<Fn>>, Status, BodyResult<Fn>>;

// Runs body(session) on a session of `pool` and returns what it returns
// (a Status or a Result<T>); a Poco::Exception becomes
// fromException(its text, what). No lock, no transaction: for reads, and for
// bodies that take their own transactions.
template <typename Fn>
BodyResult<Fn> read(ConfiguredPool& pool, std::string_view what, Fn&& body) {
  try {
    Poco::Data::Session s = pool.get();
    return body(s);
  } catch (const Poco::Exception& e) {
    return fromException(e.displayText(), std::string(what));
  }
}

// Runs body(session) under `mutex` (SQLite has one writer: ours queue instead
// of spinning on busy), on a session of `pool`, inside one transaction
// (inTransaction: rolled back on any exception). Returns what the body returns
// once committed (a Status or a Result<T>; Status::okStatus() for a body that
// returns nothing); a Poco::Exception becomes fromException(its text, what).
// A body that returns a failure still commits what it wrote before: return
// failures before writing.
template <typename Fn>
CallResult<Fn> write(std::mutex& mutex, ConfiguredPool& pool, std::string_view what, Fn&& body) {
  using Out = CallResult<Fn>;
  std::lock_guard<std::mutex> lock(mutex);
  try {
    Poco::Data::Session s = pool.get();
    if constexpr (std::is_void_v<BodyResult<Fn>>) {
      return inTransaction(s, [&] { body(s); });
    } else {
      std::optional<Out> out;
      Status st = inTransaction(s, [&] { out.emplace(body(s)); });
      if (!st.ok()) return st;
      return std::move(*out);
    }
  } catch (const Poco::Exception& e) {
    return fromException(e.displayText(), std::string(what));
  }
}

}  // namespace beslut::detail
