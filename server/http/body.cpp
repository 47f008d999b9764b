#include "http/body.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <algorithm>
#include <limits>

namespace beslut::server {

namespace {

constexpr int kEof = std::char_traits<char>::eof();

// Poco keeps the session's byte reader for its own (lenient) chunked reader;
// this reaches the same protected members to read chunks strictly.
struct SessionAccess : Poco::Net::HTTPSession {
  static int nextByte(Poco::Net::HTTPSession& s) {
    int (Poco::Net::HTTPSession::*f)() = &SessionAccess::get;
    return (s.*f)();
  }
  static int readBytes(Poco::Net::HTTPSession& s, char* buffer, std::streamsize n) {
    int (Poco::Net::HTTPSession::*f)(char*, std::streamsize) = &SessionAccess::read;
    return (s.*f)(buffer, n);
  }
};

struct BodyState {
  const Poco::Net::HTTPServerRequest* request = nullptr;
  bool read = false;
};
thread_local BodyState current;

Status truncated() {
  return Status::invalidArgument(
      "Överföringen avbröts innan hela begäran kom fram. Inget har sparats; skicka den igen.");
}
Status badChunks() {
  return Status::invalidArgument(
      "Begärans uppdelning i delar (Transfer-Encoding: chunked) är felaktig. Inget har sparats.");
}
Status tooLargeBody(std::size_t max) {
  return Status::tooLarge("Begäran är för stor (högst " + std::to_string(max) + " byte).");
}

bool plainDecimal(const std::string& s) {
  return !s.empty() && s.size() <= 15 && s.find_first_not_of("0123456789") == std::string::npos;
}

std::size_t countHeader(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
  std::size_t n = 0;
  for (auto it = request.find(name); it != request.end() && Poco::icompare(it->first, name) == 0; ++it) ++n;
  return n;
}

// Where chunked bytes come from: the connection, or (for the fuzzer) a string.
struct SessionSource {
  Poco::Net::HTTPSession& session;
  int next() { return SessionAccess::nextByte(session); }
  int read(char* buffer, std::size_t n) {
    return SessionAccess::readBytes(session, buffer, static_cast<std::streamsize>(n));
  }
};

struct StringSource {
  std::string_view bytes;
  std::size_t at = 0;
  int next() { return at < bytes.size() ? static_cast<unsigned char>(bytes[at++]) : kEof; }
  int read(char* buffer, std::size_t n) {
    n = std::min(n, bytes.size() - at);
    std::copy_n(bytes.data() + at, n, buffer);
    at += n;
    return static_cast<int>(n);
  }
};

// One line of chunk framing (a size with extensions, or a trailer field), up
// to CRLF, at most `limit` bytes; false on a bare LF, EOF or a longer line.
template <typename Source>
bool readLine(Source& source, std::string& line, std::size_t limit) {
  line.clear();
  for (;;) {
    int c = source.next();
    if (c == kEof) return false;
    if (c == '\r') return source.next() == '\n';
    if (c == '\n' || line.size() >= limit) return false;
    line += static_cast<char>(c);
  }
}

template <typename Source>
Status readChunked(Source& source, std::string& out, std::size_t max) {
  std::string line;
  for (;;) {
    if (!readLine(source, line, 4096)) return badChunks();
    const std::string size_text = line.substr(0, line.find(';'));
    if (size_text.empty() || size_text.size() > 15 ||
        size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
      return badChunks();
    }
    const std::size_t size = std::stoull(size_text, nullptr, 16);
    if (size == 0) break;
    if (size > max - out.size()) return tooLargeBody(max);
    const std::size_t start = out.size();
    out.resize(start + size);
    std::size_t got = 0;
    while (got < size) {
      const int n = source.read(out.data() + start + got, size - got);
      if (n <= 0) return truncated();
      got += static_cast<std::size_t>(n);
    }
    if (!readLine(source, line, 0) || !line.empty()) return badChunks();  // CRLF right after the data
  }
  for (std::size_t fields = 0;; ++fields) {  // trailer fields, then the empty line
    if (!readLine(source, line, 8192) || fields > 100) return badChunks();
    if (line.empty()) return Status::okStatus();
  }
}

Status readFixed(std::istream& in, std::string& out, std::size_t length) {
  out.resize(length);
  std::size_t got = 0;
  while (got < length) {
    in.read(out.data() + got, static_cast<std::streamsize>(length - got));
    const std::streamsize n = in.gcount();
    if (n <= 0) return truncated();
    got += static_cast<std::size_t>(n);
  }
  return Status::okStatus();
}

}  // namespace

Status checkFraming(const Poco::Net::HTTPServerRequest& request) {
  // RFC 9112 5.1: whitespace between a field name and its colon must be refused
  // ("Transfer-Encoding : chunked" would be ignored here and obeyed by a proxy).
  for (const auto& [name, value] : request) {
    if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
      return Status::invalidArgument("Begäran har ett felaktigt rubrikfält. Inget har lästs.");
    }
  }
  const std::string& version = request.getVersion();
  if (version != Poco::Net::HTTPMessage::HTTP_1_1 && version != Poco::Net::HTTPMessage::HTTP_1_0) {
    return Status::invalidArgument("HTTP-versionen stöds inte (HTTP/1.1 eller HTTP/1.0).");
  }
  if (countHeader(request, "Authorization") > 1) {
    return Status::invalidArgument("Begäran har flera Authorization-fält; skicka ett.");
  }
  const std::size_t hosts = countHeader(request, "Host");
  if (hosts > 1 || (hosts == 0 && version == Poco::Net::HTTPMessage::HTTP_1_1)) {
    return Status::invalidArgument("Begäran ska ha exakt ett Host-fält (HTTP/1.1).");
  }
  const std::size_t lengths = countHeader(request, "Content-Length");
  const std::size_t codings = countHeader(request, "Transfer-Encoding");
  if (lengths > 1 || codings > 1 || (lengths == 1 && codings == 1)) {
    return Status::invalidArgument(
        "Begärans längd är tvetydig (flera Content-Length/Transfer-Encoding). Inget har lästs.");
  }
  if (lengths == 1 && !plainDecimal(Poco::trim(request.get("Content-Length")))) {
    return Status::invalidArgument("Content-Length måste vara ett heltal (byte). Inget har lästs.");
  }
  if (codings == 1 && Poco::icompare(Poco::trim(request.get("Transfer-Encoding")), "chunked") != 0) {
    return Status::invalidArgument("Endast Transfer-Encoding: chunked stöds. Inget har lästs.");
  }
  return Status::okStatus();
}

Status decodeChunked(std::string_view wire, std::string& out, std::size_t max) {
  StringSource source{wire};
  out.clear();
  return readChunked(source, out, max);
}

void beginBody(const Poco::Net::HTTPServerRequest& request) { current = BodyState{&request, false}; }

Result<std::string> readBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                             std::size_t max) {
  if (current.request == &request && current.read) {
    return Status::internal("the request body was read twice");
  }
  current = BodyState{&request, true};
  std::string out;
  Status st;
  try {
    if (request.has("Transfer-Encoding")) {
      auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
      if (impl == nullptr) return Status::internal("no HTTP session to read chunks from");
      SessionSource source{impl->session()};
      st = readChunked(source, out, max);
    } else if (request.has("Content-Length")) {
      const auto length = static_cast<std::uint64_t>(std::stoull(Poco::trim(request.get("Content-Length"))));
      if (length > max) {
        st = tooLargeBody(max);
      } else {
        st = readFixed(request.stream(), out, static_cast<std::size_t>(length));
      }
    }
  } catch (const Poco::TimeoutException&) {
    st = Status::invalidArgument("Begäran kom för långsamt och avbröts. Inget har sparats; skicka den igen.");
  } catch (const Poco::Exception&) {
    st = truncated();
  } catch (const std::exception&) {  // std::stoull on a length checkFraming let through
    st = Status::invalidArgument("Content-Length måste vara ett heltal (byte). Inget har lästs.");
  }
  if (!st.ok()) {
    response.setKeepAlive(false);
    return st;
  }
  return out;
}

void finishBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  if (current.request == &request && current.read) return;
  if (!request.has("Transfer-Encoding") && !request.has("Content-Length")) return;
  if (request.getMethod() != "POST") {  // only POSTs have bodies here; another's is not read, nor trusted
    if (request.has("Transfer-Encoding") || request.getContentLength64() > 0) response.setKeepAlive(false);
    return;
  }
  if (!readBody(request, response, 1 << 20).ok()) response.setKeepAlive(false);
}

}  // namespace beslut::server
