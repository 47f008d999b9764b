#include "cli/cli.h"

#include <Poco/JSON/Object.h>
#include <Poco/Util/ServerApplication.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "beslut/document_json.h"
#include "beslut/extraction_json.h"
#include "beslut/plugin_loader.h"
#include "beslut/user_admin.h"
#include "beslut/audit.h"
#include "http/http_server.h"
#include "api/json_output.h"
#include "runtime.h"

namespace beslut::server {
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = R"(Usage: beslut COMMAND [OPTIONS]

Commands:
  serve   [--port N] [--data DIR] [--config FILE]   serve HTTP on 127.0.0.1 (default port 8080)
  import  [--data DIR] [--config FILE] PATH...       import files or folders (recursively)
  search  [--data DIR] [--limit N] [--offset N] [--json] QUERY...
  reindex [--data DIR] [--config FILE]              rebuild the search index from the store
  reextract [--data DIR] [--config FILE] [ID...]    read stored originals again with the current
                                                     plugins (all documents when no id is given);
                                                     corrections still apply
  extract [--json] FILE                              print what the plugins read from FILE, as JSON in
                                                     the key names of the gold files (--json: the
                                                     API's full document form, with evidence)
  plugins                                            list the loaded plugins
  user add [--data DIR] NAME --role ROLE [--organization ORG]
                                                     add a user; the password is read from standard
                                                     input (ROLE: reader, secretary or administrator;
                                                     ORG, the body, is needed for reader and secretary)
  user passwd [--data DIR] NAME                      set a new password, read from standard input;
                                                     ends the user's sessions
  user grant [--data DIR] NAME --role ROLE [--organization ORG]
                                                     give a user one more role
  user list [--data DIR]                             the users and their roles
  token create [--data DIR] [--label TEXT] NAME      print a new API token for the user (send it as
                                                     "Authorization: Bearer TOKEN"); shown only once
  check [--data DIR] [--config FILE]                 SQLite's integrity check of the store and
                                                     Lucene++'s CheckIndex of the search index: exit 0
                                                     when both are clean, 1 otherwise (`serve` rebuilds
                                                     a damaged index from the store by itself)
  audit verify [--data DIR] [--json]                 check the hash-chained audit log: exit 0 when
                                                     intact, 1 with the first changed, removed or
                                                     reordered row
  audit list [--data DIR] [--limit N] [--json]       the newest entries of the audit log
  help                                               this text

Defaults come from etc/beslut.properties next to the installation; --config
adds a properties file on top, and options override both.
)";

struct Args {
  std::map<std::string, std::string> overrides;  // configuration keys
  std::string config_file;
  std::vector<std::string> positional;
  std::size_t limit = 10, offset = 0;
  bool json = false;
  std::string role, organization, label;
  std::string error;
};

Args parseArgs(int argc, char** argv, int first) {
  Args a;
  auto value = [&](int& i, const std::string& name) -> std::string {
    if (i + 1 >= argc) {
      a.error = "option " + name + " needs a value";
      return {};
    }
    return argv[++i];
  };
  for (int i = first; i < argc && a.error.empty(); ++i) {
    std::string arg = argv[i];
    if (arg == "--data") a.overrides["beslut.data.dir"] = value(i, arg);
    else if (arg == "--port") a.overrides["beslut.http.port"] = value(i, arg);
    else if (arg == "--config") a.config_file = value(i, arg);
    else if (arg == "--json") a.json = true;
    else if (arg == "--role") a.role = value(i, arg);
    else if (arg == "--organization") a.organization = value(i, arg);
    else if (arg == "--label") a.label = value(i, arg);
    else if (arg == "--limit" || arg == "--offset") {
      std::string v = value(i, arg);
      try {
        (arg == "--limit" ? a.limit : a.offset) = std::stoul(v);
      } catch (const std::exception&) {
        a.error = arg + " needs a number";
      }
    } else if (arg.rfind("--", 0) == 0 && arg.size() > 2) a.error = "unknown option " + arg;
    else a.positional.push_back(arg);
  }
  return a;
}

int fail(const std::string& message) {
  std::cerr << "beslut: " << message << "\n";
  return 1;
}

std::string mediaTypeFor(const fs::path& p) { return mediaTypeForFilename(p.filename().string()); }

// Regular files under the paths, hidden ones left out, in a stable order.
std::vector<fs::path> collectFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.emplace_back(p);
    } else {
      missing.push_back(p);
    }
  }
  return files;
}

bool readFile(const fs::path& path, std::size_t max, std::string& out, std::string& error) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    error = ec.message();
    return false;
  }
  if (size > max) {
    error = "larger than the limit of " + std::to_string(max) + " bytes";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    error = "cannot read the file";
    return false;
  }
  return true;
}

Principal cliPrincipal();

int importCommand(const Args& args) {
  if (args.positional.empty()) return fail("import needs at least one file or folder");
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return fail(settings.status().message());
  auto rt = Runtime::open(settings.value(), IndexMode::kWritableIfFree);
  if (!rt.ok()) return fail(rt.status().message());
  Runtime& runtime = *rt.value();

  std::vector<std::string> missing;
  auto files = collectFiles(args.positional, missing);
  std::size_t imported = 0, skipped = 0, failed = 0;
  std::vector<std::string> failures, skips;
  for (const auto& m : missing) {
    ++failed;
    failures.push_back(m + ": no such file or folder");
  }
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  auto started = std::chrono::steady_clock::now();
  auto last_progress = started;
  // Files are stored in batches, one transaction (one disk sync) each; a batch
  // ends at kBatchFiles files or kBatchBytes of originals, whichever comes first.
  constexpr std::size_t kBatchFiles = 256;
  constexpr std::size_t kBatchBytes = 64u << 20;
  std::vector<std::string> contents;
  std::vector<std::size_t> which;  // contents[k] is files[which[k]]
  const std::string operator_name = cliPrincipal().name;
  auto flush = [&](std::size_t done) {
    std::vector<ImportRequest> requests;
    requests.reserve(contents.size());
    for (std::size_t k = 0; k < contents.size(); ++k) {
      const fs::path& path = files[which[k]];
      ImportRequest request{contents[k], path.filename().string(), mediaTypeFor(path)};
      request.audit = AuditEntry{0,
                                 "",
                                 operator_name,
                                 "document.import",
                                 "document",
                                 0,
                                 "",
                                 request.filename + " (" + std::to_string(contents[k].size()) +
                                     " byte, beslut import)"};
      requests.push_back(std::move(request));
    }
    auto reports = runtime.ingest().importFiles(requests);
    for (std::size_t k = 0; k < reports.size(); ++k) {
      const fs::path& path = files[which[k]];
      if (!reports[k].ok()) {
        ++failed;
        failures.push_back(path.string() + ": " + reports[k].status().message());
      } else if (reports[k]->created) {
        ++imported;
      } else {
        ++skipped;
        skips.push_back(path.string() + ": already imported as document " + std::to_string(reports[k]->id));
      }
    }
    contents.clear();
    which.clear();
    auto now = std::chrono::steady_clock::now();
    if (files.size() > 20 &&
        (now - last_progress > std::chrono::milliseconds(tty ? 200 : 5000) || done == files.size())) {
      last_progress = now;
      std::cerr << (tty ? "\r" : "") << "[" << done << "/" << files.size() << "] imported " << imported << ", skipped "
                << skipped << ", failed " << failed << (tty ? "   " : "\n") << std::flush;
    }
  };
  std::size_t batch_bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string bytes, error;
    if (!readFile(files[i], settings->max_upload_bytes, bytes, error)) {
      ++failed;
      failures.push_back(files[i].string() + ": " + error);
    } else {
      batch_bytes += bytes.size();
      contents.push_back(std::move(bytes));
      which.push_back(i);
    }
    if (contents.size() >= kBatchFiles || batch_bytes >= kBatchBytes || i + 1 == files.size()) {
      flush(i + 1);
      batch_bytes = 0;
    }
  }
  if (tty && files.size() > 20) std::cerr << "\n";
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::string index_note;
  if (runtime.index() != nullptr && runtime.indexWritable()) {
    auto applied = runtime.index()->catchUp(runtime.store());
    index_note = applied.ok() ? "search index up to date" : "indexing failed: " + applied.status().message();
  } else {
    index_note = "the search index is held by a running server, which indexes the new documents itself";
  }
  std::cout << "Imported " << imported << ", skipped " << skipped << " (already present), failed " << failed << " of "
            << (files.size() + missing.size()) << " in " << std::fixed;
  std::cout.precision(1);
  std::cout << seconds << " s; " << index_note << ".\n";
  for (const auto& s : skips) std::cout << "  skipped " << s << "\n";
  for (const auto& f : failures) std::cout << "  failed  " << f << "\n";
  return failed == 0 ? 0 : 2;
}

std::string stripTags(const std::string& html) {
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true;
    else if (c == '>') tag = false;
    else if (!tag) out += c;
  }
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t pos; (pos = out.find(from)) != std::string::npos;) out.replace(pos, std::strlen(from), to);
  }
  return out;
}

int searchCommand(const Args& args) {
  if (args.positional.empty()) return fail("search needs a query");
  std::string query;
  for (const auto& p : args.positional) query += (query.empty() ? "" : " ") + p;
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return fail(settings.status().message());
  auto rt = Runtime::open(settings.value(), IndexMode::kReadOnly);
  if (!rt.ok()) return fail(rt.status().message());
  auto results = rt.value()->index()->search(rt.value()->store(), {query, args.limit, args.offset});
  if (!results.ok()) return fail(results.status().message());
  if (args.json) {
    std::cout << toJsonString(searchResultsToJson(results.value())) << "\n";
    return 0;
  }
  std::cout << results->total << (results->total == 1 ? " hit\n" : " hits\n");
  for (const auto& h : results->hits) {
    const auto& d = h.passage.document;
    std::cout << "\n[" << d.id << "] " << d.title << " (" << documentKindName(d.kind)
              << (d.date.empty() ? "" : ", " + d.date) << ")\n  § " << h.passage.item.number << " "
              << h.passage.item.title << "\n  " << stripTags(h.snippet) << "\n";
  }
  return 0;
}

int reindexCommand(const Args& args) {
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return fail(settings.status().message());
  auto rt = Runtime::open(settings.value(), IndexMode::kWritable);
  if (!rt.ok()) return fail(rt.status().message());
  auto started = std::chrono::steady_clock::now();
  Status st = rt.value()->index()->rebuild(rt.value()->store());
  if (!st.ok()) return fail(st.message());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto count = rt.value()->store().documentCount();
  std::cout << "Reindexed " << (count.ok() ? count.value() : 0) << " documents (" << rt.value()->index()->passageCount()
            << " passages) in " << seconds << " s.\n";
  return 0;
}

// Whoever runs the CLI on the server's machine acts as an administrator, recorded as "cli:USER".
Principal cliPrincipal() {
  const char* user = std::getenv("USER");
  return consoleOperator(user != nullptr ? user : "");
}

int reextractCommand(const Args& args) {
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return fail(settings.status().message());
  auto rt = Runtime::open(settings.value(), IndexMode::kWritableIfFree);
  if (!rt.ok()) return fail(rt.status().message());
  Runtime& runtime = *rt.value();
  std::vector<Id> ids;
  for (const auto& p : args.positional) {
    try {
      ids.push_back(std::stoll(p));
    } catch (const std::exception&) {
      return fail("not a document id: " + p);
    }
  }
  if (ids.empty()) {
    auto all = runtime.store().documentIds();
    if (!all.ok()) return fail(all.status().message());
    ids = all.value();
  }
  std::size_t failed = 0;
  Editing editing = runtime.editing();  // each document's change is in the audit log, by cli:USER
  const Principal console = cliPrincipal();
  for (Id id : ids) {
    Status st = editing.reextract(console, id);
    if (!st.ok()) {
      ++failed;
      std::cout << "  failed  " << id << ": " << st.message() << "\n";
    }
  }
  if (runtime.index() != nullptr && runtime.indexWritable()) (void)runtime.index()->catchUp(runtime.store());
  std::cout << "Re-extracted " << (ids.size() - failed) << " of " << ids.size() << " documents.\n";
  return failed == 0 ? 0 : 2;
}

Result<std::unique_ptr<PluginHost>> loadPlugins(const Args& args) {
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return settings.status();
  auto host = std::make_unique<PluginHost>();
  Status st = host->loadDirectory(settings->plugin_dir, settings->enabled_plugins);
  if (!st.ok()) return st;
  return host;
}

int extractCommand(const Args& args) {
  if (args.positional.size() != 1) return fail("extract needs exactly one file");
  auto host = loadPlugins(args);
  if (!host.ok()) return fail(host.status().message());
  fs::path path(args.positional.front());
  std::string bytes, error;
  if (!readFile(path, IngestLimits().max_bytes, bytes, error)) return fail(path.string() + ": " + error);
  auto doc = extractDocument(host.value()->registry(), {bytes, path.filename().string(), mediaTypeFor(path)});
  if (!doc.ok()) return fail(path.string() + ": " + doc.status().message());
  std::cout << toJsonString(args.json ? documentToJson(doc.value(), {.review = true}) : extractionToJson(doc.value()))
            << "\n";
  return 0;
}

int pluginsCommand(const Args& args) {
  auto host = loadPlugins(args);
  if (!host.ok()) return fail(host.status().message());
  const auto& registry = host.value()->registry();
  for (const auto& name : registry.names()) {
    auto p = registry.find(name);
    std::cout << name << "\t" << pluginKindName(p->kind()) << "\t" << p->description() << "\n";
  }
  return 0;
}

// The accounts of a data folder, without plugins or index: the folder and the
// database are created when missing, so that the first user can be added first.
struct AccountsHandle {
  std::unique_ptr<Store> store;
  std::unique_ptr<AccountStore> accounts;
};

Result<AccountsHandle> openAccounts(const Args& args) {
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return settings.status();
  std::error_code ec;
  fs::create_directories(settings->data_dir, ec);
  if (ec) return Status::ioError("cannot create the data folder " + settings->data_dir + ": " + ec.message());
  AccountsHandle h;
  auto store = openSqliteStore({settings->databasePath(), 2});
  if (!store.ok()) return store.status();
  h.store = std::move(store).value();
  auto accounts = openSqliteAccounts(settings->databasePath());
  if (!accounts.ok()) return accounts.status();
  h.accounts = std::move(accounts).value();
  return h;
}

// The password from standard input: typed at a terminal (not echoed), or the
// first line of a pipe.
std::string readPassword() {
  const bool tty = ::isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    std::cerr << "Lösenord: " << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

// Who ran the command, for the audit log.

Result<Grant> grantFrom(const Args& args) {
  auto role = parseRole(args.role);
  if (!role) return Status::invalidArgument("--role must be reader, secretary or administrator");
  return checkedGrant(*role, args.organization);
}

std::string describe(const Grant& g) {
  return std::string(roleName(g.role)) + (g.organization.empty() ? "" : " in " + g.organization);
}

int userCommand(const Args& args) {
  if (args.positional.empty()) return fail("user needs a subcommand: add, passwd, grant or list");
  const std::string sub = args.positional[0];
  if (sub == "list") {
    auto h = openAccounts(args);
    if (!h.ok()) return fail(h.status().message());
    auto users = h->accounts->users();
    if (!users.ok()) return fail(users.status().message());
    for (const auto& u : users.value()) {
      std::string roles;
      for (const auto& g : u.grants) roles += (roles.empty() ? "" : ", ") + describe(g);
      std::cout << u.name << "\t" << roles << "\n";
    }
    return 0;
  }
  if (args.positional.size() != 2) return fail("user " + sub + " needs exactly one NAME");
  const std::string name = args.positional[1];
  if (sub != "add" && sub != "grant" && sub != "passwd") {
    return fail("unknown user subcommand '" + sub + "': add, passwd, grant or list");
  }
  Grant grant;
  if (sub != "passwd") {
    auto g = grantFrom(args);
    if (!g.ok()) return fail(g.status().message());
    grant = g.value();
  }
  auto h = openAccounts(args);
  if (!h.ok()) return fail(h.status().message());
  UserAdmin admin(*h->accounts);
  const Principal console = cliPrincipal();
  if (sub == "grant") {
    Status st = admin.grant(console, name, grant);
    if (!st.ok()) return fail(st.message());
    std::cout << "Granted " << describe(grant) << " to " << name << ".\n";
    return 0;
  }
  if (sub == "add") {
    if (Status st = checkUserName(name); !st.ok()) return fail(st.message());  // before asking for a password
    auto id = admin.addUser(console, name, readPassword(), grant);
    if (!id.ok()) return fail(id.status().message());
    std::cout << "Added " << name << " (" << describe(grant) << ").\n";
    return 0;
  }
  if (auto user = h->accounts->userByName(name); !user.ok()) return fail(user.status().message());
  Status st = admin.setPassword(console, name, readPassword());
  if (!st.ok()) return fail(st.message());
  std::cout << "Changed the password of " << name << "; their sessions have ended.\n";
  return 0;
}


int tokenCommand(const Args& args) {
  if (args.positional.size() != 2 || args.positional[0] != "create") return fail("usage: beslut token create NAME");
  auto h = openAccounts(args);
  if (!h.ok()) return fail(h.status().message());
  Authenticator auth(*h->accounts);
  auto token = auth.createToken(args.positional[1], args.label.empty() ? "cli" : args.label);
  if (!token.ok()) return fail(token.status().message());
  auto user = h->accounts->userByName(args.positional[1]);
  (void)h->accounts->audit({0, "", cliPrincipal().name, "token.create", "user", user.ok() ? user->id : 0, "",
                            args.label.empty() ? "cli" : args.label});
  std::cout << token.value() << "\n";
  return 0;
}

// `beslut check`: the store's integrity and the index's CheckIndex, read-only.
int checkCommand(const Args& args) {
  auto settings = loadSettings(args.config_file, args.overrides);
  if (!settings.ok()) return fail(settings.status().message());
  auto store = openSqliteStore({settings->databasePath(), 2});
  if (!store.ok()) return fail(store.status().message());
  Status db = store.value()->checkIntegrity();
  std::cout << "Databasen: " << (db.ok() ? std::string("hel") : db.message()) << "\n";
  Status index = checkSearchIndex(settings->indexDir());
  std::cout << "Sökindexet: " << (index.ok() ? std::string("helt") : index.message()) << "\n";
  return db.ok() && index.ok() ? 0 : 1;
}

// `beslut audit verify|list`.
int auditCommand(const Args& args) {
  const std::string sub = args.positional.empty() ? "" : args.positional[0];
  if (args.positional.size() != 1 || (sub != "verify" && sub != "list")) {
    return fail("usage: beslut audit verify|list [--data DIR] [--limit N] [--json]");
  }
  auto h = openAccounts(args);
  if (!h.ok()) return fail(h.status().message());
  if (sub == "list") {
    auto entries = h->accounts->auditLog(args.limit);
    if (!entries.ok()) return fail(entries.status().message());
    for (const auto& e : entries.value()) {
      if (args.json) {
        Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
        o.set("id", e.id);
        o.set("at", e.at);
        o.set("actor", e.actor);
        o.set("action", e.action);
        o.set("entity", e.entity);
        o.set("entity_id", e.entity_id);
        o.set("before", e.before);
        o.set("after", e.after);
        o.stringify(std::cout);
        std::cout << "\n";
      } else {
        std::cout << e.id << "\t" << e.at << "\t" << e.actor << "\t" << e.action << "\t" << e.entity << " "
                  << e.entity_id << "\t" << e.after << "\n";
      }
    }
    return 0;
  }
  auto v = h->accounts->verifyAudit();
  if (!v.ok()) return fail(v.status().message());
  if (args.json) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("intact", v->intact);
    o.set("rows", v->rows);
    o.set("first_bad_id", v->first_bad_id);
    o.set("problem", v->problem);
    o.stringify(std::cout);
    std::cout << "\n";
  } else if (v->intact) {
    std::cout << "Granskningsloggen är hel: " << v->rows << " rader.\n";
  } else {
    std::cout << "Granskningsloggen har ändrats: " << v->problem << "\n";
  }
  return v->intact ? 0 : 1;
}

// `beslut serve`: a Poco ServerApplication (signals, --daemon, logging).
class ServeApp : public Poco::Util::ServerApplication {
 public:
  explicit ServeApp(Args args) : args_(std::move(args)) {}

 protected:
  int main(const std::vector<std::string>&) override {
    auto settings = loadSettings(args_.config_file, args_.overrides);
    if (!settings.ok()) return fail(settings.status().message());
    auto rt = Runtime::open(settings.value(), IndexMode::kWritable);
    if (!rt.ok()) return fail(rt.status().message());
    HttpServer server(*rt.value());
    Status st = server.start();
    if (!st.ok()) return fail(st.message());
    std::cout << "Beslut serves http://" << settings->host << ":" << server.port() << "/ (data: " << settings->data_dir
              << "). Stop with Ctrl-C." << std::endl;
    waitForTerminationRequest();
    std::cout << "Stopping." << std::endl;
    server.stop();
    return EXIT_OK;
  }

 private:
  Args args_;
};

}  // namespace

int runCli(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 1;
  }
  const std::string command = argv[1];
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  Args args = parseArgs(argc, argv, 2);
  if (!args.error.empty()) return fail(args.error + "\n\n" + kUsage);
  if (command == "serve") {
    ServeApp app(args);
    char* app_argv[] = {argv[0], nullptr};  // options are ours, already parsed
    return app.run(1, app_argv);
  }
  if (command == "import") return importCommand(args);
  if (command == "search") return searchCommand(args);
  if (command == "reindex") return reindexCommand(args);
  if (command == "reextract") return reextractCommand(args);
  if (command == "extract") return extractCommand(args);
  if (command == "plugins") return pluginsCommand(args);
  if (command == "user") return userCommand(args);
  if (command == "token") return tokenCommand(args);
  if (command == "audit") return auditCommand(args);
  if (command == "check") return checkCommand(args);
  return fail("unknown command '" + command + "'\n\n" + kUsage);
}

}  // namespace beslut::server
