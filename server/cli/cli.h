// The `beslut` command line: serve, import, search, reindex, extract, plugins.
#pragma once

namespace beslut::server {

// Runs the command line; returns the process exit code.
int runCli(int argc, char** argv);

}  // namespace beslut::server
