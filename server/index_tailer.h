// Keeps the search index caught up with the store's change log: at start,
// after each import through this process, and by polling for changes that
// other processes (e.g. `beslut import`) wrote.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "beslut/search_index.h"
#include "beslut/store.h"

namespace beslut::server {

class IndexTailer {
 public:
  IndexTailer(SearchIndex& index, Store& store, int poll_ms);
  ~IndexTailer();  // stops the thread

  // Catches up now, on the calling thread. Returns the status of the attempt.
  Status catchUpNow();
  // Starts polling in the background.
  void start();
  void stop();
  // True once a catch-up has reached the change log's end since start.
  bool ready() const { return ready_; }
  // Change-log entries not yet in the index (0 when caught up).
  Result<std::int64_t> lag() const;

 private:
  void run();

  SearchIndex& index_;
  Store& store_;
  int poll_ms_;
  std::atomic<bool> ready_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace beslut::server
