// One reader of uploads for the API and the portal: the part named "file" of
// a multipart/form-data body, or a raw body, up to a size limit.
#pragma once

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>

#include <istream>
#include <string>

namespace beslut::server {

// Reads at most `max` bytes of `in` into `out`; false if there was more.
bool readLimited(std::istream& in, std::string& out, std::size_t max);
// Reads and drops the rest of a stream.
void drain(std::istream& stream);

// Keeps the part named "file" of a multipart form, up to a size limit. Poco
// hands only parts with a file name to a PartHandler; a "file" field sent
// without one arrives as an ordinary form value.
class UploadedFile : public Poco::Net::PartHandler {
 public:
  explicit UploadedFile(std::size_t max) : max_(max) {}

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    if (params.get("name", "") != "file" || found_) return drain(stream);
    found_ = true;
    filename_ = params.get("filename", "");
    media_type_ = header.get("Content-Type", "");
    too_large_ = !readLimited(stream, bytes_, max_);
    if (too_large_) drain(stream);
  }

  bool found() const { return found_; }
  bool tooLarge() const { return too_large_; }
  std::string takeBytes() { return std::move(bytes_); }
  const std::string& filename() const { return filename_; }
  const std::string& mediaType() const { return media_type_; }

 private:
  std::size_t max_;
  bool found_ = false;
  bool too_large_ = false;
  std::string bytes_, filename_, media_type_;
};

}  // namespace beslut::server
