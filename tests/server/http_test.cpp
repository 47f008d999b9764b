// Integration tests: a real server on a loopback port, a real SQLite store and
// an on-disk Lucene++ index in a temporary folder, talked to over HTTP.
#include <doctest/doctest.h>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <atomic>
#include <thread>

#include <pugixml.hpp>

#include "beslut/publishing.h"
#include "http/http_server.h"
#include "runtime.h"
#include "test_util.h"

using namespace beslut;
using namespace beslut::server;
using beslut::testing::TempDir;
using Poco::JSON::Object;

namespace {

struct Response {
  int status = 0;
  std::string body;
  std::string content_type;
  Object::Ptr json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Object::Ptr>();
  }
};

Settings testSettings(const std::string& data_dir) {
  Settings s;
  s.data_dir = data_dir;
  s.plugin_dir = BESLUT_PLUGIN_DIR;
  s.content_dir = std::string(BESLUT_SOURCE_DIR) + "/content";
  s.port = 0;
  s.threads = 8;
  s.index_poll_ms = 100;
  s.max_upload_bytes = 1 << 20;
  s.dictionary = kSwedishHunspellDictionary;
  s.taxonomy_dir = std::string(BESLUT_SOURCE_DIR) + "/content/taxonomy";
  return s;
}

// A running server over a data folder.
struct Server {
  std::unique_ptr<Runtime> runtime;
  std::unique_ptr<HttpServer> http;
  explicit Server(const std::string& data_dir) {
    auto rt = Runtime::open(testSettings(data_dir), IndexMode::kWritable);
    REQUIRE_MESSAGE(rt.ok(), rt.status().toString());
    runtime = std::move(rt).value();
    http = std::make_unique<HttpServer>(*runtime);
    Status st = http->start();
    REQUIRE_MESSAGE(st.ok(), st.toString());
    write_token = tokenFor("Anna Elverskog", {Role::kAdministrator, ""});
  }

  // A user with this grant (created if new) and a fresh API token of theirs.
  std::string tokenFor(const std::string& name, const Grant& grant) {
    AccountStore& accounts = runtime->accounts();
    if (!accounts.userByName(name).ok()) {
      auto id = accounts.addUser(name, hashPassword("lösenord för " + name, {1024, 1, 1}).value(), grant);
      REQUIRE_MESSAGE(id.ok(), id.status().toString());
    } else {
      REQUIRE(accounts.addGrant(name, grant).ok());
    }
    auto token = runtime->auth().createToken(name, "test");
    REQUIRE(token.ok());
    return token.value();
  }

  // POSTs go out with this token (an administrator's) unless they carry their
  // own Authorization or it is empty; GETs are anonymous unless they carry one.
  std::string write_token;
  ~Server() {
    http.reset();
    runtime.reset();
  }

  Response send(Poco::Net::HTTPRequest& req, const std::string& body = {}) {
    if (req.getMethod() == "POST" && !req.has("Authorization") && !write_token.empty()) {
      req.set("Authorization", "Bearer " + write_token);
    }
    Poco::Net::HTTPClientSession session("127.0.0.1", http->port());
    session.setTimeout(Poco::Timespan(30, 0));
    if (!body.empty() || req.getMethod() == "POST") req.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(req) << body;
    Poco::Net::HTTPResponse res;
    std::istream& in = session.receiveResponse(res);
    Response out;
    out.status = res.getStatus();
    out.content_type = res.getContentType();
    Poco::StreamCopier::copyToString(in, out.body);
    return out;
  }

  // A POST of JSON (with the write token, see send).
  Response postJson(const std::string& uri, const std::string& json) {
    Poco::Net::HTTPRequest req("POST", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    return send(req, json);
  }

  Response get(const std::string& uri) {
    Poco::Net::HTTPRequest req("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    return send(req);
  }

  Response getAs(const std::string& uri, const std::string& token) {
    Poco::Net::HTTPRequest req("GET", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Authorization", "Bearer " + token);
    return send(req);
  }

  Response upload(const std::string& filename, const std::string& bytes, const std::string& type = "text/plain",
                  const std::string& uri = "/api/v1/documents") {
    const std::string boundary = "----beslut-test-boundary";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
                       "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    Poco::Net::HTTPRequest req("POST", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("multipart/form-data; boundary=" + boundary);
    return send(req, body);
  }

  Response search(const std::string& q, const std::string& extra = "") {
    std::string encoded;
    Poco::URI::encode(q, "&=+#?/ ", encoded);
    return get("/api/v1/search?q=" + encoded + extra);
  }
};

// The council of the 2018 minutes, as its documents name it.
const std::string kSsr = "Specifikt samverkansråd för skola, utbildning och kompetensförsörjning (Region Örebro län "
                         "och länets kommuner)";

std::string seedMinutes() {
  return beslut::testing::readFile(beslut::testing::samplePath("protokoll-ssr-skola-utbildning-2018-09-28.txt"));
}

// The opening of minutes of a later meeting of the council's officials; the caller adds items from § 2.
std::string laterMinutes(const std::string& when) {
  return "Protokoll Tjänstemannastödet för skola, utbildning och kompetensförsörjning\nTid: " + when +
         " kl 09:00 – 11:00\nPlats: Eklundavägen 1, Örebro\n\n1. Mötet öppnas\n\n";
}

const char* kSeeds[] = {"protokoll-ssr-skola-utbildning-2018-09-28.txt", "svar-ledamotsinitiativ-varsel.txt",
                        "handlingsplan-kompetensforsorjning.txt",
                        "verksamhetsberattelse-regional-tillvaxtnamnd-2024.txt"};

std::map<std::string, Id> importSeeds(Server& server) {
  std::map<std::string, Id> ids;
  for (const char* seed : kSeeds) {
    auto res = server.upload(seed, beslut::testing::readFile(beslut::testing::samplePath(seed)));
    REQUIRE_MESSAGE(res.status == 201, seed, ": ", res.body);
    ids[seed] = res.json()->getValue<Id>("id");
  }
  return ids;
}

// The first hit's fields, checking that the hit is where we expect it.
Object::Ptr firstHit(const Response& res) {
  REQUIRE_MESSAGE(res.status == 200, res.body);
  auto hits = res.json()->getArray("hits");
  REQUIRE(hits);
  REQUIRE(hits->size() > 0);
  return hits->getObject(0);
}

}  // namespace

TEST_CASE("the four seeds imported over HTTP are found by search, at the right passage") {
  TempDir dir;
  Server server(dir.path());
  auto ids = importSeeds(server);

  auto komtek = server.search("Komtek");
  auto hit = firstHit(komtek);
  CHECK(hit->getValue<Id>("document_id") == ids["protokoll-ssr-skola-utbildning-2018-09-28.txt"]);
  CHECK(hit->getValue<std::string>("kind") == "minutes");
  CHECK(hit->getValue<std::string>("item_number") == "5");
  CHECK(hit->getValue<std::string>("date") == "2018-09-28");
  CHECK(hit->getValue<std::string>("snippet").find("<mark>Komtek</mark>") != std::string::npos);
  for (const char* key : {"title", "organization", "item_title", "score"}) CHECK(hit->has(key));

  auto guld = firstHit(server.search("Guldsmedshyttan"));
  CHECK(guld->getValue<Id>("document_id") == ids["svar-ledamotsinitiativ-varsel.txt"]);
  CHECK(guld->getValue<std::string>("kind") == "reply");

  CHECK(firstHit(server.search("insatsområde"))->getValue<std::string>("kind") == "action_plan");
  CHECK(server.search("Komtek").json()->getValue<int>("total") >= 1);

  auto doc = server.get("/api/v1/documents/" + std::to_string(ids["protokoll-ssr-skola-utbildning-2018-09-28.txt"]));
  REQUIRE(doc.status == 200);
  auto d = doc.json();
  CHECK(d->getValue<std::string>("kind") == "minutes");
  CHECK(d->getValue<std::string>("date") == "2018-09-28");
  CHECK(d->getArray("items")->size() == 14);

  auto original = server.get("/api/v1/documents/" + std::to_string(ids["svar-ledamotsinitiativ-varsel.txt"]) +
                             "/original");
  CHECK(original.status == 200);
  CHECK(original.body == beslut::testing::readFile(beslut::testing::samplePath("svar-ledamotsinitiativ-varsel.txt")));
}

TEST_CASE("re-uploading the same file answers with the existing document") {
  TempDir dir;
  Server server(dir.path());
  auto first = server.upload("a.txt", "Protokoll\nTid: 1 mars 2019\n1. Mötet öppnas\n");
  REQUIRE(first.status == 201);
  auto again = server.upload("b.txt", "Protokoll\nTid: 1 mars 2019\n1. Mötet öppnas\n");
  CHECK(again.status == 200);
  CHECK(again.json()->getValue<Id>("id") == first.json()->getValue<Id>("id"));
  CHECK_FALSE(again.json()->getValue<bool>("created"));
}

TEST_CASE("bad uploads get a clear error and change nothing") {
  TempDir dir;
  Server server(dir.path());
  REQUIRE(server.upload("ok.txt", "Svar på motion om cykelvägar.\n\nVi kommer att bygga fler.").status == 201);

  auto invalid = server.upload("trasig.txt", std::string("Protokoll \xff\xfe trasig text"));
  CHECK(invalid.status == 400);
  CHECK(invalid.json()->getObject("error")->getValue<std::string>("message").find("UTF-8") != std::string::npos);

  auto empty = server.upload("tom.txt", "");
  CHECK(empty.status == 400);
  CHECK(empty.json()->getObject("error")->getValue<std::string>("message") == "Filen är tom.");

  auto blank = server.upload("blank.txt", "   \n\n  ");
  CHECK(blank.status == 422);

  auto pdf = server.upload("bild.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "image/png");
  CHECK(pdf.status == 415);

  // Over the limit inside the form: the body is read and the file refused.
  auto large = server.upload("stor.txt", std::string((1 << 20) + 1000, 'a'));
  CHECK(large.status == 413);
  // Announced as far too large: refused before the body is read.
  {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.http->port()));
    std::string head = "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                       "Authorization: Bearer " +
                       server.write_token + "\r\nContent-Length: 900000000\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    char buf[512] = {};
    int n = socket.receiveBytes(buf, sizeof buf - 1);
    REQUIRE(n > 0);
    CHECK(std::string(buf, static_cast<std::size_t>(n)).rfind("HTTP/1.1 413", 0) == 0);
  }

  Poco::Net::HTTPRequest no_file("POST", "/api/v1/documents", Poco::Net::HTTPMessage::HTTP_1_1);
  no_file.setContentType("multipart/form-data; boundary=xyz");
  auto missing = server.send(no_file,
                             "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--xyz--\r\n");
  CHECK(missing.status == 400);

  auto count = server.runtime->store().documentCount();
  CHECK(count.value() == 1);
  CHECK(server.search("cykelvägar").json()->getValue<int>("total") == 1);
}

TEST_CASE("a second server on a port that is in use does not start") {
  TempDir dir, other;
  Server server(dir.path());
  Settings settings = testSettings(other.path());
  settings.port = server.http->port();
  auto rt = Runtime::open(settings, IndexMode::kWritable);
  REQUIRE(rt.ok());
  HttpServer second(*rt.value());
  Status st = second.start();
  CHECK_FALSE(st.ok());
  CHECK(server.get("/healthz").status == 200);
}

TEST_CASE("file names are stored safe and sent back in a header that cannot break") {
  TempDir dir;
  Server server(dir.path());
  struct Case {
    std::string query;  // ?filename=, percent-encoded
    std::string stored;
  };
  const std::vector<Case> cases = {
      {"svar%00.txt", "svar.txt"},
      {"a%0D%0ASet-Cookie:%20x=1.txt", "aSet-Cookie: x=1.txt"},
      {"..%2F..%2Fetc%2Fpasswd.txt", "passwd.txt"},
      {"%FF%FEnamn.txt", "__namn.txt"},
      {"faktura%E2%80%AEtxt.exe", "fakturatxt.exe"},
      {std::string(300, 'a') + ".txt", std::string(200, 'a')},
      {"..", "dokument"},
  };
  int n = 0;
  for (const auto& c : cases) {
    INFO(c.query);
    Poco::Net::HTTPRequest req("POST", "/api/v1/documents?filename=" + c.query, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("text/plain");
    auto res = server.send(req, "Svar på motion nummer " + std::to_string(++n) + " om cykelvägar.");
    REQUIRE_MESSAGE(res.status == 201, res.body);
    const std::string doc = "/api/v1/documents/" + std::to_string(res.json()->getValue<Id>("id"));
    auto read = server.get(doc);
    REQUIRE_MESSAGE(read.status == 200, read.body);
    CHECK(read.json()->getObject("original")->getValue<std::string>("filename") == c.stored);
    Poco::Net::HTTPClientSession session("127.0.0.1", server.http->port());
    Poco::Net::HTTPRequest get("GET", doc + "/original", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(get);
    Poco::Net::HTTPResponse original;
    std::string bytes;
    Poco::StreamCopier::copyToString(session.receiveResponse(original), bytes);
    CHECK(original.getStatus() == 200);
    const std::string disposition = original.get("Content-Disposition", "");
    CHECK(disposition.rfind("attachment; filename=\"", 0) == 0);
    CHECK(disposition.find_first_of(std::string("\r\n\0", 3)) == std::string::npos);
    CHECK(disposition.find("filename*=UTF-8''") != std::string::npos);
  }
}

TEST_CASE("routing, errors and health") {
  TempDir dir;
  Server server(dir.path());
  CHECK(server.get("/healthz").status == 200);
  auto ready = server.get("/readyz");
  CHECK(ready.status == 200);
  CHECK(ready.json()->getValue<std::string>("status") == "ready");
  CHECK(server.get("/nope").status == 404);
  CHECK(server.get("/api/v1/nope").status == 404);
  CHECK(server.get("/api/v1/documents/999").status == 404);
  CHECK(server.get("/api/v1/documents/abc").status == 404);
  Poco::Net::HTTPRequest del("DELETE", "/api/v1/search", Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(del).status == 405);
  CHECK(server.search("").status == 400);
  CHECK(server.search("(((a").status == 400);
  CHECK(server.search(std::string(5000, '(')).status == 400);
  auto deep = server.search(std::string(11, '(') + "komtek" + std::string(11, ')'));
  CHECK(deep.status == 400);
  CHECK(deep.body.find("parenteser") != std::string::npos);
  CHECK(server.search(std::string(10, '(') + "komtek" + std::string(10, ')')).status == 200);
  CHECK(server.get("/api/v1/search?q=%").status == 400);
  CHECK(server.get("/?q=%zz").status == 400);
  CHECK(server.search("hemligt:fält").status == 400);
  CHECK(server.search("komtek", "&limit=abc").status == 400);
  CHECK(server.get("/api/v1/search?q=%FF%FE").status == 400);
}

TEST_CASE("ambiguous request framing is refused") {
  TempDir dir;
  Server server(dir.path());
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.http->port()));
  std::string raw = "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello";
  socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
  char buf[512] = {};
  int n = socket.receiveBytes(buf, sizeof buf - 1);
  REQUIRE(n > 0);
  CHECK(std::string(buf, static_cast<std::size_t>(n)).rfind("HTTP/1.1 400", 0) == 0);

  Poco::Net::StreamSocket socket2(Poco::Net::SocketAddress("127.0.0.1", server.http->port()));
  raw = "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5\r\nhello\r\n0\r\n\r\n";
  socket2.sendBytes(raw.data(), static_cast<int>(raw.size()));
  n = socket2.receiveBytes(buf, sizeof buf - 1);
  REQUIRE(n > 0);
  CHECK(std::string(buf, static_cast<std::size_t>(n)).rfind("HTTP/1.1 400", 0) == 0);
  CHECK(server.runtime->store().documentCount().value() == 0);
}

// Sends raw bytes on a new connection (then closes the sending side if asked)
// and returns everything the server answers until it closes the connection.
std::string exchange(Server& server, const std::string& raw, bool half_close) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.http->port()));
  socket.setReceiveTimeout(Poco::Timespan(20, 0));
  socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
  if (half_close) socket.shutdownSend();
  std::string answer;
  char buf[4096];
  try {
    for (int n; (n = socket.receiveBytes(buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
  } catch (const Poco::Exception&) {  // reset after the answer: what arrived is what counts
  }
  return answer;
}

std::size_t countAnswers(const std::string& answer) {
  std::size_t n = 0;
  for (auto at = answer.find("HTTP/1.1 "); at != std::string::npos; at = answer.find("HTTP/1.1 ", at + 1)) ++n;
  return n;
}

TEST_CASE("an upload cut off before its end is refused, never stored as a shorter document") {
  TempDir dir;
  Server server(dir.path());
  const std::string head =
      "POST /api/v1/documents?filename=svar.txt HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Authorization: Bearer " +
      server.write_token + "\r\n";
  const std::string text = "Svar på motion om cykelvägar i länet. " + std::string(1600, 'x');
  // Content-Length 1650, 1000 bytes sent, then the client closes.
  std::string answer = exchange(server, head + "Content-Length: 1650\r\n\r\n" + text.substr(0, 1000), true);
  CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);
  CHECK(answer.find("avbröts") != std::string::npos);
  const std::string chunked = head + "Transfer-Encoding: chunked\r\n\r\n";
  // A chunk shorter than it declares.
  CHECK(exchange(server, chunked + "64\r\n" + text.substr(0, 40), true).rfind("HTTP/1.1 400", 0) == 0);
  // No last (zero) chunk.
  CHECK(exchange(server, chunked + "28\r\n" + text.substr(0, 40) + "\r\n", true).rfind("HTTP/1.1 400", 0) == 0);
  // A valid chunk, then a garbage chunk size.
  CHECK(exchange(server, chunked + "28\r\n" + text.substr(0, 40) + "\r\nzz\r\nmore\r\n0\r\n\r\n", true)
            .rfind("HTTP/1.1 400", 0) == 0);
  CHECK(server.runtime->store().documentCount().value() == 0);
  // Whole chunked uploads are still read.
  answer = exchange(server, chunked + "28\r\n" + text.substr(0, 40) + "\r\n0\r\n\r\n", true);
  CHECK_MESSAGE(answer.rfind("HTTP/1.1 201", 0) == 0, answer);
  CHECK(server.runtime->store().documentCount().value() == 1);
}

TEST_CASE("ambiguous framing is refused and what follows it is never run as a second request") {
  TempDir dir;
  Server server(dir.path());
  const std::string pipelined = "GET /api/v1/documents HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string head = "POST /api/v1/documents?filename=a.txt HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                           "Authorization: Bearer " +
                           server.write_token + "\r\n";
  const std::vector<std::string> cases = {
      "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
      "Content-Length: -1\r\n\r\n",
      "Content-Length: +5\r\n\r\nhello",
      "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
      "Transfer-Encoding: chunked\r\n\r\nffffffffffff\r\nhello\r\n0\r\n\r\n",
      "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
      "Transfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n",
  };
  for (const auto& framing : cases) {
    INFO(framing);
    std::string answer = exchange(server, head + framing + pipelined, false);
    CHECK(answer.rfind("HTTP/1.1 4", 0) == 0);
    CHECK(countAnswers(answer) == 1);
  }
  CHECK(server.runtime->store().documentCount().value() == 0);
}

TEST_CASE("a body sent with a GET is never read as the next request") {
  TempDir dir;
  Server server(dir.path());
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.http->port()));
  std::string smuggled = "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string raw = "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(smuggled.size()) +
                    "\r\n\r\n" + smuggled;
  socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
  std::string answer;
  char buf[1024];
  for (int n; (n = socket.receiveBytes(buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
  CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(answer.find("404") == std::string::npos);  // the connection closed after the first answer
}

TEST_CASE("a file field sent without a file name is accepted") {
  TempDir dir;
  Server server(dir.path());
  Poco::Net::HTTPRequest req("POST", "/api/v1/documents", Poco::Net::HTTPMessage::HTTP_1_1);
  req.setContentType("multipart/form-data; boundary=xyz");
  auto res = server.send(req, "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
                              "Svar på motion om cykelvägar\r\n--xyz--\r\n");
  CHECK(res.status == 201);
}

TEST_CASE("the search page renders hits with escaped text") {
  TempDir dir;
  Server server(dir.path());
  importSeeds(server);
  auto page = server.get("/?q=Komtek");
  REQUIRE(page.status == 200);
  CHECK(page.content_type.find("text/html") == 0);
  CHECK(page.body.find("<mark>Komtek</mark>") != std::string::npos);
  CHECK(page.body.find("Besök från Komtek") != std::string::npos);
  auto hostile = server.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  CHECK(hostile.body.find("<script>alert(1)") == std::string::npos);
  auto bad = server.get("/?q=%22oavslutad");
  CHECK(bad.status == 400);
  CHECK(bad.body.find("citattecken") != std::string::npos);
}

TEST_CASE("closing and reopening the store and index finds the same hits") {
  TempDir dir;
  std::string before;
  {
    Server server(dir.path());
    importSeeds(server);
    before = server.search("Komtek").body;
  }
  Server reopened(dir.path());
  auto after = reopened.search("Komtek");
  CHECK(after.status == 200);
  CHECK(after.body == before);
  CHECK(reopened.runtime->index()->lastApplied() == reopened.runtime->store().lastSequence().value());
}

TEST_CASE("concurrent searches and imports over keep-alive connections all succeed") {
  TempDir dir;
  Server server(dir.path());
  importSeeds(server);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      Poco::Net::HTTPClientSession session("127.0.0.1", server.http->port());
      session.setKeepAlive(true);
      for (int i = 0; i < 40; ++i) {
        Poco::Net::HTTPRequest req("GET", t % 2 ? "/api/v1/search?q=Komtek" : "/api/v1/search?q=kompetens*",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
        req.setKeepAlive(true);
        session.sendRequest(req);
        Poco::Net::HTTPResponse res;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
        if (res.getStatus() != 200) ++failures;
      }
    });
  }
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        std::string text = "Protokoll\n\n1. Parallellimport\nÄrendet gäller zebrafiskodling nummer " +
                           std::to_string(t * 100 + i) + ".\n";
        if (server.upload("p" + std::to_string(t) + "-" + std::to_string(i) + ".txt", text).status != 201) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  CHECK(server.search("zebrafiskodling").json()->getValue<int>("total") == 20);
  CHECK(server.runtime->store().documentCount().value() == 24);
}

TEST_CASE("a secretary corrects extracted facts over HTTP, and search and re-extraction keep them") {
  TempDir dir;
  Server server(dir.path());
  auto ids = importSeeds(server);
  const std::string doc = "/api/v1/documents/" + std::to_string(ids["protokoll-ssr-skola-utbildning-2018-09-28.txt"]);

  auto post = [&](const std::string& uri, const std::string& json) { return server.postJson(uri, json); };
  auto corrected = post(doc + "/corrections",
                        R"({"path": "/attendees/Håkan Söderman", "value": {"affiliation": "Lekebergs kommun"},
                            "author": "Anna Elverskog", "reason": "kommunens namn"})");
  REQUIRE_MESSAGE(corrected.status == 201, corrected.body);
  CHECK(corrected.json()->getValue<std::string>("author") == "Anna Elverskog");
  auto titled = post(
      doc + "/corrections",
      R"({"path": "/items/5/title", "value": "Besök från Komtek och Komtekträff", "author": "Anna Elverskog"})");
  REQUIRE_MESSAGE(titled.status == 201, titled.body);

  CHECK(post(doc + "/corrections", R"({"path": "/items/99/title", "value": "x", "author": "A"})").status == 400);
  // The author is whoever is signed in, whatever the body says.
  auto signed_by = post(doc + "/corrections", R"({"path": "/place", "value": "Lärkan", "author": "Någon annan"})");
  REQUIRE(signed_by.status == 201);
  CHECK(signed_by.json()->getValue<std::string>("author") == "Anna Elverskog");
  CHECK(post(doc + "/corrections", "not json").status == 400);
  CHECK(post("/api/v1/documents/999/corrections", R"({"path": "/title", "value": "x", "author": "A"})").status == 404);

  auto attendee = [&](const Response& r, const std::string& name) -> Object::Ptr {
    auto list = r.json()->getArray("attendees");
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (list->getObject(static_cast<unsigned>(i))->getValue<std::string>("name") == name) {
        return list->getObject(static_cast<unsigned>(i));
      }
    }
    return nullptr;
  };
  auto read = server.get(doc);
  REQUIRE(read.status == 200);
  auto hakan = attendee(read, "Håkan Söderman");
  REQUIRE(hakan);
  CHECK(hakan->getValue<std::string>("affiliation") == "Lekebergs kommun");

  // Search sees the corrected title at once.
  auto hit = firstHit(server.search("Komtekträff"));
  CHECK(hit->getValue<std::string>("item_title") == "Besök från Komtek och Komtekträff");

  // The extraction shows what the plugin read, the corrections, and evidence quotes.
  CHECK(server.get(doc + "/extraction").status == 401);  // reviewing is for people signed in
  auto extraction = server.getAs(doc + "/extraction", server.write_token);
  REQUIRE(extraction.status == 200);
  auto ex = extraction.json();
  CHECK(ex->getArray("corrections")->size() == 3);
  CHECK(ex->getArray("skipped_corrections")->size() == 0);
  auto raw_attendees = ex->getObject("extraction")->getArray("attendees");
  bool raw_kept = false;
  for (std::size_t i = 0; i < raw_attendees->size(); ++i) {
    auto a = raw_attendees->getObject(static_cast<unsigned>(i));
    if (a->getValue<std::string>("name") == "Håkan Söderman") {
      raw_kept = a->getValue<std::string>("affiliation") == "Lekeberg kommun";
    }
  }
  CHECK(raw_kept);  // the plugin's reading is kept beside the correction

  // Reading the original again keeps both corrections.
  Poco::Net::HTTPRequest again("POST", doc + "/reextract", Poco::Net::HTTPMessage::HTTP_1_1);
  auto reextracted = server.send(again, "");
  REQUIRE_MESSAGE(reextracted.status == 200, reextracted.body);
  CHECK(attendee(reextracted, "Håkan Söderman")->getValue<std::string>("affiliation") == "Lekebergs kommun");
  CHECK(firstHit(server.search("Komtekträff"))->getValue<std::string>("item_title") ==
        "Besök från Komtek och Komtekträff");
}

TEST_CASE("search over HTTP: facets, grouping by document, sorting and explicit dates") {
  TempDir dir;
  Server server(dir.path());
  importSeeds(server);
  auto res = server.search("kompetensförsörjning", "&limit=5");
  REQUIRE(res.status == 200);
  auto body = res.json();
  CHECK(body->getValue<int>("total") > 5);
  auto facets = body->getObject("facets");
  REQUIRE(facets);
  for (const char* f : {"organization", "kind", "year", "area", "person", "status"}) CHECK(facets->has(f));
  int kinds_total = 0;
  auto kinds = facets->getArray("kind");
  for (std::size_t i = 0; i < kinds->size(); ++i)
    kinds_total += kinds->getObject(static_cast<unsigned>(i))->getValue<int>("count");
  CHECK(kinds_total == body->getValue<int>("total"));  // counted over the whole result set
  auto groups = body->getArray("documents");
  REQUIRE(groups);
  CHECK(groups->size() >= 1);
  auto hit = body->getArray("hits")->getObject(0);
  CHECK(hit->has("date_kind"));
  CHECK(hit->has("publication_state"));

  // The strategy areas the linker found are a facet and a filter.
  auto komtek = server.search("Komtek");
  auto areas = komtek.json()->getObject("facets")->getArray("area");
  REQUIRE(areas->size() >= 1);
  const std::string area = areas->getObject(0)->getValue<std::string>("value");
  CHECK(server.search("Komtek AND area:\"" + area + "\"").json()->getValue<int>("total") == 1);
  CHECK(server.search("Komtek AND area:\"9.99\"").json()->getValue<int>("total") == 0);

  // "försörjning" finds the compound in the minutes' § 8 title.
  auto part = server.search("försörjning AND kind:minutes");
  REQUIRE(part.status == 200);
  CHECK(part.json()->getValue<int>("total") >= 1);

  auto by_date = server.search("regional", "&sort=date&facets=false");
  REQUIRE(by_date.status == 200);
  CHECK_FALSE(by_date.json()->has("facets"));
  auto hits = by_date.json()->getArray("hits");
  for (std::size_t i = 1; i < hits->size(); ++i) {
    CHECK(hits->getObject(static_cast<unsigned>(i - 1))->getValue<std::string>("date") >=
          hits->getObject(static_cast<unsigned>(i))->getValue<std::string>("date"));
  }
  CHECK(server.search("regional", "&sort=random").status == 400);
}

TEST_CASE("a saved search is followed as an Atom feed of new matching passages") {
  TempDir dir;
  Server server(dir.path());
  Poco::Net::HTTPRequest save("POST", "/api/v1/saved-searches", Poco::Net::HTTPMessage::HTTP_1_1);
  save.setContentType("application/json");
  auto saved = server.send(save, R"({"name": "Komtek", "query": "Komtek OR Guldsmedshyttan"})");
  REQUIRE_MESSAGE(saved.status == 201, saved.body);
  const std::string feed = saved.json()->getValue<std::string>("feed");
  Poco::Net::HTTPRequest bad("POST", "/api/v1/saved-searches", Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(bad, R"({"name": "x", "query": "(((("})").status == 400);
  CHECK(server.get("/feeds/searches/999.atom").status == 404);

  auto empty = server.get(feed);
  REQUIRE(empty.status == 200);
  CHECK(empty.content_type.find("application/atom+xml") == 0);
  importSeeds(server);
  auto full = server.get(feed);
  REQUIRE(full.status == 200);
  pugi::xml_document xml;
  REQUIRE(xml.load_string(full.body.c_str()));
  auto root = xml.child("feed");
  REQUIRE(root);
  CHECK(std::string(root.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
  CHECK(std::string(root.child_value("title")) == "Beslut – Komtek");
  std::size_t entries = 0;
  bool reply = false;
  for (auto entry : root.children("entry")) {
    ++entries;
    CHECK(std::string(entry.child_value("id")).rfind("urn:beslut:item:", 0) == 0);
    CHECK_FALSE(std::string(entry.child_value("updated")).empty());
    CHECK(std::string(entry.child("link").attribute("href").value()).find("/api/v1/documents/") != std::string::npos);
    reply = reply ||
            std::string(entry.child_value("summary")).find("<mark>Guldsmedshyttan</mark>") != std::string::npos;
  }
  CHECK(entries >= 2);
  CHECK(reply);  // the summary is HTML, escaped once inside the XML
  // Personal: nobody else lists them, and the feed needs its key, not only the id.
  CHECK(server.get("/api/v1/saved-searches").status == 401);
  auto list = server.getAs("/api/v1/saved-searches", server.write_token);
  CHECK(list.json()->getArray("saved_searches")->size() == 1);
  const std::string reader = server.tokenFor("Lars Läsare", {Role::kReader, "Region Örebro län"});
  auto others = server.getAs("/api/v1/saved-searches", reader);
  REQUIRE(others.status == 200);
  CHECK(others.json()->getArray("saved_searches")->size() == 0);
  const std::string bare = feed.substr(0, feed.find('?'));
  CHECK(server.get(bare).status == 404);
  CHECK(server.get(bare + "?nyckel=gissning").status == 404);
  CHECK(server.get(bare).body.find("Komtek") == std::string::npos);
}

TEST_CASE("Ewa Lindberg's assignment is followed up, marked done and read back through every endpoint") {
  TempDir dir;
  Server server(dir.path());
  auto up = server.upload("protokoll.txt", seedMinutes());
  REQUIRE(up.status == 201);
  const std::string doc = "/api/v1/documents/" + std::to_string(up.json()->getValue<Id>("id"));
  auto post = [&](const std::string& uri, const std::string& json) { return server.postJson(uri, json); };

  auto list = server.get("/api/v1/assignments?assignee=ewa%20lindberg&today=2018-10-01");
  REQUIRE(list.status == 200);
  REQUIRE(list.json()->getValue<int>("total") == 1);
  auto a = list.json()->getArray("assignments")->getObject(0);
  const Id id = a->getValue<Id>("id");
  CHECK(a->getValue<std::string>("status") == "open");
  CHECK(a->getObject("source")->getValue<std::string>("item_number") == "13");
  CHECK(a->getArray("areas")->size() >= 1);  // § 13 serves a strategy area
  const std::string uri = "/api/v1/assignments/" + std::to_string(id);

  // A due date set by the secretary makes it overdue after that day.
  REQUIRE(post(doc + "/corrections",
               R"({"path": "/items/13/assignments/0", "value": {"due": "2018-12-31"}, "author": "Anna Elverskog"})")
              .status == 201);
  auto overdue = server.get("/api/v1/assignments?overdue=true&today=2019-01-15");
  REQUIRE(overdue.json()->getValue<int>("total") == 1);
  CHECK(overdue.json()->getArray("assignments")->getObject(0)->getValue<std::string>("status") == "overdue");
  CHECK(server.get("/api/v1/assignments?overdue=true&today=2018-12-01").json()->getValue<int>("total") == 0);
  CHECK(server.get("/api/v1/assignments?due_before=2019-01-01&due_after=2018-12-30").json()->getValue<int>("total") ==
        1);

  auto progress = post(uri + "/followups?today=2018-11-06",
                       R"({"status": "in_progress", "comment": "Första mötet med ORU har hållits.",
                                              "author": "Anna Elverskog", "date": "2018-11-05", "progress": 30})");
  REQUIRE_MESSAGE(progress.status == 201, progress.body);
  CHECK(progress.json()->getValue<std::string>("status") == "in_progress");
  CHECK(progress.json()->getValue<double>("progress") == 30);
  // Ewa reports back herself: a secretary of the council whose minutes gave her the task.
  const std::string anna = server.write_token;
  server.write_token = server.tokenFor(
      "Ewa Lindberg",
      {Role::kSecretary,
       "Specifikt samverkansråd för skola, utbildning och kompetensförsörjning (Region Örebro län och länets kommuner)"});
  auto done = post(uri + "/followups", R"({"status": "done", "comment": "Uppdragsutbildningen för lärare startar.",
                                          "author": "någon annan", "date": "2019-02-01"})");
  server.write_token = anna;
  REQUIRE(done.status == 201);
  CHECK(done.json()->getValue<std::string>("status") == "done");
  CHECK(done.json()->getValue<double>("progress") == 100);

  CHECK(post(uri + "/followups", R"({"status": "klart", "author": "A"})").status == 400);
  {
    Poco::Net::HTTPRequest anonymous("POST", uri + "/followups", Poco::Net::HTTPMessage::HTTP_1_1);
    anonymous.set("Authorization", "Bearer fel-nyckel");
    CHECK(server.send(anonymous, R"({"status": "done"})").status == 401);
  }
  CHECK(post("/api/v1/assignments/999/followups", R"({"status": "done", "author": "A"})").status == 404);
  CHECK(server.get("/api/v1/assignments?status=maybe").status == 400);
  CHECK(server.get("/api/v1/assignments?today=igår").status == 400);

  auto one = server.get(uri + "?today=2019-03-01");
  REQUIRE(one.status == 200);
  CHECK(one.json()->getValue<std::string>("status") == "done");
  CHECK(one.json()->getArray("followups")->size() == 2);
  CHECK(server.get("/api/v1/assignments?status=done&today=2019-03-01").json()->getValue<int>("total") == 1);
  // Search follows the follow-ups too: the status filter and facet see "done".
  auto found = server.search("status:done");
  REQUIRE(found.json()->getValue<int>("total") == 1);
  CHECK(found.json()->getArray("hits")->getObject(0)->getValue<std::string>("item_number") == "13");
  CHECK(server.search("status:open").json()->getValue<int>("total") == 0);
  CHECK(server.get("/api/v1/assignments?overdue=true&today=2019-03-01").json()->getValue<int>("total") == 0);

  // The document still reads the same, with its areas.
  auto d = server.get(doc);
  REQUIRE(d.status == 200);
  auto doc_areas = d.json()->getArray("areas");
  REQUIRE(doc_areas->size() >= 1);
  CHECK_FALSE(doc_areas->getObject(0)->getValue<std::string>("title").empty());
  CHECK_FALSE(doc_areas->getObject(0)->getValue<std::string>("explanation").empty());

  // Feeds.
  auto ics = server.get("/feeds/assignments.ics?assignee=Ewa");
  REQUIRE(ics.status == 200);
  CHECK(ics.content_type.find("text/calendar") == 0);
  CHECK(ics.body.find("BEGIN:VCALENDAR\r\n") == 0);
  CHECK(ics.body.find("DTSTART;VALUE=DATE:20181231\r\n") != std::string::npos);
  CHECK(ics.body.find("DTEND;VALUE=DATE:20190101\r\n") != std::string::npos);
  CHECK(ics.body.find("Ewa Lindberg") != std::string::npos);
  for (std::size_t start = 0, end; (end = ics.body.find("\r\n", start)) != std::string::npos; start = end + 2) {
    CHECK(end - start <= 75);  // folded lines
  }
  auto atom = server.get("/feeds/followups.atom");
  REQUIRE(atom.status == 200);
  pugi::xml_document xml;
  REQUIRE(xml.load_string(atom.body.c_str()));
  auto first = xml.child("feed").child("entry");
  REQUIRE(first);
  CHECK(std::string(first.child("author").child_value("name")) == "Ewa Lindberg");  // newest first
  CHECK(std::string(first.child_value("summary")) == "Uppdragsutbildningen för lärare startar.");

  auto summary = server.get("/api/v1/areas/5.4/summary?today=2019-03-01");
  REQUIRE_MESSAGE(summary.status == 200, summary.body);
  CHECK(summary.json()->getValue<std::string>("title") == "Kompetensförsörjning och matchning");
  // The minutes link items to 5.4 (§ 8, the action plan for skills supply, among them).
  auto linked = summary.json()->getObject("linked");
  REQUIRE(linked);
  CHECK(linked->getValue<int>("items") >= 1);
  CHECK(linked->getValue<int>("documents") >= 1);
  CHECK(server.get("/api/v1/areas/5/summary?today=2019-03-01").json()->getObject("linked")->getValue<int>("items") >=
        linked->getValue<int>("items"));  // a goal covers its areas
  // The area Ewa Lindberg's assignment serves counts it as done.
  auto mine = one.json()->getArray("areas");
  REQUIRE_MESSAGE(mine->size() >= 1, "the linker links § 13 to an area");
  const std::string code = mine->getObject(0)->getValue<std::string>("code");
  const std::string scheme = mine->getObject(0)->getValue<std::string>("scheme");
  auto served = server.get("/api/v1/areas/" + code + "/summary?today=2019-03-01&scheme=" + scheme);
  REQUIRE(served.status == 200);
  CHECK(served.json()->getValue<int>("assignments") >= 1);
  CHECK(served.json()->getObject("by_status")->getValue<int>("done") >= 1);
  CHECK(server.get("/api/v1/areas/9.99/summary").status == 404);
}

TEST_CASE("assignments round-trip through CSV with stable external ids") {
  TempDir dir;
  Server server(dir.path());
  REQUIRE(server.upload("protokoll.txt", seedMinutes()).status == 201);
  auto csv = server.get("/api/v1/assignments.csv?today=2018-10-01");
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type.find("text/csv") == 0);
  CHECK(csv.body.rfind("id,parent_id,title,description,start_date,end_date,status,progress,", 0) == 0);
  auto line = csv.body.find("\r\nbeslut:assignment:");
  REQUIRE(line != std::string::npos);
  const std::string id = csv.body.substr(line + 2, csv.body.find(',', line) - line - 2);
  CHECK(csv.body.find("Ewa Lindberg") != std::string::npos);

  auto import = [&](const std::string& body, const std::string& query) {
    Poco::Net::HTTPRequest req("POST", "/api/v1/assignments.csv" + query, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("text/csv");
    return server.send(req, body);
  };
  auto r = import("id,title,status,progress\r\n" + id +
                      ",\"vara med, som stöd\",in_progress,50\r\n"
                      "beslut:assignment:999,x,done,\r\nnope,x,done,\r\n" +
                      id + ",x,klar,\r\n",
                  "?author=Anna%20Elverskog");
  REQUIRE_MESSAGE(r.status == 200, r.body);
  CHECK(r.json()->getValue<int>("updated") == 1);
  CHECK(r.json()->getArray("errors")->size() == 3);
  auto again = import("id,status,progress\r\n" + id + ",in_progress,50\r\n", "?author=Anna");
  CHECK(again.json()->getValue<int>("unchanged") == 1);  // importing the same file twice changes nothing
  {
    const std::string admin = server.write_token;
    server.write_token.clear();
    CHECK(import("id,status\r\n" + id + ",done\r\n", "").status == 401);  // nobody signed in
    server.write_token = admin;
  }
  CHECK(import("title\r\nx\r\n", "?author=A").status == 400);  // no id column
  CHECK(import("id,status\r\n\"open", "?author=A").status == 400);
  auto after = server.get("/api/v1/assignments.csv?today=2018-10-01");
  CHECK(after.body.find(id + ",") != std::string::npos);
  CHECK(after.body.find(",in_progress,50,") != std::string::npos);
}

TEST_CASE("the same assignment in a later council's minutes is one thread; unsure matches wait for a person") {
  TempDir dir;
  Server server(dir.path());
  REQUIRE(server.upload("protokoll-2018.txt", seedMinutes()).status == 201);
  const std::string later =
      laterMinutes("Fredag 23 november 2018") +
      "2. Uppdragsutbildning för lärare\nEwa Lindberg, Region Örebro län, fick i uppdrag att vara med som stöd "
      "i processen kring uppdragsutbildningen med Örebro universitet.\n\n"
      "3. Yrkesvux\nAnita Ladinek fick i uppdrag att sammanställa statistik om yrkesvux i processen.\n\n"
      "4. Mötet avslutas\n";
  REQUIRE(server.upload("protokoll-2018-11.txt", later).status == 201);

  auto list = server.get("/api/v1/assignments?assignee=Ewa&today=2018-12-01");
  REQUIRE(list.json()->getValue<int>("total") == 2);
  auto first = list.json()->getArray("assignments")->getObject(0);
  auto second = list.json()->getArray("assignments")->getObject(1);
  REQUIRE(first->getArray("thread")->size() == 1);  // confirmed without asking: the same task
  CHECK(first->getArray("thread")->getObject(0)->getValue<Id>("assignment_id") == second->getValue<Id>("id"));
  CHECK(first->getArray("thread")->getObject(0)->getValue<std::string>("decided_by") == "beslut");

  // A follow-up on the later one is the thread's: the first reads as done too.
  REQUIRE(server
              .postJson("/api/v1/assignments/" + std::to_string(second->getValue<Id>("id")) + "/followups",
                        R"({"status": "done", "comment": "Klart.", "author": "Ewa Lindberg", "date": "2018-12-10"})")
              .status == 201);
  auto read = server.get("/api/v1/assignments/" + std::to_string(first->getValue<Id>("id")) + "?today=2019-01-01");
  CHECK(read.json()->getValue<std::string>("status") == "done");

  // The yrkesvux task only shares "i processen" words with Ewa's: no match, or only a proposal.
  auto anita = server.get("/api/v1/assignments?assignee=Anita");
  REQUIRE(anita.json()->getValue<int>("total") == 1);
  CHECK(anita.json()->getArray("assignments")->getObject(0)->getArray("thread")->size() == 0);

  // Deciding a match: an unknown one is 404, a bad body 400.
  const std::string base = "/api/v1/assignments/" + std::to_string(first->getValue<Id>("id")) + "/matches/";
  Poco::Net::HTTPRequest missing("POST", base + "999", Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(missing, R"({"confirm": true, "by": "Anna"})").status == 404);
  const Id match = first->getArray("thread")->getObject(0)->getValue<Id>("match_id");
  Poco::Net::HTTPRequest bad("POST", base + std::to_string(match), Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(bad, R"({"confirm": "ja"})").status == 400);
  Poco::Net::HTTPRequest reject("POST", base + std::to_string(match), Poco::Net::HTTPMessage::HTTP_1_1);
  auto rejected = server.send(reject, R"({"confirm": false, "by": "Anna Elverskog"})");
  REQUIRE(rejected.status == 200);
  CHECK(rejected.json()->getArray("thread")->size() == 0);  // a person's "no" stands
}

// How many times `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

TEST_CASE("an assignment in a confirmed thread reads with one status everywhere") {
  TempDir dir;
  Server server(dir.path());
  auto first_doc = server.upload("protokoll-2018.txt", seedMinutes());
  REQUIRE(first_doc.status == 201);
  const std::string later =
      laterMinutes("Fredag 23 november 2018") +
      "2. Uppdragsutbildning för lärare\nEwa Lindberg, Region Örebro län, fick i uppdrag att vara med som stöd "
      "i processen kring uppdragsutbildningen med Örebro universitet.\n\n"
      "3. Yrkesvux\nAnita Ladinek fick i uppdrag att sammanställa statistik om yrkesvux.\n\n"
      "4. Mötet avslutas\n";
  auto later_doc = server.upload("protokoll-2018-11.txt", later);
  REQUIRE(later_doc.status == 201);
  auto post = [&](const std::string& uri, const std::string& json) { return server.postJson(uri, json); };
  const std::string first_uri = "/api/v1/documents/" + std::to_string(first_doc.json()->getValue<Id>("id"));
  const std::string later_uri = "/api/v1/documents/" + std::to_string(later_doc.json()->getValue<Id>("id"));
  // Due dates: Ewa's first assignment and Anita's end of 2018.
  REQUIRE(post(first_uri + "/corrections", R"({"path": "/items/13/assignments/0", "value": {"due": "2018-12-31"}})")
              .status == 201);
  REQUIRE(post(later_uri + "/corrections", R"({"path": "/items/3/assignments/0", "value": {"due": "2018-12-31"}})")
              .status == 201);

  auto ewa = server.get("/api/v1/assignments?assignee=Ewa&today=2018-12-01");
  REQUIRE(ewa.json()->getValue<int>("total") == 2);
  auto first = ewa.json()->getArray("assignments")->getObject(0);
  auto second = ewa.json()->getArray("assignments")->getObject(1);
  REQUIRE(first->getArray("thread")->size() == 1);  // the same task: one thread
  const Id first_id = first->getValue<Id>("id");
  // Done, as recorded on the later one.
  REQUIRE(post("/api/v1/assignments/" + std::to_string(second->getValue<Id>("id")) + "/followups",
               R"({"status": "done", "comment": "Klart.", "date": "2018-12-10"})")
              .status == 201);
  const std::string today = "&today=2019-01-15";

  // The API item and list.
  CHECK(server.get("/api/v1/assignments/" + std::to_string(first_id) + "?today=2019-01-15")
            .json()
            ->getValue<std::string>("status") == "done");
  CHECK(server.get("/api/v1/assignments?assignee=Ewa&status=done" + today).json()->getValue<int>("total") == 2);
  CHECK(server.get("/api/v1/assignments?assignee=Ewa&status=overdue" + today).json()->getValue<int>("total") == 0);
  CHECK(server.get("/api/v1/assignments?overdue=true" + today).json()->getValue<int>("total") == 1);  // Anita's

  // CSV: the first assignment's row says done.
  auto csv = server.get("/api/v1/assignments.csv?assignee=Ewa" + today);
  REQUIRE(csv.status == 200);
  CHECK(occurrences(csv.body, ",done,") == 2);
  CHECK(csv.body.find(",overdue,") == std::string::npos);

  // iCalendar: the first assignment's event (it has the due date) says "klar".
  auto ics = server.get("/feeds/assignments.ics?assignee=Ewa" + today);
  REQUIRE(ics.status == 200);
  std::string unfolded = ics.body;
  for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  CHECK(unfolded.find("Status: klar.") != std::string::npos);
  CHECK(unfolded.find("Status: försenad.") == std::string::npos);

  // The area summary counts as the list does.
  auto one = server.get("/api/v1/assignments/" + std::to_string(first_id) + "?today=2019-01-15");
  auto areas = one.json()->getArray("areas");
  REQUIRE(areas->size() >= 1);
  const std::string code = areas->getObject(0)->getValue<std::string>("code");
  const std::string scheme = areas->getObject(0)->getValue<std::string>("scheme");
  auto summary = server.get("/api/v1/areas/" + code + "/summary?scheme=" + scheme + today);
  REQUIRE(summary.status == 200);
  auto by_status = summary.json()->getObject("by_status");
  CHECK(by_status->getValue<int>("done") >= 1);
  for (const char* status : {"open", "in_progress", "done", "overdue", "cancelled"}) {
    auto listed = server.get("/api/v1/assignments?area=" + code + "&scheme=" + scheme + "&status=" + status + today);
    CHECK_MESSAGE(by_status->getValue<int>(status) == listed.json()->getValue<int>("total"), status);
  }

  // Search: the status filter and facet are decided on the day asked.
  auto done = server.search("status:done", today);
  REQUIRE(done.status == 200);
  CHECK(done.json()->getValue<int>("total") == 2);  // § 13 and the later § 2
  CHECK(server.search("status:open", today).json()->getValue<int>("total") == 0);
  auto overdue = server.search("status:overdue", today);
  REQUIRE(overdue.json()->getValue<int>("total") == 1);
  CHECK(overdue.json()->getArray("hits")->getObject(0)->getValue<std::string>("item_number") == "3");
  CHECK(server.search("status:overdue", "&today=2018-12-01").json()->getValue<int>("total") == 0);
  CHECK(server.search("status:open", "&today=2018-12-01").json()->getValue<int>("total") == 1);  // Anita's, not yet due
  CHECK(server.search("status:done", "&today=gårdagen").status == 400);
  auto facets = server.search("yrkesvux OR uppdragsutbildningen", today).json()->getObject("facets");
  REQUIRE(facets);
  std::map<std::string, int> counted;
  auto statuses = facets->getArray("status");
  REQUIRE(statuses);
  for (std::size_t i = 0; i < statuses->size(); ++i) {
    auto v = statuses->getObject(static_cast<unsigned>(i));
    counted[v->getValue<std::string>("value")] = v->getValue<int>("count");
  }
  CHECK(counted["done"] == 2);
  CHECK(counted["overdue"] == 1);
  CHECK(counted.count("open") == 0);

  // The portal: the follow-up page and the first minutes' document page.
  auto followup = server.getAs("/uppfoljning?ansvarig=Ewa", server.write_token);
  REQUIRE(followup.status == 200);
  CHECK(occurrences(followup.body, "<td>klar (100 %)</td>") == 2);
  CHECK(followup.body.find("försenad</span>") == std::string::npos);
  auto page = server.getAs("/dokument/" + std::to_string(first_doc.json()->getValue<Id>("id")), server.write_token);
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<span class=\"badge\">klar</span>") != std::string::npos);
  CHECK(page.body.find("<span class=\"badge overdue\">försenad</span>") == std::string::npos);
}

TEST_CASE("a thread's status shows only what the public may read: a draft's follow-up waits for its publication") {
  TempDir dir;
  Server server(dir.path());
  REQUIRE(server.upload("protokoll-2018.txt", seedMinutes()).status == 201);
  const std::string later =
      laterMinutes("Fredag 23 november 2018") +
      "2. Uppdragsutbildning för lärare\nEwa Lindberg, Region Örebro län, fick i uppdrag att vara med som stöd "
      "i processen kring uppdragsutbildningen med Örebro universitet.\n\n3. Mötet avslutas\n";
  auto draft = server.upload("utkast.txt", later, "text/plain", "/api/v1/documents?draft=true");
  REQUIRE_MESSAGE(draft.status == 201, draft.body);
  // The administrator sees both and follows the draft's assignment up as done.
  auto all = server.getAs("/api/v1/assignments?assignee=Ewa&today=2019-01-15", server.write_token);
  REQUIRE(all.json()->getValue<int>("total") == 2);
  Id public_id = 0, draft_id = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    auto a = all.json()->getArray("assignments")->getObject(static_cast<unsigned>(i));
    (a->getObject("source")->getValue<Id>("document_id") == draft.json()->getValue<Id>("id")
         ? draft_id
         : public_id) = a->getValue<Id>("id");
  }
  REQUIRE(public_id != 0);
  REQUIRE(draft_id != 0);
  REQUIRE(server
              .postJson("/api/v1/assignments/" + std::to_string(draft_id) + "/followups",
                        R"({"status": "done", "comment": "Hemligt.", "date": "2018-12-10"})")
              .status == 201);
  // The public assignment does not read as done, for anyone, anywhere.
  const std::string uri = "/api/v1/assignments/" + std::to_string(public_id) + "?today=2018-12-01";
  CHECK(server.get(uri).json()->getValue<std::string>("status") == "open");
  CHECK(server.getAs(uri, server.write_token).json()->getValue<std::string>("status") == "open");
  CHECK(server.get(uri).body.find("Hemligt") == std::string::npos);
  CHECK(server.search("status:done", "&today=2018-12-01").json()->getValue<int>("total") == 0);
  CHECK(server.get("/feeds/followups.atom").body.find("Hemligt") == std::string::npos);

  // Published, then made non-public: its follow-ups leave the thread's status again, in the index too.
  TempDir other_dir;
  Server other(other_dir.path());
  REQUIRE(other.upload("protokoll-2018.txt", seedMinutes()).status == 201);
  auto published = other.upload("protokoll-2018-11.txt", later);
  REQUIRE(published.status == 201);
  auto both = other.get("/api/v1/assignments?assignee=Ewa&today=2018-12-01");
  REQUIRE(both.json()->getValue<int>("total") == 2);
  Id later_id = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    auto a = both.json()->getArray("assignments")->getObject(static_cast<unsigned>(i));
    if (a->getObject("source")->getValue<Id>("document_id") == published.json()->getValue<Id>("id")) {
      later_id = a->getValue<Id>("id");
    }
  }
  REQUIRE(later_id != 0);
  REQUIRE(other
              .postJson("/api/v1/assignments/" + std::to_string(later_id) + "/followups",
                        R"({"status": "done", "date": "2018-11-30"})")
              .status == 201);
  CHECK(other.search("status:done", "&today=2018-12-01").json()->getValue<int>("total") == 2);  // both passages
  REQUIRE(other
              .postJson("/api/v1/documents/" + std::to_string(published.json()->getValue<Id>("id")) + "/corrections",
                        R"({"path": "/items/2/public", "value": false})")
              .status == 201);
  CHECK(other.search("status:done", "&today=2018-12-01").json()->getValue<int>("total") == 0);
  CHECK(other.search("status:open", "&today=2018-12-01").json()->getValue<int>("total") == 1);  // § 13 as it stands
}

TEST_CASE("assignment similarity: shared task words, a bonus for the same assignee") {
  Assignment a, b, c;
  a.assignee = "Ewa Lindberg";
  a.task = "vara med som stöd i processen";
  b.assignee = "Ewa Lindberg (Region Örebro län)";
  b.task = "vara med som stöd i processen kring uppdragsutbildningen";
  c.assignee = "Anita Ladinek";
  c.task = "sammanställa statistik om yrkesvux";
  std::string evidence;
  CHECK(assignmentSimilarity(a, b, &evidence) >= kConfirmMatch);
  CHECK(evidence.find("processen") != std::string::npos);
  CHECK(assignmentSimilarity(a, c) < kProposeMatch);
}

TEST_CASE("minutes imported straight to the public with a personal identity number are held back as a draft") {
  TempDir dir;
  Server server(dir.path());
  const std::string minutes = laterMinutes("2019-02-01") +
                              "2. Ansökan om bidrag\n\nSökande Kalle Kula (811218-9876) ansöker om bidrag. "
                              "Beslut: Rådet beviljar ansökan om kanelbullebidrag.\n";
  auto res = server.upload("protokoll.txt", minutes);
  REQUIRE_MESSAGE(res.status == 201, res.body);
  CHECK(res.json()->getValue<bool>("held_as_draft"));
  REQUIRE(res.json()->getArray("warnings")->size() == 1);
  CHECK(res.json()->getArray("warnings")->getElement<std::string>(0).find("personnummer") != std::string::npos);
  const std::string doc = "/api/v1/documents/" + std::to_string(res.json()->getValue<Id>("id"));
  CHECK(server.get(doc).status == 404);
  CHECK(server.search("kanelbullebidrag").json()->getValue<int>("total") == 0);
  CHECK(server.getAs(doc, server.write_token).json()->getValue<std::string>("publication_state") == "draft");
  // Without one, minutes imported straight away are public at once, as before.
  auto plain = server.upload("annat.txt", laterMinutes("2019-03-01") + "2. Information\n\nRådet informeras om "
                                                                       "pepparkaksprojektet.\n");
  REQUIRE(plain.status == 201);
  CHECK_FALSE(plain.json()->getValue<bool>("held_as_draft"));
  CHECK(server.search("pepparkaksprojektet").json()->getValue<int>("total") == 1);
}

TEST_CASE("a non-public item's words reach the public in no field: not through the document's strategy links") {
  TempDir dir;
  Server server(dir.path());
  auto imported = server.upload("protokoll.txt", seedMinutes());
  REQUIRE(imported.status == 201);
  const std::string doc = "/api/v1/documents/" + std::to_string(imported.json()->getValue<Id>("id"));
  // The item a document-level link calls its strongest ("… starkast 9 Title: … quote").
  auto full = server.getAs(doc, server.write_token).json();
  std::string strongest;
  auto links = full->getArray("links");
  for (std::size_t i = 0; i < links->size() && strongest.empty(); ++i) {
    auto l = links->getObject(static_cast<unsigned>(i));
    const std::string why = l->getValue<std::string>("explanation");
    if (l->getValue<std::string>("object_type") != "document" || why.find("starkast ") == std::string::npos) continue;
    std::istringstream rest(why.substr(why.find("starkast ") + 9));
    rest >> strongest;
  }
  REQUIRE_FALSE(strongest.empty());
  auto hidden = server.postJson(doc + "/corrections", R"({"path": "/items/)" + strongest +
                                                          R"(/public", "value": false, "reason": "sekretess"})");
  REQUIRE_MESSAGE(hidden.status == 201, hidden.body);
  std::string hidden_text, other_text;
  auto items = full->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto item = items->getObject(static_cast<unsigned>(i));
    (item->getValue<std::string>("number") == strongest
         ? hidden_text
         : other_text) += item->getValue<std::string>("title") + " " + item->getValue<std::string>("text") + " ";
  }
  {  // the cover (attendees, chair, …) is public too
    Object::Ptr cover = new Object(*full);
    cover->remove("items");
    cover->remove("links");
    cover->remove("evidence");
    std::ostringstream out;
    cover->stringify(out);
    other_text += out.str();
  }
  const std::string api = server.get(doc).body;
  const std::string page = server.get("/dokument/" + doc.substr(doc.rfind('/') + 1)).body;
  std::istringstream words(hidden_text);
  std::size_t checked = 0;
  for (std::string w; words >> w;) {
    if (w.size() < 8 || w.find_first_of(".,:;()\"") != std::string::npos) continue;
    if (other_text.find(w) != std::string::npos) continue;  // said elsewhere in the document too
    ++checked;
    CHECK_MESSAGE(api.find(w) == std::string::npos, w);
    CHECK_MESSAGE(page.find(w) == std::string::npos, w);
  }
  CHECK(checked > 3);
}

TEST_CASE("accounts: login with a cookie and CSRF, roles per body, non-public items hidden from the public") {
  TempDir dir;
  Server server(dir.path());
  const std::string ssr = kSsr;
  const std::string minutes = seedMinutes();
  const std::string growth = beslut::testing::readFile(
      beslut::testing::samplePath("verksamhetsberattelse-regional-tillvaxtnamnd-2024.txt"));

  // Nobody signed in: no changes.
  server.write_token.clear();
  auto anonymous = server.upload("protokoll.txt", minutes);
  CHECK(anonymous.status == 401);
  CHECK(anonymous.json()->getObject("error")->getValue<std::string>("message") == "Logga in för att göra ändringar.");

  // A secretary of the council imports its minutes, but not another body's report.
  server.write_token = server.tokenFor("Sara Sekreterare", {Role::kSecretary, ssr});
  auto imported = server.upload("protokoll.txt", minutes);
  REQUIRE_MESSAGE(imported.status == 201, imported.body);
  const std::string doc = "/api/v1/documents/" + std::to_string(imported.json()->getValue<Id>("id"));
  auto foreign = server.upload("vb.txt", growth);
  CHECK(foreign.status == 403);
  CHECK(foreign.json()->getObject("error")->getValue<std::string>("message").find("Regional tillväxtnämnd") !=
        std::string::npos);
  CHECK(server.get("/api/v1/search?q=Tillväxtverket").json()->getValue<int>("total") == 0);  // nothing stored
  auto post = [&](const std::string& uri, const std::string& json) { return server.postJson(uri, json); };
  CHECK(post(doc + "/corrections", R"({"path": "/organization", "value": "Regionstyrelsen"})").status == 403);

  // Login through the API: a session cookie (HttpOnly, Secure, SameSite) and a CSRF token.
  const std::string password = "lösenord för Sara Sekreterare";
  Poco::Net::HTTPRequest login("POST", "/api/v1/login", Poco::Net::HTTPMessage::HTTP_1_1);
  login.setContentType("application/json");
  server.write_token.clear();
  Poco::Net::HTTPClientSession session("127.0.0.1", server.http->port());
  const std::string login_body = R"({"name": "Sara Sekreterare", "password": ")" + password + "\"}";
  login.setContentLength(static_cast<std::streamsize>(login_body.size()));
  session.sendRequest(login) << login_body;
  Poco::Net::HTTPResponse login_res;
  std::string login_text;
  Poco::StreamCopier::copyToString(session.receiveResponse(login_res), login_text);
  REQUIRE_MESSAGE(login_res.getStatus() == 200, login_text);
  std::vector<Poco::Net::HTTPCookie> cookies;
  login_res.getCookies(cookies);
  REQUIRE(cookies.size() == 1);
  CHECK(cookies[0].getName() == "beslut_session");
  CHECK(cookies[0].getHttpOnly());
  CHECK(cookies[0].getSecure());
  const std::string set_cookie = login_res.get("Set-Cookie");
  CHECK(set_cookie.find("SameSite=Lax") != std::string::npos);
  Poco::JSON::Parser parser;
  const std::string csrf = parser.parse(login_text).extract<Object::Ptr>()->getValue<std::string>("csrf_token");
  const std::string cookie = "beslut_session=" + cookies[0].getValue();

  auto withCookie = [&](const std::string& method, const std::string& uri, const std::string& body,
                        const std::string& csrf_header) {
    Poco::Net::HTTPRequest req(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Cookie", cookie);
    if (!csrf_header.empty()) req.set("X-CSRF-Token", csrf_header);
    if (method == "POST") req.setContentType("application/json");
    return server.send(req, body);
  };
  auto me = withCookie("GET", "/api/v1/me", "", "");
  REQUIRE(me.status == 200);
  CHECK(me.json()->getValue<std::string>("name") == "Sara Sekreterare");
  CHECK(me.json()->getValue<std::string>("csrf_token") == csrf);
  // A change through the cookie needs the CSRF token.
  const std::string hide = R"({"path": "/items/13/public", "value": false, "reason": "personuppgifter"})";
  CHECK(withCookie("POST", doc + "/corrections", hide, "").status == 403);
  CHECK(withCookie("POST", doc + "/corrections", hide, "fel").status == 403);
  auto hidden = withCookie("POST", doc + "/corrections", hide, csrf);
  REQUIRE_MESSAGE(hidden.status == 201, hidden.body);
  CHECK(hidden.json()->getValue<std::string>("author") == "Sara Sekreterare");

  // The audit log has who, what, before and after.
  auto log = server.runtime->accounts().auditLog(10, "document");
  REQUIRE(log.ok());
  REQUIRE(log->size() >= 2);
  CHECK(log->at(0).actor == "Sara Sekreterare");
  CHECK(log->at(0).action == "correction.add /items/13/public");
  CHECK(log->at(0).before.find("\"public\":true") != std::string::npos);
  CHECK(log->at(0).after.find("\"public\":false") != std::string::npos);
  CHECK(log->at(0).before.find("items[") != std::string::npos);  // only the item that changed
  CHECK(log->at(1).action == "document.import");

  // § 13 (Ewa Lindberg's assignment) is now non-public: hidden from the public everywhere…
  CHECK(server.search("uppdragsutbildning").json()->getValue<int>("total") == 0);
  auto public_doc = server.get(doc);
  REQUIRE(public_doc.status == 200);
  for (std::size_t i = 0; i < public_doc.json()->getArray("items")->size(); ++i) {
    CHECK(public_doc.json()->getArray("items")->getObject(static_cast<unsigned>(i))->getValue<std::string>("number") !=
          "13");
  }
  CHECK(server.get(doc + "/original").status == 403);
  CHECK(server.get("/api/v1/assignments?assignee=Ewa").json()->getValue<int>("total") == 0);
  CHECK(server.get("/feeds/assignments.ics").body.find("Ewa Lindberg") == std::string::npos);
  CHECK(server.get("/api/v1/assignments.csv").body.find("Ewa Lindberg") == std::string::npos);
  // … but not from a reader of the council, nor from its secretary's session.
  const std::string reader = server.tokenFor("Ulla Läsare", {Role::kReader, ssr});
  CHECK(server.getAs("/api/v1/search?q=uppdragsutbildning", reader).json()->getValue<int>("total") == 1);
  CHECK(server.getAs("/api/v1/assignments?assignee=Ewa", reader).json()->getValue<int>("total") == 1);
  CHECK(server.getAs(doc + "/original", reader).status == 200);
  CHECK(withCookie("GET", "/api/v1/search?q=uppdragsutbildning", "", "").json()->getValue<int>("total") == 1);
  // A reader reads but does not change.
  Poco::Net::HTTPRequest reader_post("POST", doc + "/corrections", Poco::Net::HTTPMessage::HTTP_1_1);
  reader_post.set("Authorization", "Bearer " + reader);
  CHECK(server.send(reader_post, R"({"path": "/place", "value": "x"})").status == 403);
  // A reader of another body sees what the public sees.
  const std::string other = server.tokenFor("Olle Annan", {Role::kReader, "Regionstyrelsen"});
  CHECK(server.getAs("/api/v1/search?q=uppdragsutbildning", other).json()->getValue<int>("total") == 0);
  CHECK(server.getAs(doc + "/extraction", other).status == 403);
  // A bad token is an error, not an anonymous visitor.
  auto bad = server.getAs("/api/v1/search?q=Komtek", "fel");
  CHECK(bad.status == 401);

  // Logout ends the session; the cookie no longer signs in.
  CHECK(withCookie("POST", "/api/v1/logout", "", csrf).status == 200);
  CHECK(withCookie("GET", "/api/v1/me", "", "").status == 401);
  CHECK(withCookie("POST", doc + "/corrections", hide, csrf).status == 401);

  // Five wrong passwords lock the name for a while.
  auto tryLogin = [&](const std::string& pw) {
    Poco::Net::HTTPRequest req("POST", "/api/v1/login", Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    return server.send(req, R"({"name": "Sara Sekreterare", "password": ")" + pw + "\"}");
  };
  for (int i = 0; i < 5; ++i) CHECK(tryLogin("fel lösenord").status == 401);
  auto locked = tryLogin(password);
  CHECK(locked.status == 429);
  CHECK(locked.json()->getObject("error")->getValue<std::string>("message").find("För många") != std::string::npos);
}


TEST_CASE("a POST refused before its body is read still gets its answer, also with Connection: close") {
  TempDir dir;
  Server server(dir.path());
  server.write_token.clear();
  const std::string minutes = seedMinutes();
  // Poco's client sends "Connection: close" by default: the server must read the
  // body it refused before closing, or TCP resets the connection under the answer.
  for (int i = 0; i < 50; ++i) {
    INFO("attempt " << i);
    CHECK(server.upload("protokoll.txt", minutes).status == 401);
  }
}

TEST_CASE("publishing over the API: a draft until the chair and the adjuster have approved") {
  TempDir dir;
  Server server(dir.path());
  const std::string ssr = kSsr;
  server.write_token = server.tokenFor("Anna Elverskog", {Role::kSecretary, ssr});
  const std::string minutes = seedMinutes();
  auto imported = server.upload("p.txt", minutes, "text/plain", "/api/v1/documents?draft=true");
  REQUIRE_MESSAGE(imported.status == 201, imported.body);
  const std::string pub = "/api/v1/documents/" + std::to_string(imported.json()->getValue<Id>("id")) + "/publication";
  CHECK(server.search("Komtek").json()->getValue<int>("total") == 0);  // a draft is nobody's business yet
  CHECK(server.get(pub).status == 404);
  auto mine = server.getAs(pub, server.write_token);
  REQUIRE(mine.status == 200);
  CHECK(mine.json()->getValue<std::string>("state") == "draft");
  CHECK(mine.json()->getArray("approvers")->size() == 2);
  CHECK(mine.json()->getArray("identity_numbers")->size() == 0);

  auto act = [&](const std::string& token, const std::string& body) {
    Poco::Net::HTTPRequest req("POST", pub, Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Authorization", "Bearer " + token);
    req.setContentType("application/json");
    return server.send(req, body);
  };
  const std::string hakan = server.tokenFor("Håkan Söderman", {Role::kReader, ssr});
  const std::string iren = server.tokenFor("Irén Lejegren", {Role::kReader, ssr});
  CHECK(act(hakan, R"({"action": "approve"})").status == 422);  // not sent yet
  CHECK(act(hakan, R"({"action": "send"})").status == 403);     // only the secretary sends
  CHECK(act(server.write_token, R"({"action": "publish"})").status == 400);
  REQUIRE(act(server.write_token, R"({"action": "send"})").status == 200);
  CHECK(act(server.write_token, R"({"action": "approve"})").status == 403);  // not the chair or an adjuster
  auto half = act(hakan, R"({"action": "approve"})");
  REQUIRE(half.status == 200);
  CHECK(half.json()->getValue<std::string>("state") == "adjusting");
  CHECK(server.search("Komtek").json()->getValue<int>("total") == 0);
  auto done = act(iren, R"({"action": "approve"})");
  REQUIRE(done.status == 200);
  CHECK(done.json()->getValue<std::string>("state") == "published");
  const std::string posted = done.json()->getValue<std::string>("posted_date");
  CHECK(done.json()->getValue<std::string>("appeal_ends") == addDays(posted, 21));
  CHECK(done.json()->getArray("approvals")->size() == 2);
  CHECK(server.search("Komtek").json()->getValue<int>("total") == 1);  // public once adjusted
  auto open = server.get(pub);
  REQUIRE(open.status == 200);
  CHECK_FALSE(open.json()->has("identity_numbers"));  // for the body's secretaries only
  auto log = server.runtime->accounts().auditLog(20, "document");
  REQUIRE(log.ok());
  CHECK(log->at(0).action == "publication.approve");
  CHECK(log->at(0).actor == "Irén Lejegren");
  CHECK(log->at(0).before == "adjusting");
  CHECK(log->at(0).after == "published, anslaget " + posted);
}

TEST_CASE("a later council's minutes that report back on an assignment become its follow-up, or a proposal") {
  TempDir dir;
  Server server(dir.path());
  REQUIRE(server.upload("protokoll-2018.txt", seedMinutes()).status == 201);
  // Reported back in full: named, the task's words, a reporting verb. Confirmed without asking.
  const std::string november =
      laterMinutes("Fredag 23 november 2018") +
      "2. Uppdragsutbildning för lärare\nEwa Lindberg återrapporterade om processen kring uppdragsutbildningen "
      "med Örebro universitet. Utbildningen är nu genomförd.\n\n"
      "3. Mötet avslutas\n";
  REQUIRE(server.upload("protokoll-2018-11.txt", november).status == 201);
  auto list = server.get("/api/v1/assignments?assignee=Ewa&today=2019-01-01");
  REQUIRE(list.json()->getValue<int>("total") == 1);
  auto ewa = list.json()->getArray("assignments")->getObject(0);
  CHECK(ewa->getValue<std::string>("status") == "done");
  auto reports = ewa->getArray("report_backs");
  REQUIRE(reports->size() == 1);
  CHECK(reports->getObject(0)->getValue<std::string>("state") == "confirmed");
  CHECK(reports->getObject(0)->getValue<std::string>("item_number") == "2");
  CHECK(reports->getObject(0)->getValue<std::string>("evidence").find("nämner Ewa Lindberg") != std::string::npos);
  auto followups = ewa->getArray("followups");
  REQUIRE(followups->size() == 1);
  CHECK(followups->getObject(0)->getValue<std::string>("date") == "2018-11-23");
  CHECK(followups->getObject(0)->getValue<std::string>("comment").rfind("Återrapporterat i", 0) == 0);
  CHECK(followups->getObject(0)->getValue<std::string>("source_item_number") == "2");

  // Named by surname only, in passing: a proposal for a person to decide.
  const std::string december =
      laterMinutes("Fredag 14 december 2018") +
      "2. Lärarnas fortbildning\nLindberg nämnde att processen med lärarutbildningen vid universitetet fortsätter.\n\n"
      "3. Mötet avslutas\n";
  REQUIRE(server.upload("protokoll-2018-12.txt", december).status == 201);
  const Id id = ewa->getValue<Id>("id");
  auto one = server.get("/api/v1/assignments/" + std::to_string(id) + "?today=2019-01-01");
  reports = one.json()->getArray("report_backs");
  REQUIRE(reports->size() == 2);
  auto proposal = reports->getObject(1);
  CHECK(proposal->getValue<std::string>("state") == "proposed");
  CHECK(one.json()->getArray("followups")->size() == 1);  // nothing until someone decides
  const std::string uri = "/api/v1/assignments/" + std::to_string(id) + "/report-backs/" +
                          std::to_string(proposal->getValue<Id>("id"));
  Poco::Net::HTTPRequest bad(("POST"), uri, Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(bad, R"({"confirm": "ja"})").status == 400);
  Poco::Net::HTTPRequest confirm("POST", uri, Poco::Net::HTTPMessage::HTTP_1_1);
  auto decided = server.send(confirm, R"({"confirm": true})");
  REQUIRE_MESSAGE(decided.status == 200, decided.body);
  CHECK(decided.json()->getArray("followups")->size() == 2);
  CHECK(decided.json()->getArray("report_backs")->getObject(1)->getValue<std::string>("decided_by") ==
        "Anna Elverskog");
  Poco::Net::HTTPRequest again("POST", uri, Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(again, R"({"confirm": false})").status == 422);  // decided stays decided
  Poco::Net::HTTPRequest missing("POST", "/api/v1/assignments/" + std::to_string(id) + "/report-backs/999",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  CHECK(server.send(missing, R"({"confirm": true})").status == 404);

  // Imported the other way round (the report before the minutes that gave the task): the same.
  TempDir other_dir;
  Server other(other_dir.path());
  REQUIRE(other.upload("protokoll-2018-11.txt", november).status == 201);
  REQUIRE(other.upload("protokoll-2018.txt", seedMinutes()).status == 201);
  auto reversed = other.get("/api/v1/assignments?assignee=Ewa&today=2019-01-01");
  REQUIRE(reversed.json()->getValue<int>("total") == 1);
  CHECK(reversed.json()->getArray("assignments")->getObject(0)->getValue<std::string>("status") == "done");
  CHECK(reversed.json()->getArray("assignments")->getObject(0)->getArray("report_backs")->size() == 1);
}

TEST_CASE("failed logins are throttled per address; behind nginx the address is X-Real-IP from loopback") {
  TempDir dir;
  Server server(dir.path());
  (void)server.tokenFor("Sara", {Role::kReader, "Regionstyrelsen"});
  auto tryLogin = [&](const std::string& name, const std::string& password, const std::string& real_ip) {
    Poco::Net::HTTPRequest req("POST", "/api/v1/login", Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    req.set("X-Real-IP", real_ip);
    req.set("Authorization", "");  // no token: a login
    return server.send(req, R"({"name": ")" + name + R"(", "password": ")" + password + "\"}");
  };
  // Five wrong attempts from one person behind the proxy, each with another name.
  for (int i = 0; i < 5; ++i) CHECK(tryLogin("namn" + std::to_string(i), "fel", "192.0.2.7").status == 401);
  CHECK(tryLogin("Sara", "lösenord för Sara", "192.0.2.7").status == 429);       // that address is locked
  CHECK(tryLogin("Sara", "lösenord för Sara", "192.0.2.8").status == 200);       // others behind the proxy are not
  CHECK(tryLogin("Sara", "lösenord för Sara", "inte en adress").status == 200);  // unreadable: the peer's
}

TEST_CASE(
    "review fixes: drafts report back on nothing, adjusting minutes are not corrected, login redirects stay home") {
  TempDir dir;
  Server server(dir.path());
  const std::string ssr = kSsr;
  REQUIRE(server.upload("protokoll-2018.txt", seedMinutes()).status == 201);
  // A draft that reports back: its words must not reach the public assignment.
  const std::string november =
      laterMinutes("Fredag 23 november 2018") +
      "2. Hemligt utkast\nEwa Lindberg återrapporterade om processen kring uppdragsutbildningen "
      "med Örebro universitet. Utbildningen är nu genomförd.\n\n3. Mötet avslutas\n";
  REQUIRE(server.upload("n.txt", november, "text/plain", "/api/v1/documents?draft=true").status == 201);
  auto ewa = server.get("/api/v1/assignments?assignee=Ewa&today=2019-01-01");
  REQUIRE(ewa.json()->getValue<int>("total") == 1);
  auto a = ewa.json()->getArray("assignments")->getObject(0);
  CHECK(a->getArray("followups")->size() == 0);
  CHECK(a->getArray("report_backs")->size() == 0);
  CHECK(server.get("/feeds/followups.atom").body.find("Hemligt utkast") == std::string::npos);
  CHECK(a->getValue<std::string>("status") == "open");

  // Minutes sent for justering: the text is frozen, publicity is not.
  auto imported = server.upload("p2.txt",
                                "Protokoll Specifikt samverkansråd för skola, utbildning och kompetensförsörjning "
                                "(Region Örebro län och länets kommuner)\nDatum: 2018-12-14\n\n"
                                "Närvarande: Irén Lejegren, ordförande\nJusterare: Håkan Söderman\n\n"
                                "1. Mötet öppnas\nText.\n\n2. Övrigt\nMer text.\n");
  REQUIRE_MESSAGE(imported.status == 201, imported.body);
  const std::string doc = "/api/v1/documents/" + std::to_string(imported.json()->getValue<Id>("id"));
  auto send = [&](const std::string& uri, const std::string& body) {
    Poco::Net::HTTPRequest req("POST", uri, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    return server.send(req, body);
  };
  REQUIRE(server.runtime->publishing().makeDraft(imported.json()->getValue<Id>("id")).ok());
  auto sent = send(doc + "/publication", R"({"action": "send"})");
  REQUIRE_MESSAGE(sent.status == 200, sent.body);
  auto frozen = send(doc + "/corrections", R"({"path": "/chair", "value": "Anna Elverskog"})");
  CHECK(frozen.status == 422);
  CHECK(frozen.json()->getObject("error")->getValue<std::string>("message").find("Återkalla") != std::string::npos);
  CHECK(send(doc + "/corrections", R"({"path": "/items/2/public", "value": false})").status == 201);

  // The login form sends people back only to a path of ours.
  Poco::Net::HTTPClientSession session("127.0.0.1", server.http->port());
  Poco::Net::HTTPRequest form("GET", "/logga-in", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(form);
  Poco::Net::HTTPResponse form_res;
  std::string page;
  Poco::StreamCopier::copyToString(session.receiveResponse(form_res), page);
  std::vector<Poco::Net::HTTPCookie> cookies;
  form_res.getCookies(cookies);
  REQUIRE(cookies.size() == 1);
  const std::string token = cookies[0].getValue();
  CHECK(page.find("value=\"" + token + "\"") != std::string::npos);
  (void)server.tokenFor("Ulla", {Role::kReader, ssr});
  for (const std::string next :
       {"/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/sok\r\nSet-Cookie: x=y"}) {
    Poco::Net::HTTPRequest post("POST", "/logga-in", Poco::Net::HTTPMessage::HTTP_1_1);
    post.setContentType("application/x-www-form-urlencoded");
    post.set("Cookie", std::string("beslut_login_csrf=") + token);
    std::string encoded;
    Poco::URI::encode(next, "&=+#?/ %\\", encoded);
    const std::string body = "csrf=" + token +
                             "&name=Ulla&password=" + "l%C3%B6senord%20f%C3%B6r%20Ulla&next=" + encoded;
    post.setContentLength(static_cast<std::streamsize>(body.size()));
    Poco::Net::HTTPClientSession s2("127.0.0.1", server.http->port());
    s2.sendRequest(post) << body;
    Poco::Net::HTTPResponse r;
    std::string ignored;
    Poco::StreamCopier::copyToString(s2.receiveResponse(r), ignored);
    INFO("next = " << next);
    CHECK(r.getStatus() == 303);
    CHECK(r.get("Location") == "/");
  }
  // Minutes written in Markdown are shown as written to the body only (the text before corrections).
  Poco::Net::HTTPRequest md("POST", "/api/v1/documents?filename=m.md", Poco::Net::HTTPMessage::HTTP_1_1);
  md.setContentType("text/markdown");
  auto markdown = server.send(md, "# Protokoll " + ssr +
                                      "\n\nDatum: 2018-12-20\n\n1. Mötet öppnas\nHemlig *text* 12345.\n");
  REQUIRE_MESSAGE(markdown.status == 201, markdown.body);
  const std::string page_uri = "/dokument/" + std::to_string(markdown.json()->getValue<Id>("id"));
  auto anonymous_page = server.get(page_uri);
  REQUIRE(anonymous_page.status == 200);
  CHECK(anonymous_page.body.find("Protokollet som det skrevs") == std::string::npos);
  auto body_page = server.getAs(page_uri, server.write_token);
  CHECK(body_page.body.find("Protokollet som det skrevs") != std::string::npos);
  CHECK(body_page.body.find("<em>text</em>") != std::string::npos);

  // JSON login only as JSON: a form from another site cannot sign anyone in.
  Poco::Net::HTTPRequest plain("POST", "/api/v1/login", Poco::Net::HTTPMessage::HTTP_1_1);
  plain.setContentType("text/plain");
  plain.set("Authorization", "");
  CHECK(server.send(plain, R"({"name": "Ulla", "password": "lösenord för Ulla"})").status == 415);
}

TEST_CASE("facts read with little confidence are marked for the body's review on the document page and in the API") {
  TempDir dir;
  Server server(dir.path());
  // A flattened cover (labels and values on one line): its attendees are read with little confidence.
  const std::string text =
      "1 (12) SAMMANTRÄDESPROTOKOLL Sammanträdesdatum 2021-03-09 Plats och tid Stadshuset, kl 13.00-15.30 "
      "Beslutande Karin Holm (S), ordförande Per Dahl (M) Lena Ek (C) Utses att justera Per Dahl "
      "Underskrifter Sekreterare Ordförande Justerande Maja Nord. Karin Holm. Per Dahl\n"
      "Tekniska nämnden, Sundby kommun\n\n§ 1 Val av justerare\nPer Dahl utses att justera protokollet.\n";
  auto up = server.upload("tekniska-2021-03-09.txt", text);
  REQUIRE_MESSAGE(up.status == 201, up.body);
  const Id id = up.json()->getValue<Id>("id");
  auto api = server.getAs("/api/v1/documents/" + std::to_string(id), server.write_token);
  REQUIRE(api.status == 200);
  auto review = api.json()->getArray("review");
  REQUIRE(review);
  bool attendee = false;
  for (std::size_t i = 0; i < review->size(); ++i)
    attendee = attendee || review->getElement<std::string>(i).rfind("attendees/", 0) == 0;
  CHECK(attendee);
  auto page = server.getAs("/dokument/" + std::to_string(id), server.write_token);
  REQUIRE(page.status == 200);
  CHECK(page.body.find("badge review") != std::string::npos);
  // The public reads the published minutes without the secretary's marks.
  auto anonymous = server.get("/dokument/" + std::to_string(id));
  REQUIRE(anonymous.status == 200);
  CHECK(anonymous.body.find("badge review") == std::string::npos);
}
