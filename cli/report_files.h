// Writing a command's --out directory: each file given by its path inside the directory.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/expected.h"

namespace dnne::cli {

// (relative path, contents) pairs; creates DIR and the subdirectories the paths name.
using OutputFiles = std::vector<std::pair<std::string, std::string>>;
Expected<bool> write_output_files(const std::string& dir, const OutputFiles& files);

}  // namespace dnne::cli
