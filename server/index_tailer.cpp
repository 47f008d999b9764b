#include "index_tailer.h"

#include <Poco/Logger.h>

namespace beslut::server {

IndexTailer::IndexTailer(SearchIndex& index, Store& store, int poll_ms)
    : index_(index), store_(store), poll_ms_(poll_ms) {}

IndexTailer::~IndexTailer() { stop(); }

Status IndexTailer::catchUpNow() {
  auto applied = index_.catchUp(store_);
  if (!applied.ok()) return applied.status();
  auto behind = lag();
  if (behind.ok() && behind.value() == 0) ready_ = true;
  return Status::okStatus();
}

Result<std::int64_t> IndexTailer::lag() const {
  auto last = store_.lastSequence();
  if (!last.ok()) return last.status();
  return std::max<std::int64_t>(0, last.value() - index_.lastApplied());
}

void IndexTailer::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void IndexTailer::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void IndexTailer::run() {
  auto& log = Poco::Logger::get("beslut.index");
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    Status st = catchUpNow();
    if (!st.ok()) log.error("index catch-up failed: " + st.toString());
    lock.lock();
    wake_.wait_for(lock, std::chrono::milliseconds(poll_ms_), [this] { return stopping_; });
  }
}

}  // namespace beslut::server
