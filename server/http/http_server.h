// The HTTP server: Poco's HTTPServer with our router, on a loopback address
// by default, plus the index tailer. Tests run it in-process on port 0.
#pragma once

#include <memory>

#include "app_context.h"
#include "index_tailer.h"
#include "runtime.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace beslut::server {

class HttpServer {
 public:
  explicit HttpServer(Runtime& runtime);
  ~HttpServer();

  // Loads the templates, catches the index up, warms Lucene++ up and starts
  // listening on settings().host:settings().port (0 picks a free port).
  Status start();
  void stop();
  // The port actually bound. REQUIRES: start() succeeded.
  std::uint16_t port() const;

 private:
  Runtime& runtime_;
  std::unique_ptr<IndexTailer> tailer_;
  std::unique_ptr<AppContext> ctx_;
  // Poco's default pool has 16 threads, and an idle keep-alive connection
  // holds one: our own pool is sized from the settings.
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace beslut::server
