#include "cli/report_files.h"

#include <filesystem>
#include <fstream>

namespace dnne::cli {

Expected<bool> write_output_files(const std::string& dir, const OutputFiles& files) {
  namespace fs = std::filesystem;
  for (const auto& [name, text] : files) {
    const fs::path path = fs::path(dir) / name;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return Error{"--out '" + dir + "': cannot create the directory '" +
                   path.parent_path().string() + "': " + ec.message()};
    std::ofstream file(path);
    file << text;
    if (!file) return Error{"--out: cannot write '" + path.string() + "'"};
  }
  return true;
}

}  // namespace dnne::cli
