#include "http/http_server.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include "http/router.h"

namespace beslut::server {

HttpServer::HttpServer(Runtime& runtime) : runtime_(runtime) {}

HttpServer::~HttpServer() { stop(); }


Status HttpServer::start() {
  const Settings& s = runtime_.settings();
  auto pages = Pages::load(s.content_dir + "/templates");
  if (!pages.ok()) return pages.status();

  runtime_.warmUp();  // before any other thread touches Lucene++
  if (runtime_.index() != nullptr && runtime_.indexWritable()) {
    tailer_ = std::make_unique<IndexTailer>(*runtime_.index(), runtime_.store(), s.index_poll_ms);
    Status st = tailer_->catchUpNow();  // catch up at start, before we answer anything
    if (!st.ok()) Poco::Logger::get("beslut.index").error("catch-up at start failed: " + st.toString());
    tailer_->start();
  }
  ctx_ = std::make_unique<AppContext>(AppContext{runtime_, tailer_.get(), std::move(pages).value()});

  try {
    // Reference-counted: freed also when the bind below fails (a port in use).
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(s.threads);
    params->setMaxQueued(s.queue);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(s.keep_alive_seconds, 0));
    params->setMaxKeepAliveRequests(s.keep_alive_max_requests);
    params->setTimeout(Poco::Timespan(s.timeout_seconds, 0));
    params->setServerName("Beslut");
    // A dispatcher thread waits this long for work before it looks again, also at
    // shutdown: Poco's default (10 s) made SIGTERM take just over 10 s now and then.
    params->setThreadIdleTime(Poco::Timespan(1, 0));
    // Address reuse (a restart while old connections linger in TIME_WAIT) but
    // never port reuse: a second server on a port in use must fail to start,
    // not share the port and split requests between two data folders.
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(s.host, static_cast<Poco::UInt16>(s.port)), true, false);
    socket.listen(128);
    pool_ = std::make_unique<Poco::ThreadPool>(2, s.threads, 60);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Router(*ctx_, beslutRoutes()), *pool_, socket, params);
    server_->start();
  } catch (const Poco::Exception& e) {
    return Status::ioError("cannot listen on " + s.host + ":" + std::to_string(s.port) + ": " + e.displayText());
  }
  return Status::okStatus();
}

void HttpServer::stop() {
  if (server_) {
    server_->stopAll(true);
    server_.reset();
  }
  if (pool_) {
    pool_->joinAll();
    pool_.reset();
  }
  if (tailer_) tailer_->stop();
}

std::uint16_t HttpServer::port() const { return server_->port(); }

}  // namespace beslut::server
