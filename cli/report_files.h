// Writing a command's --out directory: each file given by its path inside the directory.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/expected.h"

namespace dnne::cli {

// (relative path, contents) pairs; creates DIR and the subdirectories the paths name, and
// returns written_line(dir, files).
using OutputFiles = std::vector<std::pair<std::string, std::string>>;
Expected<std::string> write_output_files(const std::string& dir, const OutputFiles& files);

// "wrote 4 files to out/: design.json, report.json, layers.csv, report.html" (a subdirectory's
// files counted: "pareto/ (6 files)"), for stderr: --out says what it wrote and where.
std::string written_line(const std::string& dir, const OutputFiles& files);

}  // namespace dnne::cli
