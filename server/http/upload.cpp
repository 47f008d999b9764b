#include "http/upload.h"

namespace beslut::server {

// Reads at most `max` bytes of `in` into `out`; false if there was more.
bool readLimited(std::istream& in, std::string& out, std::size_t max) {
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max) return false;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

void drain(std::istream& stream) {
  char sink[8192];
  while (stream.read(sink, sizeof sink) || stream.gcount() > 0) {
  }
}

}  // namespace beslut::server
