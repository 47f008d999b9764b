// Failures are values: every fallible call across Beslut's own interfaces
// returns a Status or a Result<T>. Foreign exceptions (Poco, Lucene++) are
// caught in the adapter that calls the library and turned into a Status.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace beslut {

enum class StatusCode {
  kOk,
  kInvalidArgument,  // malformed input: bad UTF-8, bad query syntax, empty file
  kNotFound,
  kAlreadyExists,
  kUnsupported,       // no plugin understands this input (HTTP 415)
  kUnprocessable,     // understood but cannot be used (HTTP 422)
  kTooLarge,          // over a configured limit (HTTP 413)
  kUnauthenticated,   // who is asking is unknown: no or a bad session, token or password (HTTP 401)
  kPermissionDenied,  // known, but without the right (HTTP 403)
  kTooManyRequests,   // throttled, e.g. after failed logins (HTTP 429)
  kIOError,
  kCorruption,
  kInternal,
  kNoSpace,  // the disk is full: nothing was stored (HTTP 507)
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status okStatus() { return {}; }
  static Status invalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status notFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status alreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status unprocessable(std::string m) { return {StatusCode::kUnprocessable, std::move(m)}; }
  static Status tooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
  static Status permissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
  static Status tooManyRequests(std::string m) { return {StatusCode::kTooManyRequests, std::move(m)}; }
  static Status ioError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status noSpace(std::string m) { return {StatusCode::kNoSpace, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: <message>", for logs.
  std::string toString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Stable snake_case name of a code ("invalid_argument"), used in JSON errors.
const char* statusCodeName(StatusCode code);

// Either a value or a non-ok Status.
// REQUIRES: value() only when ok(); status() is okStatus() when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // An ok Status carries no value: it becomes an internal error rather than
  // a Result that is neither a value nor an error.
  Result(Status status)  // NOLINT: implicit by design
      : status_(status.ok() ? Status::internal("no value and no error") : std::move(status)) {}

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace beslut
