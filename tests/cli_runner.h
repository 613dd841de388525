// Runs the built dnnexplorer binary for end-to-end tests and captures what it printed.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace dnne {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

// `args` are appended to the binary's path and run by /bin/sh, so tests can quote paths.
inline CliResult run_cli(const std::string& args) {
  char err_path[] = "/tmp/dnne_cli_err_XXXXXX";
  const int fd = mkstemp(err_path);
  if (fd >= 0) close(fd);
  const std::string command = std::string(DNNE_CLI_PATH) + " " + args + " 2>" + err_path;
  CliResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream err_file(err_path);
  std::stringstream err;
  err << err_file.rdbuf();
  result.err = err.str();
  std::remove(err_path);
  return result;
}

}  // namespace dnne
