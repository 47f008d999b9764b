#include "cli/cli.h"

int main(int argc, char** argv) { return beslut::server::runCli(argc, argv); }
