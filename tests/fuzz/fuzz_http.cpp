// libFuzzer target: the HTTP helpers that read what a client sends. The
// first byte picks one: the strict chunked decoder, a multipart form with an
// upload (Poco's parser and our part handler), a urlencoded form, header
// parameters (Content-Disposition, cookies) and stored file names.
#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "beslut/text.h"
#include "http/body.h"
#include "http/upload.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0: {
      std::string out;
      (void)beslut::server::decodeChunked(input, out, 1 << 20);
      break;
    }
    case 1:
    case 2: {
      Poco::Net::HTTPRequest request("POST", "/api/v1/documents", Poco::Net::HTTPMessage::HTTP_1_1);
      request.setContentType(data[0] % 5 == 1 ? "multipart/form-data; boundary=xyz"
                                              : "application/x-www-form-urlencoded");
      beslut::server::UploadedFile part(1 << 20);
      Poco::Net::HTMLForm form;
      form.setFieldLimit(20);
      std::istringstream in(input);
      try {
        form.load(request, in, part);
      } catch (const Poco::Exception&) {  // refused with kFormUnreadable by the handlers
      }
      (void)beslut::safeFileName(part.filename());
      break;
    }
    case 3: {
      std::string value;
      Poco::Net::NameValueCollection params;
      Poco::Net::MessageHeader::splitParameters(input, value, params);
      for (const auto& [k, v] : params) (void)beslut::safeFileName(v);
      break;
    }
    default: (void)beslut::safeFileName(input);
  }
  return 0;
}
