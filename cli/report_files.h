// Writing a command's --out directory: each file given by its path inside the directory.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "api/run_report.h"
#include "util/expected.h"

namespace dnne::cli {

// OutputFiles (api/run_report.h): (relative path, contents) pairs.
// Checked before a search starts (a long explore must not end in "cannot write"): `dir` is
// a writable directory, or can be created in the nearest existing (writable) ancestor.
Expected<bool> check_output_dir(const std::string& dir);

// Creates DIR and the subdirectories the paths name, and returns written_line(dir, files).
Expected<std::string> write_output_files(const std::string& dir, const OutputFiles& files);

// "wrote 4 files to out/: design.json, report.json, layers.csv, report.html" (a subdirectory's
// files counted: "pareto/ (6 files)"), for stderr: --out says what it wrote and where.
std::string written_line(const std::string& dir, const OutputFiles& files);

}  // namespace dnne::cli
