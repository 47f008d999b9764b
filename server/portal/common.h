// What the portal's pages share: rendering in the layout, the signed-in
// caller, forms, and the lists several pages show. Internal to server/portal.
#pragma once

#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "beslut/corrections.h"
#include "beslut/document_json.h"
#include "beslut/clock.h"
#include "beslut/followup.h"
#include "beslut/threads.h"
#include "beslut/publishing.h"
#include "beslut/user_admin.h"
#include "beslut/visibility.h"
#include "http/auth.h"
#include "http/body.h"
#include "portal/pages.h"

namespace beslut::server {

namespace mustache = kainjow::mustache;
using Poco::Net::HTTPResponse;

// Minutes on the notice board and the day each was posted.
struct Posted {
  DocumentSummary document;
  std::string posted_date;
};

std::string urlEncode(const std::string& s);
void setText(mustache::data& d, const std::string& key, const std::string& value);
std::string nowUtcIso();
void redirect(Poco::Net::HTTPServerResponse& res, const std::string& location);
Caller pageCaller(AppContext& ctx, const Poco::Net::HTTPServerRequest& req);
void sendPage(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const std::string& page, mustache::data& data,
              const Caller& caller, const std::string& title, const std::string& nav,
              HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK);
void sendMessagePage(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const Caller& caller,
                     const std::string& heading, const std::string& message, HTTPResponse::HTTPStatus status);
void sendStatusPage(AppContext& ctx, Poco::Net::HTTPServerResponse& res, const Caller& caller, const Status& st);
std::vector<std::string> paragraphs(const std::string& text);
mustache::list textList(const std::vector<std::string>& texts, const char* key = "text");
std::string nodeTitle(const Taxonomy& taxonomy, const std::string& scheme, const std::string& code);
mustache::list areaList(const std::vector<const Link*>& links, const Taxonomy& taxonomy);
std::string anchorOf(const std::string& number);
Status readForm(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res, Poco::Net::HTMLForm& form);
mustache::list summaryList(const std::vector<DocumentSummary>& docs);
std::vector<Posted> onNoticeBoard(Store& store, const std::string& today);
mustache::list boardList(const std::vector<Posted>& board);
mustache::list assignmentRows(const std::vector<AssignmentRecord>& records, const std::string& today);
void sortForFollowUp(std::vector<AssignmentRecord>& list, const std::string& today);

}  // namespace beslut::server
