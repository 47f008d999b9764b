// The one reader of request bodies. Poco 1.11 reads them leniently: a body that
// ends before its Content-Length, a chunk shorter than declared, a missing last
// chunk or a garbage chunk size all look like a normal end, and ambiguous
// framing headers are accepted. Here a body is read whole and strictly before
// anything is stored; whatever fails closes the connection after the answer
// (the bytes that follow cannot be trusted to start the next request).
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "beslut/status.h"

namespace beslut::server {

// Framing that a proxy might read differently from us: more than one
// Content-Length or Transfer-Encoding, both at once, a length that is not a
// plain decimal number, or a transfer coding other than exactly "chunked".
Status checkFraming(const Poco::Net::HTTPServerRequest& request);

// The chunked body in `wire` (chunks, last chunk, trailer), strictly, as
// readBody reads it from a connection: for tests and the fuzzer.
Status decodeChunked(std::string_view wire, std::string& out, std::size_t max);

// Marks the start of a request on this thread (Handler does it).
void beginBody(const Poco::Net::HTTPServerRequest& request);

// The whole body, at most `max` bytes. kTooLarge beyond (checked against
// Content-Length before reading); kInvalidArgument when the body ends before
// its declared length, the chunked framing is broken, or the client stops
// sending. A request with neither Content-Length nor Transfer-Encoding has an
// empty body (RFC 9112 6.3). Read once per request.
Result<std::string> readBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                             std::size_t max);

// After the handler: reads and drops what it left of the body (up to 1 MB) so
// the connection can serve the next request, else closes it.
void finishBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

}  // namespace beslut::server
