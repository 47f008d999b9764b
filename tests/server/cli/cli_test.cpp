// The built `beslut` executable, run from an unrelated folder: it must find its
// plugins and content relative to itself.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <fstream>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "beslut/accounts.h"
#include "test_util.h"

using beslut::testing::TempDir;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run runBeslut(const std::vector<std::string>& args, const std::string& cwd, const std::string& input = {}) {
  Poco::Pipe in, out, err;
  Poco::ProcessHandle ph = Poco::Process::launch(BESLUT_EXE, args, cwd, &in, &out, &err);
  {
    Poco::PipeOutputStream in_stream(in);
    in_stream << input;
  }
  in.close(Poco::Pipe::CLOSE_WRITE);
  Poco::PipeInputStream out_stream(out), err_stream(err);
  Run r;
  Poco::StreamCopier::copyToString(out_stream, r.out);
  Poco::StreamCopier::copyToString(err_stream, r.err);
  r.code = ph.wait();
  return r;
}

}  // namespace

TEST_CASE("import, search and reindex from the command line, started from another folder") {
  TempDir cwd;
  const std::string samples = std::string(BESLUT_SOURCE_DIR) + "/content/samples";
  auto imported = runBeslut({"import", "--data", "d", samples}, cwd.path());
  INFO(imported.out, imported.err);
  REQUIRE(imported.code == 0);
  CHECK(imported.out.find("Imported 4, skipped 0 (already present), failed 0 of 4") != std::string::npos);

  auto again = runBeslut({"import", "--data", "d", samples}, cwd.path());
  CHECK(again.code == 0);
  CHECK(again.out.find("Imported 0, skipped 4") != std::string::npos);

  auto found = runBeslut({"search", "--data", "d", "Guldsmedshyttan"}, cwd.path());
  INFO(found.out, found.err);
  REQUIRE(found.code == 0);
  CHECK(found.out.rfind("1 hit\n", 0) == 0);
  CHECK(found.out.find("Svar på ledamotsinitiativ") != std::string::npos);

  auto json = runBeslut({"search", "--data", "d", "--json", "Komtek"}, cwd.path());
  CHECK(json.code == 0);
  CHECK(json.out.find("\"item_number\":\"5\"") != std::string::npos);

  auto reindexed = runBeslut({"reindex", "--data", "d"}, cwd.path());
  INFO(reindexed.out, reindexed.err);
  CHECK(reindexed.code == 0);
  CHECK(reindexed.out.find("Reindexed 4 documents") != std::string::npos);
  CHECK(runBeslut({"search", "--data", "d", "Guldsmedshyttan"}, cwd.path()).out.rfind("1 hit\n", 0) == 0);

  // Re-extraction is core's use case, from the CLI too: every document's is in the audit log.
  auto reextracted = runBeslut({"reextract", "--data", "d"}, cwd.path());
  INFO(reextracted.out, reextracted.err);
  CHECK(reextracted.code == 0);
  CHECK(reextracted.out.find("Re-extracted 4 of 4 documents.") != std::string::npos);
  auto accounts = beslut::openSqliteAccounts(cwd.file("d/beslut.db"));
  REQUIRE(accounts.ok());
  auto log = accounts.value()->auditLog(10, "document");
  REQUIRE(log.ok());
  REQUIRE(log->size() == 8);  // newest first: four re-extractions, then the four imports
  for (std::size_t i = 0; i < log->size(); ++i) {
    CHECK(log->at(i).action == (i < 4 ? "document.reextract" : "document.import"));
    CHECK(log->at(i).actor.rfind("cli:", 0) == 0);
  }
}

namespace {

void execSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO(sql, (error != nullptr ? error : ""));
  CHECK(rc == SQLITE_OK);
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("beslut audit verify finds a changed, removed or reordered row of the hash-chained log") {
  TempDir cwd;
  const std::string samples = std::string(BESLUT_SOURCE_DIR) + "/content/samples";
  REQUIRE(runBeslut({"import", "--data", "d", samples}, cwd.path()).code == 0);
  REQUIRE(runBeslut({"reextract", "--data", "d"}, cwd.path()).code == 0);
  const std::string db = cwd.file("d/beslut.db");
  auto backup = beslut::testing::readFile(db);
  auto intact = runBeslut({"audit", "verify", "--data", "d"}, cwd.path());
  INFO(intact.out, intact.err);
  CHECK(intact.code == 0);
  CHECK(intact.out.find("Granskningsloggen är hel: 8 rader.") != std::string::npos);
  auto listed = runBeslut({"audit", "list", "--data", "d", "--json", "--limit", "3"}, cwd.path());
  CHECK(listed.code == 0);
  CHECK(listed.out.find("\"action\":\"document.reextract\"") != std::string::npos);

  const std::vector<std::pair<std::string, std::string>> tampering = {
      {"UPDATE audit_log SET after = 'ingenting' WHERE id = 2", "Rad 2 har ändrats"},
      {"DELETE FROM audit_log WHERE id = 3", "före rad 4"},
      {"UPDATE audit_log SET id = 100 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 5; "
       "UPDATE audit_log SET id = 5 WHERE id = 100",
       "rad 2"},
      {"DELETE FROM audit_log WHERE id = 8", "sista rader"},
  };
  for (const auto& change : tampering) {
    const std::string& sql = change.first;
    const std::string& found = change.second;
    beslut::testing::writeFile(db, backup);
    execSql(db, sql);
    auto verified = runBeslut({"audit", "verify", "--data", "d"}, cwd.path());
    INFO(sql, verified.out, verified.err);
    CHECK(verified.code == 1);
    CHECK(verified.out.find(found) != std::string::npos);
  }
}

TEST_CASE("the command line reports what failed and why") {
  TempDir cwd;
  beslut::testing::writeFile(cwd.file("trasig.txt"), std::string("ogiltig \xff text"));
  beslut::testing::writeFile(cwd.file("tom.txt"), "");
  auto r = runBeslut({"import", "--data", "d", "trasig.txt", "tom.txt", "saknas.txt"}, cwd.path());
  CHECK(r.code == 2);
  CHECK(r.out.find("failed 3 of 3") != std::string::npos);
  CHECK(r.out.find("trasig.txt: ") != std::string::npos);
  CHECK(r.out.find("Filen är tom.") != std::string::npos);
  CHECK(r.out.find("saknas.txt: no such file") != std::string::npos);

  CHECK(runBeslut({"frobnicate"}, cwd.path()).code == 1);
  CHECK(runBeslut({"search", "--data", "d", "--limit", "x", "a"}, cwd.path()).code == 1);
  auto plugins = runBeslut({"plugins"}, cwd.path());
  CHECK(plugins.code == 0);
  CHECK(plugins.out.find("minutes\tdocument") != std::string::npos);
}

TEST_CASE("extract prints the structured document as JSON") {
  TempDir cwd;
  auto r = runBeslut(
      {"extract", std::string(BESLUT_SOURCE_DIR) + "/content/samples/protokoll-ssr-skola-utbildning-2018-09-28.txt"},
      cwd.path());
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\"kind\":\"minutes\"") != std::string::npos);
  CHECK(r.out.find("\"date\":\"2018-09-28\"") != std::string::npos);
}

TEST_CASE("extract: Word's Symbol-font bullets (U+F0B7) reach no reader as a private-use box") {
  TempDir cwd;
  std::string file = cwd.path() + "/handlingsplan.txt";
  {
    std::ofstream out(file, std::ios::binary);
    out << "Handlingsplan för kompetensförsörjning 2024\n\n1 Insatser\n\n\xEF\x82\xB7 Fler praktikplatser\n"
           "\xEF\x82\xA7 Yrkesvux i hela länet\n";
  }
  auto r = runBeslut({"extract", "--json", file}, cwd.path());
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\xEF\x82") == std::string::npos);
  CHECK(r.out.find("\xE2\x80\xA2 Fler praktikplatser") != std::string::npos);
}

TEST_CASE("users and API tokens from the command line; the password comes on standard input") {
  TempDir cwd;
  auto added = runBeslut({"user", "add", "--data", "d", "Sara Sekreterare", "--role", "secretary", "--organization",
                          "Regional tillväxtnämnd"},
                         cwd.path(), "ett långt lösenord\n");
  INFO(added.out, added.err);
  REQUIRE(added.code == 0);
  CHECK(added.out.find("Added Sara Sekreterare (secretary in Regional tillväxtnämnd)") != std::string::npos);
  // Taken names, short passwords, unknown roles and missing bodies are refused.
  CHECK(runBeslut({"user", "add", "--data", "d", "Sara Sekreterare", "--role", "reader", "--organization", "X"},
                  cwd.path(), "ett långt lösenord\n")
            .code != 0);
  auto short_pw = runBeslut({"user", "add", "--data", "d", "Kalle", "--role", "administrator"}, cwd.path(), "kort\n");
  CHECK(short_pw.code != 0);
  CHECK(short_pw.err.find("minst 10 tecken") != std::string::npos);
  CHECK(runBeslut({"user", "add", "--data", "d", "Kalle", "--role", "chef"}, cwd.path(), "ett långt lösenord\n").code !=
        0);
  CHECK(
      runBeslut({"user", "add", "--data", "d", "Kalle", "--role", "reader"}, cwd.path(), "ett långt lösenord\n").code !=
      0);

  CHECK(runBeslut({"user", "grant", "--data", "d", "Sara Sekreterare", "--role", "reader", "--organization",
                   "Regionstyrelsen"},
                  cwd.path())
            .code == 0);
  CHECK(runBeslut({"user", "grant", "--data", "d", "Ingen", "--role", "reader", "--organization", "X"}, cwd.path())
            .code != 0);
  auto list = runBeslut({"user", "list", "--data", "d"}, cwd.path());
  CHECK(list.out == "Sara Sekreterare\treader in Regionstyrelsen, secretary in Regional tillväxtnämnd\n");

  auto token = runBeslut({"token", "create", "--data", "d", "Sara Sekreterare"}, cwd.path());
  REQUIRE(token.code == 0);
  CHECK(token.out.size() == 44);  // 43 characters and a newline, nothing else on standard output
  CHECK(runBeslut({"token", "create", "--data", "d", "Ingen"}, cwd.path()).code != 0);

  CHECK(
      runBeslut({"user", "passwd", "--data", "d", "Sara Sekreterare"}, cwd.path(), "ett annat långt lösenord\n").code ==
      0);
  CHECK(runBeslut({"user", "passwd", "--data", "d", "Ingen"}, cwd.path(), "ett annat långt lösenord\n").code != 0);

  // The CLI's changes are in the audit log as the admin page's are (core's UserAdmin): the user's id, never the hash.
  auto accounts = beslut::openSqliteAccounts(cwd.file("d/beslut.db"));
  REQUIRE(accounts.ok());
  auto sara = accounts.value()->userByName("Sara Sekreterare");
  REQUIRE(sara.ok());
  auto log = accounts.value()->auditLog(20, "user");
  REQUIRE(log.ok());
  std::vector<std::string> actions;
  for (const auto& e : log.value()) {
    if (e.action.rfind("user.", 0) != 0) continue;
    actions.push_back(e.action);
    CHECK(e.entity_id == sara->id);
    CHECK(e.actor.rfind("cli:", 0) == 0);
    CHECK(e.after.find("$argon2") == std::string::npos);
  }
  CHECK(actions == std::vector<std::string>{"user.passwd", "user.grant", "user.add"});  // newest first
}
